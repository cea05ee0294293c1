"""Per-site export counts of committed runs, which the run report reads to call a site stale."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsbot.state.sqlite import SQLiteStateStore

if TYPE_CHECKING:
    from pathlib import Path


def run(path: Path, run_id: str, *, commit: bool, **site_exports: int) -> None:
    store = SQLiteStateStore(str(path))
    store.begin(run_id, "asia_pacific", "2026-11-30T10:00:00+00:00")
    store.finish(commit=commit, site_exports=site_exports)
    store.close()


def test_site_history_lists_committed_runs_newest_first(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    run(path, "r1", commit=True, ledger=5, harbour=2)
    run(path, "r2", commit=True, ledger=3, harbour=0)
    run(path, "r3", commit=False, ledger=9, harbour=9)  # rolled back: never happened
    run(path, "r4", commit=True, ledger=0, harbour=0)
    store = SQLiteStateStore(str(path))
    assert store.site_history("ledger", 2) == [0, 3]
    assert store.site_history("harbour", 10) == [0, 0, 2]
    assert store.site_history("unknown", 3) == []
    store.close()
