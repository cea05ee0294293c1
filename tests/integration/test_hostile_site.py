"""The crawler keeps going on a hostile web: each failure logged and counted, nothing lost."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.integration.conftest import crawl
from tests.integration.hostile_site import serve_hostile_site

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.integration


def declaration(base: str) -> str:
    return f"""
domains = ["127.0.0.1"]
[sections.asia_pacific]
pages = ["{base}/section/"]
feeds = ["{base}/feed.xml"]
"""


def test_hostile_site_yields_the_good_article_and_counts_the_rest(tmp_path: Path) -> None:
    with serve_hostile_site() as base:
        result = crawl(
            tmp_path,
            declaration=declaration(base),
            settings={"DOWNLOAD_TIMEOUT": 1, "DOWNLOAD_MAXSIZE": 1_000_000, "RETRY_TIMES": 1},
        )
    assert [item["url"] for item in result.items] == [f"{base}/2026/11/20/wharf-reopens/"]
    stats = result.stats
    failed = {
        k.removeprefix("newsbot/fetch/failed/"): v
        for k, v in stats.items()
        if k.startswith("newsbot/fetch/failed/")
    }
    assert failed == {
        "http_500": 1,
        "http_404": 1,
        "DownloadTimeoutError": 2,  # the slow page and the trickling one
        "DownloadCancelledError": 1,  # the huge page, refused by its Content-Length
        "IgnoreRequest": 1,  # the gzip bomb, stopped once it inflated past the cap
        "redirect_loop": 1,
        "BadGzipFile": 1,
        "ResponseDataLossError": 1,  # the body shorter than its Content-Length
        "DownloadFailedError": 1,  # the connection closed before any answer
    }
    assert stats["newsbot/fetch/not_text"] == 1
    assert stats["newsbot/feed/empty_or_invalid"] == 1
    assert result.dropped("short_body") == 1  # the truncated page: read, judged, dropped
    for path in (
        "slow-story",
        "trickle-story",
        "gzip-bomb-story",
        "huge-story",
        "redirect-loop-story",
        "bad-gzip-story",
        "wrong-length-story",
        "hang-up-story",
    ):
        assert f"Failed {base}/2026/11/20/{path}/" in result.log
    assert "Traceback" not in result.log


def test_extraction_past_its_time_cap_is_abandoned_not_waited_for(tmp_path: Path) -> None:
    with serve_hostile_site() as base:
        # No real page extracts in 0.1 ms: every article hits the cap, the crawl still ends.
        # In threads, which hold a cap to the microsecond; worker processes are watched every
        # 0.1 s, and a hung worker is tested in test_extraction_workers.py.
        result = crawl(
            tmp_path,
            declaration=declaration(base),
            settings={
                "NEWSBOT_EXTRACTION_TIMEOUT": 0.0001,
                "NEWSBOT_EXTRACTION_PROCESSES": 0,
                "DOWNLOAD_TIMEOUT": 1,
            },
        )
    assert result.items == []
    timeouts = result.stats["newsbot/article/extraction_timeout"]
    assert timeouts >= 1
    # Each lost page counts against the site, as a failed fetch does (and so in the exit code).
    unreadable = {k: v for k, v in result.stats.items() if k.endswith("/articles_unreadable")}
    assert list(unreadable.values()) == [timeouts]
    assert "Gave up extracting" in result.log
