"""OffsiteAccountedMiddleware: Scrapy's offsite filter, with the lost page counted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.httpobj import urlparse_cached

from newsbot.downloadermiddlewares.refused import RequestRefused

if TYPE_CHECKING:
    from scrapy import Request, Spider


class OffsiteAccountedMiddleware(OffsiteMiddleware):
    """Scrapy's OffsiteMiddleware (same policy: the spider's ``allowed_domains`` and their
    subdomains), filtering a request on its way to the downloader rather than when it is
    scheduled. Scrapy 2.19 drops a request filtered at scheduling with no signal and no
    errback, so a page redirected to another domain was lost without a word; refused here,
    its errback counts it (``newsbot/fetch/failed/offsite``). Reads no settings.
    """

    def request_scheduled(self, request: Request, spider: Spider) -> None:
        """Nothing: ``process_request`` filters (see the class docstring)."""

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        try:
            super().process_request(request)
        except IgnoreRequest:
            host = urlparse_cached(request).hostname
            chain = request.meta.get("redirect_urls") or []
            origin = f", redirected from {chain[0]}" if chain else ""
            raise RequestRefused(
                "offsite", f"offsite ({host} is not one of the spider's domains{origin})"
            ) from None
