"""find_next_page on small pager snippets: each way sites link their next (older) page."""

from __future__ import annotations

import json

import pytest

from newsbot.discovery import find_next_page
from newsbot.discovery.pagination import page_number

from .paths import FIXTURES

SECTION = "https://news.example/world/"
LISTINGS = sorted((FIXTURES / "listing").glob("*.html"))

NEXT_PAGE_CASES = [
    pytest.param(
        '<html><head><link rel="next" href="/world/page/2/"></head><body></body></html>',
        SECTION,
        "https://news.example/world/page/2/",
        id="link-rel-next",
    ),
    pytest.param(
        '<p><a href="/world/?page=1">Newer</a> <a rel="next" href="/world/?page=3">Go</a></p>',
        "https://news.example/world/?page=2",
        "https://news.example/world/?page=3",
        id="a-rel-next",
    ),
    pytest.param(
        '<nav class="navigation posts-navigation"><div class="nav-links">'
        '<div class="nav-previous"><a href="/world/page/2/">← Older posts</a></div></div></nav>',
        SECTION,
        "https://news.example/world/page/2/",
        id="wordpress-older-posts",
    ),
    pytest.param(
        '<div class="nav-links"><a class="prev page-numbers" href="/world/">« Previous</a>'
        '<a class="page-numbers" href="/world/">1</a><span class="current">2</span>'
        '<a class="page-numbers" href="/world/page/3/">3</a>'
        '<a class="next page-numbers" href="/world/page/3/">Next »</a></div>',
        "https://news.example/world/page/2/",
        "https://news.example/world/page/3/",
        id="wordpress-page-numbers",
    ),
    pytest.param(
        '<ul class="pager"><li><a href="?page=1">1</a></li><li><a href="?page=2">2</a></li>'
        '<li><a href="?page=3">3</a></li></ul>',
        "https://news.example/world?page=2",
        "https://news.example/world?page=3",
        id="query-page-number",
    ),
    pytest.param(
        '<div><a href="/world?p=2">2</a> <a href="/world?p=3">3</a></div>',
        "https://news.example/world",
        "https://news.example/world?p=2",
        id="query-p-number",
    ),
    pytest.param(
        '<div><a href="/world/2/">2</a> <a href="/world/3/">3</a> <a href="/world/4/">4</a></div>',
        "https://news.example/world/3/",
        "https://news.example/world/4/",
        id="path-page-number",
    ),
    pytest.param(
        '<div class="pagination"><a href="/world/?page=2" aria-label="Next page">\u203a</a></div>',
        SECTION,
        "https://news.example/world/?page=2",
        id="symbol-in-pager",
    ),
    pytest.param(
        '<div class="stream"><a class="button" href="/world/?offset=20">Load more</a></div>',
        SECTION,
        "https://news.example/world/?offset=20",
        id="load-more",
    ),
    pytest.param(
        '<link rel="next" href="https://cdn.other.example/world/page/2/">'
        '<div class="pagination"><a href="/world/page/2/">Next</a></div>',
        SECTION,
        "https://news.example/world/page/2/",
        id="other-host-skipped",
    ),
]

LAST_PAGE_CASES = [
    pytest.param(
        '<div class="nav-links"><a class="prev page-numbers" href="/world/page/2/">« Newer</a>'
        '<a class="page-numbers" href="/world/">1</a><a class="page-numbers" href="/world/page/2/">'
        '2</a><span class="page-numbers current">3</span></div>',
        "https://news.example/world/page/3/",
        id="last-page-numbers",
    ),
    pytest.param(
        '<link rel="next" href="https://news.example/world/">', SECTION, id="next-is-the-page"
    ),
    pytest.param(
        '<a rel="next" href="https://other.example/world/page/2/">Next</a>', SECTION, id="off-host"
    ),
    pytest.param(
        '<section><h2>Business</h2><a href="/business/">More</a></section>', SECTION, id="more-link"
    ),
    pytest.param('<a href="#" class="next">Next</a>', SECTION, id="fragment-only"),
    pytest.param("", SECTION, id="empty"),
]


@pytest.mark.parametrize(("html", "url", "expected"), NEXT_PAGE_CASES)
def test_next_page_is_found(html, url, expected):
    assert find_next_page(html, url) == expected


@pytest.mark.parametrize(("html", "url"), LAST_PAGE_CASES)
def test_no_next_page(html, url):
    assert find_next_page(html, url) is None


@pytest.mark.parametrize("page", LISTINGS, ids=[p.stem for p in LISTINGS])
def test_fixture_pages(page):
    expected = json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))
    assert find_next_page(page.read_bytes(), expected["url"]) == expected["next_page"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/world/", ("https://news.example/world", 1)),
        ("https://news.example/world/page/7/", ("https://news.example/world", 7)),
        ("https://news.example/world?page=3&sort=new", ("https://news.example/world?sort=new", 3)),
        ("https://news.example/world/12/", ("https://news.example/world", 12)),
        ("https://news.example/world/48213377/", ("https://news.example/world/48213377", 1)),
    ],
    ids=["none", "path", "query", "bare-number", "id-is-not-a-page"],
)
def test_page_number(url, expected):
    assert page_number(url) == expected
