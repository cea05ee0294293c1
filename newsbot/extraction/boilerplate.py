"""Markup that is never article text: share bars, bio boxes, related links, comments, ads, ...

Matching is by class/id *token* and by the hyphen/underscore-separated *parts* of a class
token, never by raw substring: "ad" must match ``ad-slot`` and ``header-ad`` but not
``shadow``, ``header`` or ``download``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from lxml import etree

from newsbot.extraction.document import elements, select

if TYPE_CHECKING:
    from collections.abc import Iterable

    from lxml.html import HtmlElement

# Whole class/id tokens (WordPress core, Jetpack and common plugins, generic names).
BOILERPLATE_TOKENS = frozenset(
    {
        "author-box", "author-bio", "authorbox", "about-author", "about-the-author",
        "author-info", "author-card", "author-details", "author-profile", "abh_box",
        "saboxplugin-wrap", "post-author-box", "jp-relatedposts", "yarpp-related",
        "crp_related", "sharedaddy", "sd-sharing", "addtoany", "a2a_kit", "shariff", "ssba",
        "sharethis", "mc4wp-form", "comment-respond", "respond", "comments-area",
        "commentlist", "comment-list", "disqus_thread", "reply-title", "adsbygoogle",
        "widget", "widget-area", "secondary", "back-to-top", "backtotop", "scroll-to-top",
        "go-to-top", "gdpr", "cmplz-cookiebanner", "pagination", "nav-links", "tag-links",
        "skip-link", "screen-reader-text", "sr-only", "visually-hidden", "post-navigation",
    }
)  # fmt: skip
# Words that mark boilerplate wherever they appear as a part of a token ("entry-share-bar").
BOILERPLATE_PARTS = frozenset(
    {
        "share", "shares", "sharing", "social", "related", "newsletter", "newsletters",
        "subscribe", "subscription", "sidebar", "advert", "advertisement", "ad", "ads", "adv",
        "cookie", "cookies", "consent", "breadcrumb", "breadcrumbs", "comments", "promo",
        "sponsored", "nav", "navbar", "navigation", "menu", "footer", "tags", "outbrain",
        "taboola", "recommended", "popular", "trending", "caption", "credit", "credits",
    }
)  # fmt: skip
# Elements that hold no article text wherever they are (trafilatura drops most of these too;
# the site-selector path does not run trafilatura).
BOILERPLATE_TAGS = ("nav", "aside", "footer", "form", "button", "dialog", "select", "textarea")
# The headline, the marked-up article body and the densest paragraph block, and everything
# around them, are never removed: a layout class like "has-sidebar" on a wrapper must not take
# the article with it.
_PROTECTED = etree.XPath(
    "//h1/ancestor-or-self::*|//*[@itemprop='articleBody']/ancestor-or-self::*"
)
# A block holding more than this share of the page's text is the content, whatever its class.
_MAX_TEXT_SHARE = 0.5
# Share bars, newsletter boxes and ad labels are shorter than this; article text rarely is.
_SHORT_BLOCK = 250
# Link lists (related stories, widgets) are mostly link text; prose is not.
_LINK_SHARE = 0.5
# One pass over a lowercased class attribute: a boilerplate word as a whole class token or
# as a hyphen/underscore-separated part of one.
_TOKEN_RE = re.compile(
    r"(?:^|\s)(?:" + "|".join(map(re.escape, BOILERPLATE_TOKENS | BOILERPLATE_PARTS)) + r")(?=\s|$)"
)
_PART_RE = re.compile(r"(?:^|[\s_-])(?:" + "|".join(BOILERPLATE_PARTS) + r")(?=[\s_-]|$)")
_ANY_RE = re.compile(f"{_PART_RE.pattern}|{_TOKEN_RE.pattern}")
_ID_NAMES = BOILERPLATE_TOKENS | BOILERPLATE_PARTS
# XPath's string(): all text below an element, gathered in C (itertext() is far slower).
_STRING = etree.XPath("string()")
# Only elements with a class or id can match by name; inline markup (links, icons, emphasis)
# is judged with the block around it, which halves the work.
_NAMED = etree.XPath("//*[@class or @id]")
_INLINE = frozenset(("a", "span", "i", "b", "em", "strong", "img", "svg", "path", "use", "time"))


def remove_boilerplate(root: HtmlElement, drop_selectors: Iterable[str] = ()) -> None:
    """Remove the site's ``drop`` selectors, then vocabulary matches, from ``root`` in place."""
    for css in drop_selectors:
        for element in select(root, css):
            _drop(element)
    by_tag = list(root.iter(*BOILERPLATE_TAGS))
    # Pages repeat a few hundred class attributes over thousands of elements: match each once.
    matches = cache(_matches_name)
    by_name = [
        e
        for e in elements(_NAMED(root))
        if e.tag not in _INLINE and matches(e.get("class") or "", e.get("id") or "")
    ]
    if not by_tag and not by_name:
        return
    protected = _protected(root)
    page_text = _text_length(root)
    doomed = [
        element
        for element in dict.fromkeys(by_tag + by_name)
        if element not in protected and _is_doomed(element, page_text)
    ]
    for element in doomed:
        _drop(element)


def _drop(element: HtmlElement) -> None:
    """Remove ``element`` with its subtree, keeping its tail; the root stays (a page whose
    <html> or top element is named like a sidebar is still a page)."""
    if element.getparent() is not None:
        element.drop_tree()


def _matches_name(classes: str, id_: str) -> bool:
    return _ANY_RE.search(classes.lower()) is not None or id_.lower() in _ID_NAMES


def _is_doomed(element: HtmlElement, page_text: int) -> bool:
    """Exact names always go; a block only *mentioning* a word ("content-with-sidebar") goes
    when it is short or mostly links, since a long prose block so named may be the article."""
    exact = element.tag in BOILERPLATE_TAGS or _has_boilerplate_token(element)
    text = _text_length(element)
    if text > _MAX_TEXT_SHARE * page_text:
        return False
    return exact or text <= _SHORT_BLOCK or _link_text_length(element) >= _LINK_SHARE * text


def _has_boilerplate_token(element: HtmlElement) -> bool:
    """A whole class token or the whole id. Ids are often slugs of the element's own text (a
    heading "Shares fall" gets id="shares-fall"), so an id never counts by its parts."""
    return (
        _TOKEN_RE.search((element.get("class") or "").lower()) is not None
        or (element.get("id") or "").lower() in _ID_NAMES
    )


def _protected(root: HtmlElement) -> set[HtmlElement]:
    protected = set(elements(_PROTECTED(root)))
    anchor = _densest_block(root)
    if anchor is not None:
        protected.update(anchor.iterancestors())
        protected.add(anchor)
    return protected


def _densest_block(root: HtmlElement) -> HtmlElement | None:
    """The element whose ``<p>`` children hold the most text: almost always the article body,
    whatever its wrappers are called ("content-with-sidebar", "l-sidebar-fixed", ...)."""
    text_by_parent: dict[HtmlElement, int] = {}
    for paragraph in root.iter("p"):
        parent = paragraph.getparent()
        if parent is not None:
            text_by_parent[parent] = text_by_parent.get(parent, 0) + _text_length(paragraph)
    return max(text_by_parent, key=lambda e: text_by_parent[e]) if text_by_parent else None


def _text_length(element: HtmlElement) -> int:
    return len(_STRING(element).strip())  # type: ignore[union-attr]


def _link_text_length(element: HtmlElement) -> int:
    return sum(_text_length(link) for link in element.iter("a"))
