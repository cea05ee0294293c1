"""Near-duplicate detection: MinHash signatures of article text, banded for constant-cost lookup.

The same wire story on two sites, or a lightly edited rewrite, shares most of its 5-word
shingles; two articles on the same topic share almost none. A 128-value MinHash estimates the
shingle Jaccard similarity; split into 42 bands of 3 values, it lets a store
find candidates with one indexed lookup per band instead of comparing every article. With 3
values a band, pairs at similarity 0.4 become candidates 94% of the time, at 0.5 99.6%, at
0.2 (a shared boilerplate paragraph) 29% — and candidates are then compared in full.

The MinHash is datasketch's (2.0, scheme "affine32", the same values: a test compares them),
computed here in a few lines of numpy instead of by datasketch itself, for three reasons:

- datasketch loads scipy, 60 MB of memory and 0.7 s of CPU in every crawl for nothing it uses;
- its default scheme changed in 2.0 (from "legacy"), so which datasketch a user had installed
  decided the signatures, and an upgrade would silently stop new articles from matching the
  signatures earlier runs stored; these are fixed by this module;
- it makes permutations anew for every signature and hashes item by item (a third of the
  time of signing an article).

Only the extraction workers sign; the crawl's own process compares signatures and never
loads numpy.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

NUM_PERM = 128
ROWS = 3
BANDS = NUM_PERM // ROWS  # 42 bands; the last 2 values only count in full comparisons
SHINGLE_WORDS = 5
# Texts this short say too little to call two of them copies of each other.
MIN_SHINGLES = 10
_SEED = 20261130  # fixed: signatures stored by earlier runs must stay comparable
_WORD = re.compile(r"\w+", re.UNICODE)


def signature(body: str) -> bytes | None:
    """The MinHash signature of a body (bytes, to store as is), or None for very short texts."""
    words = _WORD.findall(unicodedata.normalize("NFKC", body).casefold())
    grams = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    if len(grams) < MIN_SHINGLES:
        return None
    # Imported here: the crawl's own process never signs (extraction workers do, see
    # Article.near_signature), and numpy would cost it 12 MB.
    import numpy as np  # noqa: PLC0415

    # datasketch's sha1_hash32 of each shingle: the first 4 bytes of its SHA-1, little-endian.
    digests = b"".join(hashlib.sha1(gram.encode()).digest()[:4] for gram in grams)  # noqa: S324
    hashes = _fmix32(np.frombuffer(digests, dtype="<u4").astype(np.uint32)).reshape(-1, 1)
    a, b = _permutations()
    # uint32 arithmetic wraps around: that is the affine permutation's modulo 2**32.
    values = (hashes * a + b).min(axis=0)
    signed: bytes = values.astype(np.uint64).tobytes()
    return signed


@cache
def _permutations() -> tuple[NDArray[np.uint32], NDArray[np.uint32]]:
    """datasketch's affine32 permutations for our seed (odd multipliers, any offsets), made
    once; numpy's legacy RandomState gives the same numbers in every numpy version."""
    import numpy as np  # noqa: PLC0415 (see signature)

    generator = np.random.RandomState(_SEED)
    a = generator.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _fmix32(hashes: NDArray[np.uint32]) -> NDArray[np.uint32]:
    """MurmurHash3's 32-bit finalizer (a bijection), as datasketch mixes each hash first."""
    import numpy as np  # noqa: PLC0415 (see signature)

    hashes = hashes ^ (hashes >> np.uint32(16))
    hashes = hashes * np.uint32(0x85EBCA6B)
    hashes = hashes ^ (hashes >> np.uint32(13))
    hashes = hashes * np.uint32(0xC2B2AE35)
    return hashes ^ (hashes >> np.uint32(16))


def band_keys(sig: bytes) -> list[int]:
    """One 63-bit key per band (fits SQLite's signed INTEGER): equal bands, equal keys."""
    width = ROWS * 8
    return [
        int.from_bytes(
            hashlib.blake2b(
                bytes([band]) + sig[band * width : (band + 1) * width], digest_size=8
            ).digest(),
            "big",
        )
        >> 1
        for band in range(BANDS)
    ]


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets: the share of equal values
    (compared as 8-byte words, whatever the byte order)."""
    left, right = memoryview(a).cast("Q"), memoryview(b).cast("Q")
    return sum(x == y for x, y in zip(left, right, strict=True)) / NUM_PERM
