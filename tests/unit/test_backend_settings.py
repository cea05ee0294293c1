"""NEWSBOT_BACKEND: the one switch between the embedded SQLite default and a worker of a crawl
shared in Redis; a shared crawl without its server is refused, never run alone."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest
from scrapy.exceptions import UsageError
from scrapy.settings import Settings

from newsbot import settings as project_settings_module
from newsbot.addons import BackendAddon, DefaultFeedsAddon
from newsbot.exports.storage import part_files, part_path
from newsbot.processes import pid_in
from newsbot.runs import Run
from newsbot.settings_check import check_settings

if TYPE_CHECKING:
    from pathlib import Path

REDIS = {"NEWSBOT_BACKEND": "redis", "REDIS_URL": "redis://127.0.0.1:6379/0"}


def applied(**cmdline: Any) -> Settings:
    """settings.py, ``-s`` on top, then newsbot's add-ons in ADDONS' order."""
    settings = Settings()
    settings.setmodule(project_settings_module, priority="project")
    settings.setdict(cmdline, priority="cmdline")
    BackendAddon().update_settings(settings)
    DefaultFeedsAddon().update_settings(settings)
    return settings


def test_sqlite_stays_the_untouched_default() -> None:
    settings = applied()
    assert settings["NEWSBOT_STATE_STORE"] == "newsbot.state.sqlite.SQLiteStateStore"
    assert settings["SCHEDULER"] == "scrapy.core.scheduler.Scheduler"
    assert "newsbot.distributed.worker.SharedCrawlExtension" not in settings["EXTENSIONS"]
    assert list(settings.getdict("FEEDS")) == [
        "data/%(name)s/%(time)s.jsonl",
        "data/%(name)s/%(time)s.csv",
    ]


def test_redis_makes_a_worker_of_a_shared_crawl() -> None:
    settings = applied(**REDIS)
    assert settings["SCHEDULER"] == "newsbot.distributed.scheduler.SharedScheduler"
    assert settings["SCHEDULER_QUEUE_CLASS"] == "newsbot.distributed.queue.LeasedPriorityQueue"
    # JSON, never scrapy-redis' default pickle.
    assert settings["SCHEDULER_SERIALIZER"] == "newsbot.distributed.serializer"
    assert settings["SCHEDULER_QUEUE_KEY"] == "newsbot:%(spider)s:requests"
    assert settings["DUPEFILTER_CLASS"] == "scrapy_redis.dupefilter.RFPDupeFilter"
    assert settings.getbool("SCHEDULER_PERSIST")
    assert settings["NEWSBOT_STATE_STORE"] == "newsbot.state.redis.RedisStateStore"
    assert settings["EXTENSIONS"]["newsbot.distributed.worker.SharedCrawlExtension"] == 510
    # Workers on one machine write into one folder: each default file is named by its worker.
    assert list(settings.getdict("FEEDS")) == [
        "data/%(name)s/%(time)s-%(worker)s.jsonl",
        "data/%(name)s/%(time)s-%(worker)s.csv",
    ]


def test_the_prefix_names_every_shared_key() -> None:
    settings = applied(**REDIS, NEWSBOT_REDIS_PREFIX="crawl7")
    assert settings["SCHEDULER_QUEUE_KEY"] == "crawl7:%(spider)s:requests"
    assert settings["SCHEDULER_DUPEFILTER_KEY"] == "crawl7:%(spider)s:dupefilter"


def test_a_store_given_on_the_command_line_still_wins() -> None:
    settings = applied(**REDIS, NEWSBOT_STATE_STORE="my.Store")
    assert settings["NEWSBOT_STATE_STORE"] == "my.Store"


@pytest.mark.parametrize(
    ("cmdline", "refused"),
    [
        ({"NEWSBOT_BACKEND": "redis"}, "NEWSBOT_BACKEND=redis needs REDIS_URL=redis://"),
        ({**REDIS, "REDIS_URL": "localhost:6379"}, "got 'localhost:6379'"),
        ({"NEWSBOT_BACKEND": "mongo"}, "expected one of sqlite, redis"),
        ({**REDIS, "NEWSBOT_REDIS_PREFIX": "a:b"}, "without ':'"),
        ({**REDIS, "NEWSBOT_REDIS_LEASE_SECONDS": 0}, "NEWSBOT_REDIS_LEASE_SECONDS"),
    ],
)
def test_a_shared_crawl_without_its_server_does_not_start(
    cmdline: dict[str, object], refused: str
) -> None:
    settings = Settings()
    settings.setmodule(project_settings_module, priority="project")
    settings.setdict(cmdline, priority="cmdline")
    with pytest.raises(UsageError, match=refused):
        check_settings(settings)


def test_shared_run_ids_are_unique_and_carry_the_pid() -> None:
    ids = {Run.now("asia_pacific", unique=True).run_id for _ in range(50)}
    assert len(ids) == 50
    assert {pid_in(run_id) for run_id in ids} == {os.getpid()}
    assert pid_in(Run.now("asia_pacific").run_id) == os.getpid()


def test_only_part_files_of_dead_writers_are_debris(tmp_path: Path) -> None:
    mine = part_path(tmp_path / "a.jsonl", "asia_pacific")
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    dead = tmp_path / f".b.jsonl.asia_pacific.{gone.stdout.strip()}.newsbot-part"
    older = tmp_path / ".c.jsonl.asia_pacific.newsbot-part"  # named before the pid was added
    other_spider = tmp_path / f".d.jsonl.world.{gone.stdout.strip()}.newsbot-part"
    for path in (mine, dead, older, other_spider):
        path.write_text("{}\n")
    assert part_files(tmp_path, "asia_pacific") == sorted([dead, older])
