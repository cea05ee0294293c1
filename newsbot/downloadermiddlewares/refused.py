"""RequestRefused: a request newsbot's middlewares will not send, counted like a lost page."""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest


class RequestRefused(IgnoreRequest):
    """Raised by a downloader middleware for a request it will not send. The request's errback
    counts it as ``newsbot/fetch/failed/<kind>`` and logs ``Failed <url>: <message>``."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
