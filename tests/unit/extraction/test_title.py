"""The headline: the printed one, in the form the page's declared titles confirm."""

from __future__ import annotations

import pytest

from newsbot.extraction.document import load_page
from newsbot.extraction.headings import Heading, read_heading
from newsbot.extraction.title import extract_title
from newsbot.sites.model import ExtractionHints

URL = "https://www.courier.example/town/harbour-wall"


def title_of(head: str, body: str) -> str | None:
    page = load_page(f"<html><head>{head}</head><body>{body}</body></html>", URL, ExtractionHints())
    return extract_title(page)


def og(title: str) -> str:
    return f'<meta property="og:title" content="{title}">'


def linked(headline: str) -> str:
    return (
        '<script type="application/ld+json">'
        f'{{"@type": "NewsArticle", "headline": "{headline}"}}</script>'
    )


def test_a_breadcrumb_copy_of_the_headline_gives_way_to_the_printed_one() -> None:
    seo = "Harbour wall: council says yes after row"
    printed = "Council approves the new harbour wall"
    body = (
        f'<article><nav class="breadcrumb"><ol><li><h1>{seo}</h1></li></ol></nav>'
        f"<header><h2>{printed}</h2></header><p>Text.</p></article>"
    )
    assert title_of(og(seo) + f"<title>{seo}</title>" + linked(printed), body) == printed


@pytest.mark.parametrize(
    ("markup", "heading"),
    [
        (
            '<h2><span class="title__kicker">Harbour</span>'
            '<span class="title__headline">Council approves the wall</span></h2>',
            Heading("Council approves the wall", "Harbour"),
        ),
        (
            '<h1><span class="topline">Harbour</span><span class="visually-hidden">:</span>'
            "<span>Council approves the wall</span></h1>",
            Heading("Council approves the wall", "Harbour"),
        ),
        (
            "<h1><span>Harbour</span> <span>Council approves the wall</span></h1>",
            Heading("Council approves the wall", "Harbour"),
        ),
        ("<h1>Council <em>approves</em> the wall</h1>", Heading("Council approves the wall")),
        ("<h1><span>Council approves the wall</span></h1>", Heading("Council approves the wall")),
    ],
)
def test_a_heading_splits_into_kicker_and_headline(markup: str, heading: Heading) -> None:
    page = load_page(markup, URL, ExtractionHints())
    element = page.root.xpath("//h1|//h2")[0]
    assert read_heading(element) == heading


KICKER_HEADING = (
    '<article><h1><span class="kicker">Harbour</span>'
    '<span class="headline">Council approves the wall</span></h1><p>Text.</p></article>'
)


def test_the_headline_alone_when_metadata_declares_it_so() -> None:
    head = og("Council approves the wall") + linked("Harbour: Council approves the wall")
    assert title_of(head, KICKER_HEADING) == "Council approves the wall"


def test_kicker_and_headline_when_that_is_what_metadata_declares() -> None:
    head = (
        og("Harbour: Council approves the wall")
        + "<title>Harbour - Council approves the wall</title>"
    )
    assert title_of(head, KICKER_HEADING) == "Harbour: Council approves the wall"


def test_the_headline_alone_when_metadata_adds_another_kicker() -> None:
    head = og("Town news: Council approves the wall")
    assert title_of(head, KICKER_HEADING) == "Council approves the wall"


def test_the_linked_data_headline_when_it_and_others_hold_the_printed_one() -> None:
    declared = "After a long row: Council approves the wall"
    body = "<article><h1>Council approves the wall</h1><p>Text.</p></article>"
    assert title_of(linked(declared) + og(declared), body) == declared


def test_a_lone_og_title_with_a_prefix_does_not_replace_the_printed_headline() -> None:
    body = "<article><h1>Council approves the wall</h1><p>Text.</p></article>"
    head = og("After a long row: Council approves the wall")
    assert title_of(head, body) == "Council approves the wall"


def test_hidden_headings_are_not_printed_ones() -> None:
    body = (
        '<article><h1 class="visually-hidden">Harbour wall vote in Lowmarsh</h1>'
        "<h2>Council approves the wall</h2><p>Text.</p></article>"
    )
    head = linked("Harbour wall vote in Lowmarsh") + og("Council approves the wall")
    assert title_of(head, body) == "Council approves the wall"


NO_HEADLINE = "<article><p>Text.</p></article>"
HEADLINE = "Harbour wall approved"


def meta(prop: str, content: str) -> str:
    return f'<meta property="{prop}" content="{content}">'


def sectioned(section: str) -> str:
    """JSON-LD naming the article's section but no headline."""
    return (
        '<script type="application/ld+json">'
        f'{{"@type": "NewsArticle", "articleSection": "{section}"}}</script>'
    )


@pytest.mark.parametrize(
    ("head", "body"),
    [
        (meta("article:section", "Sport") + og(f"{HEADLINE} | Sport"), NO_HEADLINE),
        (
            meta("og:site_name", "Lowmarsh Courier")
            + sectioned("Sport")
            + og(f"{HEADLINE} - Sport - Lowmarsh Courier"),
            NO_HEADLINE,
        ),
        (
            og(f"{HEADLINE} | Sport"),
            '<ol class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/s">Sport</a></li>'
            f"<li>{HEADLINE}</li></ol>{NO_HEADLINE}",
        ),
        (og(f"{HEADLINE} \u2013 Town"), NO_HEADLINE),
        (
            '<script type="application/ld+json">{"@type": "BreadcrumbList", "itemListElement": ['
            '{"@type": "ListItem", "item": {"@id": "/s", "name": "Sport"}},'
            f'{{"@type": "ListItem", "name": "{HEADLINE}"}}]}}</script>'
            + og(f"{HEADLINE} | Sport"),
            NO_HEADLINE,
        ),
    ],
    ids=[
        "article-section",
        "linked-section-before-site",
        "breadcrumb",
        "url-folder",
        "linked-trail",
    ],
)
def test_a_section_the_page_names_is_no_part_of_the_title(head: str, body: str) -> None:
    assert title_of(head, body) == HEADLINE


def test_a_section_before_a_korean_site_name_goes_with_it() -> None:
    site, section, headline = (
        "\ub85c\uc6b0\ub9c8\uc2dc \uc2e0\ubb38",
        "\uc815\uce58",
        "\ubc29\ud30c\uc81c \uc2b9\uc778",
    )
    head = meta("og:site_name", site) + meta("article:section", section)
    assert title_of(head + og(f"{headline}-{section}\u3163{site}"), NO_HEADLINE) == headline


@pytest.mark.parametrize(
    "title",
    ["Voters turn to anti-politics", "Man arrested after raid - police", "Why we love Sport"],
)
def test_a_title_ending_like_no_named_section_is_kept(title: str) -> None:
    head = meta("article:section", "Politics") + meta("article:section", "Police") + og(title)
    assert title_of(head, NO_HEADLINE) == title


def test_the_pages_own_crumb_is_no_section() -> None:
    title = "Lowmarsh votes on the harbour wall - Wall approved"
    body = (
        '<ol class="breadcrumb"><li><a href="/town">Town</a></li>'
        f'<li><a href="{URL}">Wall approved</a></li></ol>{NO_HEADLINE}'
    )
    assert title_of(og(title), body) == title


def test_the_printed_headline_drops_a_suffix_nothing_else_names() -> None:
    body = f"<article><h1>{HEADLINE}</h1><p>Text.</p></article>"
    assert title_of(og(f"{HEADLINE} | Weekend"), body) == HEADLINE
