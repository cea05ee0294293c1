"""The Redis connection of the shared state, and the lease that says a worker's run lives."""

from __future__ import annotations

import logging
import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING

import redis
from redis.exceptions import RedisError

from newsbot.redact import redact_credentials
from newsbot.state import StateError

if TYPE_CHECKING:
    from collections.abc import Iterator

logger = logging.getLogger(__name__)


def connect(url: str) -> redis.Redis:
    """A client of the Redis at ``url``, answering PING, or StateError in one line (the
    password, if the URL holds one, never shown)."""
    shown = redact_credentials(url)
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=10, socket_timeout=60)
    except ValueError as exc:
        raise StateError(f"REDIS_URL {shown} is not a Redis URL: {exc}") from None
    try:
        client.ping()
    except RedisError as exc:
        client.close()
        raise StateError(f"Redis at {shown} cannot be used: {exc}") from None
    return client


@contextmanager
def state_errors(what: str) -> Iterator[None]:
    """A Redis failure (the server gone, a script's refusal) as one StateError line."""
    try:
        yield
    except RedisError as exc:
        raise StateError(f"The shared state {what}: {exc}") from exc


class Lease(threading.Thread):
    """Renews a run's lease (a key with a time to live) every third of that time, on its own
    connection, until stopped. A process killed with -9 renews no more: its run is dead a
    lease later, and reaped. ``lost`` says the lease expired all the same (the process
    stalled longer than the lease, or Redis was away as long): the run may have been reaped,
    and cannot commit if it was."""

    def __init__(self, url: str, key: str, seconds: float) -> None:
        super().__init__(name="newsbot-redis-lease", daemon=True)
        self.client = connect(url)
        self.key, self.seconds = key, seconds
        self.stopped = threading.Event()
        self.lost = False

    def run(self) -> None:
        while not self.stopped.wait(self.seconds / 3):
            try:
                renewed = self.client.pexpire(self.key, milliseconds(self.seconds))
            except RedisError as exc:
                logger.warning("The run's lease could not be renewed: %s", exc)
                continue
            if not renewed:
                logger.error("The run's lease expired: another worker may redo its work")
                self.lost = True
                return

    def stop(self) -> None:
        self.stopped.set()
        if self.is_alive():
            self.join()
        self.client.close()


def milliseconds(seconds: float) -> int:
    return max(int(seconds * 1000), 1)
