"""A site whose feeds and sitemaps fan out, or blow up, served over real HTTP on localhost.

``/index.xml`` lists ``CHILDREN`` sitemaps of ``ENTRIES_PER_CHILD`` articles each (oldest
first, as WordPress writes them); ``/feed.xml`` lists ``FEED_ITEMS`` articles;
``/sitemap.xml.gz`` is an ordinary gzipped sitemap sent as ``application/x-gzip``, and
``/bomb.xml.gz`` ~200 KB of gzip that inflates to ``BOMB_ENTRIES`` valid entries. Every
article page is a distinct, exportable article. The server counts the requests it answers.
"""

from __future__ import annotations

import gzip
import re
import threading
from collections import Counter
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from functools import cache
from typing import TYPE_CHECKING

from tests.integration.hostile_site import PARAGRAPH
from tests.integration.local_server import QuietHandler, article_page, serve

if TYPE_CHECKING:
    from collections.abc import Iterator

CHILDREN = 300
ENTRIES_PER_CHILD = 30
FEED_ITEMS = 20_000
BOMB_ENTRIES = 1_090_000
GZIPPED = ("/2026/11/20/gzip-story-1/", "/2026/11/20/gzip-story-2/")
GOOD_NEXT_TO_BOMB = "/2026/11/20/next-to-the-bomb/"
_START = datetime(2026, 1, 1, tzinfo=UTC)
_ARTICLE = re.compile(r"/2026/\d\d/\d\d/[a-z0-9-]+/")
_CHILD = re.compile(r"/sitemaps/child-(\d+)\.xml")


def _urlset(paths: list[tuple[str, str]]) -> bytes:
    """A URL set of (path, lastmod) with relative locs (resolved against the sitemap URL)."""
    urls = "".join(f"<url><loc>{p}</loc><lastmod>{m}</lastmod></url>" for p, m in paths)
    return f"<?xml version='1.0'?><urlset>{urls}</urlset>".encode()


def child_day(child: int) -> datetime:
    """Child ``n`` was last modified ``n`` days after the first: the last ones are newest."""
    return _START + timedelta(days=child)


def _index() -> bytes:
    children = "".join(
        f"<sitemap><loc>/sitemaps/child-{n}.xml</loc><lastmod>{child_day(n).date()}</lastmod>"
        "</sitemap>"
        for n in range(CHILDREN)
    )
    return f"<?xml version='1.0'?><sitemapindex>{children}</sitemapindex>".encode()


def _child(child: int) -> bytes:
    day = child_day(child)
    return _urlset(
        [
            (f"/2026/11/20/child-{child}-story-{n}/", (day + timedelta(minutes=n)).isoformat())
            for n in range(ENTRIES_PER_CHILD)
        ]
    )


@cache
def _feed() -> bytes:
    """An RSS feed, newest item last (its order must not matter, only the dates)."""
    items = "".join(
        f"<item><link>/2026/11/20/feed-story-{n}/</link>"
        f"<pubDate>{format_datetime(_START + timedelta(minutes=n))}</pubDate></item>"
        for n in range(FEED_ITEMS)
    )
    return f"<?xml version='1.0'?><rss><channel>{items}</channel></rss>".encode()


@cache
def bomb() -> bytes:
    """1.09 M valid entries, ~45 MB of XML, ~200 KB of gzip (ten URLs over and over:
    repeats within gzip's 32 KB window are what makes a bomb)."""
    urls = b"".join(
        b"<url><loc>/2026/11/20/bomb-%d/</loc></url>" % (n % 10) for n in range(BOMB_ENTRIES)
    )
    return gzip.compress(b"<?xml version='1.0'?><urlset>" + urls + b"</urlset>", compresslevel=9)


def _article(path: str) -> bytes:
    title = f"Harbour story {path.strip('/').rsplit('/', 1)[-1]}"
    paragraphs = [f"{PARAGRAPH} {title}, part {i}." for i in range(6)]
    return article_page(title, paragraphs, published="2026-11-20T09:00:00+10:00")


class _Handler(QuietHandler):
    hits: Counter[str]
    lock: threading.Lock

    def do_GET(self) -> None:
        with self.lock:
            self.hits[self.path] += 1
        if self.path == "/robots.txt":
            self.send(200, "text/plain", b"User-agent: *\nAllow: /\n")
        elif self.path == "/index.xml":
            self.send(200, "application/xml", _index())
        elif match := _CHILD.fullmatch(self.path):
            self.send(200, "application/xml", _child(int(match[1])))
        elif self.path == "/feed.xml":
            self.send(200, "application/rss+xml", _feed())
        elif self.path == "/sitemap.xml.gz":
            body = gzip.compress(_urlset([(path, "2026-11-20") for path in GZIPPED]))
            self.send(200, "application/x-gzip", body)
        elif self.path == "/good.xml":
            self.send(200, "application/xml", _urlset([(GOOD_NEXT_TO_BOMB, "2026-11-20")]))
        elif self.path == "/bomb.xml.gz":
            self.send(200, "application/x-gzip", bomb())
        elif _ARTICLE.fullmatch(self.path):
            self.send(200, "text/html; charset=utf-8", _article(self.path))
        else:
            self.send(404, "text/html", b"<h1>Not found</h1>")


@contextmanager
def serve_sitemap_site() -> Iterator[tuple[str, Counter[str]]]:
    """Serve the site on a free localhost port; yields its base URL and the requests it
    answered, by path."""
    hits: Counter[str] = Counter()
    handler = type("Handler", (_Handler,), {"hits": hits, "lock": threading.Lock()})
    with serve(handler) as base:
        yield base, hits
