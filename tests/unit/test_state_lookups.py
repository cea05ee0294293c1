"""Lookups by URL: a known URL met again counts as seen once its run commits, and the key
kept for the last URL looked up never answers for another."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from newsbot.state import ArticleRecord

if TYPE_CHECKING:
    from newsbot.state import StateStore
    from tests.state_stores import OpenStore

START = datetime.fromisoformat("2026-06-01T10:00:00+00:00")
URL = "https://news.example/a/"


def session(open_store: OpenStore, days_later: int) -> StateStore:
    store = open_store(retention_days=180)
    store.begin(f"r{days_later}", "asia_pacific", (START + timedelta(days=days_later)).isoformat())
    return store


def exported_once(open_store: OpenStore) -> None:
    store = session(open_store, 0)
    store.confirm(store.claim(ArticleRecord(URL, (), "fp", None, "story", 1, None)))
    store.finish(commit=True)
    store.close()


def met_again(open_store: OpenStore, days_later: int, *, commit: bool) -> None:
    store = session(open_store, days_later)
    assert store.is_known("https://www.news.example/a") is not None
    store.finish(commit=commit)
    store.close()


def known_after(open_store: OpenStore, days_later: int) -> bool:
    store = session(open_store, days_later)
    known = store.is_known(URL) is not None
    store.close()
    return known


def test_a_known_url_met_in_a_committed_run_is_kept_for_another_retention(
    open_store: OpenStore,
) -> None:
    exported_once(open_store)
    met_again(open_store, 100, commit=True)
    assert known_after(open_store, 250)


def test_a_known_url_met_in_a_run_rolled_back_is_not_seen(open_store: OpenStore) -> None:
    exported_once(open_store)
    met_again(open_store, 100, commit=False)
    assert not known_after(open_store, 250)


def test_the_last_key_looked_up_answers_for_its_url_only(open_store: OpenStore) -> None:
    store = session(open_store, 0)
    store.reject("https://news.example/gallery/", "not an article")
    cutoff = START.isoformat()
    assert store.is_known("https://news.example/other/") is None
    assert store.rejected_since("https://news.example/gallery/", cutoff)
    assert not store.rejected_since("https://news.example/other/", cutoff)
    assert store.rejected_since("https://www.news.example/gallery", cutoff)
    store.close()
