"""Pages that move by ``<meta http-equiv="refresh">`` are followed; the crawl's process only
decodes the pages that may hold one (newsbot.downloadermiddlewares.meta_refresh)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.integration.conftest import crawl, one_page_site
from tests.integration.local_server import QuietHandler, article_page, serve

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.integration

MOVED = "/2026/11/20/harbour-moved/"
MOVED_TO = "/2026/11/20/harbour-reopens/"
PLAIN = "/2026/11/21/ferry-timetable/"
# The refresh sits after 3,000 characters of three-byte text: past byte 4,096, inside the 4,096
# characters Scrapy reads.
LATE_MOVED = "/2026/11/22/late-refresh/"
LATE_MOVED_TO = "/2026/11/22/market-day/"
PARAGRAPHS = [
    "The harbour authority reopened the northern wharf on Friday after four months of repairs"
    " to its pilings, which storms had loosened over the winter.",
    "Fishing boats returned at dawn, and the first catch of the season was landed before seven"
    " o'clock, to applause from a small crowd of families on the quay.",
    "Officials said the repairs cost less than planned and finished two weeks early, thanks to"
    " a dry spring and a contractor who worked through the holidays.",
    "The southern wharf will close next month for the same work, and its boats will moor at the"
    " northern one until the end of the year.",
    "Traders at the fish market said they expected prices to fall as supply recovered, though"
    " the cost of fuel remained a worry for the smaller boats.",
]


def _refresh(target: str, padding: str = "") -> bytes:
    return (
        f"<html><head><title>{padding}</title><meta http-equiv='Refresh' content='0; url={target}'>"
        "</head><body><p>This page has moved.</p></body></html>"
    ).encode()


class _Handler(QuietHandler):
    def do_GET(self) -> None:
        section = "".join(
            f"<article><h2><a href='{path}'>Story at {path}</a></h2></article>"
            for path in (MOVED, PLAIN, LATE_MOVED)
        )
        pages = {
            "/robots.txt": b"User-agent: *\nAllow: /\n",
            "/section/": f"<html><body><main>{section}</main></body></html>".encode(),
            MOVED: _refresh(MOVED_TO),
            MOVED_TO: article_page("Harbour reopens after repairs", PARAGRAPHS),
            PLAIN: article_page("Ferry timetable changes", PARAGRAPHS[::-1]),
            LATE_MOVED: _refresh(LATE_MOVED_TO, padding="…" * 3000),
            LATE_MOVED_TO: article_page("Market day returns", PARAGRAPHS[1:] + PARAGRAPHS[:1]),
        }
        body = pages.get(self.path)
        content_type = "text/plain" if self.path == "/robots.txt" else "text/html; charset=utf-8"
        self.send(200 if body else 404, content_type, body or b"")


def test_meta_refreshes_are_followed_and_plain_pages_pass_undecoded(tmp_path: Path) -> None:
    with serve(_Handler) as base:
        result = crawl(tmp_path, declaration=one_page_site(f"{base}/section/"))
    assert sorted((item["url"], item["title"]) for item in result.items) == [
        (f"{base}{MOVED_TO}", "Harbour reopens after repairs"),
        (f"{base}{PLAIN}", "Ferry timetable changes"),
        (f"{base}{LATE_MOVED_TO}", "Market day returns"),
    ]
    assert result.stats["downloader/response_status_count/200"] == 7
