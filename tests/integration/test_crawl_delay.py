"""A robots.txt Crawl-delay is the least time between two requests to the site."""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import pairwise
from typing import TYPE_CHECKING

import pytest

from tests.integration.conftest import crawl
from tests.integration.hostile_site import GOOD_ARTICLE

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

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/robots.txt":
                body = f"User-agent: *\nCrawl-delay: {crawl_delay}\nAllow: /\n".encode()
            else:
                times.append(time.monotonic())
                page = f"<html><body><main>{SECTION}</main></body></html>"
                body = (page if self.path == "/section/" else GOOD_ARTICLE).encode()
            self.send_response(200 if self.path in {"/robots.txt", "/section/", *ARTICLES} else 404)
            self.send_header("Content-Type", "text/plain" if "robots" in self.path else "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", times
    finally:
        server.shutdown()
        server.server_close()


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
