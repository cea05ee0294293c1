"""StateExtension: owns the run's state — the lock, the state store and its one transaction."""

from __future__ import annotations

import errno
import json
import logging
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self, cast

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import UsageError
from scrapy.utils.misc import load_object

from newsbot import signals as newsbot_signals
from newsbot import timing
from newsbot.drops import ArticleDropped
from newsbot.runs import EXIT_CODE_STAT, ExitCode, Run
from newsbot.state import StateUnavailableError
from newsbot.state.lock import RunLock, RunLockedError

if TYPE_CHECKING:
    from collections.abc import Iterator

    from scrapy.crawler import Crawler

    from newsbot.runs import RunOutcome
    from newsbot.state import Publication, StateStore

logger = logging.getLogger(__name__)
MEMORY = ":memory:"


class StateExtension:
    """The one owner of the state store: takes the spider's run lock (a second run exits with
    code 75), opens the store, hands it to the components that need it (``state_opened``), and
    opens the run's transaction; once the run is judged, commits it together with the files to
    publish (only when the outcome says its articles count as exported) or rolls it back, and
    says which (``state_closed``). Pages found not to be articles are remembered so later runs
    skip them.

    A persistent state with no export feed is refused: the run would mark articles exported
    that no file holds. A disk too full to open the state stops the run before it starts,
    with exit code 3 and one line. Reads NEWSBOT_STATE_PATH, NEWSBOT_STATE_STORE,
    NEWSBOT_STATE_RETENTION_DAYS and FEEDS.
    """

    def __init__(self, crawler: Crawler, store: StateStore, lock: RunLock | None, run: Run) -> None:
        self.crawler = crawler
        self.store = store
        self.lock = lock
        self.run = run
        self.open = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        name = crawler.spider.name if crawler.spider else "newsbot"
        settings = crawler.settings
        store_class = load_object(settings["NEWSBOT_STATE_STORE"])
        if getattr(store_class, "shared", False):
            return cls._shared(crawler, store_class, name)
        path = settings["NEWSBOT_STATE_PATH"] % {"name": name}
        if path != MEMORY and not settings.getdict("FEEDS"):
            raise UsageError(
                "no export feed is configured (FEEDS is empty: -o/-O or NEWSBOT_DEFAULT_FEEDS, "
                "which ADDONS must keep newsbot.addons.DefaultFeedsAddon to apply): the state "
                "would mark articles exported that no file holds"
            )
        lock = None if path == MEMORY else _take_lock(crawler, Path(f"{path}.lock"), name)
        try:
            with _disk_full_is_exit_3(crawler, Path(path)):
                store = store_class(
                    path, retention_days=settings.getint("NEWSBOT_STATE_RETENTION_DAYS")
                )
        except Exception:
            if lock is not None:
                lock.release()  # the next run must not find it held by a run that never began
            raise
        return cls._connected(crawler, store, lock, Run.now(name))

    @classmethod
    def _shared(cls, crawler: Crawler, store_class: Any, name: str) -> Self:
        """A store several workers use at once: built from the crawler's settings, no run lock
        (running together is the point), run ids unique across machines."""
        if not crawler.settings.getdict("FEEDS"):
            raise UsageError("no export feed is configured (FEEDS is empty: -o/-O)")
        return cls._connected(
            crawler, store_class.from_crawler(crawler), None, Run.now(name, unique=True)
        )

    @classmethod
    def _connected(
        cls, crawler: Crawler, store: StateStore, lock: RunLock | None, run: Run
    ) -> Self:
        # Every call to the store is timed as the "state" stage (newsbot.timing).
        timed_store = cast("StateStore", timing.TimedCalls(store, crawler.stats, "state"))
        extension = cls(crawler, timed_store, lock, run)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.engine_stopped, signal=signals.engine_stopped)
        crawler.signals.connect(extension.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(extension.run_judged, signal=newsbot_signals.run_judged)
        return extension

    def spider_opened(self) -> None:
        # Before the transaction: what receivers complete for an earlier run (publishing the
        # files it committed) is no part of this run.
        self.crawler.signals.send_catch_log(
            newsbot_signals.state_opened, store=self.store, run=self.run
        )
        self.store.begin(self.run.run_id, self.run.spider, self.run.started.isoformat())
        self.open = True
        logger.info("Run %s of %s started", self.run.run_id, self.run.spider)

    def item_dropped(self, item: Any, exception: BaseException) -> None:
        """Pages found not to be articles are remembered, so later runs do not fetch them."""
        if isinstance(exception, ArticleDropped) and exception.reason.page_is_not_article:
            adapter = ItemAdapter(item)
            for url in {adapter["url"], adapter.get("source_url") or adapter["url"]}:
                self.store.reject(url, exception.reason)

    def run_judged(
        self, outcome: RunOutcome, summary: dict[str, Any], publications: list[Publication]
    ) -> None:
        """Commit the run when its articles count as exported, else leave the state as it was."""
        committed, error = False, None
        if outcome.commits:
            try:
                self.store.finish(
                    commit=True,
                    summary=json.dumps(summary),
                    publications=publications,
                    site_exports={k: v["exported"] for k, v in summary["sites"].items()},
                )
                committed = True
            except Exception as exc:
                error = f"the state could not be committed: {exc}"
                logger.error("Run %s: %s", self.run.run_id, error)
        self._close()
        self.crawler.signals.send_catch_log(
            newsbot_signals.state_closed, committed=committed, error=error
        )

    def engine_stopped(self) -> None:
        """A run that was never judged (its closing failed) changes nothing."""
        if self.open:
            self._close()

    def _close(self) -> None:
        self.open = False
        self.store.close()  # rolls back whatever was not committed
        if self.lock is not None:
            self.lock.release()


def _is_disk_full(exc: OSError | sqlite3.OperationalError) -> bool:
    if isinstance(exc, OSError):
        return exc.errno in {errno.ENOSPC, errno.EDQUOT}
    return exc.sqlite_errorcode == sqlite3.SQLITE_FULL


def _take_lock(crawler: Crawler, path: Path, name: str) -> RunLock:
    lock = RunLock(path)
    try:
        with _disk_full_is_exit_3(crawler, path.with_suffix("")):
            lock.acquire()
    except RunLockedError as exc:
        assert crawler.stats is not None
        crawler.stats.set_value(EXIT_CODE_STAT, int(ExitCode.LOCKED))
        logger.error("Another run of %s is in progress (%s): not starting", name, exc)
        raise
    return lock


@contextmanager
def _disk_full_is_exit_3(crawler: Crawler, state: Path) -> Iterator[None]:
    """A full disk (OSError ENOSPC, SQLite's "database or disk is full") while opening the
    state: exit code 3 and StateUnavailableError, the one line the crawl command logs."""
    try:
        yield
    except (OSError, sqlite3.OperationalError) as exc:
        if not _is_disk_full(exc):
            raise
        assert crawler.stats is not None
        crawler.stats.set_value(EXIT_CODE_STAT, int(ExitCode.EXPORT_FAILED))
        raise StateUnavailableError(
            f"the state {state} cannot be opened: {exc} (free some space; nothing was crawled)"
        ) from exc
