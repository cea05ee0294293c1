"""HTML pages as lxml trees, and their links resolved the way a browser resolves them."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree, html

from newsbot.encoding import html_text
from newsbot.urls import canonical_url, resolve_url

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

logger = logging.getLogger(__name__)

# Listing pages are rarely over a few MB; a much larger body is not worth the memory.
MAX_PAGE_BYTES = 20_000_000
# A news section page links to a few hundred pages. Reading links costs ~0.1 ms each on the
# reactor thread, so a page of 50,000 (an archive dump, a hostile page) would stall the whole
# crawl for seconds, long enough for other requests to time out: only the first ones count.
MAX_ANCHORS = 5_000
# A label of this many words reads like a headline; fewer name a menu entry, a topic or a place.
HEADLINE_WORDS = 4


@dataclass(frozen=True)
class Anchor:
    """One ``<a href>`` of a page: its absolute http(s) URL, element and readable text."""

    url: str
    element: html.HtmlElement
    text: str


def same_page_key(url: str) -> str:
    """A key equal for two spellings of one page: canonical URL, scheme ignored (sites link
    their own pages as http and https alike)."""
    return canonical_url(url).split("://", 1)[-1]


def parse_html(page: str | bytes) -> html.HtmlElement | None:
    """The page's root element, or None when there is no document to read."""
    if isinstance(page, bytes):
        # Honours a BOM, then <meta charset>, then falls back to UTF-8, as browsers do.
        page = html_text(page[:MAX_PAGE_BYTES])
    # lxml refuses str input that carries an XML encoding declaration; bytes of a known
    # encoding avoid that and keep every character.
    parser = html.HTMLParser(encoding="utf-8", no_network=True)
    try:
        root = html.fromstring(page[:MAX_PAGE_BYTES].encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError):
        return None
    return root if isinstance(root, html.HtmlElement) else None


def base_url(root: html.HtmlElement, url: str) -> str:
    """The URL relative links resolve against: ``<base href>`` when the page sets one."""
    for href in root.xpath("//base/@href"):
        return resolve_url(url, str(href)) or url
    return url


def iter_anchors(root: html.HtmlElement, url: str) -> Iterator[Anchor]:
    """Every link of the page to an http(s) URL, in document order, up to ``MAX_ANCHORS``."""
    base = base_url(root, url)
    by_id = {str(el.get("id")): el for el in root.iter() if el.get("id")}
    for number, element in enumerate(root.iter("a", "area")):
        if number == MAX_ANCHORS:
            logger.warning("%s has over %d links: reading the first %d", url, number, number)
            return
        href = (element.get("href") or "").strip()
        if not href or href.startswith("#"):
            continue
        absolute = resolve_url(base, href)
        if absolute is not None:
            yield Anchor(absolute, element, anchor_text(element, by_id))


def anchor_text(element: html.HtmlElement, by_id: Mapping[str, html.HtmlElement]) -> str:
    """What a reader sees as the link's label, with spaces collapsed.

    Overlay links (an empty ``<a>`` stretched over a teaser) name their headline through
    ``aria-labelledby`` (looked up in ``by_id``), image links through the image's ``alt``.
    """
    text = _collapse(element.text_content())
    refs = (element.get("aria-labelledby") or "").split()
    labels = (_collapse(by_id[ref].text_content()) for ref in refs if ref in by_id)
    text = text or next((label for label in labels if label), "")
    if not text:
        alts = element.xpath(".//img/@alt")
        text = _collapse(str(alts[0])) if alts else ""
    return text


def _collapse(text: str) -> str:
    return " ".join(text.split())


def label_words(label: str) -> int:
    """Words of a link label; symbols ("★", "»") are no words."""
    return sum(1 for word in label.split() if any(ch.isalnum() for ch in word))
