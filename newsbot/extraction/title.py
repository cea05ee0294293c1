"""The headline as printed on the page, without the " | Site Name" that <title> tags carry."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsbot.extraction.document import elements, select
from newsbot.extraction.sitename import compact, names_site, site_names
from newsbot.text import clean_text

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from newsbot.extraction.document import Page

# Separators between a headline and the site name in <title> / og:title. A colon is not one:
# "Review: ..." and "Live: ..." are part of headlines.
_SEPARATOR = re.compile(r"\s+(?:[|\-\u2013\u2014·•»/]{1,2}|::)\s+")
# A site-name suffix is short; a longer tail after " - " is part of the headline.
_MAX_SUFFIX_WORDS = 4
# An h1 this short is a logo or a section label, not a headline.
_MIN_HEADLINE_CHARS = 10


def extract_title(page: Page) -> str | None:
    """The site's title selector, else the page's h1 when metadata confirms it is the headline,
    else JSON-LD headline, og:title or <title>, each with the site name removed; the h1 alone
    when the page declares no title at all."""
    if page.hints.title:
        hinted = next((t for e in select(page.root, page.hints.title) if (t := _text(e))), None)
        if hinted:
            return hinted
    names = site_names(page)
    declared = [
        strip_site_name(title, names)
        for title in (
            page.linked.text("headline"),
            page.meta.first("og:title"),
            page.meta.first("twitter:title"),
        )
        if title
    ]
    html_title = _text(page.root.find("head/title"))
    if html_title:
        declared.append(strip_site_name(html_title, names, guess=True))
    if not declared:
        # Nothing to confirm against: the page's own headline is all there is.
        return next((text for h in _headings(page) if (text := _text(h))), None)
    return _confirmed_heading(page, declared, names) or declared[0]


def strip_site_name(title: str, names: set[str], *, guess: bool = False) -> str:
    """``title`` without a leading or trailing segment that names the site.

    With ``guess`` (for <title>, which nearly always carries the site), a short last segment
    is taken to be the site even when no known name matches it.
    """
    title = clean_text(title)
    separators = list(_SEPARATOR.finditer(title))
    if not separators:
        return title
    head, tail = title[: separators[-1].start()], title[separators[-1].end() :]
    if names_site(tail, names):
        return head
    if names_site(title[: separators[0].start()], names):
        return title[separators[0].end() :]
    if guess and len(tail.split()) <= _MAX_SUFFIX_WORDS and len(head) > len(tail):
        return head
    return title


def _confirmed_heading(page: Page, declared: list[str], names: set[str]) -> str | None:
    """The first h1 (in the article first) whose text is, or is part of, a declared title.

    When a declared title has the very same words, its spelling wins: an h1 built from a
    kicker span and a headline span reads "KickerHeadline" as text.
    """
    spellings = {compact(title): title for title in reversed(declared)}
    for heading in _headings(page):
        text = _text(heading)
        key = compact(text or "")
        if text is None or len(text) < _MIN_HEADLINE_CHARS or key in names:
            continue
        if key in spellings:
            return spellings[key]
        if any(key in target for target in spellings):
            return text
    return None


def _headings(page: Page) -> list[HtmlElement]:
    in_scope = elements(page.scope.xpath(".//h1"))
    return [*in_scope, *(h for h in elements(page.root.xpath("//h1")) if h not in in_scope)]


def _text(element: HtmlElement | None) -> str | None:
    text = clean_text(element.text_content()) if element is not None else ""
    return text or None
