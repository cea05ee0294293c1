"""Publication dates: which source speaks, and where a time written without offset was written."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from newsbot.dates import parse_datetime
from newsbot.extraction.document import load_page
from newsbot.extraction.published import extract_dates
from newsbot.extraction.zones import zone_of_language
from newsbot.sites.model import ExtractionHints

URL = "https://www.courier.example/town/harbour-wall"


def published(page: str, hints: ExtractionHints | None = None) -> tuple[str | None, str | None]:
    dates = extract_dates(load_page(page, URL, hints or ExtractionHints()))
    return dates.published, dates.source


def linked(**dates: str) -> str:
    fields = ", ".join(f'"{key}": "{value}"' for key, value in dates.items())
    return f'<script type="application/ld+json">{{"@type": "NewsArticle", {fields}}}</script>'


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Fri Apr 28 19:20:36 CEST 2023", "2023-04-28T19:20:36+02:00"),
        ("Mar 4, 2024 10:00 EST", "2024-03-04T10:00:00-05:00"),
        ("05.04.2023 10:00", "2023-04-05T10:00:00+00:00"),
    ],
)
def test_zone_abbreviations_and_dotted_dates(text: str, iso: str) -> None:
    parsed = parse_datetime(text)
    assert parsed is not None
    assert parsed.isoformat() == iso


def test_a_time_without_offset_stays_naive_when_asked() -> None:
    parsed = parse_datetime("2024-05-01 10:00", None)
    assert parsed is not None
    assert parsed.tzinfo is None


def test_the_same_wall_clock_time_with_an_offset_gives_the_offset() -> None:
    page = linked(datePublished="2024-05-01 10:00:00.0") + (
        '<meta name="date" content="2024-05-01T10:00:00+02:00">'
    )
    assert published(page) == ("2024-05-01T08:00:00+00:00", "json-ld")


def test_another_date_on_the_page_gives_the_sites_offset() -> None:
    page = linked(datePublished="2024-05-01T10:00:00", dateModified="2024-05-02T09:00:00+02:00")
    assert published(page) == ("2024-05-01T08:00:00+00:00", "json-ld")


def test_the_language_tag_gives_the_zone_when_it_implies_one() -> None:
    page = '<html lang="de-AT">' + linked(datePublished="2024-01-15T10:00:00")
    assert published(page)[0] == "2024-01-15T09:00:00+00:00"
    page = '<html lang="en">' + linked(datePublished="2024-01-15T10:00:00")
    assert published(page)[0] == "2024-01-15T10:00:00+00:00"


def test_a_declared_site_timezone_comes_before_guesses() -> None:
    page = '<html lang="de">' + linked(datePublished="2024-01-15T10:00:00")
    hints = ExtractionHints(timezone=ZoneInfo("Asia/Tokyo"))
    assert published(page, hints)[0] == "2024-01-15T01:00:00+00:00"


def test_a_bare_date_stays_on_its_day() -> None:
    page = '<html lang="de">' + linked(datePublished="2024-01-15")
    assert published(page)[0] == "2024-01-15T00:00:00+00:00"


def test_a_labelled_date_in_a_fact_box() -> None:
    page = "<article><h1>Wall</h1><ul><li><strong>Datum</strong> 05.04.2023</li></ul></article>"
    assert published(page) == ("2023-04-05T00:00:00+00:00", "label")


@pytest.mark.parametrize(
    ("tag", "zone"),
    [
        ("de-DE", "Europe/Berlin"),
        ("de_CH", "Europe/Zurich"),
        ("de", "Europe/Berlin"),
        ("ja", "Asia/Tokyo"),
        ("en", None),
        ("en-US", None),
        ("pt-BR", None),
        ("", None),
    ],
)
def test_zone_of_language(tag: str, zone: str | None) -> None:
    found = zone_of_language(tag)
    assert (found.key if found else None) == zone
