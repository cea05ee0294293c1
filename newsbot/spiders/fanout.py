"""FanOutSpider: how much one site's sitemaps and feeds may add to a run, and reading them off
the reactor thread."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Self, TypeVar

from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from newsbot.discovery import parse_feed, parse_sitemap
from newsbot.discovery.feeds import newest_first
from newsbot.discovery.safe_xml import MAX_XML_BYTES
from newsbot.discovery.sitemaps import MAX_SITEMAP_ENTRIES
from newsbot.spiders.accounting import AccountingSpider

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.settings import BaseSettings

    from newsbot.discovery import FeedEntry, Sitemap, SitemapEntry
    from newsbot.sites import Site

logger = logging.getLogger(__name__)
_T = TypeVar("_T")


@dataclass(frozen=True)
class Budget:
    """One kind of fan-out: the setting that bounds it per site and run, and the stat
    (``newsbot/<stat>``, ``newsbot/site/<key>/<stat>``) counting what it leaves out."""

    setting: str
    skipped_stat: str
    what: str


SITEMAP_CHILDREN = Budget("NEWSBOT_SITEMAP_MAX_CHILDREN", "sitemap/skipped_children", "sitemaps")
SITEMAP_ENTRIES = Budget("NEWSBOT_SITEMAP_MAX_ENTRIES", "sitemap/skipped_entries", "entries")
FEED_ENTRIES = Budget("NEWSBOT_FEED_MAX_ENTRIES", "feed/skipped_entries", "entries")
SITEMAP_BUDGETS = (SITEMAP_CHILDREN, SITEMAP_ENTRIES)


class FanOutBudgets:
    """What each site may still follow this run, per budget.

    A sitemap index of 300 children or a feed of 20,000 items would otherwise queue every
    one of them; a section crawl wants the newest few. Reads the three budgets' settings.
    """

    def __init__(self, limits: Mapping[Budget, int]) -> None:
        self.limits = dict(limits)
        self.used: Counter[tuple[str, Budget]] = Counter()

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> FanOutBudgets:
        budgets = (*SITEMAP_BUDGETS, FEED_ENTRIES)
        return cls({budget: settings.getint(budget.setting) for budget in budgets})

    def remaining(self, site: str, budget: Budget) -> int:
        return max(self.limits[budget] - self.used[site, budget], 0)

    def take(self, site: str, budget: Budget, wanted: int) -> int:
        """How many of ``wanted`` the site may still follow (and are now spent)."""
        granted = min(wanted, self.remaining(site, budget))
        self.used[site, budget] += granted
        return granted


class FanOutSpider(AccountingSpider):
    """The feed and sitemap half of SectionSpider: reads them in a worker thread, keeps what
    the site's budgets allow, the newest first, and counts and logs what is left out.

    Reads NEWSBOT_SITEMAP_MAX_CHILDREN, NEWSBOT_SITEMAP_MAX_ENTRIES, NEWSBOT_FEED_MAX_ENTRIES
    and DOWNLOAD_MAXSIZE.
    """

    budgets: FanOutBudgets
    #: The most a gzipped feed or sitemap may inflate to.
    max_xml_bytes: int

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.budgets = FanOutBudgets.from_settings(settings)
        # A gzipped body inflates no further than any other body may (0: no cap), nor past the
        # sitemap protocol's 50 MB.
        download_max = settings.getint("DOWNLOAD_MAXSIZE") or MAX_XML_BYTES
        spider.max_xml_bytes = min(download_max, MAX_XML_BYTES)
        return spider

    async def _read_sitemap(self, response: Response, site: Site) -> Sitemap:
        """The sitemap, keeping no more entries than the site's budgets may still follow."""
        keep = max(self.budgets.remaining(site.key, budget) for budget in SITEMAP_BUDGETS)
        return await _in_thread(
            parse_sitemap, response.body, response.url, keep=keep, max_bytes=self.max_xml_bytes
        )

    async def _read_feed(self, response: Response) -> list[FeedEntry]:
        """The feed's entries, newest first (20,000 dates take seconds to parse)."""
        return await _in_thread(_newest_entries, response.body, response.url)

    @staticmethod
    def _newest(sitemap: Sitemap) -> list[SitemapEntry]:
        """Newest first (W3C dates sort as text); entries without lastmod last, in order."""
        return sorted(sitemap.entries, key=lambda entry: entry.lastmod or "", reverse=True)

    def _within_budget(
        self, site: Site, budget: Budget, url: str, newest: Sequence[_T], skipped: int = 0
    ) -> Sequence[_T]:
        """The first of ``newest`` the site's budget still allows; what is left out (and the
        ``skipped`` the listing already left out) counted and logged, one line per listing."""
        granted = self.budgets.take(site.key, budget, len(newest))
        skipped += len(newest) - granted
        if skipped:
            self._count(budget.skipped_stat, skipped)
            self._count_site(site, budget.skipped_stat, skipped)
            logger.info(
                "Budget: %d %s of %s not followed (%s=%d per site and run, newest first)",
                skipped,
                budget.what,
                url,
                budget.setting,
                self.budgets.limits[budget],
            )
        return newest[:granted]

    def _sitemap_refused(self, url: str, sitemap: Sitemap) -> None:
        if sitemap.kind == "too_large":
            self._count("sitemap/too_large")
            logger.warning(
                "Sitemap over %d MB or %d entries once unpacked, not read: %s",
                self.max_xml_bytes // 1_000_000,
                MAX_SITEMAP_ENTRIES,
                url,
            )
        else:
            self._count("sitemap/invalid")
            logger.warning("Not a sitemap: %s", url)


async def _in_thread(work: Callable[..., _T], *args: Any, **kwargs: Any) -> _T:
    """``work`` in a worker thread: reading a large feed or sitemap takes seconds of CPU that
    would otherwise stall every download and callback."""
    return await maybe_deferred_to_future(deferToThread(work, *args, **kwargs))


def _newest_entries(body: bytes, url: str) -> list[FeedEntry]:
    return newest_first(parse_feed(body, url))
