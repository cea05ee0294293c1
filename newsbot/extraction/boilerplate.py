"""Markup that is never article text: share bars, bio boxes, related links, comments, ads, ...

Matching is by class/id *token* and by the hyphen/underscore-separated *parts* of a class
token, never by raw substring: "ad" must match ``ad-slot`` and ``header-ad`` but not
``shadow``, ``header`` or ``download``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

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
        "taboola", "recommended", "popular", "trending",
    }
)  # fmt: skip
# Elements that hold no article text wherever they are (trafilatura drops most of these too;
# the site-selector path does not run trafilatura).
BOILERPLATE_TAGS = ("nav", "aside", "footer", "form", "button", "dialog", "select", "textarea")
# The headline, the marked-up article body and the densest paragraph block, and everything
# around them, are never removed: a layout class like "has-sidebar" on a wrapper must not take
# the article with it.
_PROTECTED = "//h1/ancestor-or-self::*|//*[@itemprop='articleBody']/ancestor-or-self::*"
# A block holding more than this share of the page's text is the content, whatever its class.
_MAX_TEXT_SHARE = 0.5
# Share bars, newsletter boxes and ad labels are shorter than this; article text rarely is.
_SHORT_BLOCK = 250
# Link lists (related stories, widgets) are mostly link text; prose is not.
_LINK_SHARE = 0.5
_PART_SPLIT = re.compile(r"[-_]+")


def remove_boilerplate(root: HtmlElement, drop_selectors: Iterable[str] = ()) -> None:
    """Remove the site's ``drop`` selectors, then vocabulary matches, from ``root`` in place."""
    for css in drop_selectors:
        for element in select(root, css):
            element.drop_tree()
    protected = _protected(root)
    page_text = _text_length(root)
    doomed = [
        element
        for element in root.iter()
        if isinstance(element.tag, str)
        and element not in protected
        and _is_doomed(element, page_text)
    ]
    for element in doomed:
        element.drop_tree()


def _is_doomed(element: HtmlElement, page_text: int) -> bool:
    """Exact names always go; a block only *mentioning* a word ("content-with-sidebar") goes
    when it is short or mostly links, since a long prose block so named may be the article."""
    exact = element.tag in BOILERPLATE_TAGS or _has_boilerplate_token(element)
    if not exact and not _has_boilerplate_part(element):
        return False
    text = _text_length(element)
    if text > _MAX_TEXT_SHARE * page_text:
        return False
    return exact or text <= _SHORT_BLOCK or _link_text_length(element) >= _LINK_SHARE * text


def _classes(element: HtmlElement) -> list[str]:
    return (element.get("class") or "").lower().split()


def _has_boilerplate_token(element: HtmlElement) -> bool:
    names = [*_classes(element), (element.get("id") or "").lower()]
    return any(name in BOILERPLATE_TOKENS or name in BOILERPLATE_PARTS for name in names)


def _has_boilerplate_part(element: HtmlElement) -> bool:
    """Parts of class tokens only: ids are often slugs of the element's own text (a heading
    "Shares fall" gets id="shares-fall"), so an id counts only as a whole token."""
    return any(BOILERPLATE_PARTS.intersection(_PART_SPLIT.split(n)) for n in _classes(element))


def _protected(root: HtmlElement) -> set[HtmlElement]:
    protected = set(elements(root.xpath(_PROTECTED)))
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
    return len("".join(element.itertext()).strip())


def _link_text_length(element: HtmlElement) -> int:
    return sum(_text_length(link) for link in element.iter("a"))
