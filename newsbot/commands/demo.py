"""``scrapy demo``: serve the bundled demo news site on localhost and crawl it."""

from __future__ import annotations

import logging
import os
import tempfile
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from scrapy.exceptions import UsageError
from scrapy.settings import SETTINGS_PRIORITIES

from newsbot.commands.crawl import Command as CrawlCommand
from newsbot.demo.server import serve_demo_site
from newsbot.runs import ExitCode
from newsbot.settings_check import check_settings

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterator

    from scrapy.settings import BaseSettings

    from newsbot.demo.server import DemoServer

logger = logging.getLogger(__name__)

#: The key of the demo site's declaration (a file written for the run, see ``site_declaration``).
DEMO_SITE_KEY = "pacific_ledger"
DEMO_SPIDER = "asia_pacific"
#: The demo server is our own process on localhost: politeness delays would only slow the demo.
LOCALHOST_SETTINGS = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
}
#: The demo keeps its state, run summaries and files apart from live crawls of the same
#: spider: an analyst's data/asia_pacific/ never holds demo rows. Applied above the project
#: settings and below the command line (-s still wins).
DEMO_SETTINGS = {
    **LOCALHOST_SETTINGS,
    "NEWSBOT_STATE_PATH": "data/state/demo-%(name)s.sqlite3",
    "NEWSBOT_RUNS_DIR": "data/runs/demo-%(name)s",
    "NEWSBOT_DEFAULT_FEEDS": {
        "data/demo/%(name)s/%(time)s.jsonl": {"format": "jsonlines", "store_empty": False},
        "data/demo/%(name)s/%(time)s.csv": {"format": "csv", "store_empty": False},
    },
}


def with_demo_folders(settings: BaseSettings) -> BaseSettings:
    """``settings`` with the demo's state, summary and export folders, as ``scrapy demo``
    applies them (below the command line: ``-s`` still wins); for the commands that read a
    demo's runs (``-a demo=1``)."""
    demo = settings.copy()
    demo.setdict(DEMO_SETTINGS, priority="spider")
    return demo


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
            "Serve the bundled demo news site on 127.0.0.1 (port NEWSBOT_DEMO_PORT, or a "
            "free one when it is taken) and run the "
            "asia_pacific crawl against it. Accepts the options of 'scrapy crawl' "
            "(-o/-O, -s, -a); e.g. 'scrapy demo -O demo.jsonl'. "
            "-s NEWSBOT_DEMO_DAY=2 serves the site as it is a day later (new and updated "
            "articles): run day 1, then day 2, to see a second run export only what changed."
        )

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if args:
            raise UsageError("scrapy demo takes no spider name (it always crawls asia_pacific)")
        assert self.settings is not None
        try:
            check_settings(self.settings)  # before the demo serves, or deletes its old state
        except UsageError as exc:
            logger.error("Not started: %s", exc)
            self.exitcode = int(ExitCode.USAGE)
            return
        day, port = (
            self.settings.getint("NEWSBOT_DEMO_DAY"),
            self.settings.getint("NEWSBOT_DEMO_PORT"),
        )
        with _demo_server(port, day) as server, tempfile.TemporaryDirectory() as sites_dir:
            Path(sites_dir, f"{DEMO_SITE_KEY}.toml").write_text(
                site_declaration(server.url), encoding="utf-8"
            )
            crawler = self._create_crawler(DEMO_SPIDER)
            crawler.settings.setdict(DEMO_SETTINGS, priority="spider")
            if day == 1:
                _forget_earlier_demo_runs(crawler.settings)
            user_dirs = crawler.settings.get("NEWSBOT_SITES_PATH") or ""
            crawler.settings.set(
                "NEWSBOT_SITES_PATH",
                os.pathsep.join(filter(None, [user_dirs, sites_dir])),
                priority="cmdline",
            )
            opts.spargs["sites"] = DEMO_SITE_KEY  # never the live sites: the demo is offline
            self.run_crawler(crawler, opts.spargs)


def _forget_earlier_demo_runs(settings: BaseSettings) -> None:
    """Day 1 starts the demo's news cycle afresh: its state file goes, so every article is new
    again (day 2 after it then exports only what changed). A state path given with -s is the
    user's and is never deleted."""
    if settings.getpriority("NEWSBOT_STATE_PATH") != SETTINGS_PRIORITIES["spider"]:
        return
    state = settings["NEWSBOT_STATE_PATH"] % {"name": DEMO_SPIDER}
    removed = [p for s in ("", "-wal", "-shm") if (p := Path(state + s)).exists()]
    for path in removed:
        path.unlink()
    if removed:
        logger.info("Day 1 of the demo: starting afresh (removed the demo state %s)", state)


@contextmanager
def _demo_server(port: int, day: int) -> Iterator[DemoServer]:
    """The demo site on ``port``, or on a free port when that one is taken.

    Articles are recognised on any port (the state's keys leave it out), but the ETags and
    Last-Modified dates of section pages, feeds and sitemaps are kept per URL: a fixed port
    lets a second run ask for them conditionally, as a cron run asks a real site.
    """
    with ExitStack() as stack:
        try:
            server = stack.enter_context(serve_demo_site(port=port, day=day))
        except OSError as exc:
            server = stack.enter_context(serve_demo_site(day=day))
            logger.warning(
                "Port %d is taken (%s): serving the demo on %s instead (articles are recognised"
                " on any port; section pages, feeds and sitemaps are fetched in full)",
                port,
                exc,
                server.url,
            )
        yield server
