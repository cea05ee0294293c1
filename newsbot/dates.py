"""Dates as exported: ISO 8601 in UTC, or None — never an invented "now"."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from dateutil import parser as dateutil_parser

# Pages carry placeholder dates (0000-00-00, 1970 epoch zero); nothing real predates the web.
_EARLIEST_YEAR = 1991


def parse_datetime(value: str | datetime | None, default_tz: tzinfo = UTC) -> datetime | None:
    """A timezone-aware datetime from any common spelling, or None when it is not a date.

    Naive values are taken to be in ``default_tz`` (a site's declared timezone; UTC otherwise).
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        parsed = value
    else:
        text = value.strip()
        if not text or not any(ch.isdigit() for ch in text):
            return None
        try:
            parsed = dateutil_parser.parse(text, fuzzy=False)
        except (ValueError, OverflowError):
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=default_tz)
    return parsed if parsed.year >= _EARLIEST_YEAR else None


def to_utc_iso(value: str | datetime | None, default_tz: tzinfo = UTC) -> str | None:
    """``value`` as ``YYYY-MM-DDTHH:MM:SS+00:00``, or None when it is not a date."""
    parsed = parse_datetime(value, default_tz)
    if parsed is None:
        return None
    return parsed.astimezone(UTC).replace(microsecond=0).isoformat()


def utc_now_iso() -> str:
    """The current time in the export format (for ``fetched_at`` only)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()
