"""The state on disk: private to the crawler's user whatever the umask, and a disk too full to
open it is one line and exit 3 (a real, small tmpfs, as in test_full_disk.py)."""

from __future__ import annotations

import os
import stat
import subprocess
from typing import TYPE_CHECKING

import pytest

from newsbot.runs import ExitCode
from newsbot.state.sqlite import SQLiteStateStore
from tests.e2e.cli import ENV, crawl_site_args, scrapy, scrapy_args
from tests.e2e.test_full_disk import fill, small_disk  # noqa: F401 (a shared fixture)

if TYPE_CHECKING:
    from pathlib import Path

    from newsbot.demo.server import DemoServer

pytestmark = pytest.mark.e2e


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o077], ids=oct)
def test_state_folder_is_0700_and_its_files_0600_whatever_the_umask(
    tmp_path: Path, demo: DemoServer, umask: int
) -> None:
    done = subprocess.run(
        scrapy_args(*crawl_site_args(tmp_path, demo.url)),
        cwd=tmp_path,
        env=ENV,
        umask=umask,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == ExitCode.OK, done.stderr[-3000:]
    state = tmp_path / "data" / "state"
    database = state / "asia_pacific.sqlite3"
    assert mode(state) == 0o700
    assert {p.name: mode(p) for p in state.iterdir()} == {
        "asia_pacific.sqlite3": 0o600,
        "asia_pacific.sqlite3.lock": 0o600,
    }
    # The run removed its -wal and -shm files on closing: a store holding the state open
    # shows the mode SQLite gives them (the database file's, whatever the umask).
    previous = os.umask(umask)
    try:
        store = SQLiteStateStore(str(database))
        store.begin("run", "asia_pacific", "2026-12-07T00:00:00+00:00")
        assert {p.name[-4:]: mode(p) for p in state.glob("*-*")} == {"-wal": 0o600, "-shm": 0o600}
        store.finish(commit=False)
        store.close()
    finally:
        os.umask(previous)


# No room at all: the lock file cannot take the run's pid. One page left: the lock takes it,
# the SQLite file cannot take its schema ("database or disk is full").
@pytest.mark.parametrize(
    ("left", "reason"),
    [(0, "No space left on device"), (4096, "database or disk is full")],
    ids=["no room for the lock", "no room for the database"],
)
def test_a_state_that_cannot_be_opened_for_want_of_room_exits_3_with_one_line(
    tmp_path: Path,
    small_disk: Path,  # noqa: F811 (the imported fixture)
    demo: DemoServer,
    left: int,
    reason: str,
) -> None:
    fill(small_disk, left)
    state = small_disk / "state" / "%(name)s.sqlite3"
    done = scrapy(
        tmp_path, *crawl_site_args(tmp_path, demo.url, "-s", f"NEWSBOT_STATE_PATH={state}")
    )
    assert done.returncode == ExitCode.EXPORT_FAILED, done.stderr[-3000:]
    errors = [line for line in done.stderr.splitlines() if "ERROR" in line]
    assert len(errors) == 1, done.stderr[-3000:]
    assert (
        f"Not started: the state {small_disk}/state/asia_pacific.sqlite3 cannot be opened"
        in errors[0]
    )
    assert reason in errors[0]
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "data").exists()  # nothing crawled, nothing exported
