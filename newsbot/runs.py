"""How a run ended, in terms cron can act on: an exit code and a summary."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from newsbot import timing
from newsbot.drops import DROPPED_STAT
from newsbot.site_health import sites_line

if TYPE_CHECKING:
    from newsbot.site_health import SiteHealth

#: The stat the crawl command reads its exit code from.
EXIT_CODE_STAT = "newsbot/run/exit_code"


class ExitCode(IntEnum):
    """``scrapy crawl`` / ``scrapy demo`` exit codes (see README "Running from cron")."""

    OK = 0  # the crawl ran; every site did its part; its exports (maybe none) are complete
    CRAWL_FAILED = 1  # nothing fetched, every site failed, or the crawl was cut short
    USAGE = 2  # bad arguments, settings or site files: the run did not start
    # An export file (or, before the run starts, the state file) could not be written for want
    # of room or permission: nothing was marked exported.
    EXPORT_FAILED = 3
    SITES_FAILED = 4  # finished and exported, but some sites failed, yielded nothing or went stale
    LOCKED = 75  # another run of the spider holds the lock (EX_TEMPFAIL: try again later)


@dataclass(frozen=True)
class Run:
    """Who a run is: its id (also the name of its summary), spider and start time."""

    run_id: str
    spider: str
    started: datetime

    @classmethod
    def now(cls, spider: str, *, unique: bool = False) -> Run:
        """A run starting now; ``unique`` adds random digits to the id, for runs of several
        machines (or containers, all pid 1) sharing one state."""
        started = datetime.now(UTC).replace(microsecond=0)
        suffix = f"-{secrets.token_hex(3)}" if unique else ""
        return cls(f"{started:%Y%m%dT%H%M%SZ}-{os.getpid()}{suffix}", spider, started)


#: Set by a worker of a shared crawl (NEWSBOT_BACKEND=redis) that joined one already running.
JOINED_RUNNING_CRAWL_STAT = "newsbot/redis/joined_running_crawl"
#: Finish reasons of a crawl that did what it was asked.
_COMPLETE = frozenset({"finished", "closespider_itemcount"})
#: Outcomes whose articles count as exported: the state commits and the files are published.
_COMMITTED = frozenset({ExitCode.OK, ExitCode.SITES_FAILED})
_STATUS = {
    ExitCode.OK: "ok",
    ExitCode.CRAWL_FAILED: "crawl_failed",
    ExitCode.EXPORT_FAILED: "export_failed",
    ExitCode.SITES_FAILED: "sites_failed",
}


@dataclass(frozen=True)
class RunOutcome:
    """The verdict on a finished crawl."""

    code: ExitCode
    problems: tuple[str, ...]

    @property
    def status(self) -> str:
        return _STATUS.get(self.code, self.code.name.lower())

    @property
    def commits(self) -> bool:
        """Whether the run's articles count as exported (a failed run never replaces a file)."""
        return self.code in _COMMITTED


def judge_run(
    stats: dict[str, Any], export_failures: list[str], sites: list[SiteHealth]
) -> RunOutcome:
    """The outcome read off the crawl's stats, its exports and the health of its sites."""
    if export_failures:
        return RunOutcome(ExitCode.EXPORT_FAILED, tuple(export_failures))
    # Failure rates are judged per site (judge_site): one dead site among seven is named and
    # the others' articles delivered (exit 4), not the whole run thrown away.
    problems = []
    if not stats.get("response_received_count") and not _idle_worker(stats):
        problems.append("nothing could be fetched")
    elif sites and all(s.status == "failed" for s in sites):
        problems.append(f"every site failed: {sites_line(sites)}")
    reason = stats.get("finish_reason")
    if reason not in _COMPLETE:
        problems.append(f"the crawl was cut short ({reason})")
    if problems:
        return RunOutcome(ExitCode.CRAWL_FAILED, tuple(problems))
    unhealthy = [s for s in sites if s.status != "ok"]
    if unhealthy:
        return RunOutcome(ExitCode.SITES_FAILED, (sites_line(sites),))
    return RunOutcome(ExitCode.OK, ())


def _idle_worker(stats: dict[str, Any]) -> bool:
    """A worker that joined a running shared crawl and found nothing left to fetch: it had
    nothing to do, which is no failure (one that tried and got no answer is)."""
    return bool(stats.get(JOINED_RUNNING_CRAWL_STAT)) and not stats.get("downloader/request_count")


def pages_settled(sites: list[SiteHealth]) -> int:
    """Pages fetched or given up on, each once (not its retries, nor robots.txt requests)."""
    return sum(
        s.counts["listings_fetched"] + s.counts["articles_fetched"] + pages_failed([s])
        for s in sites
    )


def pages_failed(sites: list[SiteHealth]) -> int:
    """Pages given up on (after retries)."""
    return sum(s.counts["listings_failed"] + s.counts["articles_failed"] for s in sites)


def count(stats: dict[str, Any], prefix: str) -> int:
    """The sum of every stat under ``prefix``."""
    return sum(int(v) for k, v in stats.items() if k.startswith(prefix))


def summary(
    run: Run,
    stats: dict[str, Any],
    outcome: RunOutcome,
    sites: list[SiteHealth],
    files: list[str],
) -> dict[str, Any]:
    """The run summary written beside the runs of a spider (one JSON object per run)."""
    dropped = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith(f"{DROPPED_STAT}/")}
    started, finished = stats.get("start_time"), stats.get("finish_time")
    return {
        "run_id": run.run_id,
        "spider": run.spider,
        "status": outcome.status,
        "exit_code": int(outcome.code),
        "problems": list(outcome.problems),
        "sites_summary": sites_line(sites),
        "started_at": started.isoformat() if started else None,
        "finished_at": finished.isoformat() if finished else None,
        "duration_s": round((finished - started).total_seconds(), 3)
        if started and finished
        else None,
        "items_exported": int(stats.get("item_scraped_count", 0)) if outcome.commits else 0,
        "dropped": dict(sorted(dropped.items())),
        # Every request sent, retries and robots.txt included; "pages" counts each page once.
        "requests": int(stats.get("downloader/request_count", 0)),
        "pages": pages_settled(sites),
        "responses": int(stats.get("response_received_count", 0)),
        "errors": count(stats, "newsbot/fetch/failed/"),
        # Pages whose parsing raised (a newsbot bug, logged by Scrapy with its traceback).
        "spider_errors": count(stats, "spider_exceptions/"),
        "skipped_known": int(stats.get("newsbot/incremental/skipped_known", 0)),
        "not_modified": int(stats.get("newsbot/conditional/not_modified", 0)),
        "sites": {s.site: s.as_dict() for s in sites},
        # Where the run's time went, per stage (see newsbot.timing).
        "timing": timing.summary(stats, int(stats.get("response_received_count", 0))),
        "files": files,
    }
