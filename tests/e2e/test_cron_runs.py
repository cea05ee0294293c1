"""Cron-grade runs: what a second run fetches and exports, killed runs, overlapping runs."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from newsbot import settings as project_settings
from newsbot.demo.server import serve_demo_site
from newsbot.demo.site import DemoSite
from newsbot.runs import ExitCode
from tests.e2e.cli import ENV, crawl_site_args, scrapy, scrapy_args
from tests.e2e.dies_at_commit import KILLED

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.e2e
BASE = "http://127.0.0.1"


def exported(cwd: Path) -> list[dict[str, object]]:
    """Every record of every finished JSONL export under data/asia_pacific, oldest first."""
    files = sorted((cwd / "data" / "asia_pacific").glob("*.jsonl"))
    return [json.loads(line) for f in files for line in f.read_text().splitlines()]


def path(url: object) -> str:
    return urlsplit(str(url)).path


def changed_between_days() -> tuple[set[str], set[str]]:
    """(paths of articles new on day 2, paths of articles whose body changed on day 2)."""
    day1, day2 = DemoSite(1).expected_articles(BASE), DemoSite(2).expected_articles(BASE)
    new = {path(u) for u in day2.keys() - day1.keys()}
    changed = {path(u) for u in day1.keys() & day2.keys() if day1[u].body != day2[u].body}
    return new, changed


def test_second_run_exports_and_fetches_only_what_changed(tmp_path: Path) -> None:
    with serve_demo_site() as server:
        first = scrapy(tmp_path, *crawl_site_args(tmp_path, server.url))
        assert first.returncode == 0, first.stderr[-2000:]
        day_one = {path(r["url"]) for r in exported(tmp_path)}
        server.set_day(2)
        server.reset_requests()
        second = scrapy(tmp_path, *crawl_site_args(tmp_path, server.url))
        assert second.returncode == 0, second.stderr[-2000:]
        requested = set(server.requests)
    records = exported(tmp_path)
    second_run = {path(r["url"]): r for r in records[len(day_one) :]}
    new, changed = changed_between_days()
    assert set(second_run) == new | changed
    assert {p: r["revision"] for p, r in second_run.items() if p in changed} == dict.fromkeys(
        changed, 2
    )
    unchanged_pages = (day_one - changed) | {p + "amp/" for p in day_one - changed}
    assert not requested & unchanged_pages, "an unchanged article page was fetched again"
    summary = json.loads(
        max((tmp_path / "data" / "runs" / "asia_pacific").glob("*.json")).read_text()
    )
    assert summary["items_exported"] == len(new | changed)
    assert summary["not_modified"] >= 1  # the sitemap index answered 304


def test_killed_run_leaves_no_finished_file_and_next_run_exports_everything_once(
    tmp_path: Path,
) -> None:
    with serve_demo_site(delay=0.05) as server:
        crawl = subprocess.Popen(
            scrapy_args(*crawl_site_args(tmp_path, server.url)),
            cwd=tmp_path,
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        feeds = tmp_path / "data" / "asia_pacific"
        deadline = time.monotonic() + 60
        while (
            not any(p.stat().st_size for p in feeds.glob(".*part")) and time.monotonic() < deadline
        ):
            time.sleep(0.05)  # until the killed run has written some articles
        crawl.send_signal(signal.SIGKILL)
        crawl.wait()
        assert not list(feeds.glob("*.jsonl")), "a killed run left a finished-looking file"
        assert list(feeds.glob(".*part"))
        server.delay = 0
        again = scrapy(tmp_path, *crawl_site_args(tmp_path, server.url))
    assert again.returncode == 0, again.stderr[-2000:]
    urls = [path(r["url"]) for r in exported(tmp_path)]
    assert len(urls) == len(set(urls)) == len(DemoSite(1).article_urls(BASE))
    assert not list(feeds.glob(".*part")), "the next run did not clean up the debris"
    assert "Removing a part file left by an interrupted run" in again.stderr
    assert "stopped before it finished (killed, or its disk was full)" in again.stderr
    summaries = [json.loads(p.read_text()) for p in (tmp_path / "data" / "runs").glob("*/*.json")]
    assert sorted(s["status"] for s in summaries) == ["interrupted", "ok"]


@pytest.mark.parametrize(
    ("store", "published_by_dead_run"),
    [("DiesBeforeCommitStore", False), ("DiesAfterCommitStore", True)],
)
def test_run_dying_at_its_commit_exports_each_article_exactly_once(
    tmp_path: Path, store: str, published_by_dead_run: bool
) -> None:
    dies = "-s", f"NEWSBOT_STATE_STORE=tests.e2e.dies_at_commit.{store}"
    feeds = tmp_path / "data" / "asia_pacific"
    with serve_demo_site() as server:
        died = scrapy(tmp_path, *crawl_site_args(tmp_path, server.url, *dies))
        assert died.returncode == KILLED, died.stderr[-2000:]
        assert not list(feeds.glob("*.jsonl")), "a file appeared before the commit was done"
        # The complete JSONL and CSV, unpublished, each with its manifest staged beside it.
        parts = sorted(p.name.startswith(".manifest.") for p in feeds.glob(".*part"))
        assert parts == [False, False, True, True]
        again = scrapy(tmp_path, *crawl_site_args(tmp_path, server.url))
    assert again.returncode == 0, again.stderr[-2000:]
    # Either the dead run's commit holds and the next run publishes its files, or it does not
    # and the next run exports the articles: never both, never neither.
    urls = [path(r["url"]) for r in exported(tmp_path)]
    assert len(urls) == len(set(urls)) == len(DemoSite(1).article_urls(BASE))
    # One file: the dead run's, or the next run's (a run with nothing to export writes none).
    files = sorted(feeds.glob("*.jsonl"))
    assert len(files) == 1
    recovered = "committed, then stopped before renaming it" in again.stderr
    assert recovered is published_by_dead_run
    for file in files:
        manifest = json.loads(file.with_name(file.name + ".manifest.json").read_text())
        assert manifest["items"] == len(file.read_text().splitlines())
    assert not list(feeds.glob(".*part"))


def test_a_run_with_nothing_new_writes_no_file_but_its_summary(tmp_path: Path) -> None:
    with serve_demo_site() as server:
        first = scrapy(tmp_path, *crawl_site_args(tmp_path, server.url))
        again = scrapy(tmp_path, *crawl_site_args(tmp_path, server.url))
    assert first.returncode == again.returncode == 0, again.stderr[-2000:]
    feeds = tmp_path / "data" / "asia_pacific"
    assert len(list(feeds.glob("*.jsonl"))) == len(list(feeds.glob("*.csv"))) == 1
    summaries = sorted((tmp_path / "data" / "runs" / "asia_pacific").glob("*.json"))
    latest = json.loads(summaries[-1].read_text())
    assert (len(summaries), latest["items_exported"], latest["files"]) == (2, 0, [])
    assert latest["status"] == "ok"


def test_overlapping_run_exits_at_once_with_the_lock_code(tmp_path: Path) -> None:
    with serve_demo_site(delay=0.05) as server:
        args = crawl_site_args(tmp_path, server.url)
        first = subprocess.Popen(
            scrapy_args(*args),
            cwd=tmp_path,
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        lock = tmp_path / "data" / "state" / "asia_pacific.sqlite3.lock"
        deadline = time.monotonic() + 60
        while not (lock.exists() and lock.read_text().strip()) and time.monotonic() < deadline:
            time.sleep(0.05)
        started = time.monotonic()
        second = scrapy(tmp_path, *args)
        elapsed = time.monotonic() - started
        first.terminate()
        first.wait(timeout=60)
    assert second.returncode == ExitCode.LOCKED
    assert "Another run of asia_pacific is in progress" in second.stderr
    assert elapsed < 30  # it did not wait for the first run


def test_unreachable_site_exits_1(tmp_path: Path) -> None:
    with serve_demo_site() as server:
        dead_url = server.url  # the port is free again once the server stops
    failed = scrapy(tmp_path, *crawl_site_args(tmp_path, dead_url, "-s", "RETRY_TIMES=0"))
    assert failed.returncode == ExitCode.CRAWL_FAILED
    assert "nothing could be fetched" in failed.stderr
    assert "robots.txt" in failed.stderr
    assert "Traceback" not in failed.stderr  # a dead host is one log line, not 30


def test_a_run_that_ends_without_a_verdict_is_not_a_success(tmp_path: Path) -> None:
    extensions = {**project_settings.EXTENSIONS, "tests.e2e.loses_verdict.LosesVerdict": 900}
    loses = "-s", f"EXTENSIONS={json.dumps(extensions)}"
    with serve_demo_site() as server:
        ended = scrapy(tmp_path, *crawl_site_args(tmp_path, server.url, *loses))
    assert ended.returncode == ExitCode.CRAWL_FAILED, ended.stderr[-2000:]
    assert "The crawl ended without a verdict: counted as failed" in ended.stderr
