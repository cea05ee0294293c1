"""A small news site on a chosen loopback address that records what reaches it, for the tests
of what newsbot refuses to send (offsite redirects, private addresses, credentials).

127.0.0.1 and 127.0.0.2 both reach this machine: two of these servers are two hosts, and no
request ever leaves it.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from typing import TYPE_CHECKING

from tests.integration.hostile_site import PARAGRAPH
from tests.integration.local_server import QuietHandler, article_page

if TYPE_CHECKING:
    from collections.abc import Iterator

SECTION = "/section/"
GOOD = "/2026/12/01/wharf-reopens/"
MOVED = "/2026/12/01/ferry-timetable-changes/"


def article(title: str) -> bytes:
    paragraphs = [f"{title}: {PARAGRAPH} Part {i}." for i in range(6)]
    return article_page(title, paragraphs, published="2026-12-01T09:00:00+10:00")


@dataclass
class Host:
    """One server: its base URL, where it redirects (path -> absolute URL), what reached it."""

    base: str = ""
    redirects: dict[str, str] = field(default_factory=dict)
    links: list[str] = field(default_factory=list)  # extra links on the section page
    seen: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # (path, headers)

    def paths(self) -> list[str]:
        return [path for path, _ in self.seen]


class _Handler(QuietHandler):
    host: Host

    def do_GET(self) -> None:
        self.host.seen.append((self.path, dict(self.headers.items())))
        if self.path in self.host.redirects:
            self.send(302, "text/html", b"", {"Location": self.host.redirects[self.path]})
        elif self.path == "/robots.txt":
            self.send(200, "text/plain", b"User-agent: *\nAllow: /\n")
        elif self.path == SECTION:
            links = "".join(
                f"<article><h2><a href='{u}'>A story {u}</a></h2></article>"
                for u in [GOOD, MOVED, *self.host.links]
            )
            self.send(200, "text/html", f"<html><body><main>{links}</main></body></html>".encode())
        elif self.path == GOOD:
            self.send(200, "text/html", article("Kestrel Bay wharf reopens after repairs"))
        elif self.path == MOVED:
            self.send(200, "text/html", article("Ferry timetable changes for the summer"))
        else:
            self.send(404, "text/html", b"<h1>Not found</h1>")


class _Server(ThreadingHTTPServer):
    daemon_threads = True


@contextmanager
def serve_host(address: str, host: Host | None = None) -> Iterator[Host]:
    """Serve the site on ``address`` (a loopback address) and a free port."""
    host = host or Host()
    handler = type("Handler", (_Handler,), {"host": host})
    server = _Server((address, 0), handler)
    host.base = f"http://{address}:{server.server_port}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield host
    finally:
        server.shutdown()
        server.server_close()


def declaration(site: Host, *extra_domains: str, request: str = "") -> str:
    """The site declared with its section page on ``site``; ``request``: a [request] table."""
    domains = ", ".join(f'"{d}"' for d in ["127.0.0.1", *extra_domains])
    return f"""
domains = [{domains}]
[sections.asia_pacific]
pages = ["{site.base}{SECTION}"]
{request}
"""
