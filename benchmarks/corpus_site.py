"""Real news sites on loopback for the crawl benchmark, built from ../shared/corpus.

Each publisher of the labelled listing pages (bild.de, faz.net, ...) becomes one local site on
its own address 127.0.0.N, so a crawler sees distinct hosts, as on the web. A site serves:

* its listing pages as its section pages, at their original paths, with every link to any
  publisher of the corpus pointed at that publisher's local site;
* a real article page of the corpus (the fundus and Zyte suites) at every path the labels
  call an article link, picked by a hash of the URL, so one page stands behind several URLs;
* at any other path, a non-article page (a listing page, rewritten the same way): what a
  crawler gets for a link it wrongly took for an article;
* a robots.txt that allows everything;
* for a long crawl (``long_articles``), a sitemap at ``/long-sitemap.xml`` of that many more
  article URLs (``/long/<n>``), each a corpus article page as above.

Every request is logged, so the reference crawl can fetch exactly the pages newsbot fetched.
``demo_content`` builds the same kind of site from newsbot's demo pages: CI has no corpus.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import threading
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from benchmarks.corpora import CORPUS_ROOT, load_suite
from newsbot.demo.site import DemoSite
from newsbot.urls import registrable_domain

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

LISTINGS = CORPUS_ROOT / "listing-pages"
ARTICLE_SUITES = ("article-extraction-benchmark", "fundus-publishers")
# Sites get 127.0.0.10, .11, ...: clear of the 127.0.0.1 and .2 other local servers use.
_FIRST_ADDRESS = 10
_ROBOTS = b"User-agent: *\nAllow: /\n"
LONG_SITEMAP = "/long-sitemap.xml"
_LONG_PREFIX = "/long/"
# Listing pages and Zyte's pages say their charset (if at all) in the page, as many servers do.
_HTML = "text/html"
_UTF8_HTML = "text/html; charset=utf-8"  # fundus's pages and the demo's are UTF-8
# The scheme and host of an absolute (or protocol-relative) href; the rest of it is kept.
_ABSOLUTE_HREF = re.compile(rb"""(\bhref\s*=\s*["']?)(?:https?:)?//([^/"'\s>?#]+)""", re.I)


@dataclass(frozen=True)
class Listing:
    """A listing page as it was published, and the article links its labels name."""

    url: str
    html: bytes
    article_links: tuple[str, ...]

    @property
    def publisher(self) -> str:
        return registrable_domain(self.url)


@dataclass(frozen=True)
class ArticlePage:
    """An article page's bytes, served as they are, and the Content-Type to send them with."""

    html: bytes
    content_type: str


@dataclass(frozen=True)
class SiteContent:
    """What the local sites are built from."""

    listings: tuple[Listing, ...]
    articles: tuple[ArticlePage, ...]


def corpus_content(*, tiny: bool = False) -> SiteContent:
    """Every labelled listing page and every article page of the corpus; ``tiny``: only the
    two publishers with the fewest article links."""
    labels = json.loads((LISTINGS / "labels.json").read_text(encoding="utf-8"))
    listings = [
        Listing(label["url"], gzip.decompress((LISTINGS / name).read_bytes()),
                tuple(label["article_links"]))
        for name, label in sorted(labels.items())
    ]  # fmt: skip
    if tiny:
        links: dict[str, int] = {}
        for listing in listings:
            links[listing.publisher] = links.get(listing.publisher, 0) + len(listing.article_links)
        smallest = sorted(links, key=lambda publisher: (links[publisher], publisher))[:2]
        listings = [listing for listing in listings if listing.publisher in smallest]
    return SiteContent(tuple(listings), _corpus_articles())


def _corpus_articles() -> tuple[ArticlePage, ...]:
    articles: list[ArticlePage] = []
    for suite in ARTICLE_SUITES:
        kind, pages = load_suite(CORPUS_ROOT / suite)
        content_type = _UTF8_HTML if kind == "fundus" else _HTML
        articles.extend(ArticlePage(page.html, content_type) for page in pages)
    return tuple(articles)


def demo_content() -> SiteContent:
    """Two sites made of newsbot's demo pages (its section and business listings), for when
    there is no corpus. Article pages name a third host, as corpus pages name their own."""
    demo = DemoSite(day=1)
    listings = tuple(
        Listing(base + path, demo.render(path, base)[2], tuple(sorted(demo.article_urls(base))))
        for base, path in [
            ("https://ledger-asia.example", "/category/asia-pacific/"),
            ("https://ledger-business.example", "/category/business/"),
        ]
    )
    articles = tuple(
        ArticlePage(demo.render(article.path, "https://pacific-ledger.example")[2], _UTF8_HTML)
        for article in demo.articles
    )
    return SiteContent(listings, articles)


def point_links_at(html: bytes, origins: Mapping[str, str]) -> bytes:
    """``html`` with each absolute href to a publisher in ``origins`` (publisher -> local
    origin) sent to that origin instead; path and query stay as written, relative links too."""

    def local(match: re.Match[bytes]) -> bytes:
        host = match[2].decode("ascii", "replace")
        origin = origins.get(registrable_domain(f"http://{host}"))
        return match[0] if origin is None else match[1] + origin.encode()

    return _ABSOLUTE_HREF.sub(local, html)


@dataclass(frozen=True)
class Hit:
    """One request a local site answered, and what it served (robots, section, article,
    other)."""

    url: str
    served: str


class AccessLog:
    """The requests every local site answered, in order, from all server threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hits: list[Hit] = []

    def record(self, hit: Hit) -> None:
        with self._lock:
            self._hits.append(hit)

    def take(self) -> list[Hit]:
        """The hits since the last call (one crawl's), forgetting them."""
        with self._lock:
            hits, self._hits = self._hits, []
        return hits


@dataclass(frozen=True)
class LocalSite:
    """One publisher served on its own loopback origin."""

    publisher: str
    origin: str
    sections: Mapping[str, bytes]  # unquoted request target -> rewritten listing page
    article_paths: frozenset[str]  # unquoted paths: newsbot strips tracking queries
    articles: tuple[ArticlePage, ...]
    non_articles: tuple[bytes, ...]  # every rewritten listing page
    long_articles: int = 0  # article URLs its long-crawl sitemap lists

    @property
    def key(self) -> str:
        """The site's key in newsbot's site files: ``bild.de`` -> ``bild_de``."""
        return re.sub(r"[^a-z0-9]+", "_", self.publisher.lower())

    @property
    def host(self) -> str:
        """The loopback address the site is served on."""
        return urlsplit(self.origin).hostname or ""

    @property
    def section_urls(self) -> list[str]:
        return [f"{self.origin}{target}" for target in self.sections]

    def answer(self, target: str) -> tuple[str, str, bytes]:
        """(what is served, Content-Type, body) for a request target like ``/a/b.html?x=1``."""
        if target == "/robots.txt":
            return "robots", "text/plain", _ROBOTS
        if section := self.sections.get(unquote(target)):
            return "section", _HTML, section
        if target == LONG_SITEMAP and self.long_articles:
            return "sitemap", "application/xml", self._long_sitemap()
        path = unquote(urlsplit(target).path)
        pick = int.from_bytes(hashlib.blake2b(f"{self.publisher}{path}".encode()).digest()[:8])
        if path in self.article_paths or self._is_long_article(path):
            page = self.articles[pick % len(self.articles)]
            return "article", page.content_type, page.html
        return "other", _HTML, self.non_articles[pick % len(self.non_articles)]

    def _is_long_article(self, path: str) -> bool:
        number = path.removeprefix(_LONG_PREFIX)
        return number != path and number.isdigit() and int(number) < self.long_articles

    def _long_sitemap(self) -> bytes:
        urls = "".join(
            f"<url><loc>{self.origin}{_LONG_PREFIX}{n}</loc></url>"
            for n in range(self.long_articles)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        ).encode()


@dataclass(frozen=True)
class CorpusSite:
    """The running local sites and the log of what they served."""

    sites: tuple[LocalSite, ...]
    log: AccessLog

    @property
    def article_urls(self) -> int:
        return sum(len(site.article_paths) for site in self.sites)


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # an idle keep-alive connection must not hold up the shutdown
    site: LocalSite
    log: AccessLog


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"  # keep-alive, as crawlers use real sites

    def do_GET(self) -> None:
        served, content_type, body = self.server.site.answer(self.path)
        self.server.log.record(Hit(f"{self.server.site.origin}{self.path}", served))
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the access log says what was served."""


@contextmanager
def serve_corpus_site(content: SiteContent, long_articles: int = 0) -> Iterator[CorpusSite]:
    """Serve each publisher of ``content`` on its own loopback address until the block ends,
    with ``long_articles`` more article URLs over all of them in their long-crawl sitemaps."""
    publishers = sorted({listing.publisher for listing in content.listings})
    with ExitStack() as stack:
        servers = {}
        for number, publisher in enumerate(publishers, start=_FIRST_ADDRESS):
            server = _Server((f"127.0.0.{number}", 0), _Handler)
            stack.callback(server.server_close)
            servers[publisher] = server
        origins = {p: f"http://{s.server_address[0]!s}:{s.server_port}" for p, s in servers.items()}
        pages = [point_links_at(listing.html, origins) for listing in content.listings]
        log = AccessLog()
        for publisher, server in servers.items():
            site = _local_site(publisher, origins[publisher], content, pages)
            server.site = replace(site, long_articles=long_articles // len(servers))
            server.log = log
            threading.Thread(target=server.serve_forever, daemon=True).start()
            stack.callback(server.shutdown)
        yield CorpusSite(tuple(server.site for server in servers.values()), log)


def _local_site(publisher: str, origin: str, content: SiteContent, pages: list[bytes]) -> LocalSite:
    own = [(listing, page) for listing, page in zip(content.listings, pages, strict=True)
           if listing.publisher == publisher]  # fmt: skip
    sections = {unquote(_target(listing.url)): page for listing, page in own}
    paths = {unquote(urlsplit(link).path) for listing, _ in own for link in listing.article_links}
    return LocalSite(publisher, origin, sections, frozenset(paths), content.articles, tuple(pages))


def _target(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path or '/'}{'?' + parts.query if parts.query else ''}"
