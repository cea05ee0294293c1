"""The article text: a site's body selector, or trafilatura's choice corrected by the page's
structure, on a copy cleared of boilerplate.

Clearing can take the article with it: a container named like furniture ("widget", an
``<aside>``, a site's ``drop`` selector matching a wrapper), whose text is ``<br>``-separated
lines so that no ``<p>`` anchors it. When clearing took most of the page's main prose (see
``prose``), or nothing came out, the page is read again uncleaned; when trafilatura still
misses that prose (it drops ``<aside>`` and ``<footer>`` itself), the prose's container is
the text."""

from __future__ import annotations

from copy import deepcopy
from typing import TYPE_CHECKING

from lxml import etree
from trafilatura import bare_extraction

from newsbot.extraction.boilerplate import remove_boilerplate
from newsbot.extraction.document import content_of, elements, new_root, select
from newsbot.extraction.paragraphs import blocks_of, cleaned, paragraphs_of
from newsbot.extraction.phrases import drop_furniture
from newsbot.extraction.prose import Prose, main_prose, prose_texts
from newsbot.extraction.selection import select_paragraphs
from newsbot.extraction.sitename import compact
from newsbot.text import clean_body

if TYPE_CHECKING:
    from collections.abc import Callable

    from lxml.html import HtmlElement

    from newsbot.extraction.document import Page
    from newsbot.extraction.paragraphs import Layout


_LINKED_DATA = etree.XPath("head/script[@type='application/ld+json']")
# Elements holding a drop cap, by the class names templates give them.
_DROP_CAPS = etree.XPath(
    "//*[contains(@class, 'initial') or contains(@class, 'dropcap')"
    " or contains(@class, 'drop-cap') or contains(@class, 'first-letter')"
    " or contains(@class, 'firstletter')]"
)

# The headline repeated as the body's first paragraphs, after a kicker or a section label.
_HEADLINE_WINDOW = 3
# A headline shorter than this, found at the end of a paragraph, is a coincidence.
_HEADLINE_MIN_CHARS = 20
# When trafilatura's fast extraction looks like a miss (see _missed): fewer characters than
# this; fewer paragraphs than this holding more characters than that; or less than this
# share of a declared articleBody of at least that many characters.
_SHORT_CHARS = 500
_FEW_PARAGRAPHS = 3
_FLATTENED_CHARS = 1500
_DECLARED_SHARE = 0.5
_DECLARED_MIN_CHARS = 500
# The main prose worth recovering: as long as what page typing calls long running prose; lost
# when less than this share of it survives clearing or extraction.
_LONG_PROSE_PARAGRAPHS = 4
_LONG_PROSE_CHARS = 1200
_LOST_SHARE = 0.5


def extract_body(page: Page, title: str | None = None, description: str | None = None) -> str:
    """Paragraphs separated by one blank line; empty when the page has no article text.

    ``title`` and ``description`` are the extracted headline and summary: the headline, what
    precedes it (kicker, section label) and a dek repeating the summary belong to the
    article's header, not its text, when the extractor picked them up with the article.
    """
    tree = _cleaned_copy(page)
    # Cut into blocks before trafilatura runs: it prunes the tree it is given.
    layout = blocks_of(content_of(tree))
    paragraphs = _from_selector(tree, page.hints.body) or _from_page(
        tree, layout, page, description, remake=lambda: _cleaned_copy(page)
    )
    if not paragraphs or _lost_prose(layout, page):
        paragraphs = _uncleaned(page, description)
    paragraphs = _after_headline(paragraphs, title)
    return clean_body("\n\n".join(drop_furniture(paragraphs)))


def _lost_prose(cleaned_layout: Layout, page: Page) -> bool:
    """Whether clearing boilerplate took most of the page's long main prose with it (a page
    left with long prose after clearing lost none worth the cost of a second look)."""
    cleaned_prose = main_prose(cleaned_layout)
    if _is_long(cleaned_prose):
        return False
    served = page.served_prose
    return _is_long(served) and cleaned_prose.chars < _LOST_SHARE * served.chars


def _uncleaned(page: Page, description: str | None) -> list[str]:
    """The text of the page as served: trafilatura's, unless it misses the main prose, then
    the main prose's container."""
    tree = _served_copy(page)
    layout = blocks_of(content_of(tree))
    paragraphs = _from_page(tree, layout, page, description, remake=lambda: _served_copy(page))
    prose = main_prose(layout)
    texts = cleaned(prose_texts(layout, prose)) if prose.paragraphs else []
    if _holds_most(paragraphs, texts):
        return paragraphs
    return texts


def _holds_most(paragraphs: list[str], texts: list[str]) -> bool:
    """Whether ``paragraphs`` hold most of the characters of ``texts``."""
    found = compact("".join(paragraphs))
    held = sum(len(text) for text in texts if compact(text) in found)
    return held >= _LOST_SHARE * sum(map(len, texts))


def _is_long(prose: Prose) -> bool:
    return prose.is_long(_LONG_PROSE_PARAGRAPHS, _LONG_PROSE_CHARS)


def _cleaned_copy(page: Page) -> HtmlElement:
    """The page's working copy, cleared of boilerplate (drop caps joined)."""
    tree = _working_copy(page.root)
    remove_boilerplate(tree, page.hints.drop)
    _join_drop_caps(tree)
    return tree


def _served_copy(page: Page) -> HtmlElement:
    """The page's working copy as served (drop caps joined)."""
    tree = _working_copy(page.root)
    _join_drop_caps(tree)
    return tree


def _working_copy(root: HtmlElement) -> HtmlElement:
    """A copy of the page's ``<body>`` to clean and prune (the other fields read the page as
    served), with its structured data: trafilatura falls back on a JSON-LD ``articleBody``
    when a page's markup holds no text. The rest of ``<head>`` would only be copied, walked
    and thrown away, several times over. A page whose markup the parser left in ``<head>``
    (no ``<body>`` tag, a ``<meta>`` first) is copied whole."""
    body = content_of(root)
    if body is root:
        return deepcopy(root)
    copy = new_root()
    copy.extend(deepcopy(element) for element in elements(_LINKED_DATA(root)))
    copy.append(deepcopy(body))
    return copy


def _join_drop_caps(tree: HtmlElement) -> None:
    """Glue a drop cap to the rest of its word: a template that prints the first letter in
    an element of its own and leaves a space after it ("<span class=initial>N</span> a
    endlich") would otherwise give "N a endlich"."""
    for element in elements(_DROP_CAPS(tree)):
        if len(element.text_content().strip()) == 1 and element.tail and not element.tail.strip():
            element.tail = None


def _from_page(
    tree: HtmlElement,
    layout: Layout,
    page: Page,
    description: str | None,
    remake: Callable[[], HtmlElement],
) -> list[str]:
    """trafilatura's paragraphs, placed on the page's blocks (``layout``, cut from ``tree``
    before trafilatura pruned it) and corrected by their layout; ``remake`` makes ``tree``
    again."""
    declared = page.linked.text("articleBody") or ""
    chosen = _from_trafilatura(tree, page.url, declared, remake)
    return cleaned(select_paragraphs(layout, chosen, description))


def _after_headline(paragraphs: list[str], title: str | None) -> list[str]:
    """Paragraphs after the one repeating the headline (and without its repeats further down,
    a sticky header's); trafilatura's fallback extractors may also glue the headline to the
    first paragraph, which is then cut off its front."""
    key = compact(title or "")
    if not key:
        return paragraphs
    for index, paragraph in enumerate(paragraphs[:_HEADLINE_WINDOW]):
        if compact(paragraph) == key:
            paragraphs = paragraphs[index + 1 :]
            break
    else:
        if paragraphs and _is_kicked_headline(compact(paragraphs[0]), key):
            paragraphs = paragraphs[1:]
        elif title and paragraphs and paragraphs[0].startswith(title + " "):
            paragraphs = [paragraphs[0][len(title) :].strip(), *paragraphs[1:]]
    return [p for p in paragraphs if compact(p) != key]


def _is_kicked_headline(paragraph: str, key: str) -> bool:
    """The headline with its kicker ("Umbau des Weissen Hauses Trump plant ...") or without it
    (the title tag's "Landtagswahl: Voigt, Höcke ..."), opening the text."""
    shorter, longer = sorted((paragraph, key), key=len)
    return len(shorter) >= max(_HEADLINE_MIN_CHARS, len(longer) // 2) and longer.endswith(shorter)


def _from_selector(tree: HtmlElement, css: str | None) -> list[str]:
    """Text of the elements the site's body selector matches (outermost ones, once each)."""
    matched = select(tree, css) if css else []
    outermost = [e for e in matched if not any(a in matched for a in e.iterancestors())]
    return [paragraph for element in outermost for paragraph in paragraphs_of(element)]


def _from_trafilatura(
    tree: HtmlElement, url: str, declared: str, remake: Callable[[], HtmlElement]
) -> list[str]:
    """trafilatura's paragraphs from its fast extraction, unless that looks like a miss; then
    from its full one, whose fallback extractors cost a third more time and, on pages the
    fast one reads right, sometimes add a neighbouring block's text. trafilatura prunes the
    tree it is given: the full one gets the tree made again (rarely needed, so cheaper than
    a copy kept for every page)."""
    paragraphs = _trafilatura_paragraphs(tree, url, fast=True)
    if not _missed(paragraphs, declared):
        return paragraphs
    return _trafilatura_paragraphs(remake(), url, fast=False)


def _missed(paragraphs: list[str], declared: str) -> bool:
    """Signs the fast extraction missed the article: little text (often just a JSON-LD
    summary it fell back on); a few paragraphs holding much text (a page flattened into one
    block, a navigation bar read as prose); or far less text than the article body the
    page's structured data declares."""
    chars = sum(map(len, paragraphs))
    if chars < _SHORT_CHARS:
        return True
    if len(paragraphs) < _FEW_PARAGRAPHS and chars > _FLATTENED_CHARS:
        return True
    return len(declared) >= _DECLARED_MIN_CHARS and chars < _DECLARED_SHARE * len(declared)


def _trafilatura_paragraphs(tree: HtmlElement, url: str, *, fast: bool) -> list[str]:
    # deduplicate=False keeps trafilatura's process-wide duplicate cache out of the way, so a
    # page extracts the same whatever was extracted before it; comments are not article text,
    # tables (results, figures) are.
    document = bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        with_metadata=False,
        fast=fast,
    )
    body = getattr(document, "body", None)
    return [block.text for block in blocks_of(body).blocks] if body is not None else []
