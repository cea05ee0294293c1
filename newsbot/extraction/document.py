"""Raw response to one parsed lxml tree: decoding, size guard, parsing that cannot fail."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from itertools import islice
from typing import TYPE_CHECKING

from cssselect import SelectorError
from lxml import etree, html
from parsel import Selector

from newsbot.encoding import html_text
from newsbot.extraction.jsonld import LinkedData, read_linked_data
from newsbot.extraction.metadata import PageMeta, read_meta
from newsbot.extraction.paragraphs import blocks_of
from newsbot.extraction.prose import Prose, main_prose
from newsbot.urls import resolve_url

if TYPE_CHECKING:
    from newsbot.sites.model import ExtractionHints

# Real article pages are well under 2 MB; beyond this it is a data dump or an attack, and
# parsing plus extraction time grows with size. The head and the article text come first, so
# the cut keeps what matters.
MAX_HTML_CHARS = 5_000_000
# A news page has a few thousand elements, a heavy one 15,000. Hundreds of thousands are a
# data dump or an attack, and every extractor's time grows with them (100,000 paragraphs cost
# 15 s): elements past this many, in document order, are dropped before extraction.
MAX_ELEMENTS = 30_000

# Where the <html> tag sits: near the start, after a doctype or a comment.
_HEAD_CHARS = 2000
_COMMENTED_LANG = re.compile(r"<!--\[if[^\]]*\]>\s*<html\b[^>]*\blang=[\"']?([\w-]+)", re.I)
_EMPTY_DOCUMENT = "<html><head></head><body></body></html>"
# lxml.html picks each element's class in Python, on every access to an element (a page's
# extraction makes ~3,500 such lookups, a tenth of its time); one class for every element, picked
# in C, gives the same HtmlElement methods. Form classes (FormElement, InputElement...) are not
# used here.
_HTML_CLASSES = etree.ElementDefaultClassLookup(
    element=html.HtmlElement, comment=html.HtmlComment, pi=html.HtmlProcessingInstruction,
    entity=html.HtmlEntity,
)  # fmt: skip
# Where the article sits, most specific first: the article block holding the headline, the
# page's main region, any article block. Bylines and <time> are looked up there, not in teasers.
_SCOPE_XPATHS = tuple(
    etree.XPath(path)
    for path in (
        # (The article blocks holding an h1, as the ancestors of the h1s: a page has a few h1s
        # but thousands of elements to test for an itemtype and then an h1.)
        "//h1/ancestor::*[self::article or contains(@itemtype, 'Article')"
        " or contains(@itemtype, 'BlogPosting')]",
        "//main|//*[@role='main']",
        "//article",
    )
)


@dataclass(frozen=True)
class Page:
    """A parsed page and everything read from it once, handed to each field extractor."""

    root: html.HtmlElement
    url: str
    meta: PageMeta
    linked: LinkedData
    scope: html.HtmlElement
    hints: ExtractionHints

    @cached_property
    def served_prose(self) -> Prose:
        """The main run of prose of the page as served, before any clearing: page typing and
        the body's check for prose lost to clearing both weigh it, and it costs a walk of the
        whole tree."""
        return main_prose(blocks_of(content_of(self.root)))

    def absolute(self, href: str | None) -> str | None:
        """``href`` resolved against ``<base>`` / the page URL; None unless it is http(s)."""
        if not href or not href.strip():
            return None
        base = self.root.find("head/base")
        base_url = resolve_url(self.url, base.get("href") or "") if base is not None else None
        return resolve_url(base_url or self.url, href)


def load_page(
    content: str | bytes, url: str, hints: ExtractionHints, encoding: str | None = None
) -> Page:
    """Decode and parse once, then index metadata and structured data for the extractors."""
    text = decode(content, encoding)
    root = parse(text)
    _prune_after(root, MAX_ELEMENTS)
    _keep_commented_lang(root, text)
    return Page(
        root=root,
        url=url,
        meta=read_meta(root),
        linked=read_linked_data(root),
        scope=_article_scope(root),
        hints=hints,
    )


def _prune_after(root: html.HtmlElement, limit: int) -> None:
    """Remove the ``limit``-th element in document order and everything after it."""
    cut = next(islice(root.iter(), limit, None), None)
    if cut is None:
        return
    node = cut
    while node is not root and (parent := node.getparent()) is not None:
        for sibling in list(node.itersiblings()):
            parent.remove(sibling)
        node = parent
    cut_parent = cut.getparent()
    if cut_parent is not None:
        cut_parent.remove(cut)


def decode(content: str | bytes, encoding: str | None = None) -> str:
    """Text of a page: BOM, else ``encoding`` (from the HTTP header), else ``<meta>``, else the
    charset its bytes are in, detected as a browser detects it (newsbot.encoding).

    Bytes that are valid UTF-8 with non-ASCII text are read as UTF-8 whatever ``<meta>`` or a
    Latin-1 header claims: pages re-saved as UTF-8 keep their old ``<meta charset=gb2312>``,
    servers default to ISO-8859-1, and text in another charset is practically never valid
    UTF-8 by accident. Undecodable bytes become U+FFFD rather than an error: a page with one
    bad byte is still a page.
    """
    if isinstance(content, str):
        return content[:MAX_HTML_CHARS]
    content = content[:MAX_HTML_CHARS]
    if (encoding or "").lower() not in _TRUSTED_OVER_UTF8 and _is_utf8_text(content):
        return content.decode("utf-8").removeprefix("\ufeff")
    header = f"text/html; charset={encoding}" if encoding else None
    return html_text(content, header)


# Header charsets a valid UTF-8 body does not overrule: multi-byte encodings whose bytes can
# also form valid UTF-8 sequences are rare, but a header naming one was set on purpose.
_TRUSTED_OVER_UTF8 = frozenset({"utf-16", "utf-16le", "utf-16be", "utf-32", "gb18030", "big5"})


def _is_utf8_text(content: bytes) -> bool:
    if content.isascii():
        return False
    # A page cut at MAX_HTML_CHARS may end inside a character: ignore its last 3 bytes.
    complete = content[:-3] if len(content) >= MAX_HTML_CHARS else content
    try:
        complete.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# Characters XML (and so lxml's tree API) refuses, which HTML calls parse errors: the C0
# controls other than tab, line feed and carriage return, and U+FFFE/U+FFFF. A page carrying
# one would make every later edit of the text around it fail.
# Removed from the UTF-8 bytes, where bytes.translate does it in one C pass (str.translate
# looks up every character in Python, twenty times slower); a C0 byte is never part of a
# multi-byte sequence.
_C0_CONTROLS = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_NONCHARACTERS = (b"\xef\xbf\xbe", b"\xef\xbf\xbf")  # U+FFFE, U+FFFF


def parse(text: str) -> html.HtmlElement:
    """An ``<html>`` root for any text, an empty document when there is nothing to parse.

    The text goes to lxml as UTF-8 bytes with the encoding stated, so an ``<?xml encoding?>``
    declaration or a stray ``<meta charset>`` cannot make lxml decode it a second time.
    """
    parser = _parser()
    data = text.encode("utf-8", "replace").translate(None, _C0_CONTROLS)
    for noncharacter in _NONCHARACTERS:
        if noncharacter in data:
            data = data.replace(noncharacter, b"")
    try:
        root = html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError):
        root = None
    if root is None or root.tag != "html":
        # lxml gives up on input with no markup at all (empty, whitespace, binary noise).
        return html.document_fromstring(_EMPTY_DOCUMENT, parser=parser)
    if root.find("body") is None:
        # A head-only page has no <body> element; every later step may rely on one.
        etree.SubElement(root, "body")
    return root


def content_of(root: html.HtmlElement) -> html.HtmlElement:
    """``<body>``, or the whole page when the body is empty (markup the parser left in
    ``<head>``)."""
    body = root.find("body")
    return body if body is not None and len(body) else root


def new_root() -> html.HtmlElement:
    """An empty ``<html>`` element of a document of its own, whose elements get their class
    as parsed pages' do (a working copy of a page is built under it)."""
    root: html.HtmlElement = _parser().makeelement("html")
    return root


def _parser() -> html.HTMLParser:
    # A parser per page: lxml parsers must not be shared between threads (extraction runs in
    # threads with NEWSBOT_EXTRACTION_PROCESSES=0).
    parser = html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    parser.set_element_class_lookup(_HTML_CLASSES)
    return parser


def _keep_commented_lang(root: html.HtmlElement, text: str) -> None:
    """Give ``root`` the ``lang`` of an ``<html>`` tag that only appears inside IE conditional
    comments (``<!--[if gt IE 9]><html lang="en"><![endif]-->``), which parsing drops."""
    if root.get("lang") is None:
        found = _COMMENTED_LANG.search(text, 0, _HEAD_CHARS)
        if found:
            root.set("lang", found.group(1))


def _article_scope(root: html.HtmlElement) -> html.HtmlElement:
    for xpath in _SCOPE_XPATHS:
        found = elements(xpath(root))
        if found:
            return found[0]
    body: html.HtmlElement = root.find("body")
    return body


def select(root: html.HtmlElement, css: str) -> list[html.HtmlElement]:
    """Elements matching a site's CSS selector (parsel, which caches each selector's XPath);
    a selector that cannot compile matches nothing (site files are checked when read)."""
    try:
        found = Selector(root=root, type="html").css(css)
    except (SelectorError, ValueError):  # ValueError: parsel's "XPath error"
        return []
    return elements([match.root for match in found])


def elements(result: object) -> list[html.HtmlElement]:
    """The elements of an XPath result (which lxml types as anything an XPath can return)."""
    if not isinstance(result, list):
        return []
    return [item for item in result if isinstance(item, html.HtmlElement)]
