"""A real HTTP server on a free localhost port, for the integration tests' small sites."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator


def article_page(title: str, paragraphs: Iterable[str], published: str | None = None) -> bytes:
    """An article page as test sites serve one: its title, og:type article, an h1, paragraphs."""
    date = f"<meta property='article:published_time' content='{published}'>" if published else ""
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (
        f"<html lang='en'><head><title>{title}</title><meta property='og:type' content='article'>"
        f"{date}</head><body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler that answers with ``send`` and logs nothing (the crawl's log says
    what happened)."""

    protocol_version = "HTTP/1.1"

    def send(
        self,
        status: int,
        content_type: str,
        body: bytes,
        headers: dict[str, str] | None = None,
        length: int | None = None,
    ) -> None:
        """A response with ``body``; ``length`` is the Content-Length claimed, when it lies."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Crawlers hang up on huge and slow pages on purpose: not an error here."""


@contextmanager
def serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve ``handler`` on a free localhost port; yields the base URL."""
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
