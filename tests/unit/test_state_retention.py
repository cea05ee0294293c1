"""Retention: URL keys, near-duplicate bands and validators unseen for long are pruned, never
the fingerprints that keep an old text from being exported again."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from newsbot.neardup import signature
from newsbot.state import ArticleRecord, Validators

if TYPE_CHECKING:
    from newsbot.state import StateStore
    from tests.state_stores import OpenStore

START = datetime.fromisoformat("2026-06-01T10:00:00+00:00")
URL, LISTING = "https://news.example/a/", "https://news.example/asia/"
BODY = " ".join(f"Paragraph {n} says the Lautoka wharf reopens to cruise ships." for n in range(9))
SIGNATURE = signature(BODY)


def session(open_store: OpenStore, days_later: int, retention_days: int = 180) -> StateStore:
    store = open_store(retention_days=retention_days)
    started = START + timedelta(days=days_later)
    store.begin(f"r{days_later}", "asia_pacific", started.isoformat())
    return store


def exported_once(open_store: OpenStore) -> None:
    store = session(open_store, 0)
    store.confirm(store.claim(ArticleRecord(URL, (), "fp", SIGNATURE, "story", 1, None)))
    store.set_validators(LISTING, Validators('"v1"', None))
    store.finish(commit=True)
    store.close()


def remembered(store: StateStore) -> dict[str, bool]:
    assert SIGNATURE is not None
    return {
        "url": store.is_known(URL) is not None,
        "near": store.find_near(SIGNATURE, 0.9) is not None,
        "validators": store.validators(LISTING) is not None,
        "fingerprint": store.find_fingerprint("fp") is not None,
    }


def test_what_was_not_seen_for_the_retention_is_pruned_but_the_fingerprint(
    open_store: OpenStore,
) -> None:
    exported_once(open_store)
    store = session(open_store, 181)
    assert remembered(store) == {
        "url": False,
        "near": False,
        "validators": False,
        "fingerprint": True,
    }
    store.close()


def test_what_was_seen_within_the_retention_is_kept(open_store: OpenStore) -> None:
    exported_once(open_store)
    store = session(open_store, 179)
    assert store.is_known(URL) is not None  # still listed: skipped as known, seen all the same
    store.set_validators(LISTING, Validators('"v2"', None))
    store.finish(commit=True)
    store.close()
    store = session(open_store, 300)
    assert all(remembered(store).values())
    store.close()


def test_zero_keeps_everything_forever(open_store: OpenStore) -> None:
    exported_once(open_store)
    store = session(open_store, 3650, retention_days=0)
    assert all(remembered(store).values())
    store.close()
