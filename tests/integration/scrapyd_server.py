"""A real scrapyd on a free localhost port, its folders in a test's tmp_path."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urljoin

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from pathlib import Path

# items_dir stays empty: scrapyd would replace the FEEDS a schedule passes with its own .jl feed.
# A short poll_interval starts a scheduled job within a fraction of a second, not 5 s.
CONFIG = """\
[scrapyd]
bind_address = 127.0.0.1
http_port = {port}
eggs_dir = {folder}/eggs
logs_dir = {folder}/logs
dbs_dir = {folder}/dbs
items_dir =
poll_interval = 0.2
"""
# A PYTHONPATH to the checkout would let the spider import newsbot from there, not the egg.
_HIDDEN_ENV = ("PYTHONPATH", "SCRAPY_SETTINGS_MODULE", "SCRAPY_PROJECT")


@dataclass(frozen=True)
class Scrapyd:
    """Where a running scrapyd answers, and the folder of its config, eggs and logs."""

    url: str
    folder: Path

    def get(self, endpoint: str, **params: str) -> dict[str, Any]:
        return self._call(f"{self.url}{endpoint}?{urlencode(params)}", None)

    def post(self, endpoint: str, fields: Sequence[tuple[str, str]]) -> dict[str, Any]:
        """POST form fields; a name may repeat (``setting`` does)."""
        return self._call(f"{self.url}{endpoint}", urlencode(fields).encode())

    def _call(self, url: str, data: bytes | None) -> dict[str, Any]:
        with urllib.request.urlopen(url, data, timeout=30) as response:
            answer: dict[str, Any] = json.load(response)
        assert answer["status"] == "ok", answer
        return answer

    def text(self, path: str) -> str:
        """A file scrapyd serves, e.g. a finished job's ``log_url``."""
        with urllib.request.urlopen(urljoin(self.url, path), timeout=30) as response:
            text: str = response.read().decode("utf-8")
            return text


def free_port() -> int:
    """A port free right now: scrapyd takes a number, not 0, so another process could race it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def run_scrapyd(folder: Path) -> Iterator[Scrapyd]:
    """``python -m scrapyd`` with its own config in ``folder``, up until the block ends."""
    port = free_port()
    (folder / "scrapyd.conf").write_text(CONFIG.format(port=port, folder=folder), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in _HIDDEN_ENV}
    with (folder / "scrapyd.out").open("wb") as out:
        # scrapyd reads scrapyd.conf from its working folder; its jobs run there too.
        process = subprocess.Popen(
            [sys.executable, "-m", "scrapyd"], cwd=folder, env=env, stdout=out, stderr=out
        )
    try:
        server = Scrapyd(f"http://127.0.0.1:{port}/", folder)
        _wait_until_up(server, process)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(server: Scrapyd, process: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, (server.folder / "scrapyd.out").read_text()[-3000:]
        try:
            server.get("daemonstatus.json")
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
        else:
            return
    raise AssertionError(f"scrapyd did not answer within {timeout} s")


def wait_until_finished(
    server: Scrapyd, project: str, job: str, timeout: float = 120
) -> dict[str, Any]:
    """Poll listjobs.json until ``job`` is among the finished ones; its entry there."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        finished = server.get("listjobs.json", project=project)["finished"]
        if entry := next((e for e in finished if e["id"] == job), None):
            return entry
        time.sleep(0.2)
    raise AssertionError(f"job {job} did not finish within {timeout} s")
