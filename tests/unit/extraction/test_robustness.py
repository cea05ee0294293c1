"""Whatever arrives, extraction returns an Article: junk, broken markup, wrong charsets, huge."""

from __future__ import annotations

import logging
import random

import pytest

from newsbot.extraction import extract_article
from newsbot.extraction.boilerplate import remove_boilerplate
from newsbot.extraction.document import MAX_ELEMENTS, MAX_HTML_CHARS, decode, parse

URL = "https://news.example/a/story"

JUNK: dict[str, str | bytes] = {
    "empty-bytes": b"",
    "empty-text": "",
    "whitespace": " \n\t ",
    "nul-and-high-bytes": b"\x00\xff\xfe\x00\x80\x81junk\x00",
    "random-bytes": random.Random(7).randbytes(4096),
    "bare-html-tag": "<html>",
    "head-only": "<html><head><title>t</title></head></html>",
    "unclosed-tags": "<div><p>one <b>two <i>three <table><tr><td>four",
    "stray-closers": "</div></p></body></html><p>after the end</p>",
    "xml-declaration": '<?xml version="1.0" encoding="utf-8"?><html><body><p>x</p></body></html>',
    "lone-surrogate": "<p>broken \ud800 text</p>",
    "deep-nesting": "<div>" * 5000 + "deep" + "</div>" * 5000,
    "json-not-html": '{"headline": "not a page", "items": [1, 2, 3]}',
    "pdf-bytes": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "bad-json-ld": '<script type="application/ld+json">{"@graph": [{"@type": </script><p>x</p>',
    "json-ld-bomb": '<script type="application/ld+json">' + "[" * 10000 + "]" * 10000 + "</script>",
    "json-ld-deep": '<script type="application/ld+json">' + "[" * 900 + "]" * 900 + "</script>",
    "null-author": '<script type="application/ld+json">{"@type":"NewsArticle","author":null,'
    '"image":[null],"keywords":7,"datePublished":{"x":1}}</script>',
    "frameset": "<html><frameset><frame src='a.html'></frameset></html>",
}


@pytest.mark.parametrize("content", JUNK.values(), ids=JUNK.keys())
def test_junk_never_raises(content: str | bytes, caplog: pytest.LogCaptureFixture) -> None:
    article = extract_article(content, URL)
    # Handled by the extractors themselves, not by the last-resort guard (which logs an error).
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert article.source_url == URL
    assert article.url == URL
    assert article.page_type in {"empty", "unknown", "article", "website"}
    assert article.body == article.body.strip()


@pytest.mark.parametrize("content", [b"", "", " ", "<html>", "<script>var a = 1;</script>"])
def test_pages_without_anything_are_empty(content: str | bytes) -> None:
    article = extract_article(content, URL)
    assert (article.page_type, article.body, article.title, article.word_count) == (
        "empty",
        "",
        None,
        0,
    )


STORY = "The council approved the new harbour wall on Tuesday after a long debate. " * 6


@pytest.mark.parametrize(
    "markup",
    [
        # Control characters (a parse error in HTML, refused by lxml's tree API) in the text
        # around a block that boilerplate removal takes out.
        f"<article><h1>Wall approved</h1><p>{STORY}</p><div class='share'>Share</div>"
        f"\x01\x0b tail \x1f<p>{STORY}</p></article>",
        # Links too malformed to parse, in the text and as the page's <base>.
        f"<head><base href='http://[broken/'></head><article><h1>Wall approved</h1>"
        f"<p><a href='http://[oops/x'>one</a> <a href='http://a.example:port/'>two</a></p>"
        f"<p>{STORY}</p><img src='http://[x/i.jpg'></article>",
    ],
)
def test_hostile_markup_around_an_article_still_gives_the_article(
    markup: str, caplog: pytest.LogCaptureFixture
) -> None:
    article = extract_article(markup, URL)
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert article.title == "Wall approved"
    assert STORY.strip() in article.body


def test_boilerplate_removal_leaves_the_root_of_a_textless_page() -> None:
    root = parse("<html class='sidebar'><head></head><body></body></html>")
    remove_boilerplate(root)
    assert root.tag == "html"


def test_unusable_url_still_gives_an_article() -> None:
    article = extract_article("<p>text</p>", "not a url at all")
    assert article.source_url == "not a url at all"


def test_unknown_charset_from_the_header_falls_back() -> None:
    article = extract_article("<p>caf\u00e9 au lait</p>".encode(), URL, encoding="x-no-such")
    assert article.body == "caf\u00e9 au lait"


def test_huge_page_is_cut_before_parsing() -> None:
    head = b'<html><head><meta property="og:title" content="Big page"></head><body><p>start</p>'
    page = head + b"<script>" + b"x" * 20_000_000 + b"</script><p>unreachable</p></body></html>"
    article = extract_article(page, URL)
    assert article.title == "Big page"
    assert "unreachable" not in article.body


def test_decode_truncates_text_and_bytes() -> None:
    assert len(decode("a" * (MAX_HTML_CHARS + 10))) == MAX_HTML_CHARS
    assert len(decode(b"a" * (MAX_HTML_CHARS + 10))) == MAX_HTML_CHARS


CHARSET_CASES = {
    # The HTTP header wins over <meta>.
    "header": ("<meta charset='utf-8'><p>\u00e9t\u00e9</p>".encode("latin-1"), "latin-1"),
    # A BOM wins over <meta>.
    "bom": (b"\xef\xbb\xbf<meta charset='windows-1252'><p>\xc3\xa9t\xc3\xa9</p>", None),
    "meta-charset": ("<meta charset='windows-1252'><p>\u00e9t\u00e9</p>".encode("cp1252"), None),
    "http-equiv": (
        '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">'
        "<p>\u00e9t\u00e9</p>".encode("iso-8859-15"),
        None,
    ),
    "default-utf8": ("<p>\u00e9t\u00e9</p>".encode(), None),
}


@pytest.mark.parametrize(("content", "encoding"), CHARSET_CASES.values(), ids=CHARSET_CASES.keys())
def test_charset_precedence(content: bytes, encoding: str | None) -> None:
    assert "\u00e9t\u00e9" in decode(content, encoding)


def test_undecodable_bytes_become_replacement_characters() -> None:
    # Declared UTF-8: undeclared, these bytes would be read in the charset detected for them.
    assert decode(b"<p>ok \xff\xfe bad</p>", "utf-8") == "<p>ok \ufffd\ufffd bad</p>"


def test_parse_always_gives_html_with_body() -> None:
    for text in ("", "x", "<head></head>", "<frameset></frameset>"):
        root = parse(text)
        assert root.tag == "html"
        assert root.find("body") is not None


def test_a_page_of_a_hundred_thousand_elements_is_cut_before_extraction() -> None:
    paragraph = "<p>Word here and there.</p>"
    page = f"<html><body><article>{paragraph * 100_000}</article></body></html>".encode()
    article = extract_article(page, "https://example.com/dump")
    # Only the first MAX_ELEMENTS elements are read: the body stops well short of the page.
    assert 0 < article.body.count("Word here and there.") < MAX_ELEMENTS
