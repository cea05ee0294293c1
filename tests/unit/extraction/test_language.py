"""The page's language, wherever the page declares it."""

from __future__ import annotations

from newsbot.extraction import extract_article


def test_lang_of_an_html_tag_inside_conditional_comments() -> None:
    page = (
        '<!DOCTYPE html><!--[if lte IE 9]><html lang="en-AU" class="old"><![endif]-->'
        "<head><title>Wall approved</title></head><body><p>Text.</p></body>"
    )
    assert extract_article(page, "https://news.example/a").language == "en"
