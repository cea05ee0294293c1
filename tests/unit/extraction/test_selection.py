"""Blocks of a page and the corrections made to trafilatura's choice of them, one rule a test.

``select_paragraphs`` gets the paragraphs an extractor chose; these tests choose them by hand,
so each rule is seen on its own, without trafilatura's judgement in between.
"""

from __future__ import annotations

import pytest

from newsbot.extraction import extract_article
from newsbot.extraction.document import parse
from newsbot.extraction.paragraphs import Layout, blocks_of, paragraphs_of
from newsbot.extraction.selection import select_paragraphs

URL = "https://www.news.example/2024/story"
LINE = "The council met on Tuesday to discuss the new harbour wall and its cost."


def prose(n: int) -> str:
    return f"Paragraph {n} of the story says what the council decided and why it matters."


def layout_of(body_html: str) -> Layout:
    return blocks_of(parse(f"<html><body>{body_html}</body></html>").body)


def select(body_html: str, chosen: list[str], description: str | None = None) -> list[str]:
    return select_paragraphs(layout_of(body_html), chosen, description)


def test_blocks_know_their_parent_and_link_text() -> None:
    layout = layout_of('<div class="story"><p>One <a href="/x">two</a> three</p><p>Four</p></div>')
    first, second = layout.blocks
    assert (first.text, first.link_chars) == ("One two three", 3)
    assert first.parent == second.parent
    assert layout.elements[first.parent].classes == "story"
    assert layout.tag(first) == "p"


def test_table_cells_are_words_of_one_row() -> None:
    root = parse("<table><tr><td>1</td><td>Kyle Busch</td><td>5040</td></tr></table>")
    assert paragraphs_of(root) == ["1 Kyle Busch 5040"]


def test_what_follows_the_article_container_outside_it_is_cut() -> None:
    page = (
        f'<div class="article"><p>{prose(1)}</p><p>{prose(2)}</p><p>{prose(3)}</p></div>'
        '<div class="bio"><p>Jane Doe writes about harbours.</p></div>'
    )
    chosen = [prose(1), prose(2), prose(3), "Jane Doe writes about harbours."]
    assert select(page, chosen) == [prose(1), prose(2), prose(3)]


def test_a_dropped_paragraph_between_kept_siblings_comes_back() -> None:
    linked = f'<p><a href="/a">{LINE}</a> Officials <a href="/b">agreed</a>.</p>'
    page = f'<div class="body"><p>{prose(1)}</p>{linked}<p>{prose(2)}</p></div>'
    assert select(page, [prose(1), prose(2)]) == [prose(1), f"{LINE} Officials agreed.", prose(2)]


def test_a_link_standing_alone_between_paragraphs_is_not_recalled() -> None:
    page = f'<div class="body"><p>{prose(1)}</p><p><a href="/a">{LINE}</a></p><p>{prose(2)}</p>'
    assert select(page, [prose(1), prose(2)]) == [prose(1), prose(2)]


def test_a_body_split_by_ads_goes_on_in_its_twin_container() -> None:
    part = '<div class="grid"><div class="body body--more">{}</div></div>'
    page = (
        part.format(f"<p>{prose(1)}</p><p>{prose(2)}</p>")
        + '<div class="ad-slot">Advertisement</div>'
        + part.format(f"<p>{prose(3)}</p><p>{prose(4)}</p>").replace(" body--more", "")
    )
    assert select(page, [prose(1), prose(2)]) == [prose(n) for n in (1, 2, 3, 4)]


def test_a_subheading_comes_back_with_the_text_it_heads() -> None:
    page = f'<div class="body"><p>{prose(1)}</p><h2>What next</h2><p>{prose(2)}</p></div>'
    assert select(page, [prose(1), prose(2)]) == [prose(1), "What next", prose(2)]


def test_a_run_of_teaser_links_is_dropped() -> None:
    teasers = "".join(f'<li><a href="/{n}">Another story number {n}</a></li>' for n in range(3))
    page = f'<div class="body"><p>{prose(1)}</p><ul>{teasers}</ul><p>{prose(2)}</p></div>'
    chosen = [prose(1), *(f"Another story number {n}" for n in range(3)), prose(2)]
    assert select(page, chosen) == [prose(1), prose(2)]


def test_a_block_knows_the_text_before_its_first_link() -> None:
    layout = layout_of('<p><b>Also read |</b> <a href="/x">Ferry fares rise</a></p><p>Plain</p>')
    assert [block.lead for block in layout.blocks] == ["Also read |", ""]


@pytest.mark.parametrize(
    ("paragraph", "kept"),
    [
        # A label in any language, then only a link to another story: a teaser.
        ("<b>FUNDA OLUNYE UDABA LAPHA |</b> <a>Isikebhe esisha siqala ukusebenza</a>", False),
        ('Lesen Sie auch: <a href="/s">Neue Fähre für die Insel startet im Mai</a>', False),
        # Links inside a sentence, a one-word link, social handles: article text.
        (f'{LINE} Officials <a href="/b">agreed on the plan</a>.', True),
        ('Source: <a href="/r">report</a>', True),
        ("Accounts: <a>@harbour_cook</a>, <a>@ferry_baker</a>, <a>@quay_cafe</a>", True),
        ('The minister said: <a href="/q">"We will build it"</a> and left.', True),
    ],
)
def test_a_label_followed_only_by_a_link_is_a_teaser(paragraph: str, kept: bool) -> None:
    page = f'<div class="body"><p>{prose(1)}</p><p>{paragraph}</p><p>{prose(2)}</p></div>'
    chosen = [block.text for block in layout_of(page).blocks]
    assert (len(select(page, chosen)) == 3) is kept


@pytest.mark.parametrize(
    ("markup", "kept"),
    [
        ("<header><h1>Title</h1><p>{}</p></header><div>{}</div>", False),
        ("<header><h2>{}</h2></header><div>{}</div>", False),
        ("<div><p>{}</p>{}</div>", True),
    ],
)
def test_the_summary_is_a_dek_in_the_header_and_a_lead_in_the_body(markup: str, kept: bool) -> None:
    summary = "The council approved the wall after a long row."
    body = f"<p>{prose(1)}</p><p>{prose(2)}</p>"
    chosen = [summary, prose(1), prose(2)]
    assert (summary in select(markup.format(summary, body), chosen, summary)) is kept


def test_lines_the_extractor_merged_come_back_as_the_page_splits_them() -> None:
    page = f'<div class="body"><p>{prose(1)}</p><div>{prose(2)}<br><br>{prose(3)}</div></div>'
    merged = f"{prose(2)} {prose(3)}"
    assert select(page, [prose(1), merged]) == [prose(1), prose(2), prose(3)]


def test_text_the_extractor_rewrote_stays_in_place() -> None:
    page = f"<div><p>{prose(1)}</p><p>{prose(2)}</p></div>"
    assert select(page, [prose(1), "merged text", prose(2)]) == [prose(1), "merged text", prose(2)]


def test_headline_with_its_kicker_opening_the_text_is_not_body() -> None:
    story = "".join(f"<p>{prose(n)} {LINE}</p>" for n in range(1, 6))
    headline = "Harbour wall approved by the council"
    page = (
        f"<html><head><title>{headline}</title></head><body><article>"
        f"<p>Lowmarsh harbour {headline}</p>{story}</article></body></html>"
    )
    body = extract_article(page, URL).body
    assert body.startswith(prose(1))
