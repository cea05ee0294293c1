"""AccountingSpider: what a crawl counts and logs, per kind of event and per site."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy import Spider
from scrapy.http import TextResponse

from newsbot.downloadermiddlewares.refused import RequestRefused
from newsbot.spiders.failures import FetchFailure

if TYPE_CHECKING:
    from collections.abc import Iterator

    from scrapy import Request
    from scrapy.http import Response
    from twisted.python.failure import Failure

    from newsbot.items import Article
    from newsbot.sites import Site

logger = logging.getLogger(__name__)


class AccountingSpider(Spider):
    """The counting half of SectionSpider: stats ``newsbot/<event>`` and
    ``newsbot/site/<key>/<event>``, failed requests, pages that are no text, site selectors
    that no longer match. Reads no settings.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.warned_selectors: set[str] = set()  # site keys

    def on_error(self, failure: Failure) -> Iterator[Article]:
        """Every failed request: one warning with the URL, one stat by kind of failure, and
        one per site (the request's cb_kwargs say which site, and whether it was a listing).

        A robots.txt refusal is the site's wish, not a failure: one INFO line, its own stats;
        so is a page deferred to the next run because its host asked to wait that long.
        When the failed page was the canonical twin of a fetched page, that page's article
        is exported instead: a lighter copy beats a lost article.
        """
        request = getattr(failure, "request", None)
        url = request.url if request else "?"
        cb_kwargs = request.cb_kwargs if request else {}
        listing, site = cb_kwargs.get("listing"), cb_kwargs.get("site")
        site = listing.site if listing else site
        refused = failure.value if isinstance(failure.value, RequestRefused) else None
        # Refused by newsbot (offsite, a private address): never sent, lost all the same.
        problem = FetchFailure(refused.kind, str(refused)) if refused else FetchFailure.of(failure)
        if problem.robots_denied:
            self._count("fetch/robots_denied")
            self._count_site(site, "robots_denied")
            logger.info("Not fetched (robots.txt forbids it): %s", url)
            return
        if problem.deferred:
            # Its host asked to wait past NEWSBOT_MAX_RETRY_AFTER: held back for the next run
            # (RetryAfterMiddleware logs it once per host), not a failure.
            self._count("fetch/deferred")
            self._count_site(site, "deferred")
            return
        self._count(f"fetch/failed/{problem.kind}")
        logger.warning("Failed %s: %s", url, problem.message)
        if listing:
            self._count_site(site, "listings_failed")
            self._count_site(site, f"listing_failed/{problem.kind}")
        else:
            self._count_site(site, "articles_failed")
        alternate = cb_kwargs.get("alternate")
        if alternate is not None:
            self._count("article/kept_alternate")
            yield alternate

    def on_request_dropped(self, request: Request) -> None:
        """A redirect back to a URL of its own chain is a loop the duplicate filter ends
        silently (Scrapy only logs it at debug level): the page is lost, so it is counted and
        logged like any failed fetch. A redirect to a page fetched elsewhere is no loss."""
        chain = request.meta.get("redirect_urls") or []
        if request.url in chain:
            self._count("fetch/failed/redirect_loop")
            logger.warning("Failed %s: redirect loop (back to %s)", chain[0], request.url)

    def _is_text(self, response: Response) -> bool:
        if isinstance(response, TextResponse):
            return True
        self._count("fetch/not_text")
        logger.warning(
            "Not an HTML page (Content-Type %s): %s",
            response.headers.get("Content-Type"),
            response.url,
        )
        return False

    def _count_site(self, site: Site | None, event: str, count: int = 1) -> None:
        """``newsbot/site/<key>/<event>``: the per-site figures of the run report."""
        if site is not None:
            self._count(f"site/{site.key}/{event}", count)

    def _count(self, key: str, count: int = 1) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"newsbot/{key}", count)

    def _selectors_unmatched(self, site: Site, url: str, unmatched: tuple[str, ...]) -> None:
        """A declared selector that finds nothing on an article: the site's layout changed
        under its declaration. Counted per page, warned once per site (every page will say
        the same until the file is fixed)."""
        self._count_site(site, "selector_unmatched", len(unmatched))
        if site.key not in self.warned_selectors:
            self.warned_selectors.add(site.key)
            logger.warning(
                "Site %s: selectors matched nothing on %s: %s (is its declaration out of date?)",
                site.key,
                url,
                "; ".join(unmatched),
            )
