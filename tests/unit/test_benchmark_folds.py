"""Cross-publisher validation: a rule is measured only on publishers it was not written for."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

import pytest

from benchmarks.corpora import Page
from benchmarks.extraction import cross_publisher, rule_publishers
from benchmarks.extractors import Prediction, gives
from benchmarks.folds import split
from newsbot import rules
from newsbot.rules import Phrases, rule

if TYPE_CHECKING:
    from benchmarks.extractors import Extractor

PUBLISHERS = [f"news-{n}.example" for n in range(9)]
ARTICLE = "The harbour reopened on Monday after three weeks of repairs to the sea wall."
TWO = "Follow us on Harbourgram"
ONE = "Tip the newsroom at tips dot example"
GENERIC = "Updated"


@pytest.fixture
def signoffs(monkeypatch: pytest.MonkeyPatch) -> Phrases:
    """A toy vocabulary, in a registry of its own so no other test ever sees it."""
    monkeypatch.setattr(rules, "_VOCABULARIES", weakref.WeakValueDictionary())
    return Phrases(
        "signoffs",
        [rule(TWO), rule(ONE), rule(GENERIC, generic="a label and nothing else")],
    )


def extractor(vocabulary: Phrases) -> Extractor:
    """A toy extractor: the page's lines, less those the vocabulary calls sign-offs."""

    @gives()
    def extract(html: bytes, url: str) -> Prediction:
        lines = html.decode().splitlines()
        return Prediction("\n".join(line for line in lines if not vocabulary.fullmatch(line)))

    return extract


def page(publisher: str, *extra: str) -> Page:
    html = "\n".join((ARTICLE, *extra)).encode()
    return Page(publisher, f"https://{publisher}/a", html, ARTICLE, "toy", publisher)


def test_split_is_by_publisher_and_the_same_on_every_run() -> None:
    folds = split(PUBLISHERS, 3)
    assert split(reversed(PUBLISHERS * 2), 3) == folds
    assert sorted(p for fold in folds for p in fold) == sorted(PUBLISHERS)


def test_a_rule_is_off_exactly_in_the_folds_of_the_publishers_it_fires_on(
    signoffs: Phrases,
) -> None:
    folds = split(PUBLISHERS, 3)
    assert all(folds), "the test needs three non-empty folds"
    first, second = min(folds[0]), min(folds[1])
    pages = [
        page(p, TWO, ONE, GENERIC) if p == first else page(p, TWO) if p == second else page(p)
        for p in PUBLISHERS
    ]
    toy = extractor(signoffs)
    fired = rule_publishers(pages, lambda p: toy(p.html, p.url))
    crossed = cross_publisher("toy", pages, fired, 3, extractor=toy, among=None)

    two, one, generic = signoffs.rules
    assert fired == {two: {first, second}, one: {first}, generic: {first}}
    # Firing on two publishers justifies a rule only while neither is held out; on one, never;
    # a generic pattern needs no such evidence.
    assert [set(off) for off in crossed.switched_off] == [{two, one}, {two, one}, {one}]
    kept = {r.page.publisher: r.prediction.body for r in crossed.report.results}
    assert TWO in kept[first]
    assert ONE in kept[first]
    assert GENERIC not in kept[first]
    assert [r.page for r in crossed.report.results] == pages
    assert all(v.active == v.rules for v in rules.vocabularies()), "rules restored after"
