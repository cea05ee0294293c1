"""Where on the page a link sits: page furniture (menus, footers) or a teaser of the listing."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsbot.discovery.page import HEADLINE_WORDS, label_words
from newsbot.discovery.vocabulary import (
    BOILERPLATE_TAGS,
    BOILERPLATE_TOKENS,
    NON_ARTICLE_RELS,
    TEASER_TOKENS,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from lxml import html

    from newsbot.discovery.page import Anchor
    from newsbot.rules import Words

_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")
_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# A teaser block wraps its headline link closely; a far ancestor called "article-list" may
# hold the section menu as well.
_TEASER_DEPTH = 4
# schema.org types, matched at the end of itemtype URLs (https://schema.org/NewsArticle).
_ARTICLE_TYPES = ("article", "blogposting", "reportage")
_FURNITURE_TYPES = ("breadcrumblist", "sitenavigationelement", "wpheader", "wpfooter")
# A container holding more than this share of the page's links is the page itself, not a
# menu, whatever its class says (a <body class="site-navigation-open"> or an ASP.NET <form>
# around everything must not hide every teaser). Real menus hold up to about half.
_MAX_BOILERPLATE_SHARE = 0.75
# A link list: the nearest block around a link holding at least this many links, of which
# this share have labels shorter than a headline and none sits in a heading. Menus, footers
# and tag clouds look so whatever their class names; teaser lists carry headlines.
_LIST_MIN_LINKS = 5
_LIST_SHORT_SHARE = 0.8


@dataclass(frozen=True)
class LinkContext:
    """Position features of one link element."""

    boilerplate: bool  # inside a menu, header, footer, breadcrumb, pagination, share bar...
    teaser: bool  # inside an <article>, a heading, a teaser block or schema.org Article
    listing_rel: bool  # rel=tag/author/next/... : the link names a listing, not an article
    link_list: bool = False  # in a block of many short links without headings


class ContextReader:
    """Reads link contexts of one page; counts links per container once for the page."""

    def __init__(self, anchors: Iterable[Anchor]) -> None:
        self._links_in: Counter[html.HtmlElement] = Counter()
        self._short_in: Counter[html.HtmlElement] = Counter()
        self._headings_in: Counter[html.HtmlElement] = Counter()
        # The class/id/role words of each container, split once: every link below it asks.
        self._tokens: dict[html.HtmlElement, set[str]] = {}
        total = 0
        for anchor in anchors:
            total += 1
            ancestors = list(anchor.element.iterancestors())
            self._links_in.update(ancestors)
            if label_words(anchor.text) < HEADLINE_WORDS:
                self._short_in.update(ancestors)
            if any(el.tag in _HEADINGS for el in ancestors):
                self._headings_in.update(ancestors)
        self._max_links = max(1.0, total * _MAX_BOILERPLATE_SHARE)

    def read(self, element: html.HtmlElement) -> LinkContext:
        """The context of the link ``element``."""
        ancestors = list(element.iterancestors())
        # Index of the nearest enclosing article; -1 when the link is in none.
        article_at = next((i for i, el in enumerate(ancestors) if _is_article(el)), -1)
        # Lists, not short cuts: each ancestor is looked at, so recording sees every word
        # that matched, not only the nearest one.
        teasers = [self._is_teaser(el) for el in ancestors[:_TEASER_DEPTH]]
        teaser = (
            article_at >= 0
            or any(teasers)
            or any(_itemtype(el).endswith("itemlist") for el in ancestors)
        )
        furniture = [
            self._is_boilerplate(el, inside_article=i < article_at)
            for i, el in enumerate(ancestors)
        ]
        boilerplate = any(furniture)
        rels = set((element.get("rel") or "").lower().split())
        listing_rel = _matches(rels, NON_ARTICLE_RELS)
        return LinkContext(boilerplate, teaser, listing_rel, self._in_link_list(ancestors))

    def _in_link_list(self, ancestors: list[html.HtmlElement]) -> bool:
        block = next((el for el in ancestors if self._links_in[el] >= _LIST_MIN_LINKS), None)
        if block is None or self._links_in[block] > self._max_links:
            return False
        links = self._links_in[block]
        return not self._headings_in[block] and self._short_in[block] >= _LIST_SHORT_SHARE * links

    def _is_boilerplate(self, element: html.HtmlElement, *, inside_article: bool) -> bool:
        if self._links_in[element] > self._max_links:
            return False
        # <header>/<footer> inside an <article> are the teaser's own head and foot.
        own_part = inside_article and element.tag in {"header", "footer"}
        by_tag = not own_part and element.tag in BOILERPLATE_TAGS
        by_type = _itemtype(element).endswith(_FURNITURE_TYPES)
        return _matches(self._tokens_of(element), BOILERPLATE_TOKENS) or by_tag or by_type

    def _is_teaser(self, element: html.HtmlElement) -> bool:
        return element.tag in _HEADINGS or _matches(self._tokens_of(element), TEASER_TOKENS)

    def _tokens_of(self, element: html.HtmlElement) -> set[str]:
        tokens = self._tokens.get(element)
        if tokens is None:
            tokens = self._tokens[element] = _tokens(element)
        return tokens


def _tokens(element: html.HtmlElement) -> set[str]:
    words = " ".join(element.get(name) or "" for name in ("class", "id", "role"))
    # "SummaryItemHed" (CSS-in-JS class names) reads as "summary item hed".
    words = _CAMEL_HUMP.sub(" ", words).lower()
    return set(_TOKEN_SPLIT.split(words)) - {""}


def _matches(words: set[str], vocabulary: Words) -> bool:
    """Whether ``words`` holds a word of ``vocabulary``; each one found is noted as fired."""
    found = words & vocabulary.words
    for word in found:
        vocabulary.note(word)
    return bool(found)


def _itemtype(element: html.HtmlElement) -> str:
    return (element.get("itemtype") or "").strip().lower()


def _is_article(element: html.HtmlElement) -> bool:
    return element.tag == "article" or _itemtype(element).endswith(_ARTICLE_TYPES)
