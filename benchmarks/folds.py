"""Cross-publisher validation: figures on pages whose publisher no rule was written for.

Figures on the pages the rules were tuned on flatter them. Here the corpus is split by
*publisher* (never by page: one publisher's pages share a template) into k folds. Each fold is
measured with only the vocabulary rules the *other* folds justify: a rule stays on if it fires
on pages of at least two publishers outside the fold, or is a generic pattern. That is the same
bar the corpus test sets for the whole corpus, applied as if the fold had never been seen, so a
rule fitted to a held-out publisher's page is off when that page is measured.

Structural code (thresholds, link density, markup) is not vocabulary and stays on: it was not
written per page, and the fold figures say how well it carries.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from contextlib import contextmanager
from typing import TYPE_CHECKING

from newsbot.rules import Rule, Vocabulary, disabled, recording, vocabularies

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping

#: A rule needs pages of this many publishers to count as generalising.
MIN_PUBLISHERS = 2
DEFAULT_FOLDS = 5


def fold_of(publisher: str, k: int) -> int:
    """A publisher's fold: stable across runs and machines (a hash, not ``hash()``)."""
    return int(hashlib.sha256(publisher.encode()).hexdigest()[:8], 16) % k


def split(publishers: Iterable[str], k: int) -> list[frozenset[str]]:
    """The publishers in ``k`` folds (some may be empty when there are few publishers)."""
    folds: list[set[str]] = [set() for _ in range(k)]
    for publisher in set(publishers):
        folds[fold_of(publisher, k)].add(publisher)
    return [frozenset(fold) for fold in folds]


def fired_on(
    pages: Iterable[tuple[str, str]], run: Callable[[str], object]
) -> dict[Rule, set[str]]:
    """Which rules fire on which pages: ``run(ref)`` processes the page named ``ref`` (e.g.
    extracts it) and every (ref, publisher) pair is run once with recording on. The result
    maps each rule that fired to the refs of the pages it fired on."""
    fired: dict[Rule, set[str]] = defaultdict(set)
    for ref, _publisher in pages:
        with recording() as rules:
            run(ref)
        for rule in rules:
            fired[rule].add(ref)
    return fired


def publishers_of(
    fired: Mapping[Rule, set[str]], publisher: Mapping[str, str]
) -> dict[Rule, set[str]]:
    """The publishers each rule fired on, from the pages (``publisher`` maps ref -> publisher)."""
    return {rule: {publisher[ref] for ref in refs} for rule, refs in fired.items()}


def unjustified(
    rule_publishers: Mapping[Rule, set[str]],
    held_out: frozenset[str] = frozenset(),
    among: Iterable[Vocabulary] | None = None,
) -> list[Rule]:
    """Rules of the vocabularies ``among`` (all, by default) that fire on fewer than
    ``MIN_PUBLISHERS`` publishers outside ``held_out`` and are not generic, in order."""
    return [
        rule
        for vocabulary in (vocabularies() if among is None else among)
        for rule in vocabulary.rules
        if not rule.generic and len(rule_publishers.get(rule, set()) - held_out) < MIN_PUBLISHERS
    ]


@contextmanager
def only_rules_justified_without(
    rule_publishers: Mapping[Rule, set[str]],
    held_out: frozenset[str],
    among: Iterable[Vocabulary] | None = None,
) -> Iterator[list[Rule]]:
    """Inside the block, the rules (of the vocabularies ``among``; all by default) the
    publishers outside ``held_out`` do not justify are off; yields them."""
    off = unjustified(rule_publishers, held_out, among)
    with disabled(set(off)):
        yield off
