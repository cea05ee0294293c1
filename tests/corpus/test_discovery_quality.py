"""Quality gate: article-link discovery on the labelled listing pages, on the pages the rules
were written on (dev) and across publishers (each fold of sites measured with only the rules
other sites justify), and the provenance of the discovery vocabulary.

Floors sit slightly under the figures ``python -m benchmarks.discovery --folds 5`` prints;
raise them when discovery improves, never lower them to let a change through.
"""

from __future__ import annotations

import functools

import pytest

from benchmarks.corpora import CORPUS_ROOT
from benchmarks.discovery import (
    ListingPage,
    count_page,
    cross_publisher,
    load_listing_pages,
    pooled,
    rule_publishers,
)
from benchmarks.folds import DEFAULT_FOLDS, MIN_PUBLISHERS
from newsbot.discovery import find_article_links, vocabulary
from newsbot.rules import Rule, Words

pytestmark = pytest.mark.corpus

# Measured: dev P 0.975 R 0.994; cross-publisher (5 folds) P 0.975 R 0.994.
DEV_PRECISION, DEV_RECALL = 0.965, 0.985
CROSS_PRECISION, CROSS_RECALL = 0.965, 0.985


@functools.cache
def _pages() -> tuple[ListingPage, ...]:
    folder = CORPUS_ROOT / "listing-pages"
    if not (folder / "labels.json").is_file():
        pytest.skip(f"no corpus at {folder}")
    return tuple(load_listing_pages(folder))


@functools.cache
def _rule_sites() -> dict[Rule, set[str]]:
    return rule_publishers(list(_pages()))[1]


def test_dev_precision_and_recall() -> None:
    total = pooled(count_page(find_article_links, page) for page in _pages())
    assert total.precision >= DEV_PRECISION
    assert total.recall >= DEV_RECALL


def test_cross_publisher_precision_and_recall() -> None:
    folds = cross_publisher(list(_pages()), DEFAULT_FOLDS, _rule_sites())
    total = pooled(counts for _, _, counts in folds)
    assert total.precision >= CROSS_PRECISION
    assert total.recall >= CROSS_RECALL


def test_every_word_rule_without_a_reason_fires_on_two_sites() -> None:
    publishers = _rule_sites()
    words = [v for v in vars(vocabulary).values() if isinstance(v, Words)]
    assert words
    lonely = {
        f"{v.name}:{r.text}": sorted(publishers.get(r, set()))
        for v in words
        for r in v.rules
        if not r.generic and len(publishers.get(r, set())) < MIN_PUBLISHERS
    }
    assert not lonely, f"fire on fewer than {MIN_PUBLISHERS} sites and have no generic reason"
