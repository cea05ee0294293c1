"""Spider arguments (``-a name=value``) parsed once into a typed, validated value."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from scrapy.exceptions import UsageError

if TYPE_CHECKING:
    from collections.abc import Mapping

_SITE_LIST = re.compile(r"^[a-z0-9_-]+(,[a-z0-9_-]+)*$")
#: scrapyd passes its job id (and the egg version a schedule names) to every spider as ``-a``:
#: they name the job, not what to crawl, so they are accepted and left unused.
_SCRAPYD_ARGUMENTS = frozenset({"_job", "_version"})


@dataclass(frozen=True)
class SectionArguments:
    """What a section crawl was asked to do.

    ``sites``: the subset of site keys (None: every site with the section); ``max_pages``:
    section pages per listing (None: the NEWSBOT_MAX_PAGES setting); ``since``: skip articles
    published before this day; ``limit``: export at most this many articles.
    """

    sites: tuple[str, ...] | None = None
    max_pages: int | None = None
    since: date | None = None
    limit: int | None = None

    @classmethod
    def parse(cls, raw: Mapping[str, object]) -> SectionArguments:
        """Validate ``-a`` values; a bad or unknown one raises UsageError naming it."""
        unknown = set(raw) - {"sites", "max_pages", "since", "limit"} - _SCRAPYD_ARGUMENTS
        if unknown:
            raise UsageError(
                f"unknown spider argument(s): {', '.join(sorted(unknown))} "
                "(known: sites, max_pages, since, limit)"
            )
        return cls(
            sites=_site_list(raw.get("sites")),
            max_pages=_positive_int(raw.get("max_pages"), "max_pages"),
            since=_day(raw.get("since")),
            limit=_positive_int(raw.get("limit"), "limit"),
        )

    def as_settings(self) -> dict[str, object]:
        """The settings the given arguments stand for (applied at spider priority)."""
        settings: dict[str, object] = {}
        if self.max_pages:
            settings["NEWSBOT_MAX_PAGES"] = self.max_pages
        if self.since:
            settings["NEWSBOT_SINCE"] = self.since.isoformat()
        if self.limit:
            settings["NEWSBOT_LIMIT"] = self.limit
            # The CloseSpider extension stops the crawl once this many items were exported.
            settings["CLOSESPIDER_ITEMCOUNT"] = self.limit
        return settings


def _site_list(value: object) -> tuple[str, ...] | None:
    if value is None:
        return None
    text = str(value).strip().lower().replace(" ", "")
    if not _SITE_LIST.match(text):
        raise UsageError(
            f"-a sites={value!r}: expected comma-separated site keys, e.g. guardian,bbc"
        )
    return tuple(dict.fromkeys(text.split(",")))


def _positive_int(value: object, name: str) -> int | None:
    if value is None:
        return None
    try:
        number = int(str(value))
    except ValueError:
        number = 0
    if number < 1:
        raise UsageError(f"-a {name}={value!r}: expected a whole number >= 1")
    return number


def _day(value: object) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise UsageError(f"-a since={value!r}: expected a date as YYYY-MM-DD") from None
