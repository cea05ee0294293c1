"""Links told apart by where they sit and what the page's other links look like, not by words.

The Lowmarsh Courier pages below use URLs and class names that no vocabulary lists, so each
case is decided by structure alone: a footer block of short links, chips sharing a URL
pattern, a side-line subdomain.
"""

from __future__ import annotations

from newsbot.discovery import find_article_links

SECTION = "https://www.lowmarsh-courier.example/region/"
SITE = "https://www.lowmarsh-courier.example"
HEADLINES = [
    "Flood barrier on the Marsh Road opens a year late",
    "Council votes to keep the night ferry running",
    "Lowmarsh bakery wins the county bread prize again",
    "New cycle path links the harbour and the old mill",
    "Fishing fleet reports its best winter in a decade",
]
ARTICLES = [f"{SITE}/region/story-number-{n}-of-the-week-4821{n}000.html" for n in range(1, 6)]


def _teasers(chips: str = "", tag: str = "div") -> str:
    return "".join(
        f'<{tag} class="c7"><h2><a href="{url}">{title}</a></h2>{chips}</{tag}>'
        for url, title in zip(ARTICLES, HEADLINES, strict=True)
    )


def _page(main: str, tail: str = "") -> str:
    return f"<html><body><div class='q1'>{main}</div>{tail}</body></html>"


def test_a_block_of_short_links_after_the_teasers_is_page_furniture() -> None:
    # Legal and contact pages minted like articles (an id, .html), in a block of anonymous
    # divs; one label is as long as a headline.
    block = "".join(
        f'<div class="z{n}"><a href="{SITE}/id_4830{n}000/{slug}.html">{label}</a></div>'
        for n, (slug, label) in enumerate(
            [
                ("masthead", "Masthead"),
                ("reach-us", "Reach us"),
                ("reader-data", "How we handle reader data"),
                ("house-rules", "House rules"),
                ("printing", "Printing and delivery"),
                ("jobs-board", "Work with us"),
            ]
        )
    )
    page = _page(_teasers(), f"<div class='k2'>{block}</div>")
    assert find_article_links(page, SECTION) == ARTICLES


def test_chips_sharing_a_url_pattern_are_hubs_not_articles() -> None:
    # Every teaser (an <article>) carries place chips: short labels and coded ids.
    chips = "".join(
        f'<span><a href="{SITE}/region/{place}-pl{n}4021/">{place.title()}</a></span>'
        for n, place in enumerate(["marshgate", "old-mill", "harbour"])
    )
    assert find_article_links(_page(_teasers(chips, "article")), SECTION) == ARTICLES


def test_a_headline_on_a_hub_like_url_is_still_an_article() -> None:
    """One link with a coded id and a headline is not a pattern of chips."""
    story = f"{SITE}/region/night-ferry-saved-nf40215/"
    teaser = (
        f'<div class="c7"><h2><a href="{story}">The night ferry is saved for now</a></h2></div>'
    )
    assert find_article_links(_page(_teasers() + teaser), SECTION) == [*ARTICLES, story]


def test_another_subdomain_with_few_links_needs_more_than_a_teaser() -> None:
    offer = "https://offers.lowmarsh-courier.example/kitchen/best-kettles-of-the-year-compared"
    teaser = f'<div class="c7"><h2><a href="{offer}">The best kettles of the year</a></h2></div>'
    assert find_article_links(_page(_teasers() + teaser), SECTION) == ARTICLES


def test_a_portal_keeps_the_articles_of_its_subdomains() -> None:
    """On a front page whose own host holds no articles, subdomains hold them all."""
    news = [u.replace("www.", "news.") for u in ARTICLES[:3]]
    sport = [u.replace("www.", "sport.") for u in ARTICLES[3:]]
    page = _page(
        "".join(
            f'<div class="c7"><h2><a href="{url}">{title}</a></h2></div>'
            for url, title in zip([*news, *sport], HEADLINES, strict=True)
        )
    )
    assert find_article_links(page, "https://www.lowmarsh-courier.example/") == [*news, *sport]
