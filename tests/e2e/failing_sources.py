"""Sources that fail in the ways a cron operator must hear about, served on localhost.

One server holds a healthy section (``/section/``), a section whose article pages mostly
answer 503 (``/flaky-section/``), one with no article link (``/empty-section/``) and a section
page that is gone (``/missing-section/``: 404). Sites are declared over it as a user would.
"""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING

from tests.integration.local_server import QuietHandler, article_page, serve

if TYPE_CHECKING:
    from contextlib import AbstractContextManager
    from pathlib import Path

FLAKY_FAILING, FLAKY_TOTAL = 6, 10


def _article(path: str) -> bytes:
    words = " ".join(f"{path.strip('/').replace('/', ' ')} report line {i}." for i in range(40))
    return article_page(f"Story {path}", [words, words[::-1]])


def _section(prefix: str, count: int) -> bytes:
    links = "".join(
        f"<article><h2><a href='/{prefix}/2026/11/20/story-{i}/'>Story number {i} of the day"
        "</a></h2></article>"
        for i in range(count)
    )
    return f"<html><body><main>{links}</main></body></html>".encode()


class _Handler(QuietHandler):
    def do_GET(self) -> None:
        path = self.path
        if path == "/section/":
            self.send(200, "text/html", _section("ok", 3))
        elif path == "/flaky-section/":
            self.send(200, "text/html", _section("flaky", FLAKY_TOTAL))
        elif path == "/empty-section/":
            self.send(200, "text/html", b"<html><body><p>Nothing here yet.</p></body></html>")
        elif path.startswith("/flaky/") and int(path.rstrip("/").rsplit("-", 1)[1]) < 6:
            self.send(503, "text/html", b"<html><body>Service unavailable</body></html>")
        elif path.startswith(("/ok/", "/flaky/")):
            self.send(200, "text/html; charset=utf-8", _article(path))
        else:
            self.send(404, "text/html", b"<html><body>Not found</body></html>")


def serve_failing_sources() -> AbstractContextManager[str]:
    """The server; yields its base URL."""
    return serve(_Handler)


def unused_port() -> int:
    """A port nothing listens on (bound and released at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def declare(folder: Path, key: str, domain: str, page: str) -> None:
    """A site file for ``key`` with one asia_pacific section page."""
    folder.mkdir(exist_ok=True)
    (folder / f"{key}.toml").write_text(
        f'domains = ["{domain}"]\n\n[sections.asia_pacific]\npages = ["{page}"]\n',
        encoding="utf-8",
    )
