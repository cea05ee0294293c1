"""MetaRefreshMiddleware that decodes a page only when it can hold a refresh.

Scrapy's looks for ``<meta http-equiv="refresh">`` in the first 4,096 characters of every HTML
response, and gets them from ``response.text``: the whole page decoded, with charset detection,
on the reactor thread, for each article page, although the crawl's own process never reads
article text (extraction workers decode it themselves). A refresh needs the word "refresh" in
those characters, and 4,096 characters are at most 16 KiB of bytes in any charset that spells
ASCII as ASCII (UTF-8, the ISO-8859 and Windows code pages, Shift_JIS, GBK, ...). A page
whose first 16 KiB lack that word cannot redirect, and is passed on undecoded; any other page
(one that has the word, or a UTF-16 page, whose ASCII is not ASCII bytes) goes through
Scrapy's own check, with every setting it has (METAREFRESH_*).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.http import HtmlResponse

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.http import Response

# The most bytes 4,096 characters take in an ASCII-compatible charset (4 a character in UTF-8).
_SCANNED_BYTES = 4 * 4096
_REFRESH = re.compile(rb"refresh", re.IGNORECASE)


class CheapMetaRefreshMiddleware(MetaRefreshMiddleware):
    """Scrapy's MetaRefreshMiddleware, skipping pages that cannot hold a meta refresh."""

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        if isinstance(response, HtmlResponse) and not may_refresh(response.body):
            return response
        return super().process_response(request, response)


def may_refresh(body: bytes) -> bool:
    """Whether the first 4,096 characters of ``body`` may hold a meta refresh."""
    head = body[:_SCANNED_BYTES]
    return b"\x00" in head or _REFRESH.search(head) is not None
