"""A section page read once gives the same links and next page as reading it for each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsbot.discovery import find_article_links, find_next_page, read_listing

LISTINGS = Path(__file__).parents[2] / "fixtures" / "discovery" / "listing"
PAGES = sorted(LISTINGS.glob("*.html"))


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_one_read_gives_the_links_and_the_next_page(path: Path) -> None:
    url = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))["url"]
    html = path.read_bytes()
    listed = read_listing(html, url)
    assert listed.articles == find_article_links(html, url)
    assert listed.articles, "the fixture lists articles"
    assert listed.next_page == find_next_page(html, url)


def test_the_wordpress_pager_is_read_in_the_same_pass() -> None:
    path = LISTINGS / "wordpress_section.html"
    listed = read_listing(
        path.read_bytes(), "https://www.harbour-times.example/category/world/asia-pacific/"
    )
    assert (
        listed.next_page == "https://www.harbour-times.example/category/world/asia-pacific/page/2/"
    )


def test_a_page_that_is_no_html_lists_nothing() -> None:
    listed = read_listing(b"", "https://news.example/world/")
    assert (listed.articles, listed.next_page) == ([], None)
