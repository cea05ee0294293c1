"""What a sitemap or feed may cost: the newest entries kept, oversized sitemaps refused."""

from __future__ import annotations

import gzip

import pytest

from newsbot.discovery import FeedEntry, Sitemap, parse_sitemap
from newsbot.discovery.feeds import newest_first
from newsbot.discovery.sitemaps import MAX_SITEMAP_ENTRIES

URL = "https://x.example/sitemap.xml"


def urlset(lastmods: list[str | None]) -> bytes:
    urls = "".join(
        f"<url><loc>/a/{n}</loc>{f'<lastmod>{m}</lastmod>' if m else ''}</url>"
        for n, m in enumerate(lastmods)
    )
    return f"<urlset>{urls}</urlset>".encode()


def test_keep_gives_the_newest_entries_in_document_order():
    body = urlset(["2026-11-01", None, "2026-11-03", "2026-11-02", "2026-11-03"])
    sitemap = parse_sitemap(body, URL, keep=3)
    assert [entry.url for entry in sitemap.entries] == [
        "https://x.example/a/2",
        "https://x.example/a/3",
        "https://x.example/a/4",
    ]
    assert sitemap.skipped == 2


def test_keep_zero_reads_and_counts_every_entry():
    sitemap = parse_sitemap(urlset(["2026-11-01", "2026-11-02"]), URL, keep=0)
    assert sitemap == Sitemap("urlset", (), skipped=2)


def test_more_entries_than_the_protocol_allows_is_too_large():
    body = b"<urlset>" + b"<url><loc>/a</loc></url>" * (MAX_SITEMAP_ENTRIES + 1) + b"</urlset>"
    assert parse_sitemap(body, URL, keep=10).kind == "too_large"
    assert len(parse_sitemap(body[:-1000] + b"</urlset>", URL, keep=10).entries) == 10


@pytest.mark.parametrize("wrap", [bytes, gzip.compress], ids=["plain", "gzip"])
def test_a_body_over_the_byte_cap_is_too_large(wrap):
    body = urlset(["2026-11-01"] * 100)
    assert parse_sitemap(wrap(body), URL, max_bytes=len(body) - 1).kind == "too_large"
    assert len(parse_sitemap(wrap(body), URL, max_bytes=len(body)).entries) == 100


def test_feed_entries_newest_first_undated_last_in_feed_order():
    entries = [
        FeedEntry("https://x.example/undated-1", None, None),
        FeedEntry("https://x.example/old", None, "Mon, 02 Nov 2026 10:00:00 GMT"),
        FeedEntry("https://x.example/undated-2", None, "not a date"),
        FeedEntry("https://x.example/new", None, "2026-11-03T09:00:00+09:00"),
    ]
    assert [entry.url.rsplit("/", 1)[1] for entry in newest_first(entries)] == [
        "new",
        "old",
        "undated-1",
        "undated-2",
    ]
