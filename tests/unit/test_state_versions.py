"""Claimed versions in the SQLite state store: what a release leaves for the next run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsbot.state import ArticleRecord, Validators
from newsbot.state.sqlite import SQLiteStateStore

if TYPE_CHECKING:
    from pathlib import Path

START = "2026-11-30T10:00:00+00:00"
LISTING = "https://news.example/asia/"
OLD, NEW = Validators('"v1"', None), Validators('"v2"', None)


def record(url: str, fingerprint: str) -> ArticleRecord:
    return ArticleRecord(url, (), fingerprint, None, f"story-{fingerprint}", 1, None)


def listing_run(path: Path, run_id: str, *, release: bool) -> None:
    """A run that reads the listing (new validators) and claims one article from it."""
    store = SQLiteStateStore(str(path))
    store.begin(run_id, "asia_pacific", START)
    store.set_validators(LISTING, NEW)
    claim = store.claim(record(f"https://news.example/{run_id}/", run_id))
    if release:
        store.release(claim)
    else:
        store.confirm(claim)
    store.finish(commit=True)
    store.close()


def stored_validators(path: Path) -> Validators | None:
    store = SQLiteStateStore(str(path))
    validators = store.validators(LISTING)
    store.close()
    return validators


def first_run(path: Path) -> None:
    store = SQLiteStateStore(str(path))
    store.begin("r0", "asia_pacific", START)
    store.set_validators(LISTING, OLD)
    store.finish(commit=True)
    store.close()


def test_a_run_that_released_a_claim_keeps_no_validators_it_set(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    first_run(path)
    listing_run(path, "r1", release=True)
    # The next run reads the listing in full and meets the released article again.
    assert stored_validators(path) is None


def test_a_run_that_exported_all_it_claimed_keeps_its_validators(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    first_run(path)
    listing_run(path, "r1", release=False)
    assert stored_validators(path) == NEW


def test_a_released_article_is_forgotten_with_its_urls(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    listing_run(path, "r1", release=True)
    store = SQLiteStateStore(str(path))
    assert store.is_known("https://news.example/r1/") is None
    assert store.find_fingerprint("r1") is None
    store.close()
