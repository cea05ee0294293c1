"""Discovery: from listing pages, feeds and sitemaps to the URLs of article pages.

Pure functions on a body and the URL it came from; no Scrapy objects, no network.
"""

from __future__ import annotations

from newsbot.discovery.feeds import FeedEntry, parse_feed
from newsbot.discovery.links import find_article_links
from newsbot.discovery.listing import ListingLinks, read_listing
from newsbot.discovery.pagination import find_next_page
from newsbot.discovery.sitemaps import Sitemap, SitemapEntry, parse_sitemap

__all__ = [
    "FeedEntry",
    "ListingLinks",
    "Sitemap",
    "SitemapEntry",
    "find_article_links",
    "find_next_page",
    "parse_feed",
    "parse_sitemap",
    "read_listing",
]
