"""An article's topics as its page declares them, without the CMS bookkeeping publishers keep
in the same places: content ids, "category: x" annotations, internal flags, the site's own
name or domain."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsbot.extraction.bylines import unique
from newsbot.extraction.document import elements
from newsbot.extraction.sitename import compact, site_names
from newsbot.extraction.topic_links import topic_links
from newsbot.text import clean_text

if TYPE_CHECKING:
    from newsbot.extraction.document import Page

_KEYWORDS = ("news_keywords", "keywords")
# WordPress marks category links rel="category tag": those are sections, not topics.
_TAG_LINKS = (
    ".//a[contains(concat(' ', normalize-space(@rel), ' '), ' tag ')]"
    "[not(contains(concat(' ', normalize-space(@rel), ' '), ' category '))]"
)
# A "tag" longer than this is a sentence or an SEO keyword dump, not a topic.
_MAX_TAG_CHARS = 80
# Bookkeeping, not topics: an id (UUID, long hex, five digits or more), a "Key: value"
# annotation ("Category: Travel", "NLP Category: General"; topics rarely hold ": "), a
# machine token with an underscore ("_prio_3", "editors_pick"), a domain ("financialpost.com").
_BOOKKEEPING = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,}|\d{5,}"
    r"|[^:]{1,30}:\s.*|\S*_\S*|(?:[\w-]+\.)+[a-z]{2,}",
    re.IGNORECASE,
)


def extract_tags(page: Page) -> list[str]:
    """Topics from the first source that has any: article:tag (one topic per tag, made for
    this), JSON-LD keywords (often SEO lists and CMS flags), keywords meta, tag links in the
    article (``rel="tag"``, as WordPress themes print them), a row of topic links below the
    headline (``topic_links``)."""
    site = site_names(page)
    tagged = [tag for value in page.meta.all("article:tag") for tag in _split(value)]
    linked = [tag for value in page.linked.values("keywords") for tag in _split(value)]
    listed = [[tag for value in page.meta.all(key) for tag in _split(value)] for key in _KEYWORDS]
    printed = [link.text_content() for link in elements(page.scope.xpath(_TAG_LINKS))]
    for tags in (tagged, linked, *listed, printed):
        kept = unique([tag for tag in map(clean_text, tags) if _is_topic(tag, site)])
        if kept:
            return kept
    return unique([tag for tag in topic_links(page, site) if _is_topic(tag, site)])


def _split(value: object) -> list[str]:
    """A declared value as topics: comma-separated in one string ("spain,europe,world news")."""
    return value.split(",") if isinstance(value, str) else []


def _is_topic(tag: str, site: set[str]) -> bool:
    return (
        bool(tag)
        and len(tag) <= _MAX_TAG_CHARS
        and _BOOKKEEPING.fullmatch(tag) is None
        and compact(tag) not in site
    )
