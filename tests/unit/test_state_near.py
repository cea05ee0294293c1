"""Near-duplicate candidates: the versions sharing the most bands are compared first."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from newsbot.neardup import NUM_PERM, ROWS
from newsbot.state import ArticleRecord

if TYPE_CHECKING:
    from tests.state_stores import OpenStore

RNG = np.random.default_rng(8)


def random_values() -> np.ndarray:
    return RNG.integers(1, 2**62, size=NUM_PERM, dtype=np.uint64)


def sharing(query: np.ndarray, shared: np.ndarray) -> bytes:
    """A signature equal to ``query`` where ``shared`` is True, random elsewhere."""
    return bytes(np.where(shared, query, random_values()).astype(np.uint64).tobytes())


def test_the_copy_is_found_behind_many_texts_sharing_a_few_bands(open_store: OpenStore) -> None:
    query = random_values()
    few_bands = np.arange(NUM_PERM) < 5 * ROWS  # 5 whole bands: ~12% alike
    # 10 whole bands, then 2 values of every other band: 75% alike, yet only 10 bands shared.
    copy = (np.arange(NUM_PERM) < 10 * ROWS) | (np.arange(NUM_PERM) % ROWS != 0)
    store = open_store()
    store.begin("r1", "asia_pacific", "2026-11-30T10:00:00+00:00")
    for n in range(60):  # more than the 50 candidates compared in full
        url = f"https://news.example/topic-{n}/"
        store.claim(ArticleRecord(url, (), f"t{n}", sharing(query, few_bands), url, 1, None))
    url = "https://other.example/copy/"
    store.claim(ArticleRecord(url, (), "copy", sharing(query, copy), url, 1, None))
    near = store.find_near(query.tobytes(), 0.5)
    assert near is not None
    assert near[0].url == url
    assert near[1] >= 0.7
    store.close()
