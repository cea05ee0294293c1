"""The article-extraction benchmark's body metric, implemented from its published description.

Text is split into word tokens (``\\w+``, case kept); each page's true and predicted bodies
become multisets of 4-token shingles; true/false positives and false negatives are counted
and normalized per page so long articles weigh no more than short ones. Precision is averaged
over pages that predicted something, recall over pages that have a true body, and F1 is
computed from the two averages.

One addition to the published method: both texts are put in Unicode NFC and stripped of soft
hyphens first. "é" as one code point or as "e" + accent is the same text (a few fundus labels
are stored decomposed), and a soft hyphen is an invisible line-break hint; without this the
\\w+ tokenizer splits such words and scores an encoding difference as an extraction error.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+", re.UNICODE)
SHINGLE_SIZE = 4


@dataclass(frozen=True)
class Match:
    """One page's normalized true positives, false positives and false negatives."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The multiset of ``size``-token shingles (a shorter text is one shorter shingle)."""
    tokens = _TOKEN.findall(unicodedata.normalize("NFC", text or "").replace("\u00ad", ""))
    return Counter(tuple(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1)))


def match(true: str, predicted: str) -> Match:
    """Shingle overlap of one page, normalized to sum to 1."""
    want, got = shingles(true), shingles(predicted)
    want.pop((), None)
    got.pop((), None)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    return Match(tp / total, fp / total, fn / total) if total else Match(0.0, 0.0, 0.0)


@dataclass(frozen=True)
class Score:
    """Precision and recall averaged over pages, and the F1 of those averages."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(matches: list[Match]) -> Score:
    """The suite's score, as the benchmark defines it."""
    predicted = [m.precision for m in matches if m.tp + m.fp > 0]
    relevant = [m.recall for m in matches if m.tp + m.fn > 0]
    return Score(
        statistics.mean(predicted) if predicted else 0.0,
        statistics.mean(relevant) if relevant else 0.0,
    )
