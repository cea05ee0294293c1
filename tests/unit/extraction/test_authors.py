"""Authors: the first source naming people; the publisher, agencies, desks as a last resort."""

from __future__ import annotations

import json

import pytest

from newsbot.extraction.authors import extract_authors
from newsbot.extraction.bylines import split_names
from newsbot.extraction.document import load_page
from newsbot.extraction.people import is_agency, is_person
from newsbot.sites.model import ExtractionHints

URL = "https://www.courier.example/town/harbour-wall"
SITE = '<meta property="og:site_name" content="Lowmarsh Courier">'


def authors_of(head: str, body: str = "") -> list[str]:
    page = load_page(
        f"<html><head>{SITE}{head}</head><body><article><h1>Wall approved</h1>{body}"
        "<p>Text.</p></article></body></html>",
        URL,
        ExtractionHints(),
    )
    return extract_authors(page)


def linked(author: object) -> str:
    data = {"@type": "NewsArticle", "headline": "Wall approved", "author": author}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Jane Doe", True),
        ("Lowmarsh Courier", False),
        ("dpa", False),
        ("AFP, Reuters", False),
        ("Reuters in Kyiv", False),
        ("Redaktion Lowmarsh", False),
        ("red", False),
        ("Frankfurt", False),
        ("山田太郎", True),
    ],
)
def test_who_counts_as_a_person(name: str, person: bool) -> None:
    assert is_person(name, {"lowmarshcourier"}) is person


def test_agencies_joined_are_agencies() -> None:
    assert is_agency("dpa/AFP")
    assert not is_agency("Jane Doe/AFP")


def test_the_site_as_linked_data_author_gives_way_to_a_printed_byline() -> None:
    head = linked({"@type": "Organization", "name": "Lowmarsh Courier"})
    body = '<div class="byline">By Jane Doe</div>'
    assert authors_of(head, body) == ["Jane Doe"]


def test_an_organisation_credit_is_kept_as_written_when_nobody_is_named() -> None:
    head = linked({"@type": "Person", "name": "Lowmarsh Courier et AFP"})
    body = '<div class="byline">dpa</div>'
    assert authors_of(head, body) == ["Lowmarsh Courier et AFP"]


def test_a_desk_credit_in_linked_data_is_kept_whole() -> None:
    assert authors_of(linked({"@type": "Person", "name": "Courier staff reporter"})) == [
        "Courier staff reporter"
    ]


def test_a_meta_author_naming_the_site_gives_nothing() -> None:
    assert authors_of('<meta name="author" content="Lowmarsh Courier">') == []


def test_a_meta_author_giving_the_sites_domain_is_the_site() -> None:
    head = '<meta name="author" content="Courier Media (www.courier.example)">'
    body = "<ul><li><strong>Author</strong> Jane Doe</li></ul>"
    assert authors_of(head, body) == ["Jane Doe"]


def test_the_printed_byline_completes_linked_data_listing_one_of_two() -> None:
    head = linked({"@type": "Person", "name": "Jane Doe"})
    body = (
        '<div class="bylines"><a rel="author" href="/a/1">John Roe</a>'
        '<a rel="author" href="/a/2">Jane Doe</a></div>'
    )
    assert authors_of(head, body) == ["John Roe", "Jane Doe"]


def test_seo_plugin_link_preview_labels_name_the_author() -> None:
    head = (
        '<meta name="author" content="j.doe@courier.example">'
        '<meta name="twitter:label1" content="Written by">'
        '<meta name="twitter:data1" content="Jane Doe">'
    )
    assert authors_of(head) == ["Jane Doe"]


def test_hidden_brand_labels_and_figure_credits_are_no_byline() -> None:
    body = (
        '<figure><img src="a.jpg"><figcaption class="byline">Photo Max Mustermann</figcaption>'
        '</figure><div class="authors"><span class="visually-hidden">Weekend</span>'
        "<span>von</span> <span>Jane Doe</span></div>"
    )
    assert authors_of("", body) == ["Jane Doe"]


def test_a_link_to_an_author_page_is_a_byline_when_nothing_else_is() -> None:
    body = '<p>von <a href="/autoren/name/jane-doe">Dr. Jane Doe</a></p>'
    assert authors_of("", body) == ["Dr. Jane Doe"]


def test_a_plain_byline_line_counts_only_without_a_structured_credit() -> None:
    body = "<p>By Jane Doe</p>"
    assert authors_of("", body) == ["Jane Doe"]
    assert authors_of(linked({"@type": "Organization", "name": "AP"}), body) == ["AP"]


def test_bracketed_editor_credit_of_chinese_pages() -> None:
    assert split_names("(\u8d23\u7f16\uff1a\u738b\u4e94\u3001\u8d75\u516d)") == [
        "\u738b\u4e94",
        "\u8d75\u516d",
    ]


def test_an_author_e_mail_at_the_sites_domain_keeps_the_name() -> None:
    head = '<meta name="author" content="Jane Doe (jane.doe@courier.example)">'
    assert authors_of(head) == ["Jane Doe"]


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Jane Doe (jdo)", ["Jane Doe"]),
        ("By Jane Doe (JD) and John Roe (jro)", ["Jane Doe", "John Roe"]),
        ("Jane Doe (jdo), John Roe (jro)", ["Jane Doe", "John Roe"]),
        ("Jane Doe(jdo)/John Roe(jro)", ["Jane Doe", "John Roe"]),
    ],
)
def test_initials_in_brackets_after_a_name_are_no_part_of_it(byline: str, names: list[str]) -> None:
    assert split_names(byline) == names


def test_initials_in_brackets_in_linked_data_and_bylines() -> None:
    assert authors_of(linked({"@type": "Person", "name": "Jane Doe (jdo)"})) == ["Jane Doe"]
    body = '<div class="byline">Jane Doe (JD) and John Roe (jro)</div>'
    assert authors_of("", body) == ["Jane Doe", "John Roe"]


@pytest.mark.parametrize("credit", ["AFP, Manila", "Reuters, Jakarta", "dpa/AFP, Berlin"])
def test_an_agency_with_the_place_it_reported_from_is_an_agency(credit: str) -> None:
    assert is_agency(credit)
    assert not is_person(credit, {"lowmarshcourier"})


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Reuters, New York", ["Reuters"]),
        ("dpa/AFP, Berlin", ["dpa", "AFP"]),
        ("Jane Doe, Reuters, New York", ["Jane Doe", "Reuters"]),
        ("AFP, Reuters", ["AFP", "Reuters"]),
        ("Jane Doe, John Roe", ["Jane Doe", "John Roe"]),
    ],
)
def test_the_place_after_an_agency_is_no_name(byline: str, names: list[str]) -> None:
    assert split_names(byline) == names


def test_a_person_beats_an_agency_credit_with_a_place() -> None:
    head = '<meta name="author" content="Reuters, New York">'
    assert authors_of(head) == ["Reuters"]
    assert authors_of(head, '<div class="byline">By Jane Doe</div>') == ["Jane Doe"]


def test_a_plain_byline_line_beats_the_site_as_linked_data_author() -> None:
    head = linked({"@type": "Organization", "name": "Lowmarsh Courier"})
    assert authors_of(head, "<p>By Jane Doe</p>") == ["Jane Doe"]


def test_a_teasers_byline_inside_a_link_is_not_the_articles() -> None:
    head = linked({"@type": "Organization", "name": "Lowmarsh Courier"})
    body = '<a href="/other-story"><span>Ferry late again</span><span>By John Roe</span></a>'
    assert authors_of(head, body) == ["Lowmarsh Courier"]


TEXT = "<p>The council met on Tuesday.</p><p>The wall will be built.</p><p>Work starts soon.</p>"


def test_an_account_named_after_the_site_gives_way_to_a_signed_first_line() -> None:
    head = linked({"@type": "Person", "name": "Lowmarsh C"})
    assert authors_of(head, f"<p><strong>JANE DOE</strong></p>{TEXT}") == ["JANE DOE"]


def test_a_name_in_bold_ending_the_text_signs_it() -> None:
    body = f'<div class="text">{TEXT}<p><b>Jane Doe</b></p></div>'
    assert authors_of("", body) == ["Jane Doe"]


@pytest.mark.parametrize(
    "body",
    [
        f'<div class="text">{TEXT}<p><b>Read More</b></p><ul><li>Other</li></ul></div>',
        f'<div class="text"><p><b>The council met on Tuesday night.</b></p>{TEXT}</div>',
        f'<div class="text">{TEXT}<p>Jane Doe</p></div>',
    ],
    ids=["above-links", "bold-lead", "not-bold"],
)
def test_other_bold_or_short_edge_lines_sign_nothing(body: str) -> None:
    assert authors_of("", body) == []
