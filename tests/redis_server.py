"""A real redis-server for the tests of the shared crawl: one per test session on a free
loopback port, persisting nothing, emptied before each test that asks for ``redis_url``.

Without redis-server on PATH the tests that need it are skipped, except under CI (which
installs it): there they fail, so that a missing server cannot pass for a green run.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from typing import TYPE_CHECKING

import pytest
import redis

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

STARTUP_SECONDS = 10.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _answers(url: str) -> bool:
    client = redis.Redis.from_url(url, socket_connect_timeout=1)
    try:
        return bool(client.ping())
    except redis.ConnectionError:
        return False
    finally:
        client.close()


def start_redis_server(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    """redis-server on a free port, once it answers PING (another free port if it lost the
    port to someone else between probe and start)."""
    executable = shutil.which("redis-server")
    assert executable is not None
    for _ in range(3):
        port = _free_port()
        server = subprocess.Popen(
            [executable, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(folder)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        url = f"redis://127.0.0.1:{port}/0"
        deadline = time.monotonic() + STARTUP_SECONDS
        while server.poll() is None and time.monotonic() < deadline:
            if _answers(url):
                return server, url
            time.sleep(0.05)
        server.kill()
        server.wait()
    pytest.fail(f"redis-server did not answer on a free port within {STARTUP_SECONDS:g} s")


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of this session's redis-server (database 0)."""
    if shutil.which("redis-server") is None:
        reason = "redis-server is not installed (Debian: apt-get install redis-server)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must install it")
        pytest.skip(reason)
    server, url = start_redis_server(tmp_path_factory.mktemp("redis"))
    try:
        yield url
    finally:
        server.kill()
        server.wait()


@pytest.fixture
def redis_url(redis_server: str) -> str:
    """The session's Redis, emptied: each test starts from nothing."""
    client = redis.Redis.from_url(redis_server)
    try:
        client.flushall()
    finally:
        client.close()
    return redis_server
