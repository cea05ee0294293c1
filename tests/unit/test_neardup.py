"""Near-duplicate detection, measured on the labelled pairs we wrote (tests/fixtures/neardup).

Copies with other boilerplate, light edits and updates must be found; independent stories on
the same event, follow-ups and stories sharing an outlet's template must not be merged.
"""

from __future__ import annotations

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
