"""The files a run publishes after its commit, as the state stores record them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsbot.state import Publication

if TYPE_CHECKING:
    from tests.state_stores import OpenStore

FILES = [
    Publication("data/.a.jsonl.asia_pacific.newsbot-part", "data/a.jsonl", '{"items": 3}'),
    Publication("data/.a.csv.asia_pacific.newsbot-part", "data/a.csv", '{"items": 3}'),
]


def run(open_store: OpenStore, *, commit: bool) -> None:
    store = open_store()
    store.begin("run-1", "asia_pacific", "2026-11-30T10:00:00+00:00")
    store.finish(commit=commit, publications=FILES)
    store.close()


def test_a_committed_run_s_files_are_remembered_until_forgotten(open_store: OpenStore) -> None:
    run(open_store, commit=True)
    store = open_store()  # the next process
    assert store.unpublished() == FILES
    store.forget_publications()
    store.close()
    store = open_store()
    assert store.unpublished() == []
    store.close()


def test_a_rolled_back_run_records_no_files(open_store: OpenStore) -> None:
    run(open_store, commit=False)
    store = open_store()
    assert store.unpublished() == []
    store.close()
