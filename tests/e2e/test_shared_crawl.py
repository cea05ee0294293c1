"""Workers of one crawl shared in a real redis-server (NEWSBOT_BACKEND=redis), run as users
run them: ``scrapy crawl asia_pacific`` processes, each in its own folder with its own files,
against the demo site on a real localhost port.

What must hold: N workers together export exactly what one exports, none of them an article
another exported; a worker killed with -9 loses nothing (another takes its pages over once its
lease expires) and duplicates nothing (its unpublished file never appears); the second day
exports only what changed, as the SQLite default does; a worker whose Redis goes away ends,
failed, instead of retrying forever.
"""

from __future__ import annotations

import json
import signal
import subprocess
import time
from typing import TYPE_CHECKING

import pytest
from redis import Redis

from newsbot.demo.server import serve_demo_site
from newsbot.distributed.keys import Keys
from tests.e2e.cli import ENV, crawl_site_args, scrapy, scrapy_args
from tests.redis_server import start_redis_server
from tests.support import expected_demo_paths

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.integration

SPIDER = "asia_pacific"
LEASE_SECONDS, IDLE_SECONDS = 2, 5


def worker_args(folder: Path, site_url: str, redis_url: str, prefix: str, *extra: str) -> list[str]:
    """One worker's ``scrapy crawl`` arguments: the shared backend, its own JSONL file."""
    folder.mkdir(parents=True, exist_ok=True)
    return crawl_site_args(
        folder,
        site_url,
        *("-s", "NEWSBOT_BACKEND=redis", "-s", f"REDIS_URL={redis_url}"),
        *("-s", f"NEWSBOT_REDIS_PREFIX={prefix}"),
        *("-s", f"NEWSBOT_REDIS_LEASE_SECONDS={LEASE_SECONDS}"),
        *("-s", f"NEWSBOT_REDIS_IDLE_SECONDS={IDLE_SECONDS}"),
        *("-O", "articles.jsonl"),
        *extra,
    )


def start_worker(
    folder: Path, site_url: str, redis_url: str, prefix: str, *extra: str
) -> subprocess.Popen[str]:
    return _start(folder, worker_args(folder, site_url, redis_url, prefix, *extra))


def finish(worker: subprocess.Popen[str]) -> str:
    """Wait for the worker; its log. It must have exited 0 (ok)."""
    _, log = worker.communicate(timeout=240)
    assert worker.returncode == 0, log[-3000:]
    return log


def records(folder: Path) -> list[dict[str, object]]:
    """The articles of the worker's published file (none when it published none)."""
    file = folder / "articles.jsonl"
    return _rows(file) if file.exists() else []


def url_path(row: dict[str, object]) -> str:
    """The URL's path: the demo server's port differs from test to test."""
    return "/" + str(row["url"]).split("/", 3)[3]


def test_two_workers_export_exactly_what_one_exports(tmp_path: Path, redis_url: str) -> None:
    with serve_demo_site(delay=0.1) as server:
        alone = finish(start_worker(tmp_path / "alone", server.url, redis_url, "alone"))
        # Two workers started alike in one folder, as on one machine, with the default file
        # names (no -O): slow pages, two at a time each (a worker takes from the shared queue
        # as many requests as it may run at once), so that both get work.
        together = tmp_path / "pair"
        args = [arg for arg in worker_args(together, server.url, redis_url, "pair") if arg != "-O"]
        args = [*args[: args.index("articles.jsonl")], *args[args.index("articles.jsonl") + 1 :]]
        args += ["-s", "CONCURRENT_REQUESTS=2", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2"]
        workers = [_start(together, args) for _ in (1, 2)]
        logs = [finish(worker) for worker in workers]
    one = records(tmp_path / "alone")
    files = sorted((together / "data" / SPIDER).glob("*.jsonl"))
    # One file a worker, named by it; each did part of the crawl, none what the other did.
    assert len(files) == 2, (files, logs[0][-2000:], logs[1][-2000:])
    pair = [_rows(file) for file in files]
    assert all(pair), "a worker got no work"
    both = pair[0] + pair[1]
    assert len({url_path(r) for r in both}) == len(both), "an article was exported twice"
    assert len({r["fingerprint"] for r in both}) == len(both), "a text was exported twice"
    # Together, exactly the articles (and texts) one worker exports: the demo's articles.
    found = {url_path(r) for r in both}
    assert found == expected_demo_paths(1, found)
    assert {r["fingerprint"] for r in both} == {r["fingerprint"] for r in one}
    assert "ok (exit code 0)" in alone
    assert not list((together / "data" / SPIDER).glob(".*part")), "a worker's part file remained"


def _start(folder: Path, args: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        scrapy_args(*args), cwd=folder, env=ENV, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _rows(file: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in file.read_text(encoding="utf-8").splitlines()]


def test_a_killed_worker_loses_nothing_and_duplicates_nothing(
    tmp_path: Path, redis_url: str
) -> None:
    keys = Keys("killed", SPIDER)
    redis = Redis.from_url(redis_url)
    # Slow pages, two at a time per worker: the crawl lasts long enough to kill one mid-way.
    slow = ("-s", "CONCURRENT_REQUESTS=2")
    with serve_demo_site(delay=0.2) as server:
        victim = start_worker(tmp_path / "victim", server.url, redis_url, "killed", *slow)
        survivor = start_worker(tmp_path / "survivor", server.url, redis_url, "killed", *slow)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not _mid_run(redis, keys, victim.pid):
            time.sleep(0.05)
        victim.send_signal(signal.SIGKILL)
        victim.communicate()
        assert redis.zcard(keys.requests), "the crawl ended before the kill"
        survivor_log = finish(survivor)
        # Restarted after the others finished: the crawl is done, it exports nothing new.
        restarted = finish(start_worker(tmp_path / "restarted", server.url, redis_url, "killed"))
    assert records(tmp_path / "victim") == []
    assert not list((tmp_path / "victim").glob("articles.jsonl*")), "the killed run published"
    assert "stopped renewing its lease" in survivor_log, survivor_log[-3000:]
    exported = records(tmp_path / "survivor") + records(tmp_path / "restarted")
    found = {url_path(r) for r in exported}
    assert len(found) == len(exported), "an article was exported twice"
    assert found == expected_demo_paths(1, found), "an article was lost"
    assert "ok (exit code 0)" in restarted
    # Nothing left behind: no request queued or in flight, no run registered.
    assert redis.zcard(keys.requests) == 0
    assert redis.scard(keys.runs) == 0
    assert not list(redis.scan_iter(f"{keys.base}:run:*:inflight"))


def _mid_run(redis: Redis, keys: Keys, pid: int) -> bool:
    """Whether the worker of ``pid`` has taken article pages (besides the section pages) while
    others are still queued: killed now, it leaves work half done."""
    taken = sum(redis.zcard(key) for key in redis.scan_iter(f"{keys.base}:run:*-{pid}-*:inflight"))
    return taken >= 8 and redis.zcard(keys.requests) >= 8


def test_the_second_day_exports_only_what_changed_as_sqlite_does(
    tmp_path: Path, redis_url: str
) -> None:
    alone = tmp_path / "sqlite"
    alone.mkdir()
    with serve_demo_site() as server:
        sqlite_args = crawl_site_args(alone, server.url, "-O", "day.jsonl")
        by_sqlite = {}
        for day in (1, 2):
            server.set_day(day)
            single = scrapy(alone, *sqlite_args)
            assert single.returncode == 0, single.stderr[-2000:]
            by_sqlite[day] = [
                json.loads(line) for line in (alone / "day.jsonl").read_text().splitlines()
            ]
            workers = [
                start_worker(tmp_path / f"day{day}-{n}", server.url, redis_url, "days")
                for n in (1, 2)
            ]
            for worker in workers:
                finish(worker)
    day2 = records(tmp_path / "day2-1") + records(tmp_path / "day2-2")
    assert day2, "the second day exported nothing"
    # New articles at revision 1, changed ones at 2; the demo's re-published copy may stand in
    # for its original in either crawl.
    assert sorted(_story(r) for r in day2) == sorted(_story(r) for r in by_sqlite[2])


def _story(row: dict[str, object]) -> tuple[str, object]:
    return url_path(row).replace("-2/", "/"), row["revision"]


def test_a_worker_whose_redis_goes_away_stops_failed_and_publishes_nothing(
    tmp_path: Path, redis_server: str
) -> None:
    # Its own server (the session's stays up for the other tests), killed mid-crawl.
    server, url = start_redis_server(tmp_path)
    keys, redis = Keys("gone", SPIDER), Redis.from_url(url)
    with serve_demo_site(delay=0.2) as site:
        worker = start_worker(tmp_path / "w", site.url, url, "gone", "-s", "CONCURRENT_REQUESTS=2")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not _mid_run(redis, keys, worker.pid):
            time.sleep(0.05)
        server.kill()
        server.wait()
        _, log = worker.communicate(timeout=120)
    assert worker.returncode == 1, log[-3000:]
    assert "Redis at redis://127.0.0.1" in log
    assert "cannot be reached" in log
    assert "crawl_failed (exit code 1); the crawl was cut short (redis_unreachable)" in log
    assert not (tmp_path / "w" / "articles.jsonl").exists(), "a file of a failed run appeared"
