"""How a run ended, in terms cron can act on: an exit code and a summary."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from newsbot.drops import DROPPED_STAT


class ExitCode(IntEnum):
    """``scrapy crawl`` / ``scrapy demo`` exit codes (see README "Running from cron")."""

    OK = 0  # the crawl ran; its exports (possibly empty: nothing new) are complete
    CRAWL_FAILED = 1  # nothing could be fetched, too many requests failed, or it was cut short
    USAGE = 2  # bad arguments, settings or site files: the run did not start
    EXPORT_FAILED = 3  # an export file could not be written (disk full...): state unchanged
    LOCKED = 75  # another run of the spider holds the lock (EX_TEMPFAIL: try again later)


#: Finish reasons of a crawl that did what it was asked.
_COMPLETE = frozenset({"finished", "closespider_itemcount"})


@dataclass(frozen=True)
class RunOutcome:
    """The verdict on a finished crawl."""

    code: ExitCode
    problems: tuple[str, ...]

    @property
    def status(self) -> str:
        return "ok" if self.code is ExitCode.OK else self.code.name.lower()


def judge_run(stats: dict[str, Any], max_error_rate: float) -> RunOutcome:
    """The outcome read off the crawl's stats."""
    if count(stats, "feedexport/failed_count/"):
        return RunOutcome(ExitCode.EXPORT_FAILED, ("an export file could not be written",))
    problems = []
    requests = int(stats.get("downloader/request_count", 0))
    failed = count(stats, "newsbot/fetch/failed/")
    if not stats.get("response_received_count"):
        problems.append("nothing could be fetched")
    elif requests and failed / requests > max_error_rate:
        problems.append(f"{failed} of {requests} requests failed (over {max_error_rate:.0%})")
    reason = stats.get("finish_reason")
    if reason not in _COMPLETE:
        problems.append(f"the crawl was cut short ({reason})")
    return RunOutcome(ExitCode.CRAWL_FAILED if problems else ExitCode.OK, tuple(problems))


def count(stats: dict[str, Any], prefix: str) -> int:
    """The sum of every stat under ``prefix``."""
    return sum(int(v) for k, v in stats.items() if k.startswith(prefix))


def summary(
    run_id: str, spider: str, stats: dict[str, Any], outcome: RunOutcome, files: list[str]
) -> dict[str, Any]:
    """The run summary written beside the runs of a spider (one JSON object per run)."""
    dropped = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith(DROPPED_STAT)}
    started, finished = stats.get("start_time"), stats.get("finish_time")
    return {
        "run_id": run_id,
        "spider": spider,
        "status": outcome.status,
        "exit_code": int(outcome.code),
        "problems": list(outcome.problems),
        "started_at": started.isoformat() if started else None,
        "finished_at": finished.isoformat() if finished else None,
        "duration_s": round((finished - started).total_seconds(), 3)
        if started and finished
        else None,
        "items_exported": int(stats.get("item_scraped_count", 0)),
        "dropped": dict(sorted(dropped.items())),
        "requests": int(stats.get("downloader/request_count", 0)),
        "responses": int(stats.get("response_received_count", 0)),
        "errors": count(stats, "newsbot/fetch/failed/"),
        # Pages whose parsing raised (a newsbot bug, logged by Scrapy with its traceback).
        "spider_errors": count(stats, "spider_exceptions/"),
        "skipped_known": int(stats.get("newsbot/incremental/skipped_known", 0)),
        "not_modified": int(stats.get("newsbot/conditional/not_modified", 0)),
        "files": files,
    }
