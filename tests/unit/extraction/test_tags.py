"""Tags: the topics a page declares, without the CMS bookkeeping kept in the same places."""

from __future__ import annotations

from newsbot.extraction import extract_article

URL = "https://www.ledger.example/2024/05/harbour-wall"
PROSE = "<p>" + "The council met on Tuesday to discuss the new harbour wall. " * 8 + "</p>"


def tags(head: str) -> list[str]:
    page = f"<head>{head}</head><body><article><h1>Wall approved</h1>{PROSE}</article></body>"
    return extract_article(page, URL).tags


def meta(*values: str) -> str:
    return "".join(f'<meta property="article:tag" content="{value}">' for value in values)


def test_article_tag_comes_before_json_ld_keywords() -> None:
    linked = '<script type="application/ld+json">{"@type": "NewsArticle", "keywords": "aer,amers"}'
    assert tags(meta("Harbours", "Council") + linked + "</script>") == ["Harbours", "Council"]
    assert tags(linked + "</script>") == ["aer", "amers"]


def test_a_comma_separated_value_is_several_topics() -> None:
    assert tags(meta("spain,europe,world news")) == ["spain", "europe", "world news"]


def test_cms_bookkeeping_is_not_a_topic() -> None:
    bookkeeping = (
        "26157981-b4f7-4929-adc1-e860c6f03636",
        "100312362",
        "Category: Travel",
        "NLP Category: General",
        "_prio_3",
        "editors_pick",
        "financialpost.com",
        "Ledger",  # the site's own name
    )
    topics = ("Harbours", "2024", "AI", "Pacific Islands", "Fiji's ports")
    assert tags(meta(*bookkeeping, *topics)) == list(topics)
