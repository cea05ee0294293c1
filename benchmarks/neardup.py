"""Near-duplicate detection on the labelled pairs in tests/fixtures/neardup/pairs.json.

    python -m benchmarks.neardup [--pairs PATH]

Prints, per similarity threshold, precision and recall of "is a near-duplicate" over all
pairs, then each kind's similarity range at the configured threshold, so the threshold in
NEWSBOT_NEAR_DUPLICATE_THRESHOLD can be chosen where both are high.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newsbot.neardup import signature, similarity
from newsbot.settings import NEWSBOT_NEAR_DUPLICATE_THRESHOLD as THRESHOLD
from newsbot.state import ArticleRecord
from newsbot.state.sqlite import SQLiteStateStore

if TYPE_CHECKING:
    from collections.abc import Sequence

PAIRS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "neardup" / "pairs.json"


@dataclass(frozen=True)
class ScoredPair:
    """A labelled pair and the similarity newsbot estimates for it."""

    id: str
    kind: str
    duplicate: bool
    similarity: float


def score_pairs(path: Path = PAIRS) -> list[ScoredPair]:
    """Every labelled pair with its estimated similarity (0 when a text is too short)."""
    scored = []
    for pair in json.loads(path.read_text(encoding="utf-8")):
        a, b = signature(pair["a"]), signature(pair["b"])
        value = similarity(a, b) if a is not None and b is not None else 0.0
        scored.append(ScoredPair(pair["id"], pair["kind"], pair["duplicate"], value))
    return scored


def precision_recall(pairs: list[ScoredPair], threshold: float) -> tuple[float, float]:
    """Precision and recall of calling pairs at or above ``threshold`` near-duplicates."""
    called = [p for p in pairs if p.similarity >= threshold]
    hits = sum(p.duplicate for p in called)
    relevant = sum(p.duplicate for p in pairs)
    return (hits / len(called) if called else 1.0), (hits / relevant if relevant else 1.0)


def detected_through_store(path: Path = PAIRS, threshold: float = THRESHOLD) -> list[ScoredPair]:
    """Each pair as the state store judges it: is ``b`` found as a near-duplicate of ``a``
    (band lookup, then full comparison)? similarity is 1.0 when found, 0.0 when not."""
    judged = []
    for pair in json.loads(path.read_text(encoding="utf-8")):
        store = SQLiteStateStore(":memory:")
        store.begin("pairs", "neardup", "2026-11-30T00:00:00+00:00")
        first = signature(pair["a"])
        store.claim(ArticleRecord("https://a.example/", (), "a", first, "story", 1, None))
        second = signature(pair["b"])
        found = second is not None and store.find_near(second, threshold) is not None
        store.close()
        judged.append(ScoredPair(pair["id"], pair["kind"], pair["duplicate"], float(found)))
    return judged


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    pairs = score_pairs(args.pairs)
    ms = (time.perf_counter() - started) * 1000 / (2 * len(pairs))
    print(f"{len(pairs)} pairs, {ms:.2f} ms per signature\n\nthreshold  precision  recall")
    for step in range(4, 19):
        threshold = step / 20
        precision, recall = precision_recall(pairs, threshold)
        mark = "  <- configured" if abs(threshold - THRESHOLD) < 0.025 else ""
        print(f"{threshold:9.2f}{precision:11.3f}{recall:8.3f}{mark}")
    through_store = precision_recall(detected_through_store(args.pairs), 1.0)
    print(
        f"\nthrough the state store at {THRESHOLD}: precision {through_store[0]:.3f}, "
        f"recall {through_store[1]:.3f}"
    )
    print("\nsimilarity by kind (min - max):")
    for kind in sorted({p.kind for p in pairs}):
        values = [p.similarity for p in pairs if p.kind == kind]
        print(f"  {kind:<26}{min(values):.2f} - {max(values):.2f}")


if __name__ == "__main__":
    main()
