"""The individual rules behind each field, one behaviour a test."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from newsbot.extraction import extract_article
from newsbot.extraction.boilerplate import remove_boilerplate
from newsbot.extraction.bylines import is_byline, split_names
from newsbot.extraction.document import load_page, parse
from newsbot.extraction.jsonld import read_linked_data
from newsbot.extraction.phrases import drop_furniture, is_furniture
from newsbot.extraction.title import extract_title, strip_site_name
from newsbot.sites.model import ExtractionHints

URL = "https://www.news.example/2024/story"
PROSE = "<p>" + "The council met on Tuesday to discuss the new harbour wall. " * 8 + "</p>"


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("By Ann Lee, Bo Chen and Cy Diaz", ["Ann Lee", "Bo Chen", "Cy Diaz"]),
        ("Von Anna Müller und Jörg Weiß", ["Anna Müller", "Jörg Weiß"]),
        ("Por María Gómez y Luis Ortega", ["María Gómez", "Luis Ortega"]),
        ("By Jane Doe, Staff Writer", ["Jane Doe"]),
        ("Dana Whitlock, River Correspondent", ["Dana Whitlock"]),
        ("By Jane Doe | Updated March 3, 2024", ["Jane Doe"]),
        ("BY JANE DOE 3 hours ago", ["JANE DOE"]),
        ("Jane Doe jane.doe@news.example @janedoe", ["Jane Doe"]),
        ("Autor: Eva Lind", ["Eva Lind"]),
        ("Autorin: Eva Lind", ["Eva Lind"]),
        ("Texto: Ana Ruiz", ["Ana Ruiz"]),
        ("Written by Jane Doe", ["Jane Doe"]),
        ("Jane Doe, Senior Correspondent", ["Jane Doe"]),
        ("MND Staff", ["MND Staff"]),
        ("(Image: Getty Images)", []),
        ("Staff Writer", []),
    ],
)
def test_byline_names(byline: str, names: list[str]) -> None:
    assert split_names(byline) == names


def test_a_sentence_opening_with_by_is_not_a_byline() -> None:
    assert is_byline("By Jane Doe and John Roe")
    assert not is_byline("By the time the ferry docked, the storm had passed over the island.")


@pytest.mark.parametrize("line", ["Texto: Ana Ruiz", "Autorin: Eva Lind", "作者\uff1a王五"])
def test_a_credit_label_with_its_colon_opens_a_byline(line: str) -> None:
    assert is_byline(line)


def test_a_credit_label_word_without_a_colon_opens_none() -> None:
    assert not is_byline("Text Messages From The Harbour")
    assert not is_byline("Author Jane Doe")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Harbour wall approved | Lowmarsh Courier", "Harbour wall approved"),
        ("Lowmarsh Courier - Harbour wall approved", "Harbour wall approved"),
        ("Harbour wall approved \u2013 Lowmarsh Courier", "Harbour wall approved"),
        ("Review: the harbour wall", "Review: the harbour wall"),
        ("COVID-19 rules end in Lowmarsh", "COVID-19 rules end in Lowmarsh"),
    ],
)
def test_site_name_is_stripped_from_titles(title: str, expected: str) -> None:
    assert strip_site_name(title, {"lowmarshcourier"}) == expected


def test_unknown_site_suffix_is_guessed_only_for_html_title() -> None:
    assert strip_site_name("Wall approved by council - Daily Post", set(), guess=True) == (
        "Wall approved by council"
    )
    assert strip_site_name("Man arrested after raid - police", set()) == (
        "Man arrested after raid - police"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Advertisement",
        "Share on Facebook",
        "Share this article on WhatsApp",
        "Copy link",
        "Sign up for our newsletter",
        "Subscribe to our daily newsletter for the best stories in your inbox.",
        "Read more: Fish market flooded again",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Back to top button",
        "We use cookies to give you the best experience.",
        "— END OF MESSAGE —",
        "(END)",
        "-- END --",
        "###",
        "(Reuters)",
        "(Ledger Wire)",
    ],
)
def test_furniture_paragraphs(text: str) -> None:
    assert is_furniture(text)


@pytest.mark.parametrize(
    "text",
    [
        "The newsletter, sent to 40,000 readers, was the first to report the closure.",
        "Readers who subscribe to the print edition will get the map on Saturday.",
        "She said she would read more about the case before deciding.",
        "The end of the strike came after nine days.",
    ],
)
def test_article_sentences_mentioning_furniture_words_stay(text: str) -> None:
    assert not is_furniture(text)


def test_trailing_related_block_is_cut_but_a_box_mid_article_is_not() -> None:
    long = "A long paragraph of the article that keeps going for a while. " * 5
    tail = [long, long, "Related articles", "Teaser one", "Teaser two"]
    assert drop_furniture(tail) == [long, long]
    middle = [long, "Related articles", long, long]
    assert drop_furniture(middle) == [long, long, long]


@pytest.mark.parametrize(
    ("classes", "removed"),
    [
        ("share-buttons", True),
        ("entry-share-bar", True),
        ("header-ad", True),
        ("jp-relatedposts", True),
        ("author-box", True),
        ("shadow", False),
        ("header", False),
        ("download-link", False),
        ("loaded", False),
    ],
)
def test_boilerplate_matches_class_tokens_not_substrings(classes: str, removed: bool) -> None:
    root = parse(f'<body><div class="{classes}"><p>short block</p></div>{PROSE}</body>')
    remove_boilerplate(root)
    assert ("short block" not in root.text_content()) is removed


def test_ids_count_only_as_whole_tokens() -> None:
    # WordPress gives headings an id slugged from their text: "Shares fall" -> "shares-fall".
    root = parse(f'<body>{PROSE}<h3 id="shares-fall">Shares fall</h3><div id="sidebar">x</div>')
    remove_boilerplate(root)
    assert "Shares fall" in root.text_content()
    assert root.find(".//div") is None


def test_layout_wrapper_named_like_boilerplate_keeps_the_article() -> None:
    html = f'<body><div class="content-with-sidebar"><h1>Title here</h1>{PROSE}{PROSE}</div></body>'
    root = parse(html)
    remove_boilerplate(root)
    assert "harbour wall" in root.text_content()


def test_json_ld_tolerates_comments_and_trailing_commas() -> None:
    root = parse(
        '<script type="application/ld+json"><!-- {"@type": "NewsArticle", "headline": "H",} -->'
        '</script><script type="application/ld+json">{"@type": "broken</script>'
    )
    linked = read_linked_data(root)
    assert linked.main is not None
    assert linked.text("headline") == "H"


def test_json_ld_resolves_graph_references() -> None:
    page = (
        '<script type="application/ld+json">{"@graph": ['
        '{"@type": "Article", "author": {"@id": "#p"}},'
        '{"@type": "Person", "@id": "#p", "name": "Ina Berg"}]}</script>'
    )
    assert extract_article(page, URL).authors == ["Ina Berg"]


@pytest.mark.parametrize(
    ("canonical", "expected"),
    [
        ("https://www.news.example/2024/story?utm_source=x", "https://www.news.example/2024/story"),
        (
            "https://amp.news.example/2024/story-canonical",
            "https://amp.news.example/2024/story-canonical",
        ),
        ("/2024/story-relative", "https://www.news.example/2024/story-relative"),
        ("https://syndication.example/2024/story", URL),
        ("https://www.news.example/", URL),
        ("javascript:void(0)", URL),
    ],
)
def test_canonical_url_is_trusted_only_on_the_same_site(canonical: str, expected: str) -> None:
    page = f'<head><link rel="canonical" href="{canonical}"></head><body>{PROSE}</body>'
    assert extract_article(page, URL).url == expected


def test_future_dates_are_ignored_and_earlier_sources_fall_through() -> None:
    future = (datetime.now(UTC) + timedelta(days=3)).isoformat()
    page = (
        '<script type="application/ld+json">'
        f'{{"@type": "NewsArticle", "datePublished": "{future}"}}</script>'
        '<meta property="article:published_time" content="2024-02-03T10:00:00+01:00">'
        f"<body>{PROSE}</body>"
    )
    article = extract_article(page, URL)
    assert (article.published_at, article.date_source) == ("2024-02-03T09:00:00+00:00", "meta")


def test_dates_without_offset_are_read_in_the_site_timezone() -> None:
    page = f'<meta property="article:published_time" content="2024-07-01 12:00"><p>{PROSE}</p>'
    hints = ExtractionHints(timezone=ZoneInfo("Asia/Tokyo"))
    assert extract_article(page, URL, hints).published_at == "2024-07-01T03:00:00+00:00"


@pytest.mark.parametrize(
    ("head", "page_type"),
    [
        ('<meta property="og:type" content="article">', "article"),
        (
            '<script type="application/ld+json">{"@type": "ReportageNewsArticle"}</script>',
            "article",
        ),
        ('<meta property="og:type" content="video.episode">', "video"),
        ('<script type="application/ld+json">{"@type": "CollectionPage"}</script>', "listing"),
        (
            '<meta property="og:type" content="article">'
            '<script type="application/ld+json">{"@type": "CollectionPage"}</script>',
            "listing",
        ),
        ('<script type="application/ld+json">{"@type": "ItemList"}</script>', "listing"),
        ('<script type="application/ld+json">{"@type": "WebPage"}</script>', "website"),
        ('<meta property="og:type" content="website">', "website"),
        ('<meta property="og:type" content="profile">', "profile"),
        ("", "unknown"),
    ],
)
def test_page_type_rule(head: str, page_type: str) -> None:
    assert extract_article(f"<head>{head}</head><body>{PROSE}</body>", URL).page_type == page_type


def test_language_sources_in_order() -> None:
    def language(html: str, hint: str | None = None) -> str | None:
        return extract_article(html, URL, ExtractionHints(language=hint)).language

    assert language('<html lang="pt-BR"><meta property="og:locale" content="es_ES">') == "pt"
    assert language('<meta http-equiv="content-language" content="sv">') == "sv"
    assert language('<meta property="og:locale" content="es_ES">') == "es"
    assert language('<html lang="x-klingon">', hint="de") == "de"


def test_title_prefers_the_confirmed_on_page_headline() -> None:
    page = load_page(
        '<head><meta property="og:title" content="Kicker: Wall approved after long row">'
        "<title>Wall approved after long row | News</title></head>"
        "<body><h1>News Example</h1>"
        "<article><h1>Wall approved after long row</h1></article></body>",
        URL,
        ExtractionHints(),
    )
    assert extract_title(page) == "Wall approved after long row"


def test_a_long_dated_body_is_an_article_whatever_og_type_says() -> None:
    body = "".join(PROSE for _ in range(4))
    website = '<meta property="og:type" content="website">'
    dated = '<meta name="dc.date" content="2024-03-01">'
    assert extract_article(f"<head>{website}{dated}</head>{body}", URL).page_type == "article"
    assert extract_article(f"<head>{website}</head>{body}", URL).page_type == "website"


def test_a_section_front_labelled_article_is_a_listing() -> None:
    teasers = "".join(
        f'<div class="teaser"><a href="/politik/harbour-story-number-{n}-approved-1234{n:02}">'
        f"Harbour story number {n} is approved by the council</a></div>"
        for n in range(20)
    )
    page = f'<head><meta property="og:type" content="article"></head><body>{teasers}</body>'
    assert extract_article(page, "https://www.news.example/politik").page_type == "listing"
    # The same markup at an article's URL: an article with many related links.
    story = "https://www.news.example/politik/harbour-wall-approved-12345"
    assert extract_article(page, story).page_type == "article"
    # A section-like URL with a few related links: still the article it says it is.
    few = page.replace(teasers, PROSE + teasers[: len(teasers) // 5])
    assert extract_article(few, "https://www.news.example/about-us").page_type == "article"
    # A blog post at a short slug: its many sidebar links sit beside it, not below it.
    blog_post = "https://www.news.example/harbour-wall"
    assert extract_article(PROSE + page, blog_post).page_type == "article"


def test_unknown_timezone_abbreviation_is_read_in_the_site_timezone() -> None:
    page = f'<meta property="article:published_time" content="Mar 4, 2024 10:00 XST">{PROSE}'
    assert extract_article(page, URL).published_at == "2024-03-04T10:00:00+00:00"


def test_modified_equal_to_published_is_no_update() -> None:
    page = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2024-05-01T10:00:00Z", "dateModified": "2024-05-01T10:00:00Z"}'
        f"</script>{PROSE}"
    )
    article = extract_article(page, URL)
    assert (article.published_at, article.modified_at) == ("2024-05-01T10:00:00+00:00", None)


def test_tags_fall_back_to_tag_links_but_not_category_links() -> None:
    page = (
        f"<article><h1>Harbour wall approved by council</h1>{PROSE}<footer>"
        '<a rel="category tag" href="/c/">Local</a> <a rel="tag" href="/t/a">Harbours</a>'
        '<a rel="tag" href="/t/b">Council</a></footer></article>'
    )
    assert extract_article(page, URL).tags == ["Harbours", "Council"]


def test_standfirst_repeating_the_description_is_not_body() -> None:
    standfirst = "The council approved the wall after a long row."
    page = (
        f'<meta name="description" content="{standfirst}"><article><header>'
        f"<h1>Harbour wall approved by council</h1><p>{standfirst}</p></header>{PROSE}</article>"
    )
    body = extract_article(page, URL).body
    assert body.startswith("The council met on Tuesday")


def test_a_drop_cap_stays_part_of_its_word() -> None:
    opening = (
        '<p><span class="initial-letter-outer"><span class="initial-letter">N</span></span> '
        '<span class="is-inline">a endlich! The council approved the harbour wall.</span></p>'
    )
    page = f"<article><h1>Harbour wall approved</h1>{opening}{PROSE}</article>"
    assert extract_article(page, URL).body.startswith("Na endlich! The council approved")
