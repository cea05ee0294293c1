"""The page's language, wherever the page declares it."""

from __future__ import annotations

from newsbot.extraction import extract_article


def test_lang_of_an_html_tag_inside_conditional_comments() -> None:
    page = (
        '<!DOCTYPE html><!--[if lte IE 9]><html lang="en-AU" class="old"><![endif]-->'
        "<head><title>Wall approved</title></head><body><p>Text.</p></body>"
    )
    assert extract_article(page, "https://news.example/a").language == "en"


def test_undeclared_language_is_detected_from_the_text() -> None:
    text = (
        "Der Hafen von Suva wurde am Montag wieder geöffnet, nachdem der Wirbelsturm "
        "abgezogen war. Die Schiffe hatten zwei Tage lang vor der Einfahrt gewartet, während "
        "Arbeiter Trümmer aus der Fahrrinne räumten und die Bojen überprüften."
    )
    page = f"<html><head><title>Hafen</title></head><body><article><h1>Hafen</h1><p>{text}</p>"
    page += f"<p>{text}</p></article></body></html>"
    assert extract_article(page, "https://news.example/a").language == "de"


def test_short_undeclared_text_gets_no_guess() -> None:
    page = "<html><body><article><h1>Hafen</h1><p>Kurz.</p></article></body></html>"
    assert extract_article(page, "https://news.example/a").language is None
