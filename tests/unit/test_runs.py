"""How a run is judged from its stats, and what its summary says."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from newsbot.runs import ExitCode, judge_run, summary

FINISHED = {"finish_reason": "finished", "response_received_count": 10}


@pytest.mark.parametrize(
    ("stats", "code", "problem"),
    [
        ({**FINISHED, "downloader/request_count": 10}, ExitCode.OK, None),
        ({**FINISHED, "feedexport/failed_count/AtomicFileFeedStorage": 1}, ExitCode.EXPORT_FAILED,
         "an export file could not be written"),
        ({"finish_reason": "finished"}, ExitCode.CRAWL_FAILED, "nothing could be fetched"),
        ({**FINISHED, "downloader/request_count": 10, "newsbot/fetch/failed/http_500": 6},
         ExitCode.CRAWL_FAILED, "6 of 10 requests failed (over 50%)"),
        ({**FINISHED, "finish_reason": "shutdown"}, ExitCode.CRAWL_FAILED,
         "the crawl was cut short (shutdown)"),
        ({**FINISHED, "finish_reason": "closespider_itemcount"}, ExitCode.OK, None),
    ],
)  # fmt: skip
def test_judge_run(stats: dict[str, Any], code: ExitCode, problem: str | None) -> None:
    outcome = judge_run(stats, max_error_rate=0.5)
    assert outcome.code is code
    assert outcome.problems == ((problem,) if problem else ())


def test_summary_counts_what_cron_watches() -> None:
    started = datetime(2026, 11, 30, 10, tzinfo=UTC)
    stats = {
        **FINISHED,
        "start_time": started,
        "finish_time": started + timedelta(seconds=42.5),
        "item_scraped_count": 3,
        "downloader/request_count": 12,
        "newsbot/dropped/duplicate_url": 2,
        "newsbot/dropped/not_article": 1,
        "newsbot/fetch/failed/http_404": 1,
        "newsbot/fetch/failed/DownloadTimeoutError": 1,
        "spider_exceptions/ValueError": 1,
    }
    report = summary("run-1", "asia_pacific", stats, judge_run(stats, 0.5), ["a.jsonl"])
    assert report["status"] == "ok"
    assert report["duration_s"] == 42.5
    assert report["dropped"] == {"duplicate_url": 2, "not_article": 1}
    expected = {"items_exported": 3, "requests": 12, "errors": 2, "spider_errors": 1}
    assert {key: report[key] for key in expected} == expected
    assert report["files"] == ["a.jsonl"]
