"""Entries of RSS 0.9x/1.0/2.0, Atom and JSON feeds, sniffed from the content itself."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from newsbot.dates import parse_datetime
from newsbot.discovery.safe_xml import (
    BodyTooLarge,
    child_text,
    local_name,
    normalize_body,
    parse_xml,
)
from newsbot.urls import is_http_url, resolve_url

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml import etree

# Where entries live: RSS 2.0/0.9x <rss><channel><item>, RSS 1.0 <rdf:RDF><item>, Atom
# <feed><entry>. Items directly under <rss> occur in broken feeds and are read too.
_ENTRY_PARENTS = frozenset({"channel", "RDF", "rss", "feed"})
_ENTRY_TAGS = frozenset({"item", "entry"})
# Date elements in order of preference: RSS, Dublin Core, Atom 1.0, Atom 0.3.
_DATE_TAGS = ("pubDate", "published", "date", "issued", "updated", "modified", "created")
_UNDATED = datetime.min.replace(tzinfo=UTC)


@dataclass(frozen=True)
class FeedEntry:
    """One feed entry: the article URL (absolute), its title and date as the feed gives them."""

    url: str
    title: str | None
    published: str | None


def parse_feed(body: bytes, url: str) -> list[FeedEntry]:
    """The entries of a feed body (any supported format, gzip or not) fetched from ``url``.

    Malformed bodies give the entries that could be read, possibly none; never an exception.
    A body over MAX_XML_BYTES (once gunzipped) gives none.
    """
    try:
        data = normalize_body(body)
    except BodyTooLarge:
        return []
    if data.startswith(b"{"):
        return _json_entries(data, url)
    root = parse_xml(data, url)
    if root is None:
        return []
    entries = (_xml_entry(element, url) for element in _entry_elements(root))
    return [entry for entry in entries if entry is not None]


def newest_first(entries: list[FeedEntry]) -> list[FeedEntry]:
    """The entries by date, newest first; undated ones after them, in feed order. Most feeds
    list their newest first, not all: what a budget keeps must not depend on it."""
    dated = [(parse_datetime(entry.published) or _UNDATED, entry) for entry in entries]
    return [entry for _, entry in sorted(dated, key=lambda pair: pair[0], reverse=True)]


def _entry_elements(root: etree._Element) -> Iterator[etree._Element]:
    for element in root.iter():
        parent = element.getparent()
        in_feed = parent is not None and local_name(parent) in _ENTRY_PARENTS
        if in_feed and local_name(element) in _ENTRY_TAGS:
            yield element


def _xml_entry(element: etree._Element, feed_url: str) -> FeedEntry | None:
    link = _entry_link(element)
    if link is None:
        return None
    # element.base is the feed URL combined with any xml:base in scope (Atom allows both).
    absolute = resolve_url(element.base or feed_url, link)
    if absolute is None:
        return None
    return FeedEntry(absolute, child_text(element, "title"), child_text(element, *_DATE_TAGS))


def _entry_link(element: etree._Element) -> str | None:
    """The entry's article link, the most specific kind first: FeedBurner's original link,
    the RSS <link>, the Atom alternate link, a permalink guid or Atom id, the RSS 1.0 about."""
    candidates = (
        child_text(element, "origLink"),
        child_text(element, "link"),
        _atom_alternate(element),
        _permalink_id(element),
        next((str(v) for k, v in element.attrib.items() if str(k).endswith("}about")), None),
    )
    return next((link for link in candidates if link), None)


def _atom_alternate(element: etree._Element) -> str | None:
    """The href of the alternate link (a missing rel means alternate), preferring HTML."""
    links = [child for child in element if local_name(child) == "link" and child.get("href")]
    alternates = [link for link in links if link.get("rel", "alternate") == "alternate"]
    html = [link for link in alternates if "html" in link.get("type", "text/html")]
    chosen = html or alternates
    return str(chosen[0].get("href")).strip() if chosen else None


def _permalink_id(element: etree._Element) -> str | None:
    """An RSS <guid> not marked isPermaLink="false", or an Atom <id>, when it is a URL."""
    for child in element:
        name = local_name(child)
        is_permalink = child.get("isPermaLink", "true").lower() != "false"
        text = (child.text or "").strip()
        if name in {"guid", "id"} and is_permalink and is_http_url(text):
            return text
    return None


def _json_entries(data: bytes, url: str) -> list[FeedEntry]:
    """Entries of a JSON Feed (jsonfeed.org, versions 1 and 1.1)."""
    try:
        feed = json.loads(data)
    except ValueError:
        return []
    items = feed.get("items") if isinstance(feed, dict) else None
    if not isinstance(items, list):
        return []
    entries = []
    for item in items:
        if not isinstance(item, dict):
            continue
        link = _json_string(item, "url") or _json_string(item, "external_url")
        absolute = resolve_url(url, link) if link else None
        if absolute is not None:
            title = _json_string(item, "title")
            entries.append(FeedEntry(absolute, title, _json_string(item, "date_published")))
    return entries


def _json_string(item: dict[str, object], key: str) -> str | None:
    value = item.get(key)
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None
