"""Dates as exported: ISO 8601 in UTC, or None — never an invented "now"."""

from __future__ import annotations

import re
import warnings
from datetime import UTC, datetime, tzinfo

from dateutil import parser as dateutil_parser
from dateutil.parser import UnknownTimezoneWarning

# Pages carry placeholder dates (0000-00-00, 1970 epoch zero); nothing real predates the web.
_EARLIEST_YEAR = 1991
_HOUR = 3600
# "05.04.2023" is the 5th of April wherever dates are written with dots; dateutil would read
# it month first.
_DOTTED_DATE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}\b")
# Zone abbreviations news pages print ("Fri Apr 28 19:20:36 CEST 2023", "10:00 a.m. EST"), as
# UTC offsets in seconds. Where one abbreviation has several meanings, the one of the news
# sites that print it wins: CST is US Central here, not China; IST (India, Ireland, Israel)
# is left out and read like any unknown abbreviation, in the site's timezone.
_ZONE_ABBREVIATIONS = {
    "UTC": 0, "GMT": 0, "WET": 0, "WEST": _HOUR, "BST": _HOUR, "CET": _HOUR, "CEST": 2 * _HOUR,
    "MEZ": _HOUR, "MESZ": 2 * _HOUR, "EET": 2 * _HOUR, "EEST": 3 * _HOUR, "MSK": 3 * _HOUR,
    "HKT": 8 * _HOUR, "SGT": 8 * _HOUR, "AWST": 8 * _HOUR,
    "JST": 9 * _HOUR, "KST": 9 * _HOUR, "AEST": 10 * _HOUR, "AEDT": 11 * _HOUR,
    "NZST": 12 * _HOUR, "NZDT": 13 * _HOUR, "EST": -5 * _HOUR, "EDT": -4 * _HOUR,
    "CST": -6 * _HOUR, "CDT": -5 * _HOUR, "MST": -7 * _HOUR, "MDT": -6 * _HOUR,
    "PST": -8 * _HOUR, "PDT": -7 * _HOUR, "AKST": -9 * _HOUR, "AKDT": -8 * _HOUR,
    "HST": -10 * _HOUR,
}  # fmt: skip


def parse_datetime(
    value: str | datetime | None, default_tz: tzinfo | None = UTC
) -> datetime | None:
    """A datetime from any common spelling, or None when it is not a date.

    Naive values are taken to be in ``default_tz`` (a site's declared timezone; UTC otherwise),
    or stay naive when it is None (for callers that look for the offset elsewhere).
    """
    if value is None:
        return None
    parsed: datetime | None
    if isinstance(value, datetime):
        parsed = value
    else:
        text = value.strip()
        if not text or not any(ch.isdigit() for ch in text):
            return None
        try:
            # Most values are ISO 8601 already (metadata, and every value newsbot exports):
            # read them without dateutil's guessing, fifty times faster.
            parsed = datetime.fromisoformat(text)
        except ValueError:
            parsed = _guess(text)
        if parsed is None:
            return None
    if parsed.tzinfo is None and default_tz is not None:
        parsed = parsed.replace(tzinfo=default_tz)
    return parsed if parsed.year >= _EARLIEST_YEAR else None


def _guess(text: str) -> datetime | None:
    """dateutil's reading of a date in any common spelling, or None."""
    try:
        with warnings.catch_warnings():
            # An abbreviation dateutil does not know makes it warn and return the time
            # without offset, which is then read in ``default_tz``. That is page data,
            # not a program error, and must not become one where warnings are errors.
            warnings.simplefilter("ignore", UnknownTimezoneWarning)
            parsed: datetime = dateutil_parser.parse(
                text,
                fuzzy=False,
                dayfirst=bool(_DOTTED_DATE.match(text)),
                tzinfos=_ZONE_ABBREVIATIONS,
            )
    except (ValueError, OverflowError):
        return None
    return parsed


def to_utc_iso(value: str | datetime | None, default_tz: tzinfo = UTC) -> str | None:
    """``value`` as ``YYYY-MM-DDTHH:MM:SS+00:00``, or None when it is not a date."""
    parsed = parse_datetime(value, default_tz)
    if parsed is None:
        return None
    return parsed.astimezone(UTC).replace(microsecond=0).isoformat()


def utc_now_iso() -> str:
    """The current time in the export format (for ``fetched_at`` only)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()
