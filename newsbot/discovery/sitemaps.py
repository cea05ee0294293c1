"""Entries of XML sitemaps and sitemap indexes, Google News extension included."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from newsbot.discovery.safe_xml import child_text, local_name, normalize_body, parse_xml
from newsbot.urls import resolve_url

if TYPE_CHECKING:
    from lxml import etree

SitemapKind = Literal["urlset", "sitemapindex", "invalid"]
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
    """A parsed sitemap: a URL set, an index of further sitemaps, or not a sitemap at all."""

    kind: SitemapKind
    entries: tuple[SitemapEntry, ...]


INVALID = Sitemap("invalid", ())


def parse_sitemap(body: bytes, url: str) -> Sitemap:
    """The entries of a sitemap body (gzip or not, namespaced or not) fetched from ``url``.

    Anything that is not a urlset or sitemapindex (HTML, JSON, empty, garbage) is "invalid";
    a truncated sitemap gives the entries before the damage.
    """
    root = parse_xml(normalize_body(body), url)
    if root is None or local_name(root) not in _KINDS:
        return INVALID
    kind, entry_tag = _KINDS[local_name(root)]
    entries = (_entry(element, url) for element in root if local_name(element) == entry_tag)
    return Sitemap(kind, tuple(entry for entry in entries if entry is not None))


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
