"""Extraction off the reactor thread, with a time cap per page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.python import to_unicode
from twisted.internet.defer import TimeoutError as DeferredTimeoutError
from twisted.internet.threads import deferToThread
from w3lib.encoding import http_content_type_encoding

from newsbot.extraction import extract_article
from newsbot.extraction.document import decode, parse, select
from newsbot.items import ARTICLE_PAGE_TYPES

if TYPE_CHECKING:
    from scrapy.http import Response

    from newsbot.items import Article
    from newsbot.sites import ExtractionHints, Site


class ExtractionTimeout(Exception):
    """A page took longer than NEWSBOT_EXTRACTION_TIMEOUT to extract."""


@dataclass(frozen=True)
class Extracted:
    """A page's article, and the site's selectors that matched nothing on it (``title = "h1"``):
    a site whose layout changed under its declaration."""

    article: Article
    unmatched: tuple[str, ...] = ()


def declared_charset(response: Response) -> str | None:
    """Only the charset the server declared: extraction reads BOM and <meta> itself."""
    return http_content_type_encoding(to_unicode(response.headers.get("Content-Type") or b""))


def _extract(content: bytes, url: str, hints: ExtractionHints, encoding: str | None) -> Extracted:
    article = extract_article(content, url, hints, encoding=encoding)
    # Title and body name what every article has; drop selectors (a promo box) are optional,
    # and pages that are no articles (a section front) are not what the selectors describe.
    # No body: the page was unreadable (extraction logged why), nothing to check against.
    wanted = {"title": hints.title, "body": hints.body}
    if article.page_type not in ARTICLE_PAGE_TYPES or not article.body or not any(wanted.values()):
        return Extracted(article)
    root = parse(decode(content, encoding))
    unmatched = tuple(
        f"{key} = {css!r}" for key, css in wanted.items() if css and not select(root, css)
    )
    return Extracted(article, unmatched)


async def extract_response(response: Response, site: Site, timeout: float) -> Extracted:
    """The article of ``response`` (and the site selectors it defeats), from a worker thread.

    A hostile or pathological page (hundreds of thousands of elements) can take seconds of
    CPU; in a thread it does not stall downloads and other callbacks, and past ``timeout``
    the crawl stops waiting for it (raising ExtractionTimeout). Size limits in extraction
    bound how long the abandoned thread keeps running.
    """
    work = deferToThread(
        _extract, response.body, response.url, site.hints, declared_charset(response)
    )
    # Imported here: importing twisted.internet.reactor at module level would install the
    # default reactor before Scrapy installs the one its settings ask for.
    from twisted.internet import reactor  # noqa: PLC0415

    work.addTimeout(timeout, reactor)
    try:
        return await maybe_deferred_to_future(work)
    except DeferredTimeoutError:
        raise ExtractionTimeout(f"no result after {timeout:g} s") from None
