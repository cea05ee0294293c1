"""How an extraction is judged against a page's labels: which columns, and when a value is right.

Title: exact (after whitespace and Unicode clean-up); headline: the title, on the pages whose
label is the headline the page prints; authors and tags: the same set; date: the same day in
the label's offset and, where both give a time, the same minute (date_day: the same day);
language: the same two-letter code. Nothing found is an empty value, judged like any other.

Which pages a column is over depends on the labels alone, never on the prediction, so every
extractor is judged on the same pages.
"""

from __future__ import annotations

from datetime import UTC, timedelta, timezone
from typing import TYPE_CHECKING

from newsbot.dates import parse_datetime
from newsbot.text import clean_text

if TYPE_CHECKING:
    from benchmarks.corpora import Page
    from benchmarks.extractors import Prediction

#: The judged columns, each with the Prediction field it judges.
SOURCES = {
    "title": "title",
    "headline": "title",
    "authors": "authors",
    "date": "published",
    "date_day": "published",
    "language": "language",
    "tags": "tags",
}
FIELDS = tuple(SOURCES)
_SAME_INSTANT = timedelta(minutes=1)
# Marks labels written without an offset (parse_datetime attaches it to naive values).
_NAIVE = timezone(timedelta(0), "naive")


def judge_fields(
    page: Page, prediction: Prediction, *, printed: bool = False, crashed: bool = False
) -> dict[str, bool | None]:
    """Which fields the prediction got right, by the rules above (None:
    the page has no label for it). A crash is wrong on every labelled field."""
    day, instant = judge_date(page.published, prediction.published)
    title = _equal_text(page.title, prediction.title)
    judged = {
        "title": title,
        "headline": title if printed else None,
        "authors": _equal_set(page.authors, prediction.authors),
        "date": instant,
        "date_day": day,
        "language": _equal_language(page.language, prediction.language),
        "tags": _equal_set(page.tags, prediction.tags),
    }
    return {k: None if v is None else v and not crashed for k, v in judged.items()}


def _equal_text(want: str | None, got: str | None) -> bool | None:
    if want is None:
        return None
    return clean_text(want) == clean_text(got or "")


def _equal_set(want: tuple[str, ...] | None, got: tuple[str, ...] | None) -> bool | None:
    """The same names, in any order (authors, tags); nothing found is the empty set."""
    if want is None:
        return None
    return {clean_text(a) for a in want} == {clean_text(a) for a in got or ()}


def _equal_language(want: str | None, got: str | None) -> bool | None:
    if not want:
        return None
    return (got or "")[:2].lower() == want[:2].lower()


def judge_date(want: str | None, got: str | None) -> tuple[bool | None, bool | None]:
    """(same day in the label's own offset, same day and - where both have a time - minute).

    A label without an offset names a wall-clock time in an unknown zone: the prediction is
    on the same day if that day is its date in some zone (UTC-12 to UTC+14), and such a
    label has no instant to compare.
    """
    expected = parse_datetime(want, default_tz=_NAIVE)
    if expected is None:
        return None, None
    predicted = parse_datetime(got)
    if predicted is None:
        return False, False
    if expected.tzinfo is _NAIVE:
        utc = predicted.astimezone(UTC)
        same_day = expected.date() in {(utc + timedelta(hours=h)).date() for h in (-12, 0, 14)}
        return same_day, same_day
    same_day = predicted.astimezone(expected.tzinfo).date() == expected.date()
    both_timed = _has_time(expected) and _has_time(predicted)
    same_instant = abs(predicted - expected) < _SAME_INSTANT if both_timed else same_day
    return same_day, same_day and same_instant


def _has_time(value: object) -> bool:
    return any(getattr(value, part) for part in ("hour", "minute", "second"))


def suspect_labels(pages: list[Page]) -> list[Page]:
    """Pages whose labelled publishing date lies after the crawl (e.g. day and month swapped)."""
    suspects = []
    for page in pages:
        published, crawled = parse_datetime(page.published), parse_datetime(page.crawled)
        if published and crawled and published > crawled + timedelta(days=1):
            suspects.append(page)
    return suspects
