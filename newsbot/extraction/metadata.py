"""The page's ``<meta>`` and ``<link>`` tags, indexed once so every field can look them up."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsbot.text import clean_text

if TYPE_CHECKING:
    from collections.abc import Mapping

    from lxml.html import HtmlElement

# A meta tag is named by any of these, depending on the vocabulary (HTML, OpenGraph, microdata).
_KEY_ATTRIBUTES = ("name", "property", "itemprop", "http-equiv")


@dataclass(frozen=True)
class PageMeta:
    """``<meta>`` contents by lower-cased key, ``<link>`` hrefs by lower-cased rel; page order."""

    content: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    links: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def first(self, *keys: str) -> str | None:
        """The first non-empty value among ``keys``, trying them in the order given."""
        for key in keys:
            for value in self.content.get(key, ()):
                return value
        return None

    def all(self, key: str) -> tuple[str, ...]:
        """Every value of ``key`` (article:tag and article:author repeat)."""
        return self.content.get(key, ())

    def link(self, rel: str) -> str | None:
        """The first ``<link rel>`` href."""
        hrefs = self.links.get(rel, ())
        return hrefs[0] if hrefs else None


def read_meta(root: HtmlElement) -> PageMeta:
    """Index every ``<meta>`` with content and every ``<link>`` with an href."""
    content: defaultdict[str, list[str]] = defaultdict(list)
    for meta in root.iter("meta"):
        value = clean_text(meta.get("content") or "")
        if not value:
            continue
        for attribute in _KEY_ATTRIBUTES:
            key = (meta.get(attribute) or "").strip().lower()
            if key:
                content[key].append(value)
    links: defaultdict[str, list[str]] = defaultdict(list)
    for link in root.iter("link"):
        href = (link.get("href") or "").strip()
        for rel in (link.get("rel") or "").lower().split():
            if href:
                links[rel].append(href)
    return PageMeta(
        content={k: tuple(v) for k, v in content.items()},
        links={k: tuple(v) for k, v in links.items()},
    )
