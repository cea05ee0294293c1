"""Why a predicted title differs from a suite's label: read off the page, not guessed.

fundus' labels are what each publisher's hand-written parser returns. Most return the headline
the page prints; some return the page's og:title or JSON-LD headline instead, which on some
pages is a different wording (a shorter social-media or search title) or spelling (straight
quotes where the page prints curly ones). Measuring an extractor of printed headlines against
those labels counts a correct headline as wrong, so the benchmark says which misses are of
that kind, and which are real.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING

from lxml import html

from newsbot.extraction.document import elements
from newsbot.extraction.sitename import compact
from newsbot.text import clean_text

if TYPE_CHECKING:
    from collections.abc import Iterator

    from benchmarks.corpora import Page

METADATA_VARIANT = "label is a metadata title the page does not print as a heading"
METADATA_SPELLING = "label spells the headline as the page's metadata does, not as printed"
SITE_NAME = "label keeps the site name from <title>"
SPELLING = "same words, other quotes or punctuation"
REAL = "real miss"
#: Misses where the label, not the prediction, departs from the headline the page prints.
NOT_PRINTED = frozenset({METADATA_VARIANT, METADATA_SPELLING, SITE_NAME})
# Elements a reader may see (scripts and templates are not printed).
_BODY_ELEMENTS = "//body//*[not(self::script or self::style or self::noscript or self::template)]"


def explain(page: Page, got: str | None) -> tuple[str, str]:
    """The kind of miss the predicted title ``got`` is against the page's label, and for a
    metadata title, which of the page's declared titles the label is."""
    want, predicted = clean_text(page.title or ""), clean_text(got or "")
    root = _parse(page)
    printed = {clean_text(h.text_content()) for h in elements(root.xpath("//h1|//h2"))}
    declared = _declared(root)
    if compact(want) == compact(predicted):
        sources = _sources(declared, want, exact=True)
        if predicted in printed and want not in printed and sources:
            return METADATA_SPELLING, sources
        return SPELLING, ""
    printed_words = {compact(heading) for heading in printed}
    if compact(predicted) in printed_words and compact(want) not in printed_words:
        sources = _sources(declared, want, exact=False)
        if sources == "<title>" and predicted and compact(want).startswith(compact(predicted)):
            return SITE_NAME, ""
        if sources:
            return METADATA_VARIANT, sources
    return REAL, ""


def label_is_printed(page: Page) -> bool:
    """Whether the page's title label is a headline the page prints: not when the label is one
    of the page's metadata titles that no element of its body reads, or reads only in another
    spelling. Told from the page alone, unlike ``explain``, so that every extractor's figure
    on these pages is over the same pages."""
    if page.title is None:
        return False
    want = clean_text(page.title)
    root = _parse(page)
    texts = {clean_text(e.text_content()) for e in elements(root.xpath(_BODY_ELEMENTS))}
    if want in texts:
        return True
    spelled_otherwise = compact(want) in {compact(text) for text in texts}
    return not _sources(_declared(root), want, exact=spelled_otherwise)


def _parse(page: Page) -> html.HtmlElement:
    # The corpora's pages are UTF-8 (their SOURCE.md files say so), whatever a page declares.
    return html.fromstring(page.html, parser=html.HTMLParser(encoding="utf-8"))


def _declared(root: html.HtmlElement) -> list[tuple[str, str]]:
    return [(source, clean_text(title)) for source, title in _declared_titles(root)]


def _sources(declared: list[tuple[str, str]], want: str, *, exact: bool) -> str:
    """The declared titles (og:title, ...) that read ``want``: word for word, or exactly
    (then with the site's name after it allowed: "<want> | TechCrunch")."""
    if exact:
        found = {s for s, title in declared if title == want or title.startswith(f"{want} ")}
    else:
        found = {s for s, title in declared if compact(title) == compact(want)}
    return ", ".join(sorted(found))


def on_printed_headlines(judged: int, kinds: list[str]) -> tuple[int, int]:
    """(right, out of): title accuracy over the pages whose label is the printed headline,
    from the number of pages judged and the kinds of the misses among them."""
    return judged - len(kinds), judged - sum(kind in NOT_PRINTED for kind in kinds)


def summary(kinds: list[str]) -> str:
    """ "10 label is a metadata title ...; 3 same words ..." for the kinds of some misses."""
    return "; ".join(f"{count} {kind}" for kind, count in Counter(kinds).most_common())


def _declared_titles(root: html.HtmlElement) -> Iterator[tuple[str, str]]:
    for source in ("og:title", "twitter:title"):
        for meta in root.xpath(f"//meta[@property='{source}' or @name='{source}']"):
            yield source, meta.get("content") or ""
    title = root.find(".//title")
    if title is not None:
        yield "<title>", title.text_content()
    for script in root.xpath("//script[@type='application/ld+json']"):
        for headline in _headlines(script.text_content()):
            yield "JSON-LD headline", headline


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
