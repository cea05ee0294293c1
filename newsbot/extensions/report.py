"""RunReportExtension: the verdict on a run — its exit code, its summary file and log line."""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from itemadapter import ItemAdapter
from scrapy import signals

from newsbot import signals as newsbot_signals
from newsbot.drops import ArticleDropped
from newsbot.processes import is_running, pid_in
from newsbot.runs import EXIT_CODE_STAT, ExitCode, RunOutcome, judge_run, summary
from newsbot.site_health import SITE_STAT, judge_site, site_stats

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from newsbot.runs import Run
    from newsbot.site_health import SiteHealth
    from newsbot.state import Publication, StateStore

logger = logging.getLogger(__name__)
#: How far back a stale site must have exported something, in multiples of the stale window.
_STALE_MEMORY = 10


class RunReportExtension:
    """Judges the run once its exports are written (``exports_finished``) and says so: the exit
    code cron acts on, one summary line in the log, and ``<NEWSBOT_RUNS_DIR>/<run id>.json``
    with per-site health. The summary file is first written as "running" when the run starts,
    so a run that dies, or cannot write its summary at the end (a full disk), is named by the
    next run, which restores the summary from the state when that run had committed.

    Reads NEWSBOT_RUNS_DIR (empty: no summary files, for read-only commands),
    NEWSBOT_MAX_ERROR_RATE, NEWSBOT_STALE_AFTER_RUNS and FEEDS.
    """

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        name = crawler.spider.name if crawler.spider else "newsbot"
        runs_dir = settings["NEWSBOT_RUNS_DIR"]
        self.runs_dir = Path(runs_dir % {"name": name}) if runs_dir else None
        self.max_error_rate = settings.getfloat("NEWSBOT_MAX_ERROR_RATE")
        self.stale_after_runs = settings.getint("NEWSBOT_STALE_AFTER_RUNS")
        self.has_feeds = bool(settings.getdict("FEEDS"))
        self.store: StateStore | None = None
        self.run: Run | None = None
        self.finish_reason = "unknown"
        self.outcome = RunOutcome(ExitCode.CRAWL_FAILED, ("the run was never judged",))
        self.summary: dict[str, Any] = {}
        self.publications: list[Publication] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        report = cls(crawler)
        connect = crawler.signals.connect
        connect(report.state_opened, signal=newsbot_signals.state_opened)
        connect(report.item_scraped, signal=signals.item_scraped)
        connect(report.item_dropped, signal=signals.item_dropped)
        connect(report.spider_closed, signal=signals.spider_closed)
        connect(report.exports_finished, signal=newsbot_signals.exports_finished)
        connect(report.state_closed, signal=newsbot_signals.state_closed)
        return report

    def state_opened(self, store: StateStore, run: Run) -> None:
        self.store, self.run = store, run
        if self.runs_dir is not None:
            self._report_unfinished_runs(store)
            self._write(
                {
                    "run_id": run.run_id,
                    "spider": run.spider,
                    "status": "running",
                    "pid": os.getpid(),
                    "started_at": run.started.isoformat(),
                }
            )

    def item_scraped(self, item: Any) -> None:
        self._count_site(item, "exported")

    def item_dropped(self, item: Any, exception: BaseException) -> None:
        if isinstance(exception, ArticleDropped):
            self._count_site(item, f"dropped/{exception.reason}")

    def _count_site(self, item: Any, counter: str) -> None:
        site = ItemAdapter(item).get("site")
        if site:
            self._stats().inc_value(f"{SITE_STAT}/{site}/{counter}")

    def spider_closed(self, reason: str) -> None:
        self.finish_reason = reason
        if not self.has_feeds:  # nothing exports, so no exports_finished will come
            self.exports_finished([], [])

    def exports_finished(self, publications: list[Publication], failures: list[str]) -> None:
        """Judge the run and hand the verdict on (the state commits or rolls back on it)."""
        stats = dict(self._stats().get_stats())
        stats["finish_reason"] = self.finish_reason
        stats["finish_time"] = datetime.now(UTC)
        sites = self._sites(stats)
        self.outcome = judge_run(stats, failures, sites)
        files = [p.final for p in publications] if self.outcome.commits else []
        assert self.run is not None
        self.summary = summary(self.run, stats, self.outcome, sites, files)
        self._stats().set_value(EXIT_CODE_STAT, int(self.outcome.code))
        self.crawler.signals.send_catch_log(
            newsbot_signals.run_judged,
            outcome=self.outcome,
            summary=self.summary,
            publications=publications,
        )

    def state_closed(self, committed: bool, error: str | None) -> None:
        """The last word: a commit that failed turns the run into a failed export."""
        if error is not None:
            self.outcome = RunOutcome(ExitCode.EXPORT_FAILED, (error,))
            self.summary.update(
                status=self.outcome.status,
                exit_code=int(self.outcome.code),
                problems=[error],
                items_exported=0,
                files=[],
            )
            self._stats().set_value(EXIT_CODE_STAT, int(self.outcome.code))
        if self.runs_dir is not None:
            self._write(self.summary)
        self._log(committed)

    def _sites(self, stats: dict[str, Any]) -> list[SiteHealth]:
        return [
            judge_site(
                site,
                counters,
                max_error_rate=self.max_error_rate,
                earlier_exports=self._history(site),
                stale_after_runs=self.stale_after_runs,
            )
            for site, counters in sorted(site_stats(stats).items())
        ]

    def _history(self, site: str) -> list[int]:
        """The site's earlier exports; none when the state cannot say (a shared state whose
        server went away): the run is still judged, only staleness goes unseen."""
        if self.store is None:
            return []
        try:
            return self.store.site_history(site, self.stale_after_runs * _STALE_MEMORY)
        except Exception as exc:  # the verdict must come whatever the store raises
            logger.warning("Earlier exports of %s unknown (%s): staleness not judged", site, exc)
            return []

    def _log(self, committed: bool) -> None:
        log = logger.info if self.outcome.code is ExitCode.OK else logger.error
        drops = ", ".join(f"{k} {v}" for k, v in self.summary["dropped"].items()) or "none"
        log(
            "Run %s: %s (exit code %d)%s; %s; %d articles exported, %d pages (%d requests); "
            "dropped: %s; state %s",
            self.summary["run_id"],
            self.outcome.status,
            self.outcome.code,
            "".join(f"; {p}" for p in self.outcome.problems if p != self.summary["sites_summary"]),
            self.summary["sites_summary"],
            self.summary["items_exported"],
            self.summary["pages"],
            self.summary["requests"],
            drops,
            "committed" if committed else "unchanged",
        )

    def _report_unfinished_runs(self, store: StateStore) -> None:
        """Summaries still saying "running" belong to runs that died (this run holds the lock)
        or could not write their last word: say so, and restore what the state knows."""
        assert self.runs_dir is not None
        for path in sorted(self.runs_dir.glob("*.json")):
            try:
                earlier = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if earlier.get("status") != "running":
                continue
            if store.shared and _still_running(earlier.get("run_id", "")):
                continue  # another worker of the shared crawl, writing to the same folder
            committed = store.run_summary(earlier.get("run_id", ""))
            if committed is not None:
                logger.warning(
                    "Run %s committed its exports but could not write its summary: "
                    "restored from the state",
                    earlier.get("run_id"),
                )
                self._write_at(path, json.loads(committed))
                continue
            logger.warning(
                "Run %s stopped before it finished (killed, or its disk was full): nothing "
                "it fetched counts as exported, so this run exports it",
                earlier.get("run_id"),
            )
            earlier.update(
                status="interrupted",
                exit_code=None,
                problems=["the run stopped before it finished: its state was not committed"],
            )
            self._write_at(path, earlier)

    def _write(self, data: dict[str, Any]) -> None:
        assert self.runs_dir is not None
        assert self.run is not None
        self._write_at(self.runs_dir / f"{self.run.run_id}.json", data)

    @staticmethod
    def _write_at(path: Path, data: dict[str, Any]) -> None:
        """Atomically (a reader never sees half a summary); a failure is logged, not raised:
        the next run reports a summary left "running"."""
        temporary = path.with_name(f".{path.name}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
            temporary.replace(path)
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            logger.error("Could not write the run summary %s: %s", path, exc)

    def _stats(self) -> Any:
        assert self.crawler.stats is not None
        return self.crawler.stats


def _still_running(run_id: str) -> bool:
    """Whether the run's process (its pid is in its id) still runs on this machine."""
    pid = pid_in(run_id)
    return pid is not None and is_running(pid)
