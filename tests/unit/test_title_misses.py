"""The benchmark's account of title misses: each kind told from what the page itself says."""

from __future__ import annotations

import pytest

from benchmarks import title_misses
from benchmarks.corpora import Page

PRINTED = "Harbour ferries resume after the storm"
SOCIAL = "Ferries are back"


def page(label: str, head: str = "") -> Page:
    markup = (
        f"<html><head>{head}</head><body><article><h1>{PRINTED}</h1>"
        "<p>Text.</p></article></body></html>"
    )
    return Page("x", "https://example.test/a", markup.encode(), "Text.", title=label)


@pytest.mark.parametrize(
    ("label", "head", "expected"),
    [
        (
            "Harbour ferries resume after the storm!",
            "",
            (title_misses.SPELLING, ""),
        ),
        (
            SOCIAL,
            f'<meta property="og:title" content="{SOCIAL}"><title>{SOCIAL}</title>',
            (title_misses.METADATA_VARIANT, "<title>, og:title"),
        ),
        (
            SOCIAL,
            '<script type="application/ld+json">'
            f'{{"@graph": [{{"@type": "NewsArticle", "headline": "{SOCIAL}"}}]}}</script>',
            (title_misses.METADATA_VARIANT, "JSON-LD headline"),
        ),
        (
            f"{PRINTED} -- Coast News",
            f"<title>{PRINTED} -- Coast News</title>",
            (title_misses.SITE_NAME, ""),
        ),
        ("Something the page never says", "", (title_misses.REAL, "")),
    ],
)
def test_kinds_of_title_miss(label: str, head: str, expected: tuple[str, str]) -> None:
    assert title_misses.explain(page(label, head), PRINTED) == expected


def test_a_wrong_prediction_is_a_real_miss_even_when_the_label_is_metadata() -> None:
    head = f'<meta property="og:title" content="{SOCIAL}">'
    assert title_misses.explain(page(SOCIAL, head), "Storm warning")[0] == title_misses.REAL


def test_summary_counts_kinds_most_common_first() -> None:
    kinds = [title_misses.REAL, title_misses.SPELLING, title_misses.SPELLING]
    assert title_misses.summary(kinds) == f"2 {title_misses.SPELLING}; 1 {title_misses.REAL}"


def test_a_label_spelled_as_the_metadata_spells_it_is_not_the_printed_headline() -> None:
    printed = "Harbour \u2018ferries\u2019 resume after the storm"
    label = "Harbour 'ferries' resume after the storm"
    markup = (
        f'<html><head><meta property="og:title" content="{label} | Coast News"></head>'
        f"<body><h1>{printed}</h1><p>Text.</p></body></html>"
    )
    page = Page("x", "https://example.test/a", markup.encode(), "Text.", title=label)
    assert title_misses.explain(page, printed) == (title_misses.METADATA_SPELLING, "og:title")
    # Printed as the label spells it: then the extractor's other spelling is its own doing.
    reprinted = Page("x", page.url, markup.replace(printed, label).encode(), "Text.", title=label)
    assert title_misses.explain(reprinted, printed)[0] == title_misses.SPELLING


@pytest.mark.parametrize(
    ("label", "head", "printed"),
    [
        (PRINTED, "", True),
        # Printed, if not as a heading: still the headline the page prints.
        ("Text.", '<meta property="og:title" content="Text.">', True),
        (SOCIAL, f'<meta property="og:title" content="{SOCIAL}">', False),
        # Not printed, and no metadata title either: a wrong label, but not a metadata title.
        (SOCIAL, "", True),
    ],
)
def test_whether_the_label_is_the_printed_headline_is_told_from_the_page(
    label: str, head: str, printed: bool
) -> None:
    assert title_misses.label_is_printed(page(label, head)) is printed
