"""Malformed input around good links: links too malformed to parse (an unclosed IPv6
bracket, a port that is no number) are skipped wherever a page, feed or sitemap gives them,
and undeclared namespace prefixes are read; the good links beside them still count."""

from __future__ import annotations

import pytest

from newsbot.discovery import find_article_links, find_next_page, parse_feed, parse_sitemap
from newsbot.urls import is_http_url, resolve_url

BAD = ["http://[oops/2026/11/20/story", "http://ledger.example:port/2026/11/20/story/"]
GOOD = "https://ledger.example/2026/11/20/harbour-wall-approved-after-long-row/"


@pytest.mark.parametrize("href", BAD)
def test_a_malformed_url_resolves_to_nothing(href: str) -> None:
    assert resolve_url("https://ledger.example/", href) is None
    assert not is_http_url(href)


def test_listing_page_links() -> None:
    teasers = "".join(f"<article><h2><a href='{u}'>Harbour wall story</a></h2></article>"
                      for u in [*BAD, GOOD])  # fmt: skip
    page = f"<html><head><base href='{BAD[0]}'></head><body><main>{teasers}</main></body></html>"
    assert find_article_links(page, "https://ledger.example/asia/") == [GOOD]


def test_next_page_link() -> None:
    page = f"<html><head><link rel='next' href='{BAD[1]}'></head><body></body></html>"
    assert find_next_page(page, "https://ledger.example/asia/") is None


def test_feed_items() -> None:
    items = "".join(f"<item><title>t</title><link>{u}</link></item>" for u in [*BAD, GOOD])
    feed = f"<?xml version='1.0'?><rss version='2.0'><channel>{items}</channel></rss>"
    entries = parse_feed(feed.encode(), "https://ledger.example/feed.xml")
    assert [entry.url for entry in entries] == [GOOD]


def test_sitemap_locs() -> None:
    urls = "".join(f"<url><loc>{u}</loc></url>" for u in [*BAD, GOOD])
    sitemap = (
        "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        f"{urls}</urlset>"
    )
    parsed = parse_sitemap(sitemap.encode(), "https://ledger.example/sitemap.xml")
    assert [entry.url for entry in parsed.entries] == [GOOD]


def test_namespace_prefixes_a_feed_never_declares_are_read_like_declared_ones() -> None:
    feed = (
        "<?xml version='1.0'?><rss version='2.0'><channel><item><title>Wall</title>"
        f"<link>{GOOD}</link><dc:date>2026-11-20</dc:date></item></channel></rss>"
    )
    entries = parse_feed(feed.encode(), "https://ledger.example/feed.xml")
    assert [(e.url, e.published) for e in entries] == [(GOOD, "2026-11-20")]
    sitemap = (
        "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        f"<url><loc>{GOOD}</loc><news:news><news:title>Wall</news:title>"
        "<news:publication_date>2026-11-20</news:publication_date></news:news></url></urlset>"
    )
    (entry,) = parse_sitemap(sitemap.encode(), "https://ledger.example/sitemap.xml").entries
    assert (entry.news_title, entry.news_published) == ("Wall", "2026-11-20")
