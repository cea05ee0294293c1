"""A small, well-behaved site with the ordinary misses of a real one: a listing that is gone,
an article that is gone, an article robots.txt forbids, and a sitemap that answers 304 once
its ETag is known. Served over real HTTP on localhost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.integration.hostile_site import GOOD_ARTICLE
from tests.integration.local_server import QuietHandler, serve

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

GOOD = ("/2026/11/20/wharf-reopens/", "/2026/11/21/ferry-timetable-returns/")
MISSING = "/2026/11/20/missing-story/"
FORBIDDEN = "/private/2026/11/20/secret-story/"
SITEMAP_ETAG = '"sitemap-v1"'


def declaration(base: str) -> str:
    return f"""
domains = ["127.0.0.1"]
[sections.asia_pacific]
pages = ["{base}/section/"]
feeds = ["{base}/gone-feed.xml"]
sitemaps = ["{base}/sitemap.xml"]
"""


def _section_page() -> bytes:
    links = "".join(
        f"<article><h2><a href='{path}'>A story about the harbour, number {i}</a></h2></article>"
        for i, path in enumerate((*GOOD, MISSING, FORBIDDEN))
    )
    offsite = "<a href='https://elsewhere.example/2026/11/20/other/'>Another site's story</a>"
    return f"<html><body><main>{links}</main>{offsite}</body></html>".encode()


def _sitemap(base: str) -> bytes:
    return (
        "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        f"<url><loc>{base}{GOOD[0]}</loc></url></urlset>"
    ).encode()


class _Handler(QuietHandler):
    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/robots.txt":
            self.send(200, "text/plain", b"User-agent: *\nDisallow: /private/\n")
        elif self.path == "/section/":
            self.send(200, "text/html; charset=utf-8", _section_page())
        elif self.path == "/sitemap.xml" and self.headers.get("If-None-Match") == SITEMAP_ETAG:
            self.send(304, "application/xml", b"")
        elif self.path == "/sitemap.xml":
            self.send(200, "application/xml", _sitemap(base), {"ETag": SITEMAP_ETAG})
        elif self.path in GOOD:
            self.send(200, "text/html", GOOD_ARTICLE.replace("wharf", self.path[12:]).encode())
        else:
            self.send(404, "text/html", b"<h1>Not found</h1>")


def serve_accounting_site() -> AbstractContextManager[str]:
    """Serve the site on a free localhost port; yields its base URL."""
    return serve(_Handler)
