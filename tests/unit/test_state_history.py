"""Per-site export counts of committed runs, which the run report reads to call a site stale."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.state_stores import OpenStore


def run(open_store: OpenStore, run_id: str, *, commit: bool, **site_exports: int) -> None:
    store = open_store()
    store.begin(run_id, "asia_pacific", "2026-11-30T10:00:00+00:00")
    store.finish(commit=commit, site_exports=site_exports)
    store.close()


def test_site_history_lists_committed_runs_newest_first(open_store: OpenStore) -> None:
    run(open_store, "r1", commit=True, ledger=5, harbour=2)
    run(open_store, "r2", commit=True, ledger=3, harbour=0)
    run(open_store, "r3", commit=False, ledger=9, harbour=9)  # rolled back: never happened
    run(open_store, "r4", commit=True, ledger=0, harbour=0)
    store = open_store()
    assert store.site_history("ledger", 2) == [0, 3]
    assert store.site_history("harbour", 10) == [0, 0, 2]
    assert store.site_history("unknown", 3) == []
    store.close()
