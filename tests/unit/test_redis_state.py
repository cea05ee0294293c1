"""What the Redis state store does beyond the common contract: its settings, its one-line
errors, and the files of a host's runs published once, whoever starts first."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from typing import TYPE_CHECKING

import pytest
from scrapy import Spider
from scrapy.utils.test import get_crawler

from newsbot.state import Publication, StateError
from newsbot.state.redis import RedisStateStore
from tests.redis_server import start_redis_server
from tests.support import REPO_ROOT

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

SPIDER, START = "asia_pacific", "2026-11-30T10:00:00+00:00"
FILE = Publication("data/.a.jsonl.asia_pacific.newsbot-part", "data/a.jsonl", '{"items": 3}')


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("redis://127.0.0.1:1/0", "Redis at redis://127.0.0.1:1/0 cannot be used: "),
        ("redis://:secret@127.0.0.1:1/0", "Redis at redis://***@127.0.0.1:1/0 cannot be used: "),
        ("http://127.0.0.1:6379", "REDIS_URL http://127.0.0.1:6379 is not a Redis URL: "),
    ],
    ids=["unreachable", "password-hidden", "not-redis"],
)
def test_a_redis_that_cannot_be_used_is_one_line(url: str, message: str) -> None:
    with pytest.raises(StateError) as info:
        RedisStateStore(url, spider=SPIDER)
    assert str(info.value).startswith(message)
    assert "\n" not in str(info.value)
    assert "secret" not in str(info.value)


def crawler_store(settings: dict[str, object]) -> RedisStateStore:
    crawler = get_crawler(Spider, settings_dict=settings)
    crawler.spider = Spider(name=SPIDER)
    return RedisStateStore.from_crawler(crawler)


def test_the_store_reads_its_settings(redis_url: str) -> None:
    store = crawler_store(
        {
            "REDIS_URL": redis_url,
            "NEWSBOT_REDIS_PREFIX": "nightly",
            "NEWSBOT_REDIS_LEASE_SECONDS": 12.5,
            "NEWSBOT_STATE_RETENTION_DAYS": 30,
        }
    )
    assert store.shared
    assert store.keys.base == f"nightly:{SPIDER}"
    assert (store.lease_seconds, store.retention_days) == (12.5, 30)
    store.close()


def test_a_shared_crawl_without_redis_url_is_refused() -> None:
    with pytest.raises(StateError, match="REDIS_URL is not set"):
        crawler_store({"REDIS_URL": ""})


def committed_with_file(redis_url: str, run_id: str, *, host: str | None = None) -> None:
    store = RedisStateStore(redis_url, spider=SPIDER)
    store.publications.host = host or store.publications.host
    store.begin(run_id, SPIDER, START)
    store.finish(commit=True, publications=[FILE])
    store.close()


@pytest.fixture
def store(redis_url: str) -> Iterator[RedisStateStore]:
    store = RedisStateStore(redis_url, spider=SPIDER)
    yield store
    store.close()


def test_the_files_of_another_host_s_runs_are_left_to_it(
    redis_url: str, store: RedisStateStore
) -> None:
    committed_with_file(redis_url, "elsewhere", host="another-machine")
    assert store.unpublished() == []
    committed_with_file(redis_url, "here")
    assert store.unpublished() == [FILE]


def test_workers_starting_together_publish_the_files_once(
    redis_url: str, store: RedisStateStore
) -> None:
    committed_with_file(redis_url, "r1")
    other = RedisStateStore(redis_url, spider=SPIDER)
    found: list[list[Publication]] = []
    assert store.unpublished() == [FILE]
    second = threading.Thread(target=lambda: found.append(other.unpublished()))
    second.start()
    second.join(0.3)
    assert second.is_alive()  # waits while the first publishes
    store.forget_publications()
    second.join()
    assert found == [[]]
    other.close()


def test_the_files_of_a_process_still_running_are_left_to_it(
    redis_url: str, store: RedisStateStore
) -> None:
    code = f"""
import sys, time
from newsbot.state import Publication
from newsbot.state.redis import RedisStateStore
store = RedisStateStore({redis_url!r}, spider={SPIDER!r})
store.begin("publishing", {SPIDER!r}, {START!r})
store.finish(commit=True, publications=[Publication(*{tuple(vars(FILE).values())!r})])
print("committed", flush=True)
sys.stdin.readline()
"""
    child = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdin is not None
    assert child.stdout.readline() == "committed\n"
    assert store.unpublished() == []  # it renames its files itself
    store.forget_publications()
    child.communicate("\n")
    assert store.unpublished() == [FILE]  # it died before it did


def test_a_worker_that_lost_redis_closes_with_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    server, url = start_redis_server(tmp_path)
    try:
        store = RedisStateStore(url, spider=SPIDER, lease_seconds=60)
        store.begin("orphan", SPIDER, START)
    finally:
        server.kill()
        server.wait()
    with caplog.at_level(logging.WARNING):
        store.close()  # its lease will expire: another worker reaps the run
    assert "Run orphan could not be rolled back" in caplog.text
