"""Which charset a page is read in: the one that makes its bytes text."""

from __future__ import annotations

import pytest

from newsbot.extraction import extract_article

TITLE = "促进航天技术更好惠及人民 — Café über Straße"


def page(meta_charset: str) -> str:
    return (
        f"<html><head><meta charset='{meta_charset}'><title>{TITLE}</title></head>"
        f"<body><h1>{TITLE}</h1><p>{TITLE}</p></body></html>"
    )


@pytest.mark.parametrize("meta_charset", ["gb2312", "iso-8859-1", "shift_jis"])
def test_utf8_bytes_win_over_a_stale_meta_charset(meta_charset: str) -> None:
    article = extract_article(page(meta_charset).encode("utf-8"), "https://example.com/a")
    assert article.title == TITLE


def test_utf8_bytes_win_over_a_latin1_server_default() -> None:
    content = page("utf-8").encode("utf-8")
    article = extract_article(content, "https://example.com/a", encoding="iso-8859-1")
    assert article.title == TITLE


def test_meta_charset_decides_for_bytes_that_are_not_utf8() -> None:
    title = "日本語の見出し"
    content = page("shift_jis").replace(TITLE, title).encode("shift_jis")
    assert extract_article(content, "https://example.com/a").title == title
