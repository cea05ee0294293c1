"""A small site that misbehaves in the ways the web does, served over real HTTP on localhost.

The section page links one good article and one link to each kind of trouble (``TROUBLE``);
the feed is truncated XML. A crawl must export the good article, count each failure, and finish.
"""

from __future__ import annotations

import gzip
import time
from typing import TYPE_CHECKING

from tests.integration.local_server import QuietHandler, serve

if TYPE_CHECKING:
    from collections.abc import Callable
    from contextlib import AbstractContextManager

PARAGRAPH = (
    "The harbour authority in the fictional port of Kestrel Bay reopened its northern wharf on "
    "Monday after three weeks of repairs to the storm-damaged pilings, officials said."
)
GOOD_ARTICLE = (
    "<html lang='en'><head><title>Kestrel Bay wharf reopens after repairs</title>"
    "<meta property='og:type' content='article'>"
    "<meta property='article:published_time' content='2026-11-20T09:00:00+10:00'></head>"
    "<body><article><h1>Kestrel Bay wharf reopens after repairs</h1>"
    + "".join(f"<p>{PARAGRAPH} Part {i}.</p>" for i in range(6))
    + "</article></body></html>"
)
TROUBLE = {
    "/2026/11/20/server-error-story/": "a 500 on every try",
    "/2026/11/20/slow-story/": "answers after the download timeout",
    "/2026/11/20/huge-story/": "a body over DOWNLOAD_MAXSIZE",
    "/2026/11/20/image-story/": "a PNG where a page should be",
    "/2026/11/20/broken-story/": "truncated HTML with a wrong charset",
    "/2026/11/20/missing-story/": "a 404",
    "/2026/11/20/gzip-bomb-story/": "a small gzip body that inflates past DOWNLOAD_MAXSIZE",
    "/2026/11/20/trickle-story/": "a body trickling in a byte at a time past the timeout",
    "/2026/11/20/redirect-loop-story/": "a redirect to itself, forever",
    "/2026/11/20/bad-gzip-story/": "a body that says gzip and is not",
    "/2026/11/20/wrong-length-story/": "fewer bytes than its Content-Length promises",
    "/2026/11/20/hang-up-story/": "a connection closed before any answer",
}
# 20 MB of spaces, 20 KB on the wire.
GZIP_BOMB = gzip.compress(b"<html><body><p>" + b" " * 20_000_000, compresslevel=9)


def _section_page() -> str:
    links = "".join(
        f"<article><h2><a href='{path}'>A story that is really {why} today</a></h2></article>"
        for path, why in TROUBLE.items()
    )
    good = "<article><h2><a href='/2026/11/20/wharf-reopens/'>Kestrel Bay wharf reopens</a></h2>"
    return f"<html><body><main>{good}</article>{links}</main></body></html>"


class _Handler(QuietHandler):
    routes: dict[str, Callable[[_Handler], None]]

    def do_GET(self) -> None:
        route = self.routes.get(self.path)
        if route is None:
            self.send(404, "text/html", b"<h1>Not found</h1>")
        else:
            route(self)


def _slow(handler: _Handler) -> None:
    time.sleep(3)
    handler.send(200, "text/html", GOOD_ARTICLE.encode())


def _trickle(handler: _Handler) -> None:
    body = GOOD_ARTICLE.encode()
    handler.send(200, "text/html", b"", length=len(body))
    for byte in body[:30]:  # 3 s for 30 bytes; the crawler hangs up long before
        handler.wfile.write(bytes([byte]))
        handler.wfile.flush()
        time.sleep(0.1)


def _hang_up(handler: _Handler) -> None:
    handler.close_connection = True


def _short_body(handler: _Handler) -> None:
    body = GOOD_ARTICLE.encode()
    handler.send(200, "text/html", body, length=len(body) + 5000)
    handler.close_connection = True


_Handler.routes = {
    "/robots.txt": lambda h: h.send(200, "text/plain", b"User-agent: *\nAllow: /\n"),
    "/section/": lambda h: h.send(200, "text/html; charset=utf-8", _section_page().encode()),
    "/feed.xml": lambda h: h.send(200, "application/rss+xml", b"<?xml version='1.0'?><rss><chan"),
    "/2026/11/20/wharf-reopens/": lambda h: h.send(200, "text/html", GOOD_ARTICLE.encode()),
    "/2026/11/20/server-error-story/": lambda h: h.send(500, "text/html", b"oops"),
    "/2026/11/20/slow-story/": _slow,
    "/2026/11/20/trickle-story/": _trickle,
    "/2026/11/20/gzip-bomb-story/": lambda h: h.send(
        200, "text/html", GZIP_BOMB, {"Content-Encoding": "gzip"}
    ),
    "/2026/11/20/redirect-loop-story/": lambda h: h.send(
        302, "text/html", b"", {"Location": h.path}
    ),
    "/2026/11/20/bad-gzip-story/": lambda h: h.send(
        200, "text/html", b"this is not gzip at all" * 10, {"Content-Encoding": "gzip"}
    ),
    "/2026/11/20/wrong-length-story/": _short_body,
    "/2026/11/20/hang-up-story/": _hang_up,
    "/2026/11/20/huge-story/": lambda h: h.send(200, "text/html", b"<p>" + b"x" * 3_000_000),
    "/2026/11/20/image-story/": lambda h: h.send(
        200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)
    ),
    "/2026/11/20/broken-story/": lambda h: h.send(
        200, "text/html; charset=utf-8", b"<html><body><h1>Caf\xe9 <p>\xff\xfe trunc"
    ),
}


def serve_hostile_site() -> AbstractContextManager[str]:
    """Serve the hostile site on a free localhost port; yields its base URL."""
    return serve(_Handler)
