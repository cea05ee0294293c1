"""parse_feed on feeds we wrote (every format), on broken and hostile bodies, and on the corpus."""

from __future__ import annotations

import gzip
import json

import pytest

from newsbot.discovery import FeedEntry, parse_feed, safe_xml

from .paths import FIXTURES

FEEDS = sorted(p for p in (FIXTURES / "feeds").iterdir() if not p.name.endswith(".expected.json"))
RSS = (FIXTURES / "feeds" / "rss2.xml").read_bytes()
RSS_URL = "https://www.harbour-times.example/category/world/asia-pacific/feed/"
TYPHOON = "https://www.harbour-times.example/2026/11/03/typhoon-mira-forces-evacuations-along-the-southern-coast/"


def _expected(feed):
    return json.loads(feed.with_name(f"{feed.stem}.expected.json").read_text(encoding="utf-8"))


def _urls(body, url=RSS_URL):
    return [entry.url for entry in parse_feed(body, url)]


@pytest.mark.parametrize("feed", FEEDS, ids=[p.stem for p in FEEDS])
def test_fixture_feed_gives_exactly_its_entries(feed):
    expected = _expected(feed)
    entries = parse_feed(feed.read_bytes(), expected["url"])
    assert entries == [FeedEntry(**entry) for entry in expected["entries"]]


@pytest.mark.parametrize(
    "wrap",
    [
        pytest.param(gzip.compress, id="gzip"),
        pytest.param(lambda body: b"\xef\xbb\xbf" + body, id="utf8-bom"),
        pytest.param(lambda body: b"\n\n   \t" + body, id="leading-whitespace"),
        pytest.param(lambda body: b"\xef\xbb\xbf\r\n" + body, id="bom-then-blank-line"),
        pytest.param(
            lambda body: body.decode().replace('"UTF-8"', '"UTF-16"').encode("utf-16"),
            id="utf16-bom-and-declaration",
        ),
    ],
)
def test_wrapped_bodies_read_like_the_plain_feed(wrap):
    assert _urls(wrap(RSS)) == _urls(RSS)


def test_format_is_sniffed_not_taken_from_the_name():
    # The caller never passes a name or content type; an Atom body is read as Atom whatever
    # URL it came from.
    atom = (FIXTURES / "feeds" / "atom.xml").read_bytes()
    assert len(parse_feed(atom, "https://blog.harbour-times.example/feed.rss")) == 4


def test_truncated_feed_gives_the_entries_before_the_cut():
    cut = RSS.index(b"<item>", RSS.index(b"<item>") + 1) + 40
    assert _urls(RSS[:cut]) == [TYPHOON]
    # A cut-off gzip download: the stream ends early, the XML with it.
    assert _urls(gzip.compress(RSS[:cut])[:-20]) == [TYPHOON]


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"   \n",
        b"\x1f\x8b not really gzip",
        b"<!DOCTYPE html><html><head><title>404</title></head><body>Not found</body></html>",
        b"<html><body><item><link>https://x.example/a</link></item></body></html>",
        b"{not json",
        b'{"items": "not a list"}',
        b"[1, 2, 3]",
        b"\x00\xff\xfe garbage \x80\x81",
    ],
    ids=[
        "empty", "blank", "bad-gzip", "html-page", "html-with-item", "bad-json",
        "json-items-not-list", "json-array", "binary",
    ],
)  # fmt: skip
def test_malformed_bodies_give_no_entries(body):
    assert parse_feed(body, RSS_URL) == []


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("https://attacker.example/leaked", encoding="utf-8")
    body = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<rss><channel><item><title>t</title><link>&xxe;</link></item></channel></rss>"
    ).encode()
    assert _urls(body) == []


def test_entity_expansion_bombs_are_not_expanded():
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    body = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{lol}]>'
        "<rss><channel><item><title>&l9;</title><link>https://x.example/a</link></item>"
        "</channel></rss>"
    ).encode()
    # libxml2 stops reading at the amplification limit; what matters is that nothing is
    # expanded and nothing raises.
    entries = parse_feed(body, RSS_URL)
    assert all(len(entry.title or "") < 100 for entry in entries)


@pytest.mark.parametrize("wrap", [bytes, gzip.compress], ids=["plain", "gzip"])
def test_bodies_above_the_size_guard_are_refused(wrap):
    # A feed is never this large: what is, is hostile or broken, and is not read at all.
    assert _urls(wrap(RSS + b" " * safe_xml.MAX_XML_BYTES)) == []


def test_non_http_links_are_skipped():
    body = (
        b"<rss><channel><item><link>javascript:alert(1)</link></item>"
        b"<item><link>mailto:desk@x.example</link></item>"
        b"<item><link>https://x.example/ok</link></item></channel></rss>"
    )
    assert _urls(body) == ["https://x.example/ok"]


@pytest.mark.corpus
def test_corpus_feed_gives_every_item(feed_case):
    path, meta = feed_case
    entries = parse_feed(path.read_bytes(), meta["url"])
    assert len(entries) == meta["expected_items"]
    assert all(entry.url.startswith(("http://", "https://")) for entry in entries)
