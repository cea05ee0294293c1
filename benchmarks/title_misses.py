"""Why a predicted title differs from a suite's label: read off the page, not guessed.

fundus' labels are what each publisher's hand-written parser returns. Most return the headline
the page prints; some return the page's og:title or JSON-LD headline instead, which on some
pages is a different wording (a shorter social-media or search title). Measuring an extractor
of printed headlines against those labels counts a correct headline as wrong, so the
benchmark says which misses are of that kind, and which are real.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING

from lxml import html

from newsbot.extraction.document import elements
from newsbot.extraction.sitename import compact

if TYPE_CHECKING:
    from collections.abc import Iterator

    from benchmarks.corpora import Page

SPELLING = "same words, other quotes or punctuation"
METADATA_VARIANT = "label is a metadata title the page does not print as a heading"
SITE_NAME = "label keeps the site name from <title>"
REAL = "real miss"


def explain(page: Page, got: str | None) -> tuple[str, str]:
    """The kind of miss the predicted title ``got`` is against the page's label, and for a
    metadata variant, which of the page's declared titles the label is."""
    want, predicted = compact(page.title or ""), compact(got or "")
    if want == predicted:
        return SPELLING, ""
    # The corpora's pages are UTF-8 (their SOURCE.md files say so), whatever a page declares.
    root = html.fromstring(page.html, parser=html.HTMLParser(encoding="utf-8"))
    printed = {compact(h.text_content()) for h in elements(root.xpath("//h1|//h2"))}
    if predicted in printed and want not in printed:
        sources = sorted({source for source, title in _declared_titles(root) if title == want})
        if sources == ["<title>"] and predicted and want.startswith(predicted):
            return SITE_NAME, ""
        if sources:
            return METADATA_VARIANT, ", ".join(sources)
    return REAL, ""


def summary(kinds: list[str]) -> str:
    """ "10 label is a metadata title ...; 3 same words ..." for the kinds of some misses."""
    return "; ".join(f"{count} {kind}" for kind, count in Counter(kinds).most_common())


def _declared_titles(root: html.HtmlElement) -> Iterator[tuple[str, str]]:
    for source in ("og:title", "twitter:title"):
        for meta in root.xpath(f"//meta[@property='{source}' or @name='{source}']"):
            yield source, compact(meta.get("content") or "")
    title = root.find(".//title")
    if title is not None:
        yield "<title>", compact(title.text_content())
    for script in root.xpath("//script[@type='application/ld+json']"):
        for headline in _headlines(script.text_content()):
            yield "JSON-LD headline", compact(headline)


def _headlines(text: str) -> Iterator[str]:
    try:
        data = json.loads(text)
    except ValueError:
        return
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if isinstance(item.get("headline"), str):
                yield item["headline"]
            stack.extend(value for value in item.values() if isinstance(value, (list, dict)))
