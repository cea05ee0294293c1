"""Spider arguments are validated once, with errors naming the bad argument."""

from __future__ import annotations

from datetime import date

import pytest
from scrapy.exceptions import UsageError

from newsbot.sites import load_sites
from newsbot.spiders.arguments import SectionArguments
from newsbot.spiders.selection import select_sites


def test_parse_all_arguments() -> None:
    args = SectionArguments.parse(
        {"sites": "bbc, guardian,bbc", "max_pages": "3", "since": "2026-11-01", "limit": "10"}
    )
    assert args == SectionArguments(("bbc", "guardian"), 3, date(2026, 11, 1), 10)


def test_no_arguments_means_defaults() -> None:
    assert SectionArguments.parse({}) == SectionArguments()


def test_scrapyd_job_arguments_are_accepted() -> None:
    raw = {"_job": "6487ec79947edab326d6db28a2d86511", "_version": "1733581200", "limit": "3"}
    assert SectionArguments.parse(raw) == SectionArguments(limit=3)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"max_pages": "0"}, "max_pages='0'"),
        ({"limit": "ten"}, "limit='ten'"),
        ({"since": "01/11/2026"}, "since='01/11/2026': expected a date as YYYY-MM-DD"),
        ({"sites": "bbc;guardian"}, "sites='bbc;guardian'"),
        ({"site": "bbc"}, "unknown spider argument.*site"),
    ],
    ids=["zero-pages", "word-limit", "day-first-date", "bad-separator", "misspelt-name"],
)
def test_bad_arguments_are_named(raw: dict[str, str], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        SectionArguments.parse(raw)


def test_select_sites_subset_keeps_order() -> None:
    chosen = select_sites(load_sites(), "asia_pacific", ("rnz", "bbc"))
    assert [site.key for site in chosen] == ["rnz", "bbc"]


def test_select_unknown_site_lists_the_available_ones() -> None:
    with pytest.raises(UsageError, match=r"nope not declared.*available: aljazeera"):
        select_sites(load_sites(), "asia_pacific", ("nope",))


def test_select_section_nobody_has() -> None:
    with pytest.raises(UsageError, match="no declared site has a 'sport' section"):
        select_sites(load_sites(), "sport", None)
