"""A robots.txt that fails or is huge: RFC 9309 (and Google) read it, we read it the same way."""

from __future__ import annotations

import json
import socket
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import pytest

from tests.integration.conftest import crawl
from tests.integration.holdback_site import (
    OTHER_SITE,
    SITE_KEY,
    RequestLog,
    answer,
    article,
    declaration,
    declare_other_site,
    failed_fetches,
    robots,
    serve_site,
    story,
)

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from tests.integration.holdback_site import Route

pytestmark = pytest.mark.integration


def run_summary(folder: Path) -> dict[str, Any]:
    (path,) = (folder / "runs").glob("*.json")
    result: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return result


def closed_port() -> int:
    """A localhost port nothing listens on: connections to it are refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@contextmanager
def bad_host(robots_txt: Route | None) -> Iterator[tuple[str, RequestLog]]:
    """A site behind ``robots_txt``; None: a host nothing answers on."""
    if robots_txt is None:
        yield f"http://127.0.0.1:{closed_port()}", RequestLog()
        return
    with serve_site({story("good-story"): article("good")}, robots_txt) as served:
        yield served


@pytest.mark.parametrize(
    ("robots_txt", "why"),
    [
        (answer(500, b"oops"), "HTTP 500"),
        (answer(503, b"busy"), "HTTP 503"),
        (None, "DownloadConnectionRefusedError"),  # the whole host is down
    ],
    ids=["500", "503", "unreachable"],
)
def test_a_host_whose_robots_txt_cannot_be_read_is_not_crawled(
    tmp_path: Path, robots_txt: Route | None, why: str
) -> None:
    other = {story("other-site-story"): article("other")}
    with bad_host(robots_txt) as (bad_base, bad_log), serve_site(other) as (good_base, _):
        result = crawl(
            tmp_path,
            declaration=declaration(bad_base),
            args=declare_other_site(tmp_path, good_base),
            settings={"RETRY_TIMES": 1},
        )
    # The other site is crawled as usual; the one whose robots.txt failed is not touched.
    assert result.urls == [f"{good_base}{story('other-site-story')}"]
    assert set(bad_log.paths()) <= {"/robots.txt"}
    assert result.stats["newsbot/robots/unavailable"] == 1
    assert result.stats[f"newsbot/site/{SITE_KEY}/robots_unavailable"] == 1
    assert f"newsbot/site/{OTHER_SITE}/robots_unavailable" not in result.stats
    assert failed_fetches(result.stats) == {}  # its pages were held back, not lost to errors
    host = bad_base.removeprefix("http://")
    assert result.log.count(f"robots.txt of {host} could not be read ({why})") == 1
    # Reported per site: that site failed, the other delivered (exit code 4).
    summary = run_summary(tmp_path)
    assert summary["exit_code"] == 4
    assert summary["sites"][SITE_KEY]["status"] == "failed"
    assert summary["sites"][OTHER_SITE]["status"] == "ok"


def test_an_oversized_robots_txt_is_read_up_to_500_kib(tmp_path: Path) -> None:
    padding = b"# " + b"x" * 97 + b"\n"  # 100-byte comment lines
    huge = (
        b"User-agent: *\nDisallow: /2026/11/20/private-story/\n"
        + padding * 6_000  # the next rule starts past 500 KiB (512,000 bytes)...
        + b"Disallow: /2026/11/20/late-story/\n"
        + padding * 6_000  # ... and the file is past DOWNLOAD_MAXSIZE
    )
    pages = {story(name): article(name) for name in ("good-story", "private-story", "late-story")}
    with serve_site(pages, robots(huge)) as (base, log):
        result = crawl(
            tmp_path, declaration=declaration(base), settings={"DOWNLOAD_MAXSIZE": 1_000_000}
        )
    # The first line's Disallow holds; the one past 500 KiB is ignored, as Google ignores it.
    assert sorted(result.urls) == [f"{base}{story('good-story')}", f"{base}{story('late-story')}"]
    assert story("private-story") not in log.paths()
    assert result.stats["newsbot/robots/truncated"] == 1
    assert result.log.count(f"robots.txt of {base.removeprefix('http://')} is over") == 1
    # A page robots.txt refuses is not a failed fetch: the run and the site are fine (exit 0).
    assert result.stats["newsbot/fetch/robots_denied"] == 1
    assert failed_fetches(result.stats) == {}
    summary = run_summary(tmp_path)
    assert (summary["exit_code"], summary["errors"]) == (0, 0)
    assert summary["sites"][SITE_KEY]["status"] == "ok"


def test_a_missing_robots_txt_allows_everything(tmp_path: Path) -> None:
    with serve_site({story("good-story"): article("good")}, answer(404)) as (base, _):
        result = crawl(tmp_path, declaration=declaration(base))
    assert result.urls == [f"{base}{story('good-story')}"]
    assert "newsbot/robots/unavailable" not in result.stats
    assert run_summary(tmp_path)["exit_code"] == 0
