"""What a run needs to fetch: only pages the state store does not already account for."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from scrapy.utils.python import to_unicode

from newsbot.dates import parse_datetime
from newsbot.state import Validators

if TYPE_CHECKING:
    from scrapy.http import Response
    from scrapy.settings import BaseSettings

    from newsbot.state import StateStore


class Freshness:
    """Decides, from the state store, which article URLs to fetch and how to ask for listings.

    An article URL already exported is skipped, unless updates are exported as revisions and a
    sitemap says it changed after the version we have. A page rejected as not an article is
    skipped for NEWSBOT_RECHECK_REJECTED_DAYS. Listing pages, feeds and sitemaps are requested
    with the validators (ETag, Last-Modified) of their last fetch, so an unchanged one costs a
    304 and no parsing.
    """

    def __init__(
        self,
        store: StateStore,
        *,
        revise_updates: bool,
        recheck_rejected_days: int,
        stop_at_known_page: bool,
    ) -> None:
        self.store = store
        self.revise_updates = revise_updates
        self.rejected_cutoff = (
            (datetime.now(UTC) - timedelta(days=recheck_rejected_days))
            .replace(microsecond=0)
            .isoformat()
        )
        self.stop_at_known_page = stop_at_known_page

    @classmethod
    def from_settings(cls, store: StateStore, settings: BaseSettings) -> Freshness:
        return cls(
            store,
            revise_updates=settings["NEWSBOT_UPDATES"] == "revise",
            recheck_rejected_days=settings.getint("NEWSBOT_RECHECK_REJECTED_DAYS"),
            stop_at_known_page=settings.getbool("NEWSBOT_STOP_AT_KNOWN_PAGE"),
        )

    def skip_reason(self, url: str, lastmod: str | None = None) -> str | None:
        """Why ``url`` need not be fetched ("known", "rejected"), or None to fetch it."""
        known = self.store.is_known(url)
        if known is not None:
            return None if self._changed_since(known.version_at, lastmod) else "known"
        return "rejected" if self.store.rejected_since(url, self.rejected_cutoff) else None

    def _changed_since(self, exported_version: str | None, lastmod: str | None) -> bool:
        if not self.revise_updates or not lastmod:
            return False
        changed = parse_datetime(lastmod)
        exported = parse_datetime(exported_version)
        return changed is not None and (exported is None or changed > exported)

    def conditional_headers(self, url: str) -> dict[str, str]:
        """If-None-Match / If-Modified-Since from the page's last fetch."""
        validators = self.store.validators(url)
        headers = {}
        if validators and validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators and validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        return headers

    def remember_validators(self, response: Response) -> None:
        """Keep the page's ETag / Last-Modified for the next run's conditional request."""
        etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
        if etag or modified:
            self.store.set_validators(
                response.url,
                Validators(
                    to_unicode(etag) if etag else None, to_unicode(modified) if modified else None
                ),
            )
