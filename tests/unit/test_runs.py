"""How a run is judged from its stats, exports and sites, and what its summary says."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from newsbot.runs import ExitCode, Run, judge_run, summary
from newsbot.site_health import SiteHealth, judge_site

FINISHED = {"finish_reason": "finished", "response_received_count": 10}


def site(name: str, **counters: int) -> SiteHealth:
    return judge_site(name, counters, max_error_rate=0.5, earlier_exports=[], stale_after_runs=3)


HEALTHY = site("bbc", listings_fetched=1, links_found=5, articles_fetched=5, exported=5)
DEAD = site("rnz", listings_failed=1, **{"listing_failed/DNSLookupError": 1})


@pytest.mark.parametrize(
    ("stats", "sites", "code", "problem"),
    [
        (FINISHED, [HEALTHY], ExitCode.OK, None),
        ({"finish_reason": "finished"}, [DEAD], ExitCode.CRAWL_FAILED, "nothing could be fetched"),
        (FINISHED, [DEAD], ExitCode.CRAWL_FAILED,
         "every site failed: 1 site failed: rnz (1 of 1 listing pages failed (DNSLookupError))"),
        (FINISHED, [HEALTHY, DEAD], ExitCode.SITES_FAILED,
         "1 site ok, 1 site failed: rnz (1 of 1 listing pages failed (DNSLookupError))"),
        (FINISHED, [site("bbc", listings_fetched=1, links_found=10, articles_fetched=4,
                         articles_failed=6)],
         ExitCode.SITES_FAILED, "1 site degraded: bbc (6 of 10 article pages failed)"),
        ({**FINISHED, "finish_reason": "shutdown"}, [HEALTHY], ExitCode.CRAWL_FAILED,
         "the crawl was cut short (shutdown)"),
        ({**FINISHED, "finish_reason": "closespider_itemcount"}, [HEALTHY], ExitCode.OK, None),
    ],
)  # fmt: skip
def test_judge_run(
    stats: dict[str, Any], sites: list[SiteHealth], code: ExitCode, problem: str | None
) -> None:
    outcome = judge_run(stats, [], sites)
    assert outcome.code is code
    assert outcome.problems == ((problem,) if problem else ())
    assert outcome.commits is (code in {ExitCode.OK, ExitCode.SITES_FAILED})


def test_an_export_failure_outranks_everything_and_commits_nothing() -> None:
    outcome = judge_run(FINISHED, ["out.csv: [Errno 28] No space left on device"], [DEAD])
    assert outcome.code is ExitCode.EXPORT_FAILED
    assert outcome.problems == ("out.csv: [Errno 28] No space left on device",)
    assert not outcome.commits


def test_retries_and_robots_requests_do_not_dilute_the_error_rate() -> None:
    """60 % of article pages failing is over the 50 % limit, however many requests that took."""
    sites = [
        site("bbc", listings_fetched=1, links_found=10, articles_fetched=4, articles_failed=6),
        HEALTHY,
    ]
    stats = {**FINISHED, "downloader/request_count": 40}  # 3 tries per failed page, robots.txt
    outcome = judge_run(stats, [], sites)
    assert outcome.code is ExitCode.SITES_FAILED
    assert outcome.problems == ("1 site ok, 1 site degraded: bbc (6 of 10 article pages failed)",)


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
    sites = [HEALTHY]
    run = Run("run-1", "asia_pacific", started)
    report = summary(run, stats, judge_run(stats, [], sites), sites, ["a.jsonl"])
    assert report["status"] == "ok"
    assert report["duration_s"] == 42.5
    assert report["dropped"] == {"duplicate_url": 2, "not_article": 1}
    expected = {"items_exported": 3, "requests": 12, "pages": 6, "errors": 2, "spider_errors": 1}
    assert {key: report[key] for key in expected} == expected
    assert report["files"] == ["a.jsonl"]
    assert report["sites"]["bbc"]["status"] == "ok"
    assert report["sites"]["bbc"]["exported"] == 5


def test_a_failed_run_reports_nothing_exported() -> None:
    stats = {**FINISHED, "item_scraped_count": 3}
    outcome = judge_run(stats, ["a.jsonl: disk full"], [HEALTHY])
    report = summary(Run("r", "s", datetime.now(UTC)), stats, outcome, [HEALTHY], [])
    assert (report["status"], report["exit_code"], report["items_exported"]) == (
        "export_failed",
        3,
        0,
    )
