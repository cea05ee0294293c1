"""The pure helpers every field goes through: text cleaning, canonical URLs, UTC dates."""

from __future__ import annotations

from datetime import UTC
from zoneinfo import ZoneInfo

import pytest

from newsbot.dates import to_utc_iso
from newsbot.text import body_fingerprint, clean_body, clean_text, word_count
from newsbot.urls import canonical_url, is_on_domains, registrable_domain, strip_tracking


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Typhoon\u00a0Haikui &amp; the\tcoast \n", "Typhoon Haikui & the coast"),
        ("Zero\u200bwidth\ufeff and soft\u00adhyphen", "Zerowidth and softhyphen"),
        ("Cafe\u0301 control\x07char", "Caf\u00e9 controlchar"),
        ("", ""),
    ],
    ids=["entities-and-spaces", "invisible", "nfc-and-control", "empty"],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_clean_body_keeps_paragraphs_separated_by_one_blank_line() -> None:
    raw = "  First  line \n\n\n\n Second\u00a0para \r\n \r\n Third\n"
    assert clean_body(raw) == "First line\n\nSecond para\n\nThird"


def test_word_count_counts_cjk_characters() -> None:
    assert word_count("Japan’s market — open at 3:30 p.m.") == 6
    assert word_count("東京都 news") == 4
    assert word_count("text日本 _ 서울 ") == 4  # CJK inside a token counts per character


def test_fingerprint_ignores_case_punctuation_and_spacing() -> None:
    a = body_fingerprint("The port reopened.\n\n“It is calm,” she said.")
    b = body_fingerprint('the  port reopened\n"It is calm" she said')
    assert a == b
    assert a != body_fingerprint("The port closed.")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://Example.com/a/?utm_source=x&utm_medium=y", "https://example.com/a/"),
        ("https://example.com/a/?fbclid=abc&id=7#comments", "https://example.com/a/?id=7"),
        ("http://example.com:80/a?b=2&a=1&gclid=z", "http://example.com/a?a=1&b=2"),
        ("https://example.com", "https://example.com/"),
    ],
    ids=["utm", "fbclid-and-fragment", "port-and-order", "empty-path"],
)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_strip_tracking_keeps_query_order() -> None:
    assert strip_tracking("https://e.com/p?z=1&utm_campaign=c&a=2") == "https://e.com/p?z=1&a=2"


@pytest.mark.parametrize(
    ("url", "stripped"),
    [
        ("https://e.com/news/story-1;jsessionid=0A1B2C?x=1", "https://e.com/news/story-1?x=1"),
        ("https://e.com/news/story-1;JSESSIONID=0A1B2C", "https://e.com/news/story-1"),
        ("https://e.com/story.php?PHPSESSID=ab12&id=5", "https://e.com/story.php?id=5"),
        ("https://e.com/story.asp?ASPSESSIONIDQQ=XY&id=5", "https://e.com/story.asp?id=5"),
        # sid is a story id in PHP news scripts: kept.
        ("https://e.com/article.php?sid=1234", "https://e.com/article.php?sid=1234"),
    ],
)
def test_session_ids_are_not_part_of_an_article_url(url: str, stripped: str) -> None:
    assert strip_tracking(url) == stripped


def test_is_on_domains_accepts_subdomains_only() -> None:
    assert is_on_domains("https://www.bbc.com/news", ("bbc.com",))
    assert not is_on_domains("https://notbbc.com/news", ("bbc.com",))


@pytest.mark.parametrize(
    ("value", "tz", "expected"),
    [
        ("2026-11-03T08:15:00+08:00", UTC, "2026-11-03T00:15:00+00:00"),
        ("Tue, 03 Nov 2026 08:15:00 GMT", UTC, "2026-11-03T08:15:00+00:00"),
        ("2026-11-03 09:00", ZoneInfo("Asia/Tokyo"), "2026-11-03T00:00:00+00:00"),
        ("0000-00-00 00:00:00", UTC, None),
        ("yesterday-ish", UTC, None),
        (None, UTC, None),
    ],
    ids=["offset", "rfc822", "naive-in-site-tz", "placeholder", "not-a-date", "none"],
)
def test_to_utc_iso(value: str | None, tz: ZoneInfo, expected: str | None) -> None:
    assert to_utc_iso(value, tz) == expected


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://uk.news.yahoo.com/story", "yahoo.com"),
        ("https://www.bbc.co.uk/news", "bbc.co.uk"),
        ("http://127.0.0.1:8000/a", "127.0.0.1"),
        ("https://live.www.harbour-times.example/a", "harbour-times.example"),
    ],
    ids=["subdomain", "two-label-suffix", "ip", "unknown-suffix"],
)
def test_registrable_domain(url: str, site: str) -> None:
    assert registrable_domain(url) == site
