"""Near-duplicate detection, measured on the labelled pairs we wrote (tests/fixtures/neardup).

Copies with other boilerplate, light edits and updates must be found; independent stories on
the same event, follow-ups and stories sharing an outlet's template must not be merged.
"""

from __future__ import annotations

import hashlib

import pytest

from benchmarks.neardup import (
    ScoredPair,
    choose_threshold,
    detected_through_store,
    halves,
    main,
    precision_recall,
    score_pairs,
)
from newsbot.neardup import signature, similarity

# sha256 of the signature of test_signature_values_never_change's text, as first stored.
GOLDEN_SIGNATURE_SHA256 = "ce25df05367d4efda6cc205e11a73978a17b536ab8de79e988966341d7196188"


def test_labelled_pairs_through_the_state_store() -> None:
    judged = detected_through_store()
    precision, recall = precision_recall(judged, 1.0)
    assert len(judged) == 48
    assert precision >= 0.95
    assert recall >= 0.95
    merged = [p.id for p in judged if p.similarity and not p.duplicate]
    assert not merged, f"distinct stories merged: {merged}"


def test_signature_is_stable_across_calls_and_ignores_case_and_punctuation() -> None:
    text = " ".join(f"Sentence number {i} about the harbour reopening." for i in range(30))
    first, second = signature(text), signature(text.upper().replace(".", " ."))
    assert first is not None
    assert second is not None
    assert similarity(first, second) == 1.0


def test_short_texts_get_no_signature() -> None:
    assert signature("Too short to judge.") is None


def test_halves_are_stable_and_hold_both_classes_evenly() -> None:
    pairs = score_pairs()
    first, second = halves(pairs)
    assert halves(list(reversed(pairs))) == (first, second)
    assert sorted(p.id for p in first + second) == sorted(p.id for p in pairs)
    for half in (first, second):
        assert sum(p.duplicate for p in half) == sum(not p.duplicate for p in half) == 12


def test_the_chosen_threshold_is_the_middle_of_the_best_ones() -> None:
    pairs = [ScoredPair("d", "copy", True, 0.6), ScoredPair("n", "other", False, 0.2)]
    assert choose_threshold(pairs) == pytest.approx(0.4, abs=0.01)


def test_the_benchmark_runs(capsys: pytest.CaptureFixture[str]) -> None:
    main([])
    assert "configured" in capsys.readouterr().out


@pytest.mark.parametrize("words", [14, 60, 900])
def test_signature_is_datasketchs_affine32_minhash_value_for_value(words: int) -> None:
    # Stored signatures are compared with new ones run after run: the values are datasketch
    # 2.0's default MinHash of the 5-word shingles, whatever is installed.
    datasketch = pytest.importorskip("datasketch")
    np = pytest.importorskip("numpy")
    vocabulary = [f"word{i}" for i in range(400)]
    text = " ".join(vocabulary[(i * 7919) % len(vocabulary)] for i in range(words))
    tokens = text.split()
    shingles = {" ".join(tokens[i : i + 5]) for i in range(len(tokens) - 4)}
    expected = datasketch.MinHash(num_perm=128, seed=20261130, scheme="affine32")
    expected.update_batch([shingle.encode() for shingle in shingles])
    assert signature(text) == expected.hashvalues.astype(np.uint64).tobytes()


def test_signature_values_never_change() -> None:
    # A change here breaks near-duplicate detection against every signature already stored.
    text = " ".join(f"Sentence number {i} about the harbour reopening." for i in range(30))
    sig = signature(text)
    assert sig is not None
    assert hashlib.sha256(sig).hexdigest() == GOLDEN_SIGNATURE_SHA256
