"""How a page names its own site and sections, to tell a headline or an author from the
publisher's name and a title's category suffix ("Headline | Sport") from the headline."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from newsbot.extraction.document import elements
from newsbot.extraction.jsonld import node_types
from newsbot.text import clean_text

if TYPE_CHECKING:
    from collections.abc import Iterator

    from newsbot.extraction.document import Page

_NON_WORD = re.compile(r"\W+")
# Shorter compacted names ("de", "tv") would match inside anything.
_MIN_NAME_CHARS = 3
# Links of a breadcrumb trail; the current page's own crumb (often the headline) is no link.
_CRUMB_LINKS = "//*[contains(@class, 'readcrumb') or contains(@id, 'readcrumb')]//a"
# A section is named in a few words; a longer crumb or path segment is a headline or a slug.
_MAX_SECTION_WORDS = 4


def compact(text: str) -> str:
    """Case, spacing and punctuation removed: "n-tv NACHRICHTEN" -> "ntvnachrichten"."""
    return _NON_WORD.sub("", text.casefold())


def site_names(page: Page) -> set[str]:
    """Compacted names of the site: og:site_name, application-name, publisher, host labels."""
    names = {page.meta.first("og:site_name"), page.meta.first("application-name")}
    publisher = page.linked.resolve((page.linked.main or {}).get("publisher"))
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
        names.add(str(publisher["name"]))
    host = (urlsplit(page.url).hostname or "").removeprefix("www.")
    names.update(host.split(".")[:-1])
    return {compact(name) for name in names if name and len(compact(name)) >= _MIN_NAME_CHARS}


def names_site(text: str, names: set[str]) -> bool:
    """Whether ``text`` is one of the site's names (or one of them is part of it, or it of one)."""
    compacted = compact(text)
    return bool(compacted) and any(name in compacted or compacted in name for name in names)


def section_names(page: Page) -> set[str]:
    """Compacted names of the sections the page says it belongs to: ``article:section``, JSON-LD
    ``articleSection`` and breadcrumb trail, breadcrumb links, and the URL's folders."""
    found = [
        *page.meta.all("article:section"),
        *(item for item in page.linked.values("articleSection") if isinstance(item, str)),
        *_linked_crumbs(page),
        *_crumb_links(page),
        *_url_folders(page.url),
    ]
    return {compact(name) for name in found if 0 < len(name.split()) <= _MAX_SECTION_WORDS}


def _crumb_links(page: Page) -> Iterator[str]:
    """Texts of breadcrumb links but one to the page itself (its crumb is the headline)."""
    here = page.url.rstrip("/")
    for link in elements(page.root.xpath(_CRUMB_LINKS)):
        if (page.absolute(link.get("href")) or "").rstrip("/") != here:
            yield clean_text(link.text_content())


def _linked_crumbs(page: Page) -> Iterator[str]:
    """Names of a JSON-LD BreadcrumbList but the last (the page itself)."""
    for node in page.linked.nodes:
        items = node.get("itemListElement") if "BreadcrumbList" in node_types(node) else None
        for item in items[:-1] if isinstance(items, list) else []:
            name = _crumb_name(page, item)
            if name:
                yield name


def _crumb_name(page: Page, item: object) -> str | None:
    """A ListItem's ``name``, or that of the ``item`` it points to (schema.org allows both)."""
    if not isinstance(item, dict):
        return None
    named = page.linked.resolve(item.get("item"))
    for node in (item, named):
        name = node.get("name") if isinstance(node, dict) else None
        if isinstance(name, str):
            return name
    return None


def _url_folders(url: str) -> list[str]:
    """The URL's path segments but the last (the article's own slug), as words ("us-news");
    a segment with digits is a date or an id, never a section."""
    folders = urlsplit(url).path.strip("/").split("/")[:-1]
    return [re.sub(r"[-_+]", " ", f) for f in folders if not any(c.isdigit() for c in f)]
