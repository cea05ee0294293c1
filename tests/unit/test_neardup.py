"""Near-duplicate detection, measured on the labelled pairs we wrote (tests/fixtures/neardup).

Copies with other boilerplate, light edits and updates must be found; independent stories on
the same event, follow-ups and stories sharing an outlet's template must not be merged.
"""

from __future__ import annotations

from benchmarks.neardup import detected_through_store, precision_recall
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
