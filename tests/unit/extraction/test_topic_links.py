"""Topics printed as a row of links below the headline, for pages without declared tags."""

from __future__ import annotations

from newsbot.extraction import extract_article

URL = "https://www.lowmarsh.example/politik/harbour-wall-vote-2024-123456"
PROSE = "<p>" + "The council met on Tuesday to discuss the new harbour wall. " * 8 + "</p>"
TOPICS = (
    '<ul><li><a href="/politik/harbour-board/">Harbour Board</a></li>'
    '<li><a href="/themen/flood-defence/">Flood defence</a></li></ul>'
)


def tags(body: str) -> list[str]:
    return extract_article(f"<html><body>{body}</body></html>", URL).tags


def test_a_row_of_topic_links_after_the_headline_gives_the_tags() -> None:
    assert tags(f"<article><h1>Wall vote</h1>{PROSE}{TOPICS}</article>") == [
        "Harbour Board",
        "Flood defence",
    ]


def test_declared_tags_come_first() -> None:
    page = f'<meta property="article:tag" content="Ferries"><h1>Wall vote</h1>{PROSE}{TOPICS}'
    assert tags(page) == ["Ferries"]


def test_rows_in_navigation_above_the_headline_or_of_teasers_are_no_topics() -> None:
    menu = TOPICS.replace("<ul>", '<ul class="main-menu">')
    teasers = (
        '<ul><li><a href="/politik/harbour-wall-vote-was-close-and-bitter-2024-7">'
        "Harbour wall vote was close and bitter after a long night</a></li>"
        '<li><a href="/politik/ferries-late-again-2024-8">Ferries late again</a></li></ul>'
    )
    assert tags(f"<nav>{TOPICS}</nav><h1>Wall vote</h1>{PROSE}") == []
    assert tags(f"{TOPICS}<h1>Wall vote</h1>{PROSE}") == []
    assert tags(f"<h1>Wall vote</h1>{PROSE}{menu}") == []
    assert tags(f"<h1>Wall vote</h1>{PROSE}{teasers}") == []


def test_links_to_other_sites_or_front_pages_are_no_topics() -> None:
    other = TOPICS.replace('href="/', 'href="https://shop.example/')
    front = '<ul><li><a href="/">Home</a></li><li><a href="/politik/">Politik</a></li></ul>'
    assert tags(f"<h1>Wall vote</h1>{PROSE}{other}") == []
    assert tags(f"<h1>Wall vote</h1>{PROSE}{front}") == []


def test_account_buttons_author_links_and_the_sites_menu_are_no_topics() -> None:
    subscribe = (
        '<div><a href="https://abo.lowmarsh.example/checkout/digital/">Subscribe now</a>'
        '<a href="https://abo.lowmarsh.example/account/login/">Log in</a></div>'
    )
    redirect = (
        '<div><a href="/account/sign-up/?redirect=%2Fpolitik%2F">Sign up</a>'
        '<a href="/account/sign-in/?redirect=%2Fpolitik%2F">Sign in</a></div>'
    )
    credit = (
        '<p><a href="/politik/harbour-board/">Harbour Board</a>'
        '<a href="/authors/jane-doe/">Jane Doe</a></p>'
    )
    menu = (
        '<meta property="og:site_name" content="Lowmarsh Courier">'
        '<ul><li><a href="/courier/home/">Lowmarsh Courier</a></li>'
        '<li><a href="/politik/harbour-board/">Harbour Board</a></li></ul>'
    )
    for row in (subscribe, redirect, credit, menu):
        assert tags(f"<h1>Wall vote</h1>{PROSE}{row}") == [], row
    # The topic row after them still counts.
    assert tags(f"<h1>Wall vote</h1>{PROSE}{subscribe}{TOPICS}") == [
        "Harbour Board",
        "Flood defence",
    ]
