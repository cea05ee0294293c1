"""``scrapy demo``: serve the bundled demo news site on localhost and crawl it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from scrapy.commands.crawl import Command as CrawlCommand
from scrapy.exceptions import UsageError

from newsbot.demo.server import serve_demo_site

if TYPE_CHECKING:
    import argparse

#: The key of the demo site's declaration (a file written for the run, see ``site_declaration``).
DEMO_SITE_KEY = "pacific_ledger"
DEMO_SPIDER = "asia_pacific"
#: The demo server is our own process on localhost: politeness delays would only slow the demo.
#: Applied above the project settings and below the command line (-s still wins).
LOCALHOST_SETTINGS = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
}


def site_declaration(base_url: str) -> str:
    """The demo site declared as any user would declare a site: data, no code."""
    return f"""\
name = "The Pacific Ledger (demo)"
domains = ["127.0.0.1"]
timezone = "UTC"

[sections.asia_pacific]
pages = ["{base_url}/category/asia-pacific/"]
feeds = ["{base_url}/feed/"]
sitemaps = ["{base_url}/sitemap.xml"]
"""


class Command(CrawlCommand):
    """Runs the ``asia_pacific`` crawl against the demo site, with ``scrapy crawl``'s options."""

    requires_project = True

    def syntax(self) -> str:
        return "[options]"

    def short_desc(self) -> str:
        return "Crawl the bundled demo news site offline (serves it on 127.0.0.1)"

    def long_desc(self) -> str:
        return (
            "Serve the bundled demo news site on a free port of 127.0.0.1 and run the "
            "asia_pacific crawl against it. Accepts the options of 'scrapy crawl' "
            "(-o/-O, -s, -a); e.g. 'scrapy demo -O demo.jsonl'. "
            "-s NEWSBOT_DEMO_DAY=N serves the site as it is on day N."
        )

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if args:
            raise UsageError("scrapy demo takes no spider name (it always crawls asia_pacific)")
        assert self.crawler_process is not None
        assert self.settings is not None
        day = self.settings.getint("NEWSBOT_DEMO_DAY")
        with serve_demo_site(day=day) as server, tempfile.TemporaryDirectory() as sites_dir:
            Path(sites_dir, f"{DEMO_SITE_KEY}.toml").write_text(
                site_declaration(server.url), encoding="utf-8"
            )
            crawler = self._create_crawler(DEMO_SPIDER)
            crawler.settings.setdict(LOCALHOST_SETTINGS, priority="spider")
            user_dirs = crawler.settings.get("NEWSBOT_SITES_PATH") or ""
            crawler.settings.set(
                "NEWSBOT_SITES_PATH",
                os.pathsep.join(filter(None, [user_dirs, sites_dir])),
                priority="cmdline",
            )
            opts.spargs["sites"] = DEMO_SITE_KEY  # never the live sites: the demo is offline
            self.crawler_process.crawl(crawler, **opts.spargs)
            self.crawler_process.start()
        assert crawler.stats is not None
        if self.crawler_process.bootstrap_failed or not crawler.stats.get_value(
            "item_scraped_count"
        ):
            self.exitcode = 1
