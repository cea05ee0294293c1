"""The files committed runs of one host recorded in the shared state, to publish once.

Publications are files on the machine of the run that recorded them, so each host has its
list (``socket.gethostname()``). Workers of one host starting together take turns (a lock
held from ``unpublished`` to ``forget``), and the files of a process that still lives are
left to it: it committed and is renaming them itself.
"""

from __future__ import annotations

import json
import os
import socket
from contextlib import suppress
from typing import TYPE_CHECKING

from redis.exceptions import LockError, RedisError
from redis.lock import Lock

from newsbot.processes import is_running
from newsbot.state import Publication, StateError
from newsbot.state.redis_lease import state_errors

if TYPE_CHECKING:
    import redis

    from newsbot.distributed.keys import Keys

# Publishing is a few renames; a worker that dies meanwhile frees the lock after this long.
_PUBLISHING_SECONDS = 60.0


class HostPublications:
    """The publications of this host's committed runs, in a Redis list."""

    def __init__(self, client: redis.Redis, keys: Keys) -> None:
        self.client = client
        self.host = socket.gethostname()
        self.keys = keys
        self.lock: Lock | None = None
        self.taken: list[bytes] = []

    @property
    def key(self) -> str:
        return self.keys.state(f"publications:{self.host}")

    def record(self, run_id: str, publication: Publication) -> str:
        """A publication as the commit stores it, with the process that will publish it."""
        fields = {"run": run_id, "pid": os.getpid(), **vars(publication)}
        return json.dumps(fields, ensure_ascii=False)

    def unpublished(self) -> list[Publication]:
        self._lock()
        stored = self.client.lrange(self.key, 0, -1)
        records = [(raw, json.loads(raw)) for raw in stored if isinstance(raw, bytes)]
        taken = [(raw, r) for raw, r in records if not _lives_elsewhere(int(r["pid"]))]
        self.taken = [raw for raw, _ in taken]
        return [Publication(r["part"], r["final"], r["manifest"]) for _, r in taken]

    def forget(self) -> None:
        with self.client.pipeline(transaction=True) as forget:
            for raw in self.taken:
                forget.lrem(self.key, 1, raw.decode())
            forget.execute()
        self.taken = []
        self.release()

    def _lock(self) -> None:
        if self.lock is not None:
            return
        lock = Lock(
            self.client,
            self.keys.state(f"publishing:{self.host}"),
            timeout=_PUBLISHING_SECONDS,
            blocking_timeout=_PUBLISHING_SECONDS,
            thread_local=False,  # released by the store's begin or close, wherever they run
        )
        with state_errors("cannot take the publishing lock"):
            if not lock.acquire():
                raise StateError(f"the publishing lock of {self.host} was not free")
        self.lock = lock

    def release(self) -> None:
        """Let the host's next worker publish (the renames are done, or failed)."""
        if self.lock is not None:
            lock, self.lock = self.lock, None
            with suppress(LockError, RedisError):  # expired or unreachable: it frees itself
                lock.release()


def _lives_elsewhere(pid: int) -> bool:
    """Whether ``pid`` is another process of this host still running."""
    return pid != os.getpid() and is_running(pid)
