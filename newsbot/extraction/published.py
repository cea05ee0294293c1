"""When the article was published and last modified, and which part of the page said so."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from htmldate import find_date

from newsbot.dates import parse_datetime, to_utc_iso
from newsbot.extraction.document import elements
from newsbot.extraction.labels import labelled
from newsbot.extraction.vocabulary import labels
from newsbot.extraction.zones import zone_of_language

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

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
# Labels printed before a date in fact boxes ("<strong>Datum</strong> 28.04.2023").
_DATE_LABELS = {"published": labels.PUBLISHED_LABELS, "modified": labels.MODIFIED_LABELS}
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
    """JSON-LD, then meta tags, then ``<time>`` in the article, then htmldate (published only).

    A value without offset is read in the zone the page itself gives away, by ``_zone_for``.
    """
    published, source = _first_valid(page, _candidates(page, "published"))
    if published is None:
        published, source = _first_valid(page, _htmldate(page))
    modified, _ = _first_valid(page, _candidates(page, "modified"))
    if modified is not None and published is not None and modified <= published:
        modified = None  # CMSs stamp dateModified = datePublished on posts never updated
    return ArticleDates(
        published=to_utc_iso(published), modified=to_utc_iso(modified), source=source
    )


def _candidates(page: Page, kind: str) -> Iterator[tuple[str, datetime]]:
    """The parseable dates of ``kind`` with the name of their source, in order of trust, read
    only as far as they are needed; values written without offset stay naive."""
    for name, read in _SOURCES:
        for value in read(page, kind):
            parsed = parse_datetime(value, None)
            if parsed is not None:
                yield name, parsed


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


def _labelled(page: Page, kind: str) -> list[str]:
    return list(labelled(page.root, _DATE_LABELS[kind]))


# Where dates are read, in order of trust; htmldate's guess comes after all of them.
_SOURCES: tuple[tuple[str, Callable[[Page, str], list[str]]], ...] = (
    ("json-ld", _linked_data),
    ("meta", _meta),
    ("time", _time_elements),
    ("label", _labelled),
)


def _htmldate(page: Page) -> list[tuple[str, datetime]]:
    """htmldate's guess from markup, URL and text patterns; it never invents "now"."""
    found = find_date(page.root, extensive_search=False, original_date=True, url=page.url)
    parsed = parse_datetime(found, None) if isinstance(found, str) else None
    return [("htmldate", parsed)] if parsed is not None else []


def _first_valid(
    page: Page, found: Iterable[tuple[str, datetime]]
) -> tuple[datetime | None, str | None]:
    """The first value not in the future, in a zone when it was written without one."""
    latest = datetime.now(UTC) + _FUTURE_TOLERANCE
    for source, value in found:
        aware = value if value.tzinfo else value.replace(tzinfo=_zone_for(value, page))
        if aware <= latest:
            return aware, source
    return None, None


def _zone_for(naive: datetime, page: Page) -> tzinfo:
    """Where a time without offset was written, from the most to the least direct evidence.

    A bare date names a day, not an instant: it stays that day (midnight UTC) rather than
    moving to the evening before. A time is read:

    1. another date on the page showing the same wall-clock time with an offset (JSON-LD
       without offset, the meta tag with) is that very time;
    2. the site's declared timezone (the hints' default, UTC itself, declares nothing);
    3. the offset of the page's other dates, which is the site's;
    4. the zone the page's language tag implies, where it implies one (see ``zones``);
    5. UTC.
    """
    if naive.time() == time():
        return UTC
    offsets = [
        value
        for kind in ("published", "modified")
        for _, value in _candidates(page, kind)
        if value.tzinfo
    ]
    for dated in offsets:
        if _wall_clock(dated) == _wall_clock(naive):
            return _offset(dated)
    if page.hints.timezone is not UTC:
        return page.hints.timezone
    if offsets:
        return _offset(offsets[0])
    tag = page.root.get("lang") or page.meta.first("content-language", "og:locale")
    return zone_of_language(tag) or UTC


def _wall_clock(value: datetime) -> datetime:
    return value.replace(tzinfo=None, second=0, microsecond=0)


def _offset(value: datetime) -> tzinfo:
    return value.tzinfo or UTC
