"""Every vocabulary rule generalises: it fires on pages of two publishers or more (or says why
it is a structure), and the provenance the data gives for it is true."""

from __future__ import annotations

import pytest

from benchmarks.corpora import CORPUS_ROOT
from benchmarks.folds import MIN_PUBLISHERS, unjustified
from benchmarks.rule_firing import (
    ARTICLE_SUITES,
    EXTRACTION_VOCABULARIES,
    Firing,
    article_pages,
    measure,
)

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def firing() -> Firing:
    missing = [suite for suite in ARTICLE_SUITES if not (CORPUS_ROOT / suite).is_dir()]
    if missing:
        pytest.skip(f"no corpus at {CORPUS_ROOT} ({', '.join(missing)})")
    return measure(article_pages())


def test_every_phrase_rule_fires_on_two_publishers(firing: Firing) -> None:
    fitted = [
        f"[{rule.vocabulary}] {rule.text}"
        for rule in unjustified(firing.publishers, among=EXTRACTION_VOCABULARIES)
    ]
    assert fitted == [], f"rules firing on fewer than {MIN_PUBLISHERS} publishers"


def test_provenance_names_pages_where_the_rule_fires(firing: Firing) -> None:
    wrong = []
    for vocabulary in EXTRACTION_VOCABULARIES:
        for rule in vocabulary.rules:
            named = set(rule.seen_on)
            publishers = {firing.publisher.get(ref) for ref in named}
            if not named <= firing.pages.get(rule, set()):
                wrong.append(f"{rule.text!r}: {sorted(named - firing.pages.get(rule, set()))}")
            elif not rule.generic and len(publishers) < MIN_PUBLISHERS:
                wrong.append(f"{rule.text!r}: evidence from {len(publishers)} publisher(s)")
    assert wrong == [], "run python -m benchmarks.rule_firing --write"
