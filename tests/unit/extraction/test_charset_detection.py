"""Pages that declare no charset are read in the charset their bytes are in, as a browser
reads them; a declared charset (BOM, header, <meta>) still wins."""

from __future__ import annotations

import pytest

from newsbot.extraction import extract_article
from tests.charset_pages import FRENCH, PAGES, RUSSIAN, CharsetPage

URL = "https://example.com/2026/12/01/story/"


@pytest.mark.parametrize("page", PAGES, ids=[page.charset for page in PAGES])
def test_an_undeclared_page_is_read_in_its_own_charset(page: CharsetPage) -> None:
    article = extract_article(page.encoded(), URL)
    assert (article.title, article.body) == (page.title, page.body)


def test_a_header_charset_wins_over_detection() -> None:
    content = RUSSIAN.encoded()
    article = extract_article(content, URL, encoding="koi8-r")
    assert article.title == RUSSIAN.title.encode("cp1251").decode("koi8-r")


def test_a_meta_charset_wins_over_detection() -> None:
    content = RUSSIAN.html().replace("<head>", "<head><meta charset='koi8-r'>").encode("cp1251")
    assert extract_article(content, URL).title == RUSSIAN.title.encode("cp1251").decode("koi8-r")


def test_a_byte_order_mark_wins_over_header_and_detection() -> None:
    content = "\ufeff".encode("utf-16-le") + FRENCH.html().encode("utf-16-le")
    article = extract_article(content, URL, encoding="windows-1252")
    assert (article.title, article.body) == (FRENCH.title, FRENCH.body)


def test_utf8_with_a_stray_latin1_byte_stays_utf8() -> None:
    # A UTF-8 template around one byte pasted from a Latin-1 source: the one byte is lost,
    # not every other accent on the page.
    stray = FRENCH.paragraphs[0].replace("jeudi", "jeudi \xe9")
    content = FRENCH.html().replace(FRENCH.paragraphs[0], stray).encode("utf-8")
    content = content.replace("jeudi \xe9".encode(), b"jeudi \xe9")
    article = extract_article(content, URL)
    assert article.title == FRENCH.title
    assert article.body.split("\n\n")[1:] == list(FRENCH.paragraphs[1:])
    assert "jeudi \ufffd matin" in article.body
