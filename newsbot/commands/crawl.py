"""``scrapy crawl``, with exit codes cron can act on (see newsbot.runs.ExitCode)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError
from twisted.internet.defer import Deferred

from newsbot.runs import EXIT_CODE_STAT, ExitCode
from newsbot.sites import SiteConfigError
from newsbot.state import StateError
from newsbot.state.lock import RunLockedError

if TYPE_CHECKING:
    import argparse
    import asyncio

    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure

logger = logging.getLogger(__name__)


class Command(ScrapyCrawlCommand):
    """Scrapy's crawl command; the exit code says how the run went, not just that it ran."""

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("scrapy crawl takes exactly one spider name")
        assert self.crawler_process is not None
        known = sorted(self.crawler_process.spider_loader.list())
        if args[0] not in known:
            # A typo in a crontab: one line naming the choices, not a KeyError traceback.
            logger.error("Not started: no spider named %r (known: %s)", args[0], ", ".join(known))
            # The section may be declared in a file too broken to generate its spider.
            if site_error := getattr(self.crawler_process.spider_loader, "site_error", None):
                logger.error("Not started: %s", site_error)
            self.exitcode = int(ExitCode.USAGE)
            return
        self.run_crawler(self._create_crawler(args[0]), opts.spargs)

    def run_crawler(self, crawler: Crawler, spider_arguments: dict[str, Any]) -> None:
        """Crawl, then set the exit code from the run's verdict."""
        assert self.crawler_process is not None
        started: Any = self.crawler_process.crawl(crawler, **spider_arguments)
        if isinstance(started, Deferred):
            started.addErrback(_report_failed_start)
        else:
            started.add_done_callback(_retrieve_start_failure)
        self.crawler_process.start()
        code = _exit_code_stat(crawler)
        if code is not None:
            self.exitcode = int(code)
        elif self.crawler_process.bootstrap_failed:
            # The spider never started: bad -a arguments, settings or site files.
            self.exitcode = int(ExitCode.USAGE)
        else:
            # It ran, and no verdict came (a bug, or a component that failed at the end):
            # whatever it did cannot be counted as done.
            logger.error("The crawl ended without a verdict: counted as failed")
            self.exitcode = int(ExitCode.CRAWL_FAILED)


def _exit_code_stat(crawler: Crawler) -> int | None:
    try:
        stats = crawler.stats
    except RuntimeError:
        return None  # newer Scrapy: the crawl stopped before stats existed (a bad -a)
    code = stats.get_value(EXIT_CODE_STAT) if stats is not None else None
    return int(code) if code is not None else None


def _report_failed_start(failure: Failure) -> None:
    if failure.value is not None:
        _report_start_failure(failure.value)


def _retrieve_start_failure(task: asyncio.Future[Any]) -> None:
    if not task.cancelled() and (exc := task.exception()) is not None:
        _report_start_failure(exc)


def _report_start_failure(exc: BaseException) -> None:
    """One line for a mistake the user can fix; a traceback only for a bug."""
    if isinstance(exc, RunLockedError):
        return  # the StateExtension said which run holds the lock
    if isinstance(exc, UsageError | SiteConfigError | StateError):
        logger.error("Not started: %s", exc)
    else:
        logger.error("Not started", exc_info=exc)
