"""A small site whose server asks the crawler to hold back (a robots.txt that fails or is huge,
429 and 503 answers with Retry-After), served over real HTTP on localhost.

The server records when each path was requested, so tests judge the crawler's timing from the
server's side, as the site sees it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tests.integration.hostile_site import GOOD_ARTICLE
from tests.integration.local_server import QuietHandler, serve

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from pathlib import Path

Route = Callable[[QuietHandler], None]

SITE_KEY = "pacific_ledger"  # the site file crawl() writes
OTHER_SITE = "harbour_news"  # a second site, beside it (declare_other_site)
ALLOW_ALL = b"User-agent: *\nAllow: /\n"


@dataclass
class RequestLog:
    """What the server was asked for, and when (time.monotonic())."""

    hits: list[tuple[float, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, path: str) -> None:
        with self.lock:
            self.hits.append((time.monotonic(), path))

    def times(self, path: str) -> list[float]:
        return [at for at, hit in self.hits if hit == path]

    def paths(self) -> list[str]:
        return [hit for _, hit in self.hits]


def story(name: str) -> str:
    return f"/2026/11/20/{name}/"


def answer(
    status: int, body: bytes = b"", headers: dict[str, str] | None = None, kind: str = "text/html"
) -> Route:
    return lambda handler: handler.send(status, kind, body, headers)


def article(name: str) -> Route:
    """A good article page; each name gets its own text, so none is a duplicate of another."""
    return answer(200, GOOD_ARTICLE.replace("Kestrel Bay", f"Kestrel Bay {name}").encode())


def busy(status: int, retry_after: Callable[[], str], then: Route | None = None) -> Route:
    """``status`` with a Retry-After (its value made when answering), then ``then`` once asked
    again (None: busy every time)."""
    answered: list[int] = []

    def route(handler: QuietHandler) -> None:
        if then is not None and answered:
            then(handler)
        else:
            answered.append(status)
            handler.send(status, "text/html", b"<h1>Busy</h1>", {"Retry-After": retry_after()})

    return route


def slow(route: Route, seconds: float) -> Route:
    def answer_late(handler: QuietHandler) -> None:
        time.sleep(seconds)
        route(handler)

    return answer_late


def robots(text: bytes) -> Route:
    return answer(200, text, kind="text/plain")


ALLOW_EVERYTHING = robots(ALLOW_ALL)


def declaration(base: str, domain: str = "127.0.0.1") -> str:
    return f'domains = ["{domain}"]\n[sections.asia_pacific]\npages = ["{base}/section/"]\n'


def declare_other_site(folder: Path, base: str, domain: str = "127.0.0.1") -> dict[str, str]:
    """Declares OTHER_SITE at ``base`` beside the site crawl() declares; returns the crawl()
    arguments that crawl both."""
    sites = folder / "sites"
    sites.mkdir(exist_ok=True)
    (sites / f"{OTHER_SITE}.toml").write_text(declaration(base, domain), encoding="utf-8")
    return {"sites": f"{SITE_KEY},{OTHER_SITE}"}


def failed_fetches(stats: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in stats.items() if k.startswith("newsbot/fetch/failed/")}


def _section_page(paths: Iterator[str]) -> bytes:
    links = "".join(
        f"<article><h2><a href='{path}'>A story about the harbour, {path[12:-1]}</a></h2></article>"
        for path in paths
    )
    return f"<html><body><main>{links}</main></body></html>".encode()


@contextmanager
def serve_site(
    pages: Mapping[str, Route], robots_txt: Route = ALLOW_EVERYTHING, section_delay: float = 0
) -> Iterator[tuple[str, RequestLog]]:
    """A section page (answered after ``section_delay`` seconds) linking every path of
    ``pages`` (answered by its route) behind ``robots_txt``; yields the base URL and the log
    of requests."""
    log = RequestLog()
    section = _section_page(iter(pages))
    routes = {
        "/robots.txt": robots_txt,
        "/section/": slow(answer(200, section), section_delay),
        **pages,
    }

    class Handler(QuietHandler):
        def do_GET(self) -> None:
            log.add(self.path)
            if self.path in routes:
                routes[self.path](self)
            else:
                self.send(404, "text/html", b"<h1>Not found</h1>")

    with serve(Handler) as base:
        yield base, log
