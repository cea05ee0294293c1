"""Article extraction: one HTML page in, one ``Article`` out, whatever the page holds.

``extract_article`` parses the page once and hands the parsed page to one small extractor per
field (see the modules of this package); the spider fills ``site``, ``section`` and
``fetched_at``.
"""

from __future__ import annotations

import logging

from newsbot.extraction.authors import extract_authors
from newsbot.extraction.body import extract_body
from newsbot.extraction.document import load_page
from newsbot.extraction.fields import (
    extract_description,
    extract_image,
    extract_language,
    extract_url,
)
from newsbot.extraction.language import detect_language
from newsbot.extraction.page_type import classify_by_body, classify_early
from newsbot.extraction.published import extract_dates
from newsbot.extraction.tags import extract_tags
from newsbot.extraction.title import extract_title
from newsbot.items import Article
from newsbot.sites.model import ExtractionHints
from newsbot.text import body_fingerprint, word_count
from newsbot.timing import stage

__all__ = ["extract_article"]

logger = logging.getLogger(__name__)

# Page types told before the body is read that no export wants: crawls reach many section
# fronts (hubs, topic pages) through links, and their bodies cost more than an article's.
_SKIMMED = frozenset({"listing", "empty"})


def extract_article(
    html: str | bytes,
    url: str,
    hints: ExtractionHints | None = None,
    *,
    encoding: str | None = None,
) -> Article:
    """The article on ``html`` fetched from ``url``; never raises.

    ``encoding`` is the charset from the HTTP header, if any. A page the extractors cannot
    handle gives an empty Article of page type "unknown" (and a logged error), so one bad page
    never stops a crawl.
    """
    try:
        return _extract(html, url, hints or ExtractionHints(), encoding)
    except Exception:
        logger.exception("Extraction failed, returning an empty article: %s", url)
        return Article(url=url, source_url=url, page_type="unknown")


def _extract(html: str | bytes, url: str, hints: ExtractionHints, encoding: str | None) -> Article:
    page = load_page(html, url, hints, encoding)
    with stage("page_type"):
        early = classify_early(page)
    if early in _SKIMMED:
        # A section front or an empty page: the pipelines drop it whatever its body, so it
        # costs no body, author, date or tag extraction (the bulk of an article's time), only
        # what names it in logs and `scrapy extract`.
        return Article(
            url=extract_url(page),
            source_url=url,
            title=extract_title(page),
            description=extract_description(page),
            language=extract_language(page),
            image_url=extract_image(page),
            page_type=early,
        )
    title = extract_title(page)
    description = extract_description(page)
    body = extract_body(page, title, description)
    dates = extract_dates(page)
    words = word_count(body)
    return Article(
        url=extract_url(page),
        source_url=url,
        title=title,
        description=description,
        body=body,
        authors=extract_authors(page),
        published_at=dates.published,
        modified_at=dates.modified,
        language=extract_language(page) or detect_language(body),
        tags=extract_tags(page),
        image_url=extract_image(page),
        word_count=words,
        fingerprint=body_fingerprint(body),
        page_type=early or classify_by_body(page, words, dated=dates.published is not None),
        date_source=dates.source,
    )
