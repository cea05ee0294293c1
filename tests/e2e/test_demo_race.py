"""Day 2 of the demo when its port is taken as it starts (issue 8: on a busy machine another
program held the port, the demo moved to a free one, and updated articles came out as new)."""

from __future__ import annotations

import json
import socket
from contextlib import contextmanager
from typing import TYPE_CHECKING

import pytest

from tests.e2e.cli import scrapy

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

pytestmark = pytest.mark.e2e


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def port_held_by_another_program(port: int) -> Iterator[None]:
    """A listening socket on ``port``, as another test suite's demo server would hold it."""
    with socket.socket() as holder:
        # The day-1 server's closed connections may linger in TIME_WAIT on this port.
        holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        holder.bind(("127.0.0.1", port))
        holder.listen()
        yield


def jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_day_two_served_on_another_port_still_revises_the_updated_articles(
    tmp_path: Path,
) -> None:
    port = free_port()  # never 8765: another suite's demo may hold it
    on_port = ("-s", f"NEWSBOT_DEMO_PORT={port}")
    assert scrapy(tmp_path, "demo", *on_port, "-O", "day1.jsonl").returncode == 0
    with port_held_by_another_program(port):
        day2 = scrapy(tmp_path, "demo", *on_port, "-s", "NEWSBOT_DEMO_DAY=2", "-O", "day2.jsonl")
    assert day2.returncode == 0, day2.stderr[-3000:]
    assert "is taken" in day2.stderr  # the condition under test: day 2 moved to another port
    day1, day2_records = jsonl(tmp_path / "day1.jsonl"), jsonl(tmp_path / "day2.jsonl")
    assert sorted(r["revision"] for r in day2_records) == [1, 1, 1, 2, 2]  # 3 new, 2 updated
    revised = {r["story_id"] for r in day2_records if r["revision"] == 2}
    assert revised <= {r["story_id"] for r in day1}  # the same stories, not new ones
