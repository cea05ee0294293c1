"""Several workers' runs on one Redis state: claims seen at once, commits and rollbacks whole,
and a killed worker's run reaped by the others (its requests queued again, its claims gone)."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from typing import TYPE_CHECKING

import pytest
import redis

from newsbot.distributed.keys import Keys
from newsbot.neardup import signature
from newsbot.state import ArticleRecord, StateError
from newsbot.state.redis import RedisStateStore
from tests.support import REPO_ROOT

if TYPE_CHECKING:
    from collections.abc import Iterator

pytestmark = pytest.mark.integration

SPIDER, START = "asia_pacific", "2026-11-30T10:00:00+00:00"
KEYS = Keys("newsbot", SPIDER)
BODY = " ".join(f"Paragraph {n} says the Lautoka wharf reopens to cruise ships." for n in range(9))
SIGNATURE = signature(BODY)
URL = "https://news.example/wharf/"


def record(url: str = URL, fingerprint: str = "fp-wharf") -> ArticleRecord:
    return ArticleRecord(url, (), fingerprint, SIGNATURE, "story-wharf", 1, None)


def worker(url: str, run_id: str, lease_seconds: float = 30.0) -> RedisStateStore:
    store = RedisStateStore(url, spider=SPIDER, lease_seconds=lease_seconds)
    store.begin(run_id, SPIDER, START)
    return store


@pytest.fixture
def client(redis_url: str) -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(redis_url)
    yield client
    client.close()


def sees(store: RedisStateStore, url: str = URL, fingerprint: str = "fp-wharf") -> dict[str, bool]:
    assert SIGNATURE is not None
    return {
        "url": store.find_url((url,)) is not None,
        "link": store.is_known(url) is not None,
        "fingerprint": store.find_fingerprint(fingerprint) is not None,
        "near": store.find_near(SIGNATURE, 0.9) is not None,
    }


EVERYWHERE = {"url": True, "link": True, "fingerprint": True, "near": True}
NOWHERE = {"url": False, "link": False, "fingerprint": False, "near": False}


def test_a_claim_is_seen_by_every_other_run_at_once(redis_url: str) -> None:
    a, b = worker(redis_url, "a"), worker(redis_url, "b")
    assert sees(b) == NOWHERE
    a.claim(record())
    assert sees(b) == EVERYWHERE
    a.close()
    b.close()


def test_a_committed_claim_is_permanent_and_the_run_done(
    redis_url: str, client: redis.Redis
) -> None:
    a = worker(redis_url, "a")
    client.zadd(KEYS.inflight("a"), {b"request-1": -3})
    a.confirm(a.claim(record()))
    a.finish(commit=True)
    a.close()
    b = worker(redis_url, "b")
    b.finish(commit=False)  # another run's rollback leaves it
    b.close()
    later = RedisStateStore(redis_url, spider=SPIDER)
    assert sees(later) == EVERYWHERE
    later.close()
    assert client.zcard(KEYS.requests) == 0  # done, not queued again
    assert not client.exists(KEYS.inflight("a"), KEYS.lease("a"))
    assert client.smembers(KEYS.runs) == set()


def test_a_rolled_back_run_is_forgotten_and_its_requests_queued_again(
    redis_url: str, client: redis.Redis
) -> None:
    a, b = worker(redis_url, "a"), worker(redis_url, "b")
    client.zadd(KEYS.requests, {b"request-1": -1, b"request-3": 2})
    client.zadd(KEYS.inflight("a"), {b"request-1": -5, b"request-2": 0})
    a.confirm(a.claim(record()))
    a.finish(commit=False)
    assert sees(b) == NOWHERE
    queued = client.zrange(KEYS.requests, 0, -1, withscores=True)
    assert queued == [(b"request-1", -5.0), (b"request-2", 0.0), (b"request-3", 2.0)]
    assert not client.exists(KEYS.inflight("a"), KEYS.lease("a"))
    assert client.smembers(KEYS.runs) == {b"b"}
    a.close()
    b.close()


def test_a_revision_is_the_latest_version_for_others_until_rolled_back(redis_url: str) -> None:
    first = worker(redis_url, "first")
    first.confirm(first.claim(record()))
    first.finish(commit=True)
    a, b = worker(redis_url, "a"), worker(redis_url, "b")
    revision = ArticleRecord(URL, (), "fp-wharf-2", None, "story-wharf", 2, "2026-11-30")
    a.claim(revision)
    latest = b.find_url((URL,))
    assert latest is not None
    assert (latest.revision, latest.fingerprint, latest.version_at) == (
        2,
        "fp-wharf-2",
        "2026-11-30",
    )
    a.finish(commit=False)
    latest = b.find_url((URL,))
    assert latest is not None
    assert (latest.revision, latest.fingerprint) == (1, "fp-wharf")
    assert b.find_fingerprint("fp-wharf-2") is None
    for store in (first, a, b):
        store.close()


def test_a_run_s_other_writes_are_seen_by_others_once_it_commits(redis_url: str) -> None:
    first = worker(redis_url, "first")
    first.confirm(first.claim(record()))
    first.finish(commit=True)
    a, b = worker(redis_url, "a"), worker(redis_url, "b")
    known = a.find_url((URL,))
    assert known is not None
    a.add_urls(known, ("https://news.example/wharf-copy/",))
    a.reject("https://news.example/gallery/", "not_article")
    assert a.find_url(("https://news.example/wharf-copy/",)) is not None  # its own: at once
    assert b.find_url(("https://news.example/wharf-copy/",)) is None
    assert not b.rejected_since("https://news.example/gallery/", START)
    a.finish(commit=True)
    assert b.find_url(("https://news.example/wharf-copy/",)) is not None
    assert b.rejected_since("https://news.example/gallery/", START)
    for store in (first, a, b):
        store.close()


def test_the_lease_lives_as_long_as_its_process(redis_url: str, client: redis.Redis) -> None:
    a = worker(redis_url, "a", lease_seconds=1.0)
    time.sleep(2.2)  # more than twice the lease: renewed meanwhile
    other = RedisStateStore(redis_url, spider=SPIDER)
    assert other.reap() == []
    assert 0 < client.pttl(KEYS.lease("a")) <= 1000
    other.close()
    a.close()


def killed_worker(redis_url: str) -> subprocess.Popen[str]:
    """A worker process that claims an article, holds a request in flight, then hangs."""
    code = f"""
import time
from newsbot.state import ArticleRecord
from newsbot.state.redis import RedisStateStore
store = RedisStateStore({redis_url!r}, spider={SPIDER!r}, lease_seconds=1)
store.begin("victim", {SPIDER!r}, {START!r})
store.claim(ArticleRecord("https://news.example/victim/", (), "fp-victim", None, "v", 1, None))
store.redis.zadd({KEYS.inflight("victim")!r}, {{b"request-9": -7}})
print("ready", flush=True)
time.sleep(120)
"""
    child = subprocess.Popen(
        [sys.executable, "-c", code], cwd=REPO_ROOT, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "ready\n"
    return child


def test_a_worker_killed_with_9_is_reaped_by_another(redis_url: str, client: redis.Redis) -> None:
    earlier = worker(redis_url, "earlier")
    earlier.confirm(earlier.claim(record()))
    earlier.finish(commit=True)
    child = killed_worker(redis_url)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert child.stdout is not None
    child.stdout.close()
    survivor = RedisStateStore(redis_url, spider=SPIDER)
    assert survivor.reap() == []  # its lease still runs
    assert survivor.find_fingerprint("fp-victim") is not None
    time.sleep(1.2)
    survivor.begin("survivor", SPIDER, START)  # reaps first
    assert client.zrange(KEYS.requests, 0, -1, withscores=True) == [(b"request-9", -7.0)]
    assert survivor.find_fingerprint("fp-victim") is None
    assert survivor.is_known("https://news.example/victim/") is None
    assert sees(survivor) == EVERYWHERE  # the earlier committed run: untouched
    assert client.smembers(KEYS.runs) == {b"survivor"}
    assert not client.exists(KEYS.inflight("victim"))
    survivor.close()
    earlier.close()


def test_two_reapers_reap_a_dead_run_once(redis_url: str, client: redis.Redis) -> None:
    dead = worker(redis_url, "dead", lease_seconds=0.5)
    dead.claim(record())
    client.zadd(KEYS.inflight("dead"), {b"request-1": 4})
    assert dead.lease is not None
    dead.lease.stop()  # as if killed: no more renewals
    time.sleep(0.7)
    reapers = [RedisStateStore(redis_url, spider=SPIDER) for _ in range(2)]
    together = threading.Barrier(2)
    reaped: list[list[str]] = []

    def reap(store: RedisStateStore) -> None:
        together.wait()
        reaped.append(store.reap())

    threads = [threading.Thread(target=reap, args=(store,)) for store in reapers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(reaped) == [[], ["dead"]]
    assert client.zrange(KEYS.requests, 0, -1, withscores=True) == [(b"request-1", 4.0)]
    # It was only stalled: it goes on, takes another request, and cannot commit.
    client.zadd(KEYS.inflight("dead"), {b"request-2": 5})
    with pytest.raises(StateError, match="reaped"):
        dead.finish(commit=True)  # too late: its work is redone elsewhere
    assert client.zrange(KEYS.requests, 0, -1) == [b"request-1", b"request-2"]
    dead.close()
    for store in reapers:
        store.close()


def test_deciding_excludes_a_second_holder(redis_url: str) -> None:
    a, b = worker(redis_url, "a"), worker(redis_url, "b")
    events: list[str] = []
    waiting = threading.Event()

    def decide_in_b() -> None:
        waiting.set()
        with b.deciding():
            events.append("b decides")

    thread = threading.Thread(target=decide_in_b)
    with a.deciding():
        thread.start()
        waiting.wait()
        time.sleep(0.2)
        events.append("a decided")
    thread.join()
    assert events == ["a decided", "b decides"]
    a.close()
    b.close()


def test_a_decision_lock_never_freed_is_an_error(redis_url: str) -> None:
    a, b = worker(redis_url, "a"), worker(redis_url, "b")
    b.decision_lock.blocking_timeout = 0.2
    with a.deciding(), pytest.raises(StateError, match="decision lock"), b.deciding():
        pass
    a.close()
    b.close()
