"""parse_sitemap on sitemaps we wrote, on junk, and on the corpus."""

from __future__ import annotations

import gzip
import json

import pytest

from newsbot.discovery import Sitemap, SitemapEntry, parse_sitemap

from .paths import FIXTURES

SITEMAPS = sorted((FIXTURES / "sitemaps").glob("*.xml"))
NEWS = (FIXTURES / "sitemaps" / "news.xml").read_bytes()
NEWS_URL = "https://www.harbour-times.example/news-sitemap.xml"


def _expected(path):
    data = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    entries = tuple(SitemapEntry(**entry) for entry in data["entries"])
    return data["url"], Sitemap(data["kind"], entries)


@pytest.mark.parametrize("path", SITEMAPS, ids=[p.stem for p in SITEMAPS])
def test_fixture_sitemap_gives_exactly_its_entries(path):
    url, expected = _expected(path)
    assert parse_sitemap(path.read_bytes(), url) == expected


@pytest.mark.parametrize(
    "wrap",
    [
        pytest.param(gzip.compress, id="gzip"),
        pytest.param(lambda body: b"\xef\xbb\xbf\n  " + body, id="bom-and-blank-lines"),
        pytest.param(lambda body: body.decode().encode("utf-16"), id="utf16"),
    ],
)
def test_wrapped_bodies_read_like_the_plain_sitemap(wrap):
    assert parse_sitemap(wrap(NEWS), NEWS_URL) == parse_sitemap(NEWS, NEWS_URL)


def test_truncated_sitemap_keeps_the_entries_before_the_cut():
    cut = NEWS.index(b"<lastmod>")
    sitemap = parse_sitemap(NEWS[:cut], NEWS_URL)
    assert sitemap.kind == "urlset"
    assert [entry.url for entry in sitemap.entries] == [
        "https://www.harbour-times.example/2026/11/03/typhoon-mira-forces-evacuations-along-the-southern-coast/",
        "https://www.harbour-times.example/2026/11/02/central-bank-holds-rates-as-export-orders-slow/",
    ]


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"\n\n",
        b"<!DOCTYPE html><html><body><p>Sitemap moved</p></body></html>",
        b'{"urls": ["https://x.example/a"]}',
        b"https://x.example/a\nhttps://x.example/b\n",
        b"<rss><channel><item><link>https://x.example/a</link></item></channel></rss>",
        b"\x1f\x8b\x08 broken gzip",
        b"\x00\x01\x02\x03",
    ],
    ids=["empty", "blank", "html", "json", "plain-text", "rss", "bad-gzip", "binary"],
)
def test_junk_is_invalid(body):
    assert parse_sitemap(body, NEWS_URL) == Sitemap("invalid", ())


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("https://attacker.example/leaked", encoding="utf-8")
    body = (
        f'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<urlset><url><loc>&xxe;</loc></url><url><loc>https://x.example/a</loc></url></urlset>"
    ).encode()
    assert parse_sitemap(body, NEWS_URL).entries == (
        SitemapEntry("https://x.example/a", None, None, None),
    )


@pytest.mark.corpus
def test_corpus_sitemap_gives_every_url(sitemap_case):
    path, meta = sitemap_case
    sitemap = parse_sitemap(path.read_bytes(), meta["first_loc"])
    assert sitemap.kind == meta["root"]
    assert len(sitemap.entries) == meta["expected_urls"]
    assert sitemap.entries[0].url == meta["first_loc"]
    assert sum(1 for entry in sitemap.entries if entry.news_published) == meta["news_entries"]
