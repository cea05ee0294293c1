"""Claimed versions in the state stores: what a release leaves for the next run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsbot.state import ArticleRecord, Validators

if TYPE_CHECKING:
    from tests.state_stores import OpenStore

START = "2026-11-30T10:00:00+00:00"
LISTING = "https://news.example/asia/"
OLD, NEW = Validators('"v1"', None), Validators('"v2"', None)


def record(url: str, fingerprint: str) -> ArticleRecord:
    return ArticleRecord(url, (), fingerprint, None, f"story-{fingerprint}", 1, None)


def listing_run(open_store: OpenStore, run_id: str, *, release: bool) -> None:
    """A run that reads the listing (new validators) and claims one article from it."""
    store = open_store()
    store.begin(run_id, "asia_pacific", START)
    store.set_validators(LISTING, NEW)
    claim = store.claim(record(f"https://news.example/{run_id}/", run_id))
    if release:
        store.release(claim)
    else:
        store.confirm(claim)
    store.finish(commit=True)
    store.close()


def stored_validators(open_store: OpenStore) -> Validators | None:
    store = open_store()
    validators = store.validators(LISTING)
    store.close()
    return validators


def first_run(open_store: OpenStore) -> None:
    store = open_store()
    store.begin("r0", "asia_pacific", START)
    store.set_validators(LISTING, OLD)
    store.finish(commit=True)
    store.close()


def test_a_run_that_released_a_claim_keeps_no_validators_it_set(open_store: OpenStore) -> None:
    first_run(open_store)
    listing_run(open_store, "r1", release=True)
    # The next run reads the listing in full and meets the released article again.
    assert stored_validators(open_store) is None


def test_a_run_that_exported_all_it_claimed_keeps_its_validators(
    open_store: OpenStore,
) -> None:
    first_run(open_store)
    listing_run(open_store, "r1", release=False)
    assert stored_validators(open_store) == NEW


def test_a_released_article_is_forgotten_with_its_urls(open_store: OpenStore) -> None:
    listing_run(open_store, "r1", release=True)
    store = open_store()
    assert store.is_known("https://news.example/r1/") is None
    assert store.find_fingerprint("r1") is None
    store.close()


def test_a_claim_neither_confirmed_nor_released_is_dropped_at_commit(
    open_store: OpenStore,
) -> None:
    first_run(open_store)
    store = open_store()
    store.begin("r1", "asia_pacific", START)
    store.set_validators(LISTING, NEW)
    store.claim(record("https://news.example/r1/", "r1"))  # its article never reached a file
    store.finish(commit=True)
    store.close()
    store = open_store()
    assert store.is_known("https://news.example/r1/") is None
    assert store.find_fingerprint("r1") is None
    assert store.validators(LISTING) is None
    store.close()
