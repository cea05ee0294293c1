"""Serve the demo site over real HTTP on localhost, in a background thread.

Crawls in tests and in `scrapy demo` go through a real socket so that downloader middlewares,
robots.txt handling and HTTP headers are exercised exactly as against a live site.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

from newsbot.demo.site import DemoSite

if TYPE_CHECKING:
    from collections.abc import Iterator


class DemoServer:
    """A running demo site: its base URL, its content, and which paths were requested how often."""

    def __init__(self, url: str, site: DemoSite, delay: float = 0.0) -> None:
        self.url = url
        self.site = site
        self.delay = delay  # seconds before each answer: a slow site, for interrupted-run demos
        self._lock = threading.Lock()
        self._requests: Counter[str] = Counter()

    def __str__(self) -> str:
        return self.url

    def set_day(self, day: int) -> None:
        """Move the site to another day of its news cycle (new and updated articles)."""
        self.site = DemoSite(day)

    def reset_requests(self) -> None:
        """Forget the requests counted so far (to count one crawl's requests)."""
        with self._lock:
            self._requests.clear()

    def record(self, path_and_query: str) -> None:
        with self._lock:
            self._requests[path_and_query] += 1

    @property
    def requests(self) -> Counter[str]:
        """A snapshot: request target ('/feed/', '/?s=x') -> times requested."""
        with self._lock:
            return Counter(self._requests)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True  # an idle keep-alive connection must not block shutdown
    demo: DemoServer


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    protocol_version = "HTTP/1.1"

    def version_string(self) -> str:
        return "nginx"  # what a WordPress host usually announces

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def _respond(self, send_body: bool) -> None:
        demo = self.server.demo
        demo.record(self.path)
        time.sleep(demo.delay)
        status, content_type, body = demo.site.render(self.path, demo.url)
        # An ETag like a WordPress cache plugin's: unchanged pages answer 304 to a client
        # that sends the tag back, so conditional requests can be shown and tested.
        etag = f'"{hashlib.sha256(body).hexdigest()[:16]}"'
        if status == 200 and self.headers.get("If-None-Match") == etag:
            status, body = 304, b""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if status in {200, 304}:
            self.send_header("ETag", etag)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Silence the per-request stderr line; tests read `DemoServer.requests` instead."""


@contextmanager
def serve_demo_site(
    host: str = "127.0.0.1", port: int = 0, day: int = 1, delay: float = 0.0
) -> Iterator[DemoServer]:
    """Run the site until the block exits; port 0 picks a free port (see the yielded `.url`)."""
    site = DemoSite(day)
    httpd = _HTTPServer((host, port), _Handler)
    bound_host, bound_port = httpd.server_address[:2]
    httpd.demo = DemoServer(f"http://{bound_host!s}:{bound_port}", site, delay)
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="demo-site", daemon=True
    )
    thread.start()
    try:
        yield httpd.demo
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
