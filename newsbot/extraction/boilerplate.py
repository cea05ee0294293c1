"""Markup that is never article text: share bars, bio boxes, related links, comments, ads, ...

Matching is by class/id *token* and by the hyphen/underscore-separated *parts* of a class
token, never by raw substring: "ad" must match ``ad-slot`` and ``header-ad`` but not
``shadow``, ``header`` or ``download``.
"""

from __future__ import annotations

import re
from functools import cache, partial
from typing import TYPE_CHECKING, NamedTuple

from lxml import etree

from newsbot.extraction.document import elements, select
from newsbot.extraction.vocabulary import markup
from newsbot.rules import recording_active

if TYPE_CHECKING:
    from collections.abc import Iterable

    from lxml.html import HtmlElement

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
_TOKENS = markup.BOILERPLATE_TOKENS
_PARTS = markup.BOILERPLATE_PARTS
_SEPARATORS = " _-"
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
    patterns = _patterns(_TOKENS.words, _PARTS.words)
    # Pages repeat a few hundred class attributes over thousands of elements: match each once.
    matches = cache(partial(_matches_name, patterns))
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
        if element not in protected and _is_doomed(element, page_text, patterns)
    ]
    for element in doomed:
        if recording_active():
            _note_names(element, patterns)
        _drop(element)


def _drop(element: HtmlElement) -> None:
    """Remove ``element`` with its subtree, keeping its tail; the root stays (a page whose
    <html> or top element is named like a sidebar is still a page)."""
    if element.getparent() is not None:
        element.drop_tree()


class _Patterns(NamedTuple):
    """The class-name vocabularies compiled: one pass over a lowercased class attribute."""

    token: re.Pattern[str]  # a whole class token
    any: re.Pattern[str]  # a whole token or a hyphen/underscore-separated part of one
    ids: frozenset[str]  # whole ids


@cache
def _patterns(tokens: frozenset[str], parts: frozenset[str]) -> _Patterns:
    """Compiled once per vocabulary state (a benchmark may switch entries off)."""
    names = tokens | parts
    whole = r"(?:^|\s)(?:" + "|".join(map(re.escape, sorted(names))) + r")(?=\s|$)"
    part = r"(?:^|[\s_-])(?:" + "|".join(map(re.escape, sorted(parts))) + r")(?=[\s_-]|$)"
    return _Patterns(re.compile(whole), re.compile(f"{part}|{whole}"), names)


def _matches_name(patterns: _Patterns, classes: str, id_: str) -> bool:
    return patterns.any.search(classes.lower()) is not None or id_.lower() in patterns.ids


def _note_names(element: HtmlElement, patterns: _Patterns) -> None:
    """Record which vocabulary entries named ``element`` as boilerplate."""
    classes, id_ = (element.get("class") or "").lower(), (element.get("id") or "").lower()
    for match in patterns.any.finditer(classes):
        name = match.group().strip(_SEPARATORS)
        _TOKENS.note(name)
        _PARTS.note(name)
    _TOKENS.note(id_)
    _PARTS.note(id_)


def _is_doomed(element: HtmlElement, page_text: int, patterns: _Patterns) -> bool:
    """Exact names always go; a block only *mentioning* a word ("content-with-sidebar") goes
    when it is short or mostly links, since a long prose block so named may be the article."""
    exact = element.tag in BOILERPLATE_TAGS or _has_boilerplate_token(element, patterns)
    text = _text_length(element)
    if text > _MAX_TEXT_SHARE * page_text:
        return False
    return exact or text <= _SHORT_BLOCK or _link_text_length(element) >= _LINK_SHARE * text


def _has_boilerplate_token(element: HtmlElement, patterns: _Patterns) -> bool:
    """A whole class token or the whole id. Ids are often slugs of the element's own text (a
    heading "Shares fall" gets id="shares-fall"), so an id never counts by its parts."""
    return (
        patterns.token.search((element.get("class") or "").lower()) is not None
        or (element.get("id") or "").lower() in patterns.ids
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
