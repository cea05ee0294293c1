"""The files a run publishes after its commit, as the SQLite state store records them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsbot.state import Publication
from newsbot.state.sqlite import SQLiteStateStore

if TYPE_CHECKING:
    from pathlib import Path

FILES = [
    Publication("data/.a.jsonl.asia_pacific.newsbot-part", "data/a.jsonl", '{"items": 3}'),
    Publication("data/.a.csv.asia_pacific.newsbot-part", "data/a.csv", '{"items": 3}'),
]


def run(path: Path, *, commit: bool) -> None:
    store = SQLiteStateStore(str(path))
    store.begin("run-1", "asia_pacific", "2026-11-30T10:00:00+00:00")
    store.finish(commit=commit, publications=FILES)
    store.close()


def test_a_committed_run_s_files_are_remembered_until_forgotten(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    run(path, commit=True)
    store = SQLiteStateStore(str(path))  # the next process
    assert store.unpublished() == FILES
    store.forget_publications()
    store.close()
    assert SQLiteStateStore(str(path)).unpublished() == []


def test_a_rolled_back_run_records_no_files(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    run(path, commit=False)
    assert SQLiteStateStore(str(path)).unpublished() == []
