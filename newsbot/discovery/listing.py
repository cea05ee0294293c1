"""A section page read once: its article links and its next page from one parse.

Section pages are the largest pages a crawl reads (0.2-1 MB of markup); parsing each twice,
once for links and once for the pager, doubled the reactor thread's share of a crawl.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsbot.discovery.links import article_links_in
from newsbot.discovery.page import iter_anchors, parse_html
from newsbot.discovery.pagination import next_page_in

if TYPE_CHECKING:
    from collections.abc import Iterable


@dataclass(frozen=True)
class ListingLinks:
    """What a section page leads to."""

    articles: list[str]
    next_page: str | None


def read_listing(
    html: str | bytes, url: str, *, domains: Iterable[str] | None = None
) -> ListingLinks:
    """The article links (see ``find_article_links``) and the next page (see
    ``find_next_page``) of the listing page ``html`` fetched from ``url``."""
    root = parse_html(html)
    if root is None:
        return ListingLinks([], None)
    anchors = list(iter_anchors(root, url))
    return ListingLinks(
        article_links_in(root, url, domains=domains, anchors=anchors),
        next_page_in(root, url, anchors),
    )
