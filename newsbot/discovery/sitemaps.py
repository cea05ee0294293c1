"""Entries of XML sitemaps and sitemap indexes, Google News extension included, read as a
stream: memory stays flat however many entries a (hostile) sitemap lists."""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from newsbot.discovery.safe_xml import (
    MAX_XML_BYTES,
    BodyTooLarge,
    child_text,
    iter_xml,
    local_name,
    normalize_body,
)
from newsbot.urls import resolve_url

if TYPE_CHECKING:
    from lxml import etree

SitemapKind = Literal["urlset", "sitemapindex", "invalid", "too_large"]
# The protocol's limit: a file listing more is broken or hostile (Google refuses it too), and
# reading on would cost time for nothing.
MAX_SITEMAP_ENTRIES = 50_000
# Root element -> the sitemap kind and the element holding one entry below the root.
_KINDS: dict[str, tuple[SitemapKind, str]] = {
    "urlset": ("urlset", "url"),
    "sitemapindex": ("sitemapindex", "sitemap"),
}


@dataclass(frozen=True)
class SitemapEntry:
    """One <url> or <sitemap>: its absolute URL, lastmod and Google News fields as given."""

    url: str
    lastmod: str | None
    news_title: str | None
    news_published: str | None


@dataclass(frozen=True)
class Sitemap:
    """A parsed sitemap: a URL set, an index of further sitemaps, not a sitemap at all, or one
    over the protocol's limits. ``skipped``: entries read but not kept (older than those kept).
    """

    kind: SitemapKind
    entries: tuple[SitemapEntry, ...]
    skipped: int = 0


INVALID = Sitemap("invalid", ())
TOO_LARGE = Sitemap("too_large", ())


def parse_sitemap(
    body: bytes, url: str, *, keep: int | None = None, max_bytes: int = MAX_XML_BYTES
) -> Sitemap:
    """The entries of a sitemap body (gzip or not, namespaced or not) fetched from ``url``,
    in document order; with ``keep``, only the ``keep`` newest by lastmod.

    Anything that is not a urlset or sitemapindex (HTML, JSON, empty, garbage) is "invalid";
    a truncated sitemap gives the entries before the damage. A body over ``max_bytes`` once
    gunzipped, or listing more than MAX_SITEMAP_ENTRIES, is "too_large": decompression and
    parsing stop there.
    """
    try:
        events = iter_xml(normalize_body(body, max_bytes))
    except BodyTooLarge:
        return TOO_LARGE
    root = next((element for event, element in events if event == "start"), None)
    if root is None or local_name(root) not in _KINDS:
        return INVALID
    kind, entry_tag = _KINDS[local_name(root)]
    newest = _Newest(keep)
    for event, element in events:
        if event != "end" or element.getparent() is not root:
            continue
        entry = _entry(element, url) if local_name(element) == entry_tag else None
        # Read entries leave the tree (the one being built stays): it holds one or two.
        element.clear()
        while element.getprevious() is not None:
            del root[0]
        if entry is not None and not newest.add(entry):
            return TOO_LARGE
    return Sitemap(kind, newest.entries(), newest.skipped)


class _Newest:
    """The ``keep`` newest entries seen so far (all with None), in a heap of at most ``keep``.

    Ties (and entries without lastmod, oldest of all) go to the earlier entry in the document.
    """

    def __init__(self, keep: int | None) -> None:
        self.keep = keep
        self.seen = 0
        self.heap: list[tuple[str, int, SitemapEntry]] = []

    def add(self, entry: SitemapEntry) -> bool:
        """Keep ``entry`` if it is among the newest; False past MAX_SITEMAP_ENTRIES."""
        self.seen += 1
        if self.seen > MAX_SITEMAP_ENTRIES:
            return False
        item = (entry.lastmod or "", -self.seen, entry)
        if self.keep is None or len(self.heap) < self.keep:
            heapq.heappush(self.heap, item)
        elif self.keep and item > self.heap[0]:
            heapq.heapreplace(self.heap, item)
        return True

    @property
    def skipped(self) -> int:
        return self.seen - len(self.heap)

    def entries(self) -> tuple[SitemapEntry, ...]:
        return tuple(entry for _, _, entry in sorted(self.heap, key=lambda item: -item[1]))


def _entry(element: etree._Element, sitemap_url: str) -> SitemapEntry | None:
    loc = child_text(element, "loc")
    # The protocol wants absolute locs; relative ones are resolved rather than dropped.
    absolute = resolve_url(sitemap_url, loc) if loc else None
    if absolute is None:
        return None
    news = next((child for child in element if local_name(child) == "news"), None)
    return SitemapEntry(
        url=absolute,
        lastmod=child_text(element, "lastmod"),
        news_title=child_text(news, "title") if news is not None else None,
        news_published=child_text(news, "publication_date") if news is not None else None,
    )
