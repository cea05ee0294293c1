"""Who wrote the article: structured data first, then meta tags, then the visible byline."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsbot.extraction.bylines import split_names, unique
from newsbot.extraction.document import elements
from newsbot.extraction.sitename import names_site, site_names
from newsbot.urls import is_http_url

if TYPE_CHECKING:
    from collections.abc import Callable

    from lxml.html import HtmlElement

    from newsbot.extraction.document import Page

# Meta tags naming the author, most specific first (article:author is often a profile URL).
_META_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl")
_REL_AUTHOR = "//a[contains(concat(' ', normalize-space(@rel), ' '), ' author ')]"
# Class tokens of byline elements: "byline", "c-byline__name", "author", "post-author", ...
_BYLINE_CLASS = re.compile(r"byline|^(?:[a-z]+(?:-|_|__))?authors?(?:[-_]{1,2}names?)?$")
_BYLINE_CANDIDATES = ".//*[@class or @itemprop]"


def extract_authors(page: Page) -> list[str]:
    """Names from the first source that gives any, de-duplicated in page order.

    The publisher's own name ("STERN.de" as JSON-LD author) says nobody in particular: a
    source naming only the site is passed over for one naming people, and used only when no
    source does.
    """
    sources: tuple[Callable[[Page], list[str]], ...] = (
        _from_linked_data,
        _from_meta,
        _from_rel_author,
        _from_byline,
    )
    site = site_names(page)
    fallback: list[str] = []
    for source in sources:
        names = unique(source(page))
        if not all(names_site(name, site) for name in names):
            return names
        fallback = fallback or names
    return fallback


def _from_linked_data(page: Page) -> list[str]:
    """``author`` of the main entity: strings, Person/Organization objects, lists, @id refs."""
    names: list[str] = []
    for author in page.linked.values("author"):
        name = _person_name(author) if isinstance(author, dict) else author
        for item in name if isinstance(name, list) else [name]:
            if isinstance(item, str) and not is_http_url(item.strip()):
                names.extend(split_names(item))
    return names


def _person_name(person: dict[str, object]) -> object:
    """``name``, or given and family name joined (schema.org allows either)."""
    parts = [person.get("givenName"), person.get("familyName")]
    if person.get("name") or not all(isinstance(part, str) for part in parts):
        return person.get("name")
    return " ".join(str(part) for part in parts)


def _from_meta(page: Page) -> list[str]:
    for key in _META_KEYS:
        values = [v for v in page.meta.all(key) if not (is_http_url(v) or v.startswith("/"))]
        names = [name for value in values for name in split_names(value)]
        if names:
            return names
    return []


def _from_rel_author(page: Page) -> list[str]:
    links = elements(page.scope.xpath("." + _REL_AUTHOR)) or elements(page.root.xpath(_REL_AUTHOR))
    return [name for link in links for name in split_names(link.text_content())]


def _from_byline(page: Page) -> list[str]:
    """The first byline-looking element in the article: microdata author or a byline class."""
    for element in elements(page.scope.xpath(_BYLINE_CANDIDATES)):
        if element.get("itemprop") == "author" or _is_byline(element):
            return split_names(_byline_text(element))
    return []


def _is_byline(element: HtmlElement) -> bool:
    tokens = (element.get("class") or "").lower().split()
    return any(_BYLINE_CLASS.search(token) for token in tokens)


def _byline_text(element: HtmlElement) -> str:
    """Names separated the way the page separates them visually (one per child link or line)."""
    names = elements(element.xpath(".//*[@itemprop='name']")) or elements(element.xpath(".//a"))
    if len(names) > 1:
        return "\n".join(name.text_content() for name in names)
    return " ".join(element.itertext())
