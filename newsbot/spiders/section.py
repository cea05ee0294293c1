"""SectionSpider: the one generic spider; a section spider only names its section."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Self

from scrapy import Request, signals

from newsbot import signals as newsbot_signals
from newsbot import timing
from newsbot.dates import parse_datetime, utc_now_iso
from newsbot.discovery import read_listing
from newsbot.items import ARTICLE_PAGE_TYPES
from newsbot.settings_check import check_settings
from newsbot.sites import load_sites, sites_path_dirs
from newsbot.spiders.arguments import SectionArguments
from newsbot.spiders.extracting import ExtractionCrashed, ExtractionTimeout, Extractor
from newsbot.spiders.fanout import FEED_ENTRIES, SITEMAP_CHILDREN, SITEMAP_ENTRIES, FanOutSpider
from newsbot.spiders.freshness import Freshness
from newsbot.spiders.selection import select_sites, site_for_url
from newsbot.urls import canonical_url, strip_tracking

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterable, Iterator, Mapping

    from scrapy.crawler import Crawler
    from scrapy.http import Response

    from newsbot.discovery import Sitemap
    from newsbot.items import Article
    from newsbot.sites import Site
    from newsbot.state import StateStore

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Listing:
    """Where a section page, feed or sitemap request came from (travels in cb_kwargs)."""

    site: Site
    depth: int = 1  # section page number, or sitemap nesting level


class SectionSpider(FanOutSpider):
    """Crawls one section of every declared site that has it: section pages (with
    pagination), feeds and sitemaps lead to article pages, which become ``Article`` items.

    Reads NEWSBOT_SITES_PATH, NEWSBOT_MAX_PAGES, NEWSBOT_SITEMAP_DEPTH and the
    NEWSBOT_EXTRACTION_* settings (and, through FanOutSpider, the fan-out budgets); takes
    ``-a sites, max_pages, since, limit``.
    """

    section: ClassVar[str]

    def __init__(
        self,
        arguments: SectionArguments,
        sites: tuple[Site, ...],
        *,
        max_pages: int,
        sitemap_depth: int,
        extractor: Extractor,
    ) -> None:
        super().__init__()
        self.arguments = arguments
        self.sites = sites
        self.max_pages = arguments.max_pages or max_pages
        self.sitemap_depth = sitemap_depth
        self.extractor = extractor
        self.allowed_domains = sorted({d for site in sites for d in site.domains})
        #: Every section page, feed and sitemap this run requested (canonicalised): a canonical
        #: link naming one of them names no article.
        self.listing_urls: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        check_settings(crawler.settings)
        arguments = SectionArguments.parse(kwargs)
        settings = crawler.settings
        declared = load_sites(sites_path_dirs(settings.get("NEWSBOT_SITES_PATH")))
        # Components that need an argument read it as a setting (-s still wins over -a).
        settings.setdict(arguments.as_settings(), priority="spider")
        spider = super().from_crawler(
            crawler,
            arguments,
            select_sites(declared, cls.section, arguments.sites),
            max_pages=settings.getint("NEWSBOT_MAX_PAGES"),
            sitemap_depth=settings.getint("NEWSBOT_SITEMAP_DEPTH"),
            extractor=Extractor.from_settings(settings),
        )
        crawler.signals.connect(spider.extractor.start, signal=signals.spider_opened)
        crawler.signals.connect(spider.extractor.close, signal=signals.spider_closed)
        crawler.signals.connect(spider.on_request_dropped, signal=signals.request_dropped)
        crawler.signals.connect(spider.state_opened, signal=newsbot_signals.state_opened)
        return spider

    def state_opened(self, store: StateStore) -> None:
        self.freshness = Freshness.from_settings(store, self.crawler.settings)

    async def start(self) -> AsyncIterator[Any]:
        for site in self.sites:
            section = site.sections[self.section]
            listing = Listing(site)
            for url in section.pages:
                yield self._request(url, self.parse_section, listing)
            for url in section.feeds:
                yield self._request(url, self.parse_feed, listing)
            for url in section.sitemaps:
                yield self._request(url, self.parse_sitemap, listing)

    def parse_section(
        self, response: Response, listing: Listing | None = None
    ) -> Iterator[Request]:
        """A section page: its article links, then the next page within the page budget.

        Once a page brings no article the state does not know, older pages will not either:
        pagination stops there (NEWSBOT_STOP_AT_KNOWN_PAGE).
        """
        listing = listing or Listing(site_for_url(self.sites, response.url))
        if not self._is_fresh_listing(response, listing.site):
            return
        self._count("section/pages")
        site = listing.site
        # The site's URL rules are applied with every other source's links, in _article_requests.
        with timing.timed(self.crawler.stats, "discovery"):
            listed = read_listing(response.body, response.url, domains=site.domains)
        self._count("section/article_links", len(listed.articles))
        requests = list(self._article_requests(listed.articles, site))
        yield from requests
        next_page = listed.next_page
        if next_page and not requests and self.freshness.stop_at_known_page:
            self._count("incremental/pagination_stopped")
            logger.info("Nothing new on %s: not following older pages", response.url)
        elif next_page and listing.depth < self.max_pages:
            yield self._request(next_page, self.parse_section, Listing(site, listing.depth + 1))
        elif next_page:
            self._count("section/page_budget_reached")
            logger.info("Page budget (%d) reached at %s", self.max_pages, response.url)

    async def parse_feed(
        self, response: Response, listing: Listing | None = None
    ) -> AsyncIterator[Request]:
        """An RSS/Atom/RDF/JSON feed, whatever its Content-Type: its newest entries within the
        site's budget, newer than ``-a since``."""
        listing = listing or Listing(site_for_url(self.sites, response.url))
        if not self._is_modified(response, listing.site):
            return
        with timing.timed(self.crawler.stats, "discovery"):
            entries = await self._read_feed(response)
        if not entries:
            self._count("feed/empty_or_invalid")
            logger.warning("Feed has no readable entries: %s", response.url)
        self._count("feed/entries", len(entries))
        kept = self._within_budget(listing.site, FEED_ENTRIES, response.url, entries)
        links = [e.url for e in kept if not self._before_since(e.published)]
        for request in self._article_requests(links, listing.site):
            yield request

    async def parse_sitemap(
        self, response: Response, listing: Listing | None = None
    ) -> AsyncIterator[Request]:
        """A sitemap index (its newest children, to the depth budget) or a URL set (its newest
        entries), gzipped or not whatever its Content-Type, each within the site's budget.

        Read as a stream in a worker thread: a sitemap of a million entries neither fills
        memory nor stalls the other requests, and past the protocol's limits it is refused.
        """
        listing = listing or Listing(site_for_url(self.sites, response.url))
        if not self._is_modified(response, listing.site):
            return
        with timing.timed(self.crawler.stats, "discovery"):
            sitemap = await self._read_sitemap(response, listing.site)
        if sitemap.kind == "sitemapindex":
            for request in self._sitemap_children(response.url, sitemap, listing):
                yield request
        elif sitemap.kind == "urlset":
            for request in self._sitemap_articles(response.url, sitemap, listing.site):
                yield request
        else:
            self._sitemap_refused(response.url, sitemap)

    def _sitemap_children(self, url: str, index: Sitemap, listing: Listing) -> Iterator[Request]:
        if listing.depth >= self.sitemap_depth:
            self._count("sitemap/depth_budget_reached")
            return
        nested = Listing(listing.site, listing.depth + 1)
        children = self._within_budget(
            listing.site, SITEMAP_CHILDREN, url, self._newest(index), index.skipped
        )
        for child in children:
            yield self._request(child.url, self.parse_sitemap, nested)

    def _sitemap_articles(self, url: str, sitemap: Sitemap, site: Site) -> Iterator[Request]:
        self._count("sitemap/entries", len(sitemap.entries) + sitemap.skipped)
        kept = self._within_budget(
            site, SITEMAP_ENTRIES, url, self._newest(sitemap), sitemap.skipped
        )
        lastmods = {
            e.url: e.lastmod for e in kept if not self._before_since(e.news_published or e.lastmod)
        }
        yield from self._article_requests(lastmods, site, lastmods)

    async def parse_article(
        self, response: Response, site: Site | None = None, alternate: Article | None = None
    ) -> AsyncIterator[Article | Request]:
        """An article page, extracted into an ``Article`` (the pipelines judge it).

        A page whose rel=canonical names another page of the site (an AMP twin, a print
        view) is a lighter copy: the canonical page is fetched instead, and this page's
        article is kept as ``alternate``, exported only if the canonical page cannot be had.
        """
        site = site or site_for_url(self.sites, response.url)
        self._count_site(site, "articles_fetched")
        if not self._is_text(response):
            return
        try:
            extracted = await self.extractor.extract(response, site)
        except ExtractionTimeout as exc:
            self._count("article/extraction_timeout")
            self._count_site(site, "articles_unreadable")
            logger.warning("Gave up extracting %s: %s", response.url, exc)
            return
        except ExtractionCrashed as exc:
            self._count("article/extraction_crashed")
            self._count_site(site, "articles_unreadable")
            logger.error("Extraction of %s ended its worker: %s", response.url, exc)
            return
        for stage, seconds in extracted.seconds.items():
            timing.add(self.crawler.stats, stage, seconds)
        if extracted.unmatched:
            self._selectors_unmatched(site, response.url, extracted.unmatched)
        article = extracted.article
        article.site = site.key
        article.section = self.section
        article.source_url = response.url
        article.fetched_at = utc_now_iso()
        self._count("article/extracted")
        if alternate is not None and article.page_type not in ARTICLE_PAGE_TYPES:
            yield self._keep_alternate(alternate, response.url, article.page_type)
        elif alternate is None and article.url in self.listing_urls:
            # Requesting it again would be dropped as a duplicate, and the article with it.
            yield self._keep_alternate(article, article.url, "a listing page of this run")
        elif (
            alternate is None
            and canonical_url(response.url) != article.url
            and site.owns(article.url)
        ):
            self._count("article/followed_canonical")
            yield Request(
                article.url,
                callback=self.parse_article,
                cb_kwargs={"site": site, "alternate": article},
                errback=self.on_error,
            )
        else:
            yield article

    def _keep_alternate(self, alternate: Article, canonical: str, page_type: str) -> Article:
        """The page a canonical link named is no article (a relative link resolved wrongly, a
        section front): the fetched article is exported under its own URL instead of lost."""
        self._count("article/canonical_not_article")
        logger.info(
            "Canonical %s of %s is not an article (%s): keeping the page itself",
            canonical,
            alternate.source_url,
            page_type,
        )
        alternate.url = canonical_url(alternate.source_url)
        return alternate

    def _article_requests(
        self, urls: Iterable[str], site: Site, lastmods: Mapping[str, str | None] | None = None
    ) -> Iterator[Request]:
        """Requests for the article URLs this run needs: on the site, within its rules, and
        not already accounted for by the state (``lastmods``: what sitemaps say changed)."""
        for url in urls:
            try:
                clean = strip_tracking(url)
            except ValueError:  # a feed or sitemap entry no URL can be made of
                self._count("discovery/link_rejected")
                continue
            if not (site.owns(clean) and site.article_urls.permits(clean)):
                self._count("discovery/link_rejected")
                continue
            self._count_site(site, "links_found")
            if skip := self.freshness.skip_reason(clean, (lastmods or {}).get(url)):
                self._count(f"incremental/skipped_{skip}")
                if skip == "known":
                    self._count_site(site, "links_known")
            else:
                yield Request(
                    clean,
                    callback=self.parse_article,
                    cb_kwargs={"site": site},
                    errback=self.on_error,
                )

    def _request(self, url: str, callback: Any, listing: Listing) -> Request:
        """A listing request (section page, feed, sitemap), conditional when it was seen before."""
        self.listing_urls.add(canonical_url(url))
        return Request(
            url,
            callback=callback,
            cb_kwargs={"listing": listing},
            errback=self.on_error,
            headers=self.freshness.conditional_headers(url),
            # Scrapy's API for letting a 304 reach the callback instead of the errback.
            meta={"handle_httpstatus_list": [304]},
        )

    def _is_fresh_listing(self, response: Response, site: Site) -> bool:
        """False for a 304 (see ``_is_modified``) or a page that is no text."""
        return self._is_modified(response, site) and self._is_text(response)

    def _is_modified(self, response: Response, site: Site) -> bool:
        """False for a 304 (unchanged since the last run: nothing new to find there)."""
        self._count_site(site, "listings_fetched")
        if response.status == 304:
            self._count("conditional/not_modified")
            self._count_site(site, "listings_unchanged")
            logger.info("Unchanged since the last run: %s", response.url)
            return False
        self.freshness.remember_validators(response)
        return True

    def _before_since(self, published: str | None) -> bool:
        since = self.arguments.since
        parsed = parse_datetime(published) if since and published else None
        if parsed is None or since is None or parsed.date() >= since:
            return False
        self._count("discovery/skipped_before_since")
        return True
