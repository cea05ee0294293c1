"""The article text: a site's body selector or trafilatura, on a copy cleared of boilerplate."""

from __future__ import annotations

from copy import deepcopy
from typing import TYPE_CHECKING

from trafilatura import bare_extraction

from newsbot.extraction.boilerplate import remove_boilerplate
from newsbot.extraction.document import select
from newsbot.extraction.paragraphs import paragraphs_of
from newsbot.extraction.phrases import drop_furniture
from newsbot.extraction.sitename import compact
from newsbot.text import clean_body

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from newsbot.extraction.document import Page


# The headline repeated as the body's first paragraphs, after a kicker or a section label.
_HEADLINE_WINDOW = 3


def extract_body(page: Page, title: str | None = None, description: str | None = None) -> str:
    """Paragraphs separated by one blank line; empty when the page has no article text.

    ``title`` and ``description`` are the extracted headline and summary: the headline, what
    precedes it (kicker, section label) and a standfirst repeating the summary belong to the
    article's header, not its text, when the extractor picked them up with the article.
    """
    tree = deepcopy(page.root)  # the other fields read the page as served
    remove_boilerplate(tree, page.hints.drop)
    paragraphs = _from_selector(tree, page.hints.body) or _from_trafilatura(tree, page.url)
    paragraphs = _without_standfirst(_after_headline(paragraphs, title), description)
    return clean_body("\n\n".join(drop_furniture(paragraphs)))


def _after_headline(paragraphs: list[str], title: str | None) -> list[str]:
    """Paragraphs after the one repeating the headline; trafilatura's fallback extractors may
    also glue the headline to the first paragraph, which is then cut off its front."""
    key = compact(title or "")
    if not key:
        return paragraphs
    for index, paragraph in enumerate(paragraphs[:_HEADLINE_WINDOW]):
        if compact(paragraph) == key:
            return paragraphs[index + 1 :]
    if title and paragraphs and paragraphs[0].startswith(title + " "):
        return [paragraphs[0][len(title) :].strip(), *paragraphs[1:]]
    return paragraphs


def _without_standfirst(paragraphs: list[str], description: str | None) -> list[str]:
    if paragraphs and description and compact(paragraphs[0]) == compact(description):
        return paragraphs[1:]
    return paragraphs


def _from_selector(tree: HtmlElement, css: str | None) -> list[str]:
    """Text of the elements the site's body selector matches (outermost ones, once each)."""
    matched = select(tree, css) if css else []
    outermost = [e for e in matched if not any(a in matched for a in e.iterancestors())]
    return [paragraph for element in outermost for paragraph in paragraphs_of(element)]


def _from_trafilatura(tree: HtmlElement, url: str) -> list[str]:
    # deduplicate=False keeps trafilatura's process-wide duplicate cache out of the way, so a
    # page extracts the same whatever was extracted before it; comments and tables are not
    # article text.
    document = bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=False,
        deduplicate=False,
        with_metadata=False,
    )
    body = getattr(document, "body", None)
    return paragraphs_of(body) if body is not None else []
