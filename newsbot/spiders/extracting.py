"""Extraction off the reactor thread, with a time cap per page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.python import to_unicode
from twisted.internet.defer import TimeoutError as DeferredTimeoutError
from twisted.internet.threads import deferToThread
from w3lib.encoding import http_content_type_encoding

from newsbot.extraction import extract_article

if TYPE_CHECKING:
    from scrapy.http import Response

    from newsbot.items import Article
    from newsbot.sites import Site


class ExtractionTimeout(Exception):
    """A page took longer than NEWSBOT_EXTRACTION_TIMEOUT to extract."""


async def extract_response(response: Response, site: Site, timeout: float) -> Article:
    """The article of ``response``, extracted in a worker thread.

    A hostile or pathological page (hundreds of thousands of elements) can take seconds of
    CPU; in a thread it does not stall downloads and other callbacks, and past ``timeout``
    the crawl stops waiting for it (raising ExtractionTimeout). Size limits in extraction
    bound how long the abandoned thread keeps running.
    """
    # Only the charset the server declared: extraction reads BOM and <meta> itself.
    encoding = http_content_type_encoding(to_unicode(response.headers.get("Content-Type") or b""))
    work = deferToThread(
        extract_article, response.body, response.url, site.hints, encoding=encoding
    )
    # Imported here: importing twisted.internet.reactor at module level would install the
    # default reactor before Scrapy installs the one its settings ask for.
    from twisted.internet import reactor  # noqa: PLC0415

    work.addTimeout(timeout, reactor)
    try:
        return await maybe_deferred_to_future(work)
    except DeferredTimeoutError:
        raise ExtractionTimeout(f"no result after {timeout:g} s") from None
