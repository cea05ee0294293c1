"""Who wrote the article: structured data first, then meta tags, then the visible byline."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from newsbot.extraction.byline_elements import (
    from_author_links,
    from_byline,
    from_labelled_byline,
    from_rel_author,
    from_signature,
    from_text_byline,
)
from newsbot.extraction.bylines import split_names, unique
from newsbot.extraction.people import is_credit, is_person
from newsbot.extraction.sitename import site_names
from newsbot.extraction.vocabulary.bylines import WRITTEN_BY
from newsbot.text import clean_text
from newsbot.urls import is_http_url, registrable_domain

if TYPE_CHECKING:
    from collections.abc import Callable

    from newsbot.extraction.document import Page

    _Source = Callable[[Page], list[str]]

# Meta tags naming the author, most specific first (article:author is often a profile URL).
_META_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl")
_MAX_PREVIEW_LABELS = 4
_EMAIL = re.compile(r"\S+@\S+")


def extract_authors(page: Page) -> list[str]:
    """Names from the first source that names a person, de-duplicated in page order.

    The publisher's own name ("STERN.de" as JSON-LD author), an agency or a desk credits
    nobody in particular: such a source gives way to a later one naming people. When none
    does, the structured data's credit is kept as the page declares it ("Le Figaro et AFP"),
    else the first agency or desk credit ("Associated Press", "Telegraph Sport"); a bare site
    name or a one-word account name elsewhere is a template default and gives nothing.
    """
    site = site_names(page)
    credits = unique(_linked_credits(page))

    @cache
    def read(source: _Source) -> list[str]:
        # _completed reads the printed bylines again: each source scans the page once.
        return unique(source(page))

    fallback = credits
    # The site's own name as the author credits nobody: the page's other bylines still count.
    for source in _sources(credited=any(is_credit(credit, site) for credit in credits)):
        names = read(source)
        if any(is_person(name, site) for name in names):
            return _completed(names, read, site)
        fallback = fallback or [name for name in names if is_credit(name, site)]
    return fallback


def _sources(*, credited: bool) -> tuple[_Source, ...]:
    """The sources in order of trust. Links to author pages and lines that read like a byline
    are weaker evidence than a declared credit: on a page crediting an agency they are
    usually a related story's byline, so they are read only on pages crediting nobody (or
    only the site itself)."""
    declared = (_from_linked_data, _from_meta, _from_link_preview)
    printed = (from_rel_author, from_byline, from_labelled_byline)
    if credited:
        return (*declared, *printed)
    return (*declared, *printed, from_author_links, from_text_byline, from_signature)


def _completed(names: list[str], read: Callable[[_Source], list[str]], site: set[str]) -> list[str]:
    """The printed byline instead when it names everyone ``names`` has and more people:
    structured data often lists only the first of several authors."""
    known = {name.casefold() for name in names}
    for printed in (read(from_rel_author), read(from_byline)):
        if _adds_people(printed, known, site):
            return printed
    return names


def _adds_people(printed: list[str], known: set[str], site: set[str]) -> bool:
    folded = {name.casefold() for name in printed}
    more = [name for name in printed if name.casefold() not in known]
    return bool(more) and known <= folded and all(is_person(name, site) for name in more)


def _from_linked_data(page: Page) -> list[str]:
    """Names in the main entity's ``author``, split where one string lists several people;
    a credit that is no list of names ("BR24 Redaktion") stays whole."""
    return [name for credit in _linked_credits(page) for name in split_names(credit) or [credit]]


def _linked_credits(page: Page) -> list[str]:
    """``author`` of the main entity as written: strings, Person/Organization objects, lists,
    @id references; profile URLs are no names."""
    credits: list[str] = []
    for author in page.linked.values("author"):
        name = _person_name(author) if isinstance(author, dict) else author
        items = name if isinstance(name, list) else [name]
        credits.extend(clean_text(item) for item in items if isinstance(item, str))
    return [credit for credit in credits if credit and not is_http_url(credit)]


def _person_name(person: dict[str, object]) -> object:
    """``name``, or given and family name joined (schema.org allows either)."""
    parts = [person.get("givenName"), person.get("familyName")]
    if person.get("name") or not all(isinstance(part, str) for part in parts):
        return person.get("name")
    return " ".join(str(part) for part in parts)


def _from_meta(page: Page) -> list[str]:
    """The first author meta tag with names; a profile URL or a credit giving the site's own
    domain ("Deutsche Welle (www.dw.com)") names the publisher, not a person."""
    domain = registrable_domain(page.url)
    for key in _META_KEYS:
        values = [
            v
            for v in page.meta.all(key)
            if not (is_http_url(v) or v.startswith("/") or _gives_domain(v, domain))
        ]
        names = [name for value in values for name in split_names(value)]
        if names:
            return names
    return []


def _gives_domain(value: str, domain: str) -> bool:
    """Whether ``value`` spells out the site's domain, other than in an author's e-mail."""
    return domain in _EMAIL.sub(" ", value).casefold()


def _from_link_preview(page: Page) -> list[str]:
    """The "Written by" entry of the link-preview labels, as twitter:misc:<label> or as a
    twitter:labelN / twitter:dataN pair."""
    for label in WRITTEN_BY.words:
        names = split_names(page.meta.first(f"twitter:misc:{label}") or "")
        if names:
            WRITTEN_BY.note(label)
            return names
    for number in range(1, _MAX_PREVIEW_LABELS + 1):
        label = page.meta.first(f"twitter:label{number}") or ""
        if label.casefold() in WRITTEN_BY:
            return split_names(page.meta.first(f"twitter:data{number}") or "")
    return []
