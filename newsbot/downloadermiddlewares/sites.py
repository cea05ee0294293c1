"""Which site a request is for, for the per-site stats (``newsbot/site/<key>/<event>``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.statscollectors import StatsCollector


def site_key(request: Request) -> str | None:
    """The site key the spider put in the request's cb_kwargs: a listing's site, or an
    article's (None for a request the spider did not make, such as robots.txt)."""
    listing = request.cb_kwargs.get("listing")
    site = listing.site if listing is not None else request.cb_kwargs.get("site")
    return None if site is None else str(site.key)


def count(stats: StatsCollector, event: str, site_event: str, request: Request) -> None:
    """``newsbot/<event>``, and ``newsbot/site/<key>/<site_event>`` when the request names
    its site."""
    stats.inc_value(f"newsbot/{event}")
    key = site_key(request)
    if key is not None:
        stats.inc_value(f"newsbot/site/{key}/{site_event}")
