"""The headings a reader sees as the article's headline, and the kicker printed inside one.

Many CMSs print the headline twice: an ``<h1>`` for search engines inside the breadcrumb trail
(often a shorter SEO variant) and the visible headline as an ``<h2>`` in the article header.
And a visible heading often holds two lines, a kicker ("Topline", "Dachzeile") above the
headline proper, as separate elements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsbot.extraction.document import elements
from newsbot.extraction.vocabulary.markup import HIDDEN_CLASSES, KICKER_CLASSES, OFF_PAGE_HEADINGS
from newsbot.text import clean_text

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from newsbot.extraction.document import Page

# Breadcrumb trails and hidden boxes sit a few levels around the heading; further up, a
# "has-breadcrumbs" class on a page wrapper says nothing about it. A <nav> anywhere above does.
_OFF_PAGE_LEVELS = 5
# A separator hidden from sight that only screen readers hear (": ", " - ").
_SEPARATOR_TEXT = re.compile(r"^[\s:|\-\u2013\u2014/.]*$")
# The article's own h2s come first in its header; later ones are section heads and teasers.
_MAX_H2_CANDIDATES = 3
_INLINE = frozenset({"a", "b", "i", "em", "strong", "br", "mark", "small", "sup", "sub"})


@dataclass(frozen=True)
class Heading:
    """A visible heading's headline, and the kicker printed above it in the same element."""

    text: str
    kicker: str | None = None

    @property
    def full(self) -> str:
        """Everything the heading prints, kicker first."""
        return f"{self.kicker} {self.text}" if self.kicker else self.text

    @property
    def with_kicker(self) -> str | None:
        """The two lines joined the way metadata titles join them: "Kicker: Headline"."""
        if not self.kicker:
            return None
        return f"{self.kicker.rstrip(' :')}: {self.text}"


def h1_headings(page: Page) -> list[HtmlElement]:
    """The page's printed h1s, those in the article first."""
    in_scope = [h for h in elements(page.scope.xpath(".//h1")) if _printed(h)]
    rest = [h for h in elements(page.root.xpath("//h1")) if h not in in_scope and _printed(h)]
    return [*in_scope, *rest]


def h2_headings(page: Page) -> list[HtmlElement]:
    """The first printed h2s of the article, where a page whose h1 is a copy prints its headline."""
    found = [h for h in elements(page.scope.xpath(".//h2")) if _printed(h)]
    return found[:_MAX_H2_CANDIDATES]


def read_heading(element: HtmlElement) -> Heading | None:
    """The heading's text, split into kicker and headline when it prints them as separate lines.

    The split needs the heading's text to sit wholly in block-like child elements; the last
    line is the headline, the lines above it the kicker (those whose class says kicker, when
    some do). Hidden separators between them (": ", " - ") are dropped.
    """
    element = _unwrap(element)
    parts = [child for child in element if _text(child) and not _is_separator(child)]
    if len(parts) < 2 or _has_own_text(element) or any(p.tag in _INLINE for p in parts):
        text = _text(element)
        return Heading(text) if text else None
    # Only lines above the headline are kickers; a marked line below it is a deck.
    kickers = [p for p in parts[:-1] if _is_kicker(p)] or parts[:-1]
    headline = " ".join(_text(p) for p in parts if p not in kickers)
    kicker = " ".join(_text(p) for p in kickers)
    return Heading(headline, kicker) if headline else Heading(kicker)


def _printed(heading: HtmlElement) -> bool:
    element: HtmlElement | None = heading
    for _ in range(_OFF_PAGE_LEVELS + 1):
        if element is None:
            break
        marks = f"{element.get('class') or ''} {element.get('id') or ''}"
        hidden = element.get("hidden") is not None or element.get("aria-hidden") == "true"
        off_page = OFF_PAGE_HEADINGS.search(marks) or HIDDEN_CLASSES.search(marks)
        if hidden or off_page or element.get("data-breadcrumb-headline") is not None:
            return False
        element = element.getparent()
    return not heading.xpath("ancestor::nav")


def _unwrap(element: HtmlElement) -> HtmlElement:
    """The innermost element holding all the text (h1 > span > text is common)."""
    while len(element) == 1 and not _has_own_text(element) and element[0].tag not in _INLINE:
        element = element[0]
    return element


def _has_own_text(element: HtmlElement) -> bool:
    own = [element.text, *(child.tail for child in element)]
    return any(text and text.strip() for text in own)


def _is_kicker(element: HtmlElement) -> bool:
    return KICKER_CLASSES.search(element.get("class") or "")


def _is_separator(element: HtmlElement) -> bool:
    return bool(_SEPARATOR_TEXT.match(element.text_content()))


def _text(element: HtmlElement) -> str:
    return clean_text(element.text_content())
