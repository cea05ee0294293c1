"""The next (older) page of a listing: rel=next, pager links, or the next page number."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from newsbot.discovery.page import base_url, iter_anchors, parse_html, same_page_key
from newsbot.discovery.vocabulary import NEXT_LABELS, PAGINATION_MARKERS, WEAK_NEXT_LABELS
from newsbot.urls import host_of, is_http_url, resolve_url, strip_tracking

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml import html

    from newsbot.discovery.page import Anchor

# /page/3/ and /seite/3 (WordPress and kin), or a bare page number ending the path: /news/3/.
_PATH_PAGE = re.compile(r"/(?:page|seite)/(\d{1,4})/?$|/(\d{1,3})/?$")
_QUERY_PAGE_PARAMS = ("page", "p", "paged", "pg", "seite")
_PUNCTUATION = re.compile(r"[^\w\s]+")
# How far up from a link a pagination block may be (a > li > ul > nav).
_PAGER_DEPTH = 4


def find_next_page(html: str | bytes, url: str) -> str | None:
    """The URL of the next (older) page of the listing at ``url``, or None on the last page.

    Never the page itself, never another host (a "www." prefix aside: sites link their
    pager with and without it).
    """
    root = parse_html(html)
    return None if root is None else next_page_in(root, url)


def next_page_in(
    root: html.HtmlElement, url: str, anchors: list[Anchor] | None = None
) -> str | None:
    """``find_next_page`` on a page already parsed (``anchors``: its ``iter_anchors``)."""
    anchors = list(iter_anchors(root, url)) if anchors is None else anchors
    for candidate in _candidates(root, anchors, url):
        target = strip_tracking(candidate)
        if _acceptable(target, url):
            return target
    return None


def _candidates(root: html.HtmlElement, anchors: list[Anchor], url: str) -> Iterator[str]:
    """Possible next-page URLs, the most explicit kinds first."""
    base = base_url(root, url)
    for href in root.xpath("//link[@href]"):
        if "next" in _rels(href) and (resolved := resolve_url(base, str(href.get("href")))):
            yield resolved
    yield from (a.url for a in anchors if "next" in _rels(a.element))
    yield from (a.url for a in anchors if _in_pager(a.element) and _says_next(a, weak=True))
    yield from _next_numbered(anchors, url)
    yield from (a.url for a in anchors if _says_next(a, weak=False))


def _acceptable(target: str, url: str) -> bool:
    same_host = host_of(target).removeprefix("www.") == host_of(url).removeprefix("www.")
    return is_http_url(target) and same_host and same_page_key(target) != same_page_key(url)


def _rels(element: html.HtmlElement) -> set[str]:
    return set((element.get("rel") or "").lower().split())


def _label(anchor: Anchor) -> str:
    """The link label without punctuation ("Older posts →" -> "older posts"); symbol-only
    labels ("»") are kept as they are."""
    element = anchor.element
    for text in (anchor.text, element.get("aria-label") or "", element.get("title") or ""):
        words = " ".join(_PUNCTUATION.sub(" ", text.lower()).split())
        if words:
            return words
        if text.strip():
            return text.strip()
    return ""


def _says_next(anchor: Anchor, *, weak: bool) -> bool:
    label = _label(anchor)
    classes = (anchor.element.get("class") or "").lower().split()
    return label in NEXT_LABELS or (weak and (label in WEAK_NEXT_LABELS or "next" in classes))


def _in_pager(element: html.HtmlElement) -> bool:
    for ancestor in [element, *element.iterancestors()][: _PAGER_DEPTH + 1]:
        marks = " ".join(ancestor.get(name) or "" for name in ("class", "id", "aria-label"))
        found = [marker for marker in PAGINATION_MARKERS.words if marker in marks.lower()]
        for marker in found:
            PAGINATION_MARKERS.note(marker)
        if found:
            return True
    return False


def _next_numbered(anchors: list[Anchor], url: str) -> Iterator[str]:
    """Links to the same listing with the page number one above the current page's."""
    listing, number = page_number(url)
    for anchor in anchors:
        if page_number(anchor.url) == (listing, number + 1):
            yield anchor.url


def page_number(url: str) -> tuple[str, int]:
    """The listing a URL pages through (page number removed) and its page number (1 if none)."""
    parts = urlsplit(strip_tracking(url))
    query = parse_qsl(parts.query, keep_blank_values=True)
    number = 1
    for name, value in query:
        if name.lower() in _QUERY_PAGE_PARAMS and value.isdigit():
            number = int(value)
    query = [(k, v) for k, v in query if k.lower() not in _QUERY_PAGE_PARAMS]
    path = parts.path
    match = _PATH_PAGE.search(path)
    if match:
        number = int(match.group(1) or match.group(2))
        path = path[: match.start()]
    listing = urlunsplit((parts.scheme, parts.netloc, path.rstrip("/"), urlencode(query), ""))
    return listing, number
