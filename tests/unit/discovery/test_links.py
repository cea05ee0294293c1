"""find_article_links on listing pages we wrote: exact article lists, in page order."""

from __future__ import annotations

import json
import re

import pytest

from newsbot.discovery import find_article_links
from newsbot.discovery.page import MAX_ANCHORS
from newsbot.sites.model import ArticleUrlRules

from .paths import FIXTURES

LISTINGS = sorted((FIXTURES / "listing").glob("*.html"))
SECTION = "https://www.harbour-times.example/world/"


def _expected(page: str) -> dict[str, object]:
    return json.loads((FIXTURES / "listing" / f"{page}.expected.json").read_text(encoding="utf-8"))


def _teasers(*hrefs: str) -> str:
    items = "".join(
        f'<article><h2><a href="{href}">A headline of five words</a></h2></article>'
        for href in hrefs
    )
    return f"<html><body><main>{items}</main></body></html>"


@pytest.mark.parametrize("page", LISTINGS, ids=[p.stem for p in LISTINGS])
def test_fixture_page_gives_exactly_its_articles(page):
    expected = _expected(page.stem)
    assert find_article_links(page.read_bytes(), expected["url"]) == expected["article_links"]


def test_str_and_bytes_give_the_same_links():
    page = LISTINGS[0]
    url = _expected(page.stem)["url"]
    assert find_article_links(page.read_text(encoding="utf-8"), url) == find_article_links(
        page.read_bytes(), url
    )


def test_tracking_duplicates_count_once_at_first_position_without_tracking():
    html = _teasers(
        "/2026/11/03/first-story-about-the-harbour/?utm_source=x&fbclid=1#comments",
        "/2026/11/02/second-story-about-the-harbour/",
        "/2026/11/03/first-story-about-the-harbour/",
    )
    assert find_article_links(html, SECTION) == [
        "https://www.harbour-times.example/2026/11/03/first-story-about-the-harbour/",
        "https://www.harbour-times.example/2026/11/02/second-story-about-the-harbour/",
    ]


def test_default_domains_are_the_pages_site_and_its_subdomains():
    html = _teasers(
        "https://live.harbour-times.example/2026/11/03/summit-live-coverage-day-one/",
        "https://harbour-times.example/2026/11/03/summit-closes-with-joint-statement/",
        "https://www.other-paper.example/2026/11/03/summit-closes-with-joint-statement/",
    )
    assert find_article_links(html, SECTION) == [
        "https://live.harbour-times.example/2026/11/03/summit-live-coverage-day-one/",
        "https://harbour-times.example/2026/11/03/summit-closes-with-joint-statement/",
    ]


def test_explicit_domains_replace_the_default():
    html = _teasers("https://www.other-paper.example/2026/11/03/summit-closes-with-a-deal/")
    assert find_article_links(html, SECTION, domains=["other-paper.example"]) == [
        "https://www.other-paper.example/2026/11/03/summit-closes-with-a-deal/"
    ]


@pytest.mark.parametrize(
    ("allow", "deny", "expected"),
    [
        pytest.param((), (), ["world", "opinion", "world-live"], id="no-rules"),
        pytest.param((r"/world/",), (), ["world", "world-live"], id="allow-must-match"),
        pytest.param((), (r"/opinion/",), ["world", "world-live"], id="deny"),
        pytest.param((r"/world/",), (r"-live-",), ["world"], id="deny-beats-allow"),
    ],
)
def test_site_rules_filter_the_articles(allow, deny, expected):
    urls = {
        "world": "/world/2026/11/03/floods-close-the-coastal-highway/",
        "opinion": "/opinion/2026/11/03/the-coastal-highway-was-never-safe/",
        "world-live": "/world/2026/11/03/floods-live-updates-from-the-coast/",
    }
    rules = ArticleUrlRules(
        allow=tuple(re.compile(p) for p in allow), deny=tuple(re.compile(p) for p in deny)
    )
    found = find_article_links(_teasers(*urls.values()), SECTION, rules=rules)
    assert found == [f"https://www.harbour-times.example{urls[key]}" for key in expected]


def test_the_page_itself_is_never_an_article():
    page = "https://www.harbour-times.example/2026/11/03/typhoon-mira-live-coverage/"
    html = _teasers(page.replace("https:", "http:"), f"{page}?utm_source=x", f"{page}#top")
    assert find_article_links(html, page) == []


def test_base_href_resolves_relative_links():
    html = (
        '<html><head><base href="https://www.harbour-times.example/stories/"></head><body>'
        '<article><h3><a href="2026/11/03/port-reopens-after-the-storm">Port reopens after the '
        "storm</a></h3></article></body></html>"
    )
    assert find_article_links(html, SECTION) == [
        "https://www.harbour-times.example/stories/2026/11/03/port-reopens-after-the-storm"
    ]


def test_declared_charset_is_honoured_for_bytes():
    html = (
        '<html><head><meta charset="iso-8859-1"></head><body><article><h2>'
        '<a href="/2026/11/03/m\xfcnchen-feiert-den-hafenabschluss">M\xfcnchen feiert den '
        "Hafenabschluss heute</a></h2></article></body></html>"
    ).encode("iso-8859-1")
    assert find_article_links(html, SECTION) == [
        "https://www.harbour-times.example/2026/11/03/m%C3%BCnchen-feiert-den-hafenabschluss"
    ]


@pytest.mark.parametrize(
    "html",
    [b"", "", "   ", b"\x00\x01\x02 not html", "<html><body><p>No links</p></body></html>"],
    ids=["empty-bytes", "empty-str", "blank", "binary", "no-links"],
)
def test_pages_without_links_give_nothing(html):
    assert find_article_links(html, SECTION) == []


def test_a_page_of_endless_links_is_read_up_to_the_cap(caplog):
    teaser = "<h2><a href='/2026/11/20/story-{n}-about-the-harbour-wall/'>Story {n} here</a></h2>"
    page = "<main>" + "".join(teaser.format(n=n) for n in range(MAX_ANCHORS + 500)) + "</main>"
    links = find_article_links(page, "https://ledger.example/asia/")
    assert len(links) == MAX_ANCHORS
    assert links[-1].endswith(f"/story-{MAX_ANCHORS - 1}-about-the-harbour-wall/")
    assert f"has over {MAX_ANCHORS} links" in caplog.text
