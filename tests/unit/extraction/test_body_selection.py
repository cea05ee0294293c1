"""Article text that cleaning or selection used to lose: the body must still come out.

Each page is the invented Lowmarsh Courier's report (six paragraphs, ~480 words) in one
structure that made the body come out empty or made of reader comments instead.
"""

from __future__ import annotations

import pytest

from newsbot.extraction import extract_article
from newsbot.sites.model import ExtractionHints

URL = "https://www.lowmarsh-courier.example/2024/05/03/harbour-wall-vote-splits-the-council"
SENTENCES = [
    f"Sentence {n} of the report tells how the Lowmarsh council argued about the sea wall"
    " and the cost of stone for the quay."
    for n in range(24)
]
REPORT = [" ".join(SENTENCES[i : i + 4]) for i in range(0, 24, 4)]
HEAD = "<head><title>Harbour wall vote | Lowmarsh Courier</title></head>"
H1 = "<h1>Harbour wall vote</h1>"
NAV = "<nav>" + " ".join(f'<a href="/section-{n}">Section {n}</a>' for n in range(10)) + "</nav>"
COMMENTS = (
    '<div class="reader-comments">'
    + "".join(
        f'<div class="comment"><a href="/user/{n}">Reader {n}</a><div>I think the wall is a'
        f" fine idea and the council should get on with it, says reader {n} of the town.</div>"
        "</div>"
        for n in range(30)
    )
    + "</div>"
)
LINES = "<br><br>".join(REPORT)
PARAGRAPHS = "".join(f"<p>{text}</p>" for text in REPORT)


def body_of(html: str, hints: ExtractionHints | None = None) -> list[str]:
    return extract_article(html, URL, hints).body.split("\n\n")


@pytest.mark.parametrize(
    "container",
    [
        f'<div class="widget">{LINES}</div>',
        f'<div id="comments">{LINES}</div>',
        f'<div class="sidebar">{LINES}</div>',
        f"<aside>{LINES}</aside>",
    ],
    ids=["widget-class", "comments-id", "sidebar-class", "aside"],
)
def test_lines_in_a_container_named_like_furniture_are_the_body(container: str) -> None:
    html = f"{HEAD}<body>{NAV}{H1}{container}{COMMENTS}</body>"
    assert body_of(html) == REPORT


@pytest.mark.parametrize(
    "story",
    [
        f'<div class="story">{LINES}</div>',
        '<div class="story">' + "".join(f"<div>{text}</div>" for text in REPORT) + "</div>",
        f"<table><tr><td>{LINES}</td></tr></table>",
    ],
    ids=["br-lines", "div-per-paragraph", "table-cell"],
)
def test_article_text_without_paragraph_tags_is_the_body(story: str) -> None:
    assert body_of(f"{HEAD}<body>{NAV}{H1}{story}{COMMENTS}</body>") == REPORT


def test_a_drop_selector_taking_the_whole_page_leaves_the_text_as_served() -> None:
    html = f'{HEAD}<body><div class="page">{NAV}{H1}<div class="story">{PARAGRAPHS}</div></div>'
    assert body_of(html, ExtractionHints(drop=(".page",))) == REPORT


def test_a_drop_selector_taking_the_article_leaves_no_comments_as_its_text() -> None:
    html = f'{HEAD}<body>{NAV}{H1}<div class="story">{PARAGRAPHS}</div>{COMMENTS}</body>'
    assert body_of(html, ExtractionHints(drop=(".story",))) == REPORT
