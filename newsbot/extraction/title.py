"""The headline as printed on the page, without the " | Site Name" that <title> tags carry."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING

from newsbot.extraction.document import select
from newsbot.extraction.headings import Heading, h1_headings, h2_headings, read_heading
from newsbot.extraction.sitename import compact, names_site, section_names, site_names
from newsbot.text import clean_text

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Set

    from lxml.html import HtmlElement

    from newsbot.extraction.document import Page

# Separators between a headline and the site name in <title> / og:title. A colon is not one:
# "Review: ..." and "Live: ..." are part of headlines. Bars separate even without spaces
# around them: "|", the full-width "\uff5c", and the Hangul letter "\u3163" and box-drawing
# "\u2502" that Korean sites print as one ("Headline\u3163Site"; no Korean word holds a lone
# jamo).
_SEPARATOR = re.compile(
    r"\s+(?:[|\-\u2013\u2014·•»\u203a/]{1,2}|::)\s+|\s*[|\uff5c\u3163\u2502]{1,2}\s*"
)
# A dash without spaces ("Headline-Politics") separates only a section the page names.
_TIGHT_DASH = re.compile(r"\s*[\-\u2013\u2014]{1,2}\s*")
# A site-name suffix is short; a longer tail after " - " is part of the headline.
_MAX_SUFFIX_WORDS = 4
# An h1 this short is a logo or a section label, not a headline.
_MIN_HEADLINE_CHARS = 10


def extract_title(page: Page) -> str | None:
    """The site's title selector, else the printed headline in the form the page's declared
    titles (JSON-LD headline, og:title, twitter:title, <title>; site name removed) confirm,
    else the first declared title; the h1 alone when the page declares no title at all."""
    if page.hints.title:
        hinted = next((t for e in select(page.root, page.hints.title) if (t := _text(e))), None)
        if hinted:
            return hinted
    declared = _declared_titles(page)
    if declared is None:
        # Nothing to confirm against: the page's own headline is all there is.
        return next((text for h in h1_headings(page) if (text := _text(h))), None)
    return _confirmed_heading(page, declared) or declared.titles[0]


def strip_site_name(
    title: str, names: set[str], *, guess: bool = False, sections: Set[str] = frozenset()
) -> str:
    """``title`` without the trailing segments that name the site or one of the page's
    ``sections`` ("Headline - Politics - Daily Post"), else without a leading site name.

    With ``guess`` (for <title>, which nearly always carries the site), a short last segment
    is taken to be the site even when no known name matches it.
    """
    title = clean_text(title)
    stripped = title
    while (shorter := _without_suffix(stripped, names, sections)) is not None:
        stripped = shorter
    if stripped != title:
        return stripped
    separators = list(_SEPARATOR.finditer(title))
    if not separators:
        return title
    if names_site(title[: separators[0].start()], names):
        return title[separators[0].end() :]
    head, tail = title[: separators[-1].start()], title[separators[-1].end() :]
    if guess and len(tail.split()) <= _MAX_SUFFIX_WORDS and len(head) > len(tail):
        return head
    return title


def _without_suffix(title: str, names: set[str], sections: Set[str]) -> str | None:
    """``title`` without its last segment when that names the site or a section; a section
    needs a longer headline before it (the page's own crumb may be a headline's half)."""
    for separator in (_SEPARATOR, _TIGHT_DASH):
        found = list(separator.finditer(title))
        if not found:
            continue
        head, tail = title[: found[-1].start()], title[found[-1].end() :]
        if separator is _SEPARATOR and head and names_site(tail, names):
            return head
        # "anti-politics" is a word; "Headline-Politics" and "Headline-\uc815\uce58" are a suffix.
        if compact(tail) in sections and len(head) > len(tail) and not tail[:1].islower():
            return head
    return None


@dataclass(frozen=True)
class _Declared:
    """The titles a page declares, in order of trust, and how many declare each wording."""

    titles: list[str]
    votes: Counter[str]  # compacted wording -> how many titles have it
    linked: str  # compacted JSON-LD headline, "" without one
    site: set[str]

    def spelling(self, text: str) -> str:
        """``text`` as a declared title spells the same words (separators and quotes that a
        heading's spans may lack); ``text`` itself when declared so, or when none has them."""
        if text in self.titles:
            return text
        key = compact(text)
        return next((title for title in self.titles if compact(title) == key), text)


def _declared_titles(page: Page) -> _Declared | None:
    names, sections = site_names(page), section_names(page)
    linked = strip_site_name(page.linked.text("headline") or "", names, sections=sections)
    titles = [
        linked,
        strip_site_name(page.meta.first("og:title") or "", names, sections=sections),
        strip_site_name(page.meta.first("twitter:title") or "", names, sections=sections),
        strip_site_name(
            _text(page.root.find("head/title")) or "", names, guess=True, sections=sections
        ),
    ]
    titles = [title for title in titles if title]
    if not titles:
        return None
    votes = Counter(compact(title) for title in titles)
    return _Declared(titles, votes, compact(linked), names)


def _confirmed_heading(page: Page, declared: _Declared) -> str | None:
    """The first printed heading that the declared titles confirm, in the form they confirm.

    Headings are tried in order: the h1s, then the first h2s of the article (where a page
    whose h1 is a breadcrumb copy prints its headline).
    """
    # h2s are looked up only when no h1 is confirmed.
    for element in chain(h1_headings(page), _later(h2_headings, page)):
        heading = read_heading(element)
        if heading is None or len(heading.full) < _MIN_HEADLINE_CHARS:
            continue
        if compact(heading.full) in declared.site:
            continue
        chosen = _confirm(heading, declared)
        if chosen:
            return declared.spelling(chosen)
    return None


def _later(find: Callable[[Page], list[HtmlElement]], page: Page) -> Iterator[HtmlElement]:
    yield from find(page)


def _confirm(heading: Heading, declared: _Declared) -> str | None:
    """Which title the heading stands for, if the declared titles back it:

    1. the headline alone, when a declared title has its words;
    2. kicker and headline, when that is what most declared titles say;
    3. what most declared titles say, when only a minority joins kicker and headline: the
       page prints one headline and declares another;
    4. the JSON-LD headline, when another declared title agrees with it and it holds the
       printed headline: the site counts a kicker printed elsewhere as part of the headline;
    5. the headline alone when it is part of a declared title.
    """
    votes = declared.votes
    headline = compact(heading.text)
    joined = compact(heading.with_kicker or "")
    consensus, agreeing = votes.most_common(1)[0]
    if votes[headline]:
        return heading.text
    if joined and votes[joined]:
        return heading.with_kicker if votes[joined] >= agreeing else declared.spelling(consensus)
    if agreeing >= 2 and consensus == declared.linked and headline in consensus:
        return declared.spelling(consensus)
    if any(headline in key for key in votes):
        return heading.text
    return None


def _text(element: HtmlElement | None) -> str | None:
    text = clean_text(element.text_content()) if element is not None else ""
    return text or None
