"""A 429 or 503 with Retry-After: the whole host waits as asked, other hosts do not; a wait past
NEWSBOT_MAX_RETRY_AFTER defers the host's remaining pages to the next run."""

from __future__ import annotations

import time
from contextlib import contextmanager
from email.utils import formatdate
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

from tests.integration.conftest import crawl
from tests.integration.holdback_site import (
    SITE_KEY,
    article,
    busy,
    declaration,
    declare_other_site,
    failed_fetches,
    serve_site,
    story,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from tests.integration.conftest import CrawlResult
    from tests.integration.holdback_site import RequestLog, Route

pytestmark = pytest.mark.integration

BUSY = story("busy-story")
CALM = [story(f"calm-story-{n}") for n in range(3)]
OTHER = [story(f"other-story-{n}") for n in range(2)]


@contextmanager
def two_hosts(busy_route: Route) -> Iterator[tuple[str, RequestLog, str, RequestLog]]:
    """127.0.0.1 with a busy page among calm ones, and localhost (another download slot,
    whose section page comes late enough for its articles to fall in the busy host's wait)."""
    # Listed last, the busy page is requested first (Scrapy's queue is last in, first out).
    pages = {path: article(path[12:-1]) for path in CALM} | {BUSY: busy_route}
    others = {path: article(path[12:-1]) for path in OTHER}
    with (
        serve_site(pages) as (base, log),
        serve_site(others, section_delay=0.3) as (other_base, other_log),
    ):
        yield base, log, other_base.replace("127.0.0.1", "localhost"), other_log


def crawl_two_hosts(
    tmp_path: Path, busy_route: Route, settings: dict[str, Any]
) -> tuple[CrawlResult, RequestLog, RequestLog]:
    with two_hosts(busy_route) as (base, log, other_base, other_log):
        result = crawl(
            tmp_path,
            declaration=declaration(base),
            args=declare_other_site(tmp_path, other_base, "localhost"),
            # Requests to a host spaced as a live crawl spaces them (without a delay, Scrapy
            # sends a host's whole queue at once): the server sees when each was sent.
            settings={"DOWNLOAD_DELAY": 0.2, **settings},
        )
    return result, log, other_log


def in_seconds(seconds: float) -> Callable[[], str]:
    return lambda: formatdate(time.time() + seconds, usegmt=True)


@pytest.mark.parametrize(
    ("status", "retry_after", "least_wait"),
    [
        (429, lambda: "2", 2.0),
        (503, in_seconds(3), 2.0),  # an HTTP-date has whole seconds: 2 to 3 s from now
    ],
    ids=["429-seconds", "503-http-date"],
)
def test_the_host_waits_as_asked_and_other_hosts_do_not(
    tmp_path: Path, status: int, retry_after: Callable[[], str], least_wait: float
) -> None:
    busy_route = busy(status, retry_after, then=article("busy-story"))
    result, log, other_log = crawl_two_hosts(tmp_path, busy_route, {})
    assert len(result.items) == 1 + len(CALM) + len(OTHER)  # the busy page too, once retried
    (asked, _retried) = log.times(BUSY)
    later = [at for at, _ in log.hits if at > asked]
    assert later  # the retry, at least
    # Nothing reached the busy host inside its window (clock granularity aside) ...
    assert min(later) >= asked + least_wait * 0.95
    # ... while the other host was being crawled meanwhile.
    assert any(asked < at < asked + least_wait * 0.95 for at, _ in other_log.hits)
    assert result.stats["newsbot/fetch/retry_after"] == 1
    assert failed_fetches(result.stats) == {}
    assert result.log.count("127.0.0.1 asks to wait") == 1


def test_a_wait_past_the_cap_defers_the_host_to_the_next_run(tmp_path: Path) -> None:
    settings = {"NEWSBOT_MAX_RETRY_AFTER": 1}
    result, log, _ = crawl_two_hosts(tmp_path, busy(429, lambda: "3600"), settings)
    (asked,) = log.times(BUSY)  # not retried
    assert [path for at, path in log.hits if at > asked] == []  # nor anything else of its host
    fetched = {path for at, path in log.hits if at < asked and path in CALM}
    assert {urlsplit(url).path for url in result.urls} == fetched | set(OTHER)
    # The busy page and the calm ones not fetched yet wait for the next run; none failed.
    deferred = 1 + len(CALM) - len(fetched)
    assert result.stats["newsbot/fetch/deferred"] == deferred
    assert result.stats[f"newsbot/site/{SITE_KEY}/deferred"] == deferred
    assert failed_fetches(result.stats) == {}
    assert "Gave up retrying" not in result.log
    (line,) = [line for line in result.log.splitlines() if "asks to wait" in line]
    assert "127.0.0.1 asks to wait 3600 s" in line
    assert "deferred to a run after" in line
    assert "the next run finds them again" in line
