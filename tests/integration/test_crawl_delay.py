"""A robots.txt Crawl-delay is the least time between two requests to the site."""

from __future__ import annotations

import time
from contextlib import contextmanager
from itertools import pairwise
from typing import TYPE_CHECKING

import pytest

from tests.integration.conftest import crawl
from tests.integration.hostile_site import GOOD_ARTICLE
from tests.integration.local_server import QuietHandler, serve

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

pytestmark = pytest.mark.integration

ARTICLES = [f"/2026/11/2{n}/wharf-story-{n}/" for n in range(4)]
SECTION = "".join(f"<article><h2><a href='{p}'>Wharf story number {p[-2]}</a></h2></article>"
                  for p in ARTICLES)  # fmt: skip


DECLARATION = 'domains = ["127.0.0.1"]\n[sections.asia_pacific]\npages = ["{base}/section/"]\n'


@contextmanager
def serve_site(crawl_delay: str) -> Iterator[tuple[str, list[float]]]:
    """A section page and four articles behind a robots.txt asking for ``crawl_delay``;
    yields the base URL and the times pages (robots.txt aside) were requested."""
    times: list[float] = []

    class Handler(QuietHandler):
        def do_GET(self) -> None:
            if self.path == "/robots.txt":
                robots = f"User-agent: *\nCrawl-delay: {crawl_delay}\nAllow: /\n"
                self.send(200, "text/plain", robots.encode())
                return
            times.append(time.monotonic())
            if self.path == "/section/":
                self.send(
                    200, "text/html", f"<html><body><main>{SECTION}</main></body></html>".encode()
                )
            else:
                self.send(200 if self.path in ARTICLES else 404, "text/html", GOOD_ARTICLE.encode())

    with serve(Handler) as base:
        yield base, times


def gaps(times: list[float]) -> list[float]:
    return [later - earlier for earlier, later in pairwise(sorted(times))]


@pytest.mark.parametrize(
    ("asked", "settings", "least_gap"),
    [
        ("0.6", {}, 0.6),
        # AutoThrottle, which would lower the delay toward localhost's latency, stays above it.
        ("0.6", {"AUTOTHROTTLE_ENABLED": True, "AUTOTHROTTLE_START_DELAY": 0.0}, 0.6),
        # A delay past NEWSBOT_MAX_CRAWL_DELAY is capped there, and the log says so.
        ("3600", {"NEWSBOT_MAX_CRAWL_DELAY": 0.4}, 0.4),
    ],
)
def test_requests_to_a_site_are_spaced_by_its_crawl_delay(
    tmp_path: Path, asked: str, settings: dict[str, float | bool], least_gap: float
) -> None:
    with serve_site(asked) as (base, times):
        # Localhost settings: no delay of our own and 8 requests at once, were it not for
        # the site's Crawl-delay.
        result = crawl(
            tmp_path,
            declaration=DECLARATION.format(base=base),
            settings=settings,
        )
    assert len(times) == 1 + len(ARTICLES)
    assert min(gaps(times)) >= least_gap * 0.95  # clock granularity; a busy machine only adds
    assert result.stats["newsbot/robots/crawl_delay"] == least_gap
    capped = "waiting 0.4 s, NEWSBOT_MAX_CRAWL_DELAY" in result.log
    assert capped is (least_gap < float(asked))
