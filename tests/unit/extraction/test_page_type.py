"""Page typing by structure: a long article among teasers, a section front with an intro.

The pages are the invented Lowmarsh Courier's; each test says which structure decides.
"""

from __future__ import annotations

import pytest

from newsbot.extraction import extract_article
from newsbot.extraction.document import parse
from newsbot.extraction.paragraphs import blocks_of
from newsbot.extraction.prose import main_prose

SITE = "https://www.lowmarsh-courier.example"
STORY_URL = f"{SITE}/2024/05/03/harbour-wall-vote-splits-the-town-council"
FRONT_URL = f"{SITE}/harbour"
HEADLINE = "Harbour wall vote splits the town council"
ARTICLE_TEXT = [
    f"Paragraph {n} of the harbour report: the town council of Lowmarsh argued for an hour"
    " about the sea wall, the cost of the new stone and who should pay for the repairs."
    for n in range(1, 9)
]
INTRO = [
    "The Harbour desk follows the boats, the quays and the people who work on them, from the"
    " fish market at dawn to the council chamber where the harbour budget is settled.",
    "Here you find every report, interview and column about Lowmarsh harbour, newest first,"
    " written by the reporters who walk the quays every morning of the week.",
]


def teaser_headline(n: int) -> str:
    return f"Harbour story number {n} ends with a surprise vote"


def teaser_snippet(n: int) -> str:
    return (
        f"Snippet {n}: what the harbour master said about the tides and the ferry timetable"
        " when the boats came back late."
    )


def teaser_href(n: int) -> str:
    return f"/2024/04/{n + 1:02}/harbour-story-number-{n}-ends-with-surprise-vote"


def linked_headlines(count: int) -> str:
    """Related stories: a linked headline each, no snippet."""
    items = "".join(
        f'<li><h3><a href="{teaser_href(n)}">{teaser_headline(n)}</a></h3></li>'
        for n in range(count)
    )
    return f'<section class="more"><h2>More from the harbour</h2><ul>{items}</ul></section>'


def teaser_cards(count: int) -> str:
    """Front teasers: a card holding a link (not a heading) and a snippet."""
    return "".join(
        f'<div class="card"><a class="card-title" href="{teaser_href(n)}">'
        f"{teaser_headline(n)}</a><p>{teaser_snippet(n)}</p></div>"
        for n in range(count)
    )


def page(head: str, main: str, aside: str = "") -> str:
    return (
        f"<html><head><title>{HEADLINE} | Lowmarsh Courier</title>{head}</head><body>"
        '<header><a href="/">Lowmarsh Courier</a></header>'
        f"<main>{main}</main>{aside}</body></html>"
    )


def story(paragraphs: str) -> str:
    return (
        f"<article><h1>{HEADLINE}</h1>"
        '<time datetime="2024-05-03T09:00:00Z">3 May 2024</time>'
        f'<div class="story-body">{paragraphs}</div></article>'
    )


WEBSITE = '<meta property="og:type" content="website">'
LABELLED_ARTICLE = '<meta property="og:type" content="article">'
PARAGRAPHS = "".join(f"<p>{text}</p>" for text in ARTICLE_TEXT)
# The same paragraphs, each in a wrapper of its own with an ad slot between them.
WRAPPED = "".join(
    f'<div class="para"><p>{text}</p></div><div class="slot">Advertisement</div>'
    for text in ARTICLE_TEXT
)


@pytest.mark.parametrize("paragraphs", [PARAGRAPHS, WRAPPED], ids=["plain", "wrapped"])
@pytest.mark.parametrize("head", [WEBSITE, ""], ids=["og-website", "no-labels"])
def test_a_long_article_among_many_linked_headlines_is_an_article(
    head: str, paragraphs: str
) -> None:
    html = page(head, story(paragraphs) + linked_headlines(12))
    article = extract_article(html, STORY_URL)
    assert article.page_type == "article"
    assert article.body.split("\n\n") == ARTICLE_TEXT


def test_a_wall_of_linked_headlines_with_a_short_text_stays_a_listing() -> None:
    html = page(WEBSITE, f"<p>{ARTICLE_TEXT[0]}</p>" + linked_headlines(12))
    assert extract_article(html, f"{SITE}/harbour-news-archive-page").page_type == "listing"


def test_snippets_after_linked_headlines_are_no_running_prose() -> None:
    flat = "".join(
        f'<h3><a href="{teaser_href(n)}">{teaser_headline(n)}</a></h3><p>{teaser_snippet(n)}</p>'
        for n in range(12)
    )
    html = page(WEBSITE, f'<div class="list">{flat}</div>')
    assert extract_article(html, f"{SITE}/harbour-news-archive-page").page_type == "listing"


@pytest.mark.parametrize("head", [LABELLED_ARTICLE, ""], ids=["og-article", "no-labels"])
def test_a_section_front_with_an_intro_is_a_listing(head: str) -> None:
    intro = "".join(f"<p>{text}</p>" for text in INTRO)
    html = page(head, f'<h1>Harbour</h1><div class="intro">{intro}</div>{teaser_cards(16)}')
    assert extract_article(html, FRONT_URL).page_type == "listing"


def test_a_dated_post_with_an_intro_sized_text_and_teasers_is_an_article() -> None:
    dated = LABELLED_ARTICLE + (
        '<meta property="article:published_time" content="2024-05-03T09:00:00Z">'
    )
    intro = "".join(f"<p>{text}</p>" for text in INTRO)
    html = page(dated, f"<h1>Harbour</h1>{intro}{teaser_cards(16)}")
    assert extract_article(html, FRONT_URL).page_type == "article"


def test_a_long_article_at_a_section_like_url_with_teaser_cards_is_an_article() -> None:
    html = page(LABELLED_ARTICLE, story(PARAGRAPHS), f"<aside>{teaser_cards(16)}</aside>")
    assert extract_article(html, f"{SITE}/harbour-wall").page_type == "article"


def prose_of(body: str) -> tuple[int, int, int]:
    found = main_prose(blocks_of(parse(f"<html><body>{body}</body></html>").body))
    return found.paragraphs, found.chars, found.snippets


def test_main_prose_counts_the_container_of_the_article_paragraphs() -> None:
    assert prose_of(story(WRAPPED) + teaser_cards(3)) == (8, sum(map(len, ARTICLE_TEXT)), 3)


def test_main_prose_of_a_front_is_its_intro_and_the_rest_snippets() -> None:
    intro = "".join(f"<p>{text}</p>" for text in INTRO)
    found = prose_of(f'<div class="intro">{intro}</div>{teaser_cards(10)}')
    assert found == (2, sum(map(len, INTRO)), 10)
