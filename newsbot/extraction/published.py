"""When the article was published and last modified, and which part of the page said so."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from dateutil.parser import UnknownTimezoneWarning
from htmldate import find_date

from newsbot.dates import parse_datetime, to_utc_iso
from newsbot.extraction.document import elements

if TYPE_CHECKING:
    from collections.abc import Callable

    from newsbot.extraction.document import Page

_LINKED_KEYS = {
    "published": ("datePublished", "dateCreated", "uploadDate"),
    "modified": ("dateModified",),
}
_META_KEYS = {
    "published": (
        "article:published_time", "article:published", "og:published_time", "datepublished",
        "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date",
        "dcterms.date", "dcterms.created", "publish-date", "publishdate", "pubdate",
        "publication_date", "date",
    ),
    "modified": (
        "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
        "dc.date.modified", "sailthru.lastmodified",
    ),
}  # fmt: skip
# Marked-up dates inside the article, the explicitly labelled ones before any <time>.
_TIME_XPATHS = {
    "published": (
        ".//*[@itemprop='datePublished']",
        ".//time[@pubdate or contains(concat(' ', normalize-space(@class), ' '), ' published ')]",
        ".//time[not(contains(@class, 'update') or contains(@class, 'modified'))]",
    ),
    "modified": (
        ".//*[@itemprop='dateModified']",
        ".//time[contains(@class, 'update') or contains(@class, 'modified')]",
    ),
}
# Clocks and time zones disagree by hours; a date further ahead than this is a placeholder or
# an event date, not a publication date.
_FUTURE_TOLERANCE = timedelta(days=1)


@dataclass(frozen=True)
class ArticleDates:
    """Publication and modification time (UTC ISO) and the source of the publication time.

    ``modified`` is set only when it is later than ``published``: a page that was never updated
    says nothing by repeating its publication time.
    """

    published: str | None = None
    modified: str | None = None
    source: str | None = None


def extract_dates(page: Page) -> ArticleDates:
    """JSON-LD, then meta tags, then ``<time>`` in the article, then htmldate (published only)."""
    sources: tuple[tuple[str, Callable[[Page, str], list[str]]], ...] = (
        ("json-ld", _linked_data),
        ("meta", _meta),
        ("time", _time_elements),
    )
    published = source = modified = None
    for name, candidates in sources:
        if published is None:
            published = _first_valid(page, candidates(page, "published"))
            source = name if published else None
        if modified is None:
            modified = _first_valid(page, candidates(page, "modified"))
    if published is None:
        published = _first_valid(page, _htmldate(page))
        source = "htmldate" if published else None
    if modified is not None and published is not None and modified <= published:
        modified = None  # CMSs stamp dateModified = datePublished on posts never updated
    return ArticleDates(published=published, modified=modified, source=source)


def _linked_data(page: Page, kind: str) -> list[str]:
    found = (page.linked.text(key, anywhere=True) for key in _LINKED_KEYS[kind])
    return [value for value in found if value]


def _meta(page: Page, kind: str) -> list[str]:
    return [value for key in _META_KEYS[kind] for value in page.meta.all(key)]


def _time_elements(page: Page, kind: str) -> list[str]:
    values = []
    for xpath in _TIME_XPATHS[kind]:
        for element in elements(page.scope.xpath(xpath)):
            # A <time> without datetime="" still shows the date as its text.
            value = element.get("datetime") or element.get("content") or element.text_content()
            if value.strip():
                values.append(value)
    return values


def _htmldate(page: Page) -> list[str]:
    """htmldate's guess from markup, URL and text patterns; it never invents "now"."""
    found = find_date(page.root, extensive_search=False, original_date=True, url=page.url)
    return [found] if isinstance(found, str) else []


def _first_valid(page: Page, values: list[str]) -> str | None:
    """The first value that is a real date, not in the future, as UTC ISO."""
    latest = datetime.now(UTC) + _FUTURE_TOLERANCE
    for value in values:
        with warnings.catch_warnings():
            # "10:00 EST": dateutil warns that it does not know the abbreviation and returns
            # the time without offset, which is then read in the site's timezone. That is page
            # data, not a program error, and must not become one where warnings are errors.
            warnings.simplefilter("ignore", UnknownTimezoneWarning)
            parsed = parse_datetime(value, page.hints.timezone)
        if parsed is not None and parsed <= latest:
            return to_utc_iso(parsed)
    return None
