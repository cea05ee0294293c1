"""Runs that meet dead, failing, empty or stale sources say so in their exit code and summary.

Each used to exit 0 and say "ok". Now a run where no site could be read exits 1 (nothing is
marked exported); a run where some sites failed, were read with failures (a listing page or
too many article pages failed), found no article link or went stale exits 4, names them, and
delivers what the others exported; the summary has per-site figures.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

from newsbot.commands.demo import LOCALHOST_SETTINGS
from newsbot.demo.server import serve_demo_site
from newsbot.runs import ExitCode
from tests.e2e.cli import crawl_site_args, scrapy
from tests.e2e.failing_sources import (
    FLAKY_FAILING,
    FLAKY_TOTAL,
    declare,
    serve_failing_sources,
    unused_port,
)

if TYPE_CHECKING:
    import subprocess
    from pathlib import Path

pytestmark = pytest.mark.e2e


def crawl(cwd: Path, sites: list[str], *extra: str) -> subprocess.CompletedProcess[str]:
    settings = {**LOCALHOST_SETTINGS, "NEWSBOT_SITES_PATH": cwd / "sites"}
    options = [arg for k, v in settings.items() for arg in ("-s", f"{k}={v}")]
    args = ["crawl", "asia_pacific", "-a", f"sites={','.join(sites)}", *options, *extra]
    return scrapy(cwd, *args)


def last_summary(cwd: Path) -> dict[str, Any]:
    summaries = sorted((cwd / "data" / "runs" / "asia_pacific").glob("*.json"))
    return dict(json.loads(summaries[-1].read_text()))


def test_six_of_seven_sites_unreachable_exits_4_and_names_them(tmp_path: Path) -> None:
    dead = [f"dead{i}" for i in range(2, 8)]
    with serve_failing_sources() as base:
        declare(tmp_path / "sites", "alive", "127.0.0.1", f"{base}/section/")
        for i, key in enumerate(dead, start=2):
            address = f"127.0.0.{i}"
            declare(tmp_path / "sites", key, address, f"http://{address}:{unused_port()}/news/")
        done = crawl(tmp_path, ["alive", *dead], "-s", "RETRY_TIMES=0")
    assert done.returncode == ExitCode.SITES_FAILED, done.stderr[-3000:]
    summary = last_summary(tmp_path)
    assert summary["sites"]["alive"]["status"] == "ok"
    assert summary["sites"]["alive"]["exported"] == 3
    assert {k: v["status"] for k, v in summary["sites"].items() if k != "alive"} == dict.fromkeys(
        dead, "failed"
    )
    # A dead host's robots.txt cannot be read either: it is not crawled (RFC 9309).
    assert summary["sites_summary"].startswith("1 site ok, 6 sites failed: dead2 (robots.txt")
    assert "1 site ok, 6 sites failed" in done.stderr


@pytest.mark.parametrize(
    ("page", "code", "problem"),
    [
        ("/flaky-section/", ExitCode.SITES_FAILED,
         f"{FLAKY_FAILING} of {FLAKY_TOTAL} article pages failed"),
        ("/missing-section/", ExitCode.CRAWL_FAILED, "1 of 1 listing pages failed (http_404)"),
        ("/empty-section/", ExitCode.SITES_FAILED,
         "no article link on its section pages, feeds or sitemaps"),
    ],
)  # fmt: skip
def test_a_failing_only_source_is_no_success(
    tmp_path: Path, page: str, code: ExitCode, problem: str
) -> None:
    with serve_failing_sources() as base:
        declare(tmp_path / "sites", "only", "127.0.0.1", f"{base}{page}")
        done = crawl(tmp_path, ["only"])
    assert done.returncode == code, done.stderr[-3000:]
    summary = last_summary(tmp_path)
    assert summary["sites"]["only"]["problems"] == [problem]
    assert problem in done.stderr


def test_a_site_that_goes_quiet_is_reported_stale(tmp_path: Path) -> None:
    stale_after = ("-s", "NEWSBOT_STALE_AFTER_RUNS=2")
    with serve_demo_site() as server:
        codes = [
            scrapy(tmp_path, *crawl_site_args(tmp_path, server.url, *stale_after)).returncode
            for _ in range(3)
        ]
    # Run 1 exports everything, run 2 finds nothing new (normal), run 3 nothing again: stale.
    assert codes == [ExitCode.OK, ExitCode.OK, ExitCode.SITES_FAILED]
    site = last_summary(tmp_path)["sites"]["pacific_ledger"]
    assert site["status"] == "stale"
    assert site["problems"] == ["no new article in the last 2 runs (it had some before)"]


def test_a_failed_run_never_replaces_a_complete_file(tmp_path: Path) -> None:
    latest = tmp_path / "latest.jsonl"
    latest.write_text('{"url": "the last good run"}\n', encoding="utf-8")
    declare(tmp_path / "sites", "gone", "127.0.0.1", f"http://127.0.0.1:{unused_port()}/news/")
    done = crawl(tmp_path, ["gone"], "-s", "RETRY_TIMES=0", "-O", str(latest))
    assert done.returncode == ExitCode.CRAWL_FAILED, done.stderr[-3000:]
    assert latest.read_text(encoding="utf-8") == '{"url": "the last good run"}\n'
    assert not list(tmp_path.glob(".*part")), "the failed run's empty file was left behind"
