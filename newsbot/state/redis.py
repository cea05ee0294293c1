"""RedisStateStore: the state of a shared crawl, one Redis for every worker, one run a worker.

Key layout (``<prefix>:<spider>:state:<name>``, see newsbot.distributed.keys):

- ``article-id``, ``version-id``: counters (INCR) giving ``KnownArticle.id`` and claim ids.
- ``article:<id>``: hash ``u`` (URL), ``s`` (story id), ``e`` (set once a version committed);
  ``article:<id>:versions``: sorted set of its version ids, scored revision then id (the top
  one is the latest); ``article:<id>:urls``: the URL keys of an article nothing committed
  yet, to forget it with them.
- ``version:<id>``: hash ``a`` (article), ``r``, ``f``, ``s`` (signature), ``t`` (version
  time), and while its run has not committed ``run`` and ``b`` (its band keys, to drop them).
- ``url:<url_key>``: ``"<article id>|<seen>"``; ``fingerprint:<fp>``: set of version ids;
  ``band:<key>``: set of version ids sharing that near-duplicate band.
- ``seen``: sorted set, article id by when it was last seen (retention of its bands).
- ``validators:<url>``, ``rejected:<url_key>``: a page's validators and rejection.
- ``run:<run id>:claims``: the versions a run claimed; ``summaries``: hash, run id to summary;
  ``site:<site>``: list of per-run export counts, newest first; ``publications:<host>``.
- ``deciding``, ``publishing:<host>``: locks.

Times are whole seconds since the epoch of the runs' start times (as SQLite compares them);
a retention's expiry is checked against the run's start, and also set as a time to live, so
that Redis itself drops what nobody sees any more.
"""

from __future__ import annotations

import json
import logging
import os
from contextlib import contextmanager, suppress
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, Self, cast

from redis.exceptions import LockError, RedisError
from redis.lock import Lock

from newsbot.distributed.keys import DEFAULT_PREFIX, Keys
from newsbot.neardup import band_keys, similarity
from newsbot.state import KnownArticle, StateError, Validators
from newsbot.state.redis_lease import Lease, connect, milliseconds, state_errors
from newsbot.state.redis_lua import (
    CLAIM,
    COMMIT,
    DROP_RUN,
    FIND,
    FINGERPRINT,
    NEAR,
    PRUNE,
    RELEASE,
)
from newsbot.state.redis_publications import HostPublications
from newsbot.state.sqlite import DEFAULT_RETENTION_DAYS
from newsbot.urls import url_key

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

    import redis
    from redis.commands.core import Script
    from scrapy.crawler import Crawler

    from newsbot.state import ArticleRecord, Publication

logger = logging.getLogger(__name__)

DEFAULT_LEASE_SECONDS = 30.0
_DAY = 86400
# A decision holds the lock for a few round trips; a holder killed meanwhile frees it after
# this long. Waiting for it: long enough for every other worker's decision to pass first.
_DECIDING_TIMEOUT, _DECIDING_WAIT, _LOCK_POLL = 10.0, 60.0, 0.002
_PRUNE_BATCH = 500  # articles whose bands one prune script drops (Redis waits meanwhile)
_CANDIDATES = 50  # as the SQLite store: versions sharing the most bands compared in full


class RedisStateStore:
    """The state several workers share in Redis (NEWSBOT_BACKEND=redis), each a run.

    A run holds a lease (a key with a time to live, renewed by a thread) while its process
    lives; a run whose lease expired is reaped by the next worker to begin or by ``reap``: its
    in-flight requests go back to the queue, its claims and writes are dropped. A run's claims
    are seen by every other run at once (``deciding`` makes check-and-claim one step across
    workers); its other writes (URLs met, validators, rejections, seen times) stay in the
    process until its commit, one Lua script that also ends its lease. Reads REDIS_URL,
    NEWSBOT_REDIS_PREFIX, NEWSBOT_REDIS_LEASE_SECONDS and NEWSBOT_STATE_RETENTION_DAYS.
    """

    shared: ClassVar[bool] = True

    def __init__(
        self,
        url: str,
        *,
        spider: str,
        prefix: str = DEFAULT_PREFIX,
        retention_days: int = DEFAULT_RETENTION_DAYS,
        lease_seconds: float = DEFAULT_LEASE_SECONDS,
    ) -> None:
        if lease_seconds <= 0:
            raise StateError(f"NEWSBOT_REDIS_LEASE_SECONDS must be positive (got {lease_seconds})")
        self.url = url
        self.keys = Keys(prefix, spider)
        self.prefix = self.keys.state("")
        self.retention_days = retention_days
        self.lease_seconds = lease_seconds
        self.redis = connect(url)
        self.scripts = _Scripts(self.redis)
        self.publications = HostPublications(self.redis, self.keys)
        self.decision_lock = Lock(
            self.redis,
            self.keys.state("deciding"),
            timeout=_DECIDING_TIMEOUT,
            sleep=_LOCK_POLL,
            blocking_timeout=_DECIDING_WAIT,
        )
        self.lease: Lease | None = None
        self.run_id = ""
        self.now = self.cutoff = 0
        self._reset()
        # The last URL looked up, its key and its stored rejection if read (see is_known).
        self.last_url, self.last_key = "", ""
        self.last_rejected: bytes | None = None

    def _reset(self) -> None:
        """The run's own writes, kept here until its commit (a dead run's die with it)."""
        self.urls: dict[str, int] = {}  # URL key -> article: met, added or seen
        self.new_validators: dict[str, Validators] = {}
        self.rejected: dict[str, str] = {}  # URL key -> reason
        self.confirmed: set[int] = set()
        self.released = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        url = settings.get("REDIS_URL") or ""
        if not url:
            raise StateError(
                "REDIS_URL is not set: a shared crawl needs its Redis server (redis://host:6379/0)"
            )
        return cls(
            url,
            spider=crawler.spider.name if crawler.spider else "newsbot",
            prefix=settings.get("NEWSBOT_REDIS_PREFIX") or DEFAULT_PREFIX,
            retention_days=settings.getint("NEWSBOT_STATE_RETENTION_DAYS", DEFAULT_RETENTION_DAYS),
            lease_seconds=settings.getfloat("NEWSBOT_REDIS_LEASE_SECONDS", DEFAULT_LEASE_SECONDS),
        )

    # --- The run: lease, commit, rollback, reaping ------------------------------------------

    def begin(self, run_id: str, spider: str, started_at: str) -> None:
        self.publications.release()  # whatever was to be published, was
        with state_errors("cannot begin the run"):
            for dead in self.reap():
                logger.warning(
                    "Run %s stopped renewing its lease: its pages are queued again", dead
                )
            self.now = _epoch(started_at)
            self.cutoff = self.now - self.retention_days * _DAY if self.retention_days else 0
            if self.retention_days:
                self._prune_bands()
            self._reset()
            self.run_id = run_id
            lease = self.keys.lease(run_id)
            with self.redis.pipeline(transaction=True) as begin:
                owner = f"{self.publications.host}:{os.getpid()}"
                begin.set(lease, owner, px=milliseconds(self.lease_seconds))
                begin.sadd(self.keys.runs, run_id)
                begin.execute()
        self.lease = Lease(self.url, lease, self.lease_seconds)
        self.lease.start()

    def finish(
        self,
        *,
        commit: bool,
        summary: str = "",
        publications: Sequence[Publication] = (),
        site_exports: Mapping[str, int] | None = None,
    ) -> None:
        if not self.run_id:
            return
        run_id, self.run_id = self.run_id, ""
        try:
            if not commit:
                self._roll_back(run_id)
                return
            try:
                self._commit(run_id, summary, publications, site_exports or {})
            except StateError:
                with suppress(StateError):  # Redis gone: the lease expires, a reaper does it
                    self._roll_back(run_id)
                raise
        finally:
            if self.lease is not None:
                self.lease.stop()
                self.lease = None

    def _commit(
        self,
        run_id: str,
        summary: str,
        publications: Sequence[Publication],
        site_exports: Mapping[str, int],
    ) -> None:
        payload = {
            "now": self.now,
            "cutoff": self.cutoff,
            "ttl": self.retention_days * _DAY,
            "confirmed": [str(version) for version in self.confirmed],
            "released": self.released,
            "urls": [[key, str(article)] for key, article in sorted(self.urls.items())],
            "validators": [[url, _validators_value(v, self.now)] for url, v in self._validated()],
            "rejected": [[key, f"{self.now}|{why}"] for key, why in self.rejected.items()],
            "summary": summary,
            "host": self.publications.host,
            "publications": [self.publications.record(run_id, p) for p in publications],
            "sites": [[site, exported] for site, exported in site_exports.items()],
        }
        try:
            self.scripts.commit(
                keys=self._run_keys(run_id)[:3],
                args=[self.prefix, run_id, json.dumps(payload, ensure_ascii=False)],
            )
        except RedisError as exc:
            # The script may have run and its answer been lost: the summary says it did.
            if not self._committed(run_id):
                raise StateError(f"the run could not be committed to Redis: {exc}") from exc

    def _roll_back(self, run_id: str) -> None:
        with state_errors("cannot roll the run back"):
            self.scripts.drop_run(keys=self._run_keys(run_id), args=[self.prefix, run_id, "own"])

    def _validated(self) -> list[tuple[str, Validators]]:
        return sorted(self.new_validators.items())

    def _committed(self, run_id: str) -> bool:
        try:
            return bool(self.redis.hexists(self.keys.state("summaries"), run_id))
        except RedisError:
            return False

    def _run_keys(self, run_id: str) -> list[str]:
        keys = self.keys
        return [keys.runs, keys.lease(run_id), keys.inflight(run_id), keys.requests]

    def reap(self) -> list[str]:
        """Drop the runs whose lease expired (their process died): their in-flight requests go
        back to the queue, their claims are forgotten. Each is reaped by one worker only."""
        with state_errors("cannot reap dead runs"):
            runs = sorted(_text(member) for member in self.redis.smembers(self.keys.runs))
            with self.redis.pipeline(transaction=False) as leases:
                for run_id in runs:
                    leases.exists(self.keys.lease(run_id))
                alive = leases.execute()
            reaped = []
            for run_id, lives in zip(runs, alive, strict=True):
                if not lives and self.scripts.drop_run(
                    keys=self._run_keys(run_id), args=[self.prefix, run_id, "reap"]
                ):
                    reaped.append(run_id)
        return reaped

    def _prune_bands(self) -> None:
        """Near-duplicate bands of articles not seen since the cutoff, a batch at a time."""
        seen = self.keys.state("seen")
        while articles := cast(
            "list[bytes]",
            self.redis.zrangebyscore(seen, "-inf", f"({self.cutoff}", start=0, num=_PRUNE_BATCH),
        ):
            with self.redis.pipeline(transaction=False) as versions:
                for article in articles:
                    versions.zrange(f"{self.prefix}article:{_text(article)}:versions", 0, -1)
                version_ids = versions.execute()
            with self.redis.pipeline(transaction=False) as signatures:
                for ids in version_ids:
                    for version in ids:
                        signatures.hget(f"{self.prefix}version:{version.decode()}", "s")
                found = iter(signatures.execute())
            args: list[Any] = [self.prefix, self.cutoff]
            for article, ids in zip(articles, version_ids, strict=True):
                args += [article, len(ids)]
                for version in ids:
                    args += [version, _bands(next(found))]
            self.scripts.prune(args=args)

    def close(self) -> None:
        run_id = self.run_id
        try:
            self.finish(commit=False)
        except StateError as exc:
            # Its lease expires unrenewed: the next worker to look reaps the run instead.
            logger.warning("Run %s could not be rolled back (%s): it will be reaped", run_id, exc)
        finally:
            self.publications.release()
            self.redis.close()

    @contextmanager
    def deciding(self) -> Iterator[None]:
        with state_errors("cannot take the decision lock"):
            acquired = self.decision_lock.acquire()
        if not acquired:
            raise StateError(
                f"the decision lock of {self.keys.base} was not free within {_DECIDING_WAIT:g} s"
            )
        try:
            yield
        finally:
            try:
                self.decision_lock.release()
            except LockError:
                # Held past its timeout: another worker may have decided meanwhile.
                logger.warning("The decision lock expired before its release")

    # --- Lookups ---------------------------------------------------------------------------

    def find_url(self, urls: tuple[str, ...]) -> KnownArticle | None:
        return self._find(sorted({url_key(url) for url in urls}))

    def _find(self, keys: list[str]) -> KnownArticle | None:
        found = self.scripts.find(args=[self.prefix, "", self.cutoff, *self._with_own(keys)])
        return _known(found[1:]) if found[1:] else None

    def _with_own(self, keys: list[str]) -> list[str]:
        """Each URL key followed by the article this run met it under ("" if none)."""
        return [part for key in keys for part in (key, str(self.urls.get(key, "")))]

    def is_known(self, url: str) -> KnownArticle | None:
        key = self._key(url)
        # One round trip for the two lookups of a new link: is_known, then rejected_since.
        found = self.scripts.find(
            args=[self.prefix, f"rejected:{key}", self.cutoff, *self._with_own([key])]
        )
        self.last_rejected = found[0] or b""  # none: b""
        if not found[1:]:
            return None
        known = _known(found[1:])
        self.urls.setdefault(key, known.id)  # still listed: seen, as of the commit
        return known

    def _key(self, url: str) -> str:
        """``url_key(url)``, kept for the last URL (looked up twice in a row)."""
        if url != self.last_url:
            self.last_url, self.last_key, self.last_rejected = url, url_key(url), None
        return self.last_key

    def find_fingerprint(self, fingerprint: str) -> KnownArticle | None:
        found = self.scripts.fingerprint(args=[self.prefix, fingerprint])
        return None if found is None else _known(found)

    def find_near(self, signature: bytes, threshold: float) -> tuple[KnownArticle, float] | None:
        rows = self.scripts.near(args=[self.prefix, _bands(signature), _CANDIDATES])
        scored = [
            (similarity(signature, rows[i]), _known(rows[i + 1 : i + 7]))
            for i in range(0, len(rows), 7)
        ]
        best = max(scored, default=None, key=lambda pair: (pair[0], -pair[1].id))
        if best is None or best[0] < threshold:
            return None
        return best[1], best[0]

    # --- The run's writes ------------------------------------------------------------------

    def claim(self, record: ArticleRecord) -> int:
        urls = (record.url, *record.other_urls)
        keys = sorted({url_key(url) for url in urls})
        with state_errors("cannot claim an article"):
            version, article, new = self.scripts.claim(
                keys=[self.keys.runs],
                args=[
                    self.prefix,
                    self.run_id,
                    self.now,
                    self.retention_days * _DAY,
                    record.url,
                    record.story_id,
                    record.fingerprint,
                    record.signature or b"",
                    record.revision,
                    record.version_at or "",
                    int(record.version_at is not None),
                    _bands(record.signature),
                    self.cutoff,
                    *self._with_own(keys),
                ],
            )
        if not new:  # a revision: its URLs are seen (or added) as of the commit
            for key in keys:
                self.urls.setdefault(key, int(article))
        return int(version)

    def confirm(self, version_id: int) -> None:
        self.confirmed.add(version_id)

    def release(self, version_id: int) -> None:
        if version_id in self.confirmed:
            return
        if self.scripts.release(args=[self.prefix, self.run_id, version_id]):
            self.released = True

    def add_urls(self, article: KnownArticle, urls: tuple[str, ...]) -> None:
        for url in urls:
            self.urls.setdefault(url_key(url), article.id)

    def reject(self, url: str, reason: str) -> None:
        self.rejected[url_key(url)] = str(reason)

    def rejected_since(self, url: str, cutoff: str) -> bool:
        key = self._key(url)
        if key in self.rejected:
            return self.now >= _epoch(cutoff)
        # What is_known read along for this link, once (not a copy to trust for long).
        stored, self.last_rejected = self.last_rejected, None
        if stored is None:
            stored = _bytes(self.redis.get(f"{self.prefix}rejected:{key}"))
        return bool(stored) and int(stored.partition(b"|")[0]) >= _epoch(cutoff)

    def validators(self, url: str) -> Validators | None:
        if url in self.new_validators:
            return self.new_validators[url]
        stored = self.redis.get(f"{self.prefix}validators:{url}")
        if stored is None:
            return None
        etag, last_modified, seen = json.loads(stored)
        return Validators(etag, last_modified) if seen >= self.cutoff else None

    def set_validators(self, url: str, validators: Validators) -> None:
        self.new_validators[url] = validators

    # --- What committed runs left ----------------------------------------------------------

    def site_history(self, site: str, runs: int) -> list[int]:
        if runs <= 0:
            return []
        return [int(n) for n in self.redis.lrange(self.keys.state(f"site:{site}"), 0, runs - 1)]

    def run_summary(self, run_id: str) -> str | None:
        summary = self.redis.hget(self.keys.state("summaries"), run_id)
        return _text(summary) if summary else None

    def unpublished(self) -> list[Publication]:
        """The files committed runs of this host recorded, but those of a process that still
        lives (it publishes them itself); held until ``forget_publications``, so that two
        workers starting together do not both publish them."""
        return self.publications.unpublished()

    def forget_publications(self) -> None:
        self.publications.forget()


class _Scripts:
    """The Lua scripts (newsbot.state.redis_lua), each one atomic step, loaded once."""

    def __init__(self, client: redis.Redis) -> None:
        self.find: Script = client.register_script(FIND)
        self.fingerprint: Script = client.register_script(FINGERPRINT)
        self.near: Script = client.register_script(NEAR)
        self.claim: Script = client.register_script(CLAIM)
        self.release: Script = client.register_script(RELEASE)
        self.commit: Script = client.register_script(COMMIT)
        self.drop_run: Script = client.register_script(DROP_RUN)
        self.prune: Script = client.register_script(PRUNE)


def _known(fields: Sequence[Any]) -> KnownArticle:
    article, url, fingerprint, story_id, revision, version_at = fields
    return KnownArticle(
        int(article),
        url.decode(),
        fingerprint.decode(),
        story_id.decode(),
        int(revision),
        version_at.decode() if version_at is not None else None,
    )


def _bands(signature: bytes | None) -> str:
    """The signature's band keys as one string of 16 hex digits each ("" when unsigned)."""
    return "".join(f"{key:016x}" for key in band_keys(signature)) if signature else ""


def _validators_value(validators: Validators, seen: int) -> str:
    return json.dumps([validators.etag, validators.last_modified, seen])


def _text(value: bytes | str) -> str:
    """A reply as text (the client returns bytes, as signatures need)."""
    return value.decode() if isinstance(value, bytes) else value


def _bytes(value: bytes | str | None) -> bytes:
    return value.encode() if isinstance(value, str) else value or b""


def _epoch(iso: str) -> int:
    return int(datetime.fromisoformat(iso).timestamp())
