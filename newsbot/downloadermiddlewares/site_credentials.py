"""SiteCredentialsMiddleware: a site's API key, cookies and login go to its own hosts only."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Self

from scrapy.exceptions import NotConfigured
from scrapy.utils.httpobj import urlparse_cached

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler

    from newsbot.sites import RequestCredentials, Site

logger = logging.getLogger(__name__)


class SiteCredentialsMiddleware:
    """Sets the headers a site's ``[request]`` table declares (headers, cookies, auth) on
    every request to one of its credential hosts, and takes them off any other request: a
    redirect copies a request's headers to wherever it points (Scrapy strips only Cookie and
    Authorization, and only off the host), so an API key would follow it to a CDN or another
    site. Counts ``newsbot/credentials/withheld``. Off when no site declares credentials.
    Reads no settings (the spider's sites).
    """

    def __init__(self, crawler: Crawler, sites: tuple[Site, ...]) -> None:
        self.crawler = crawler
        self.by_host: dict[str, RequestCredentials] = {}
        for site in sites:
            for host in site.credentials.hosts:
                self.by_host.setdefault(host, site.credentials)
        # Every header any site's credentials set, as Scrapy's headers spell it (lower case).
        self.names = {name.lower() for site in sites for name, _ in site.credentials.headers}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        sites: tuple[Site, ...] = getattr(crawler.spider, "sites", ())
        if not any(site.credentials.headers for site in sites):
            raise NotConfigured
        return cls(crawler, sites)

    def process_request(self, request: Request) -> None:
        host = urlparse_cached(request).hostname or ""
        credentials = self.by_host.get(host)
        own = {name.lower() for name, _ in credentials.headers} if credentials else set()
        withheld = sorted(n for n in self.names - own if n in request.headers)
        for name in withheld:
            del request.headers[name]
        if withheld:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("newsbot/credentials/withheld")
            logger.info(
                "Credentials withheld from %s (not a host they are declared for): %s",
                request.url,
                ", ".join(withheld),
            )
        for name, value in credentials.headers if credentials else ():
            request.headers[name] = value
