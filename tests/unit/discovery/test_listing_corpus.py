"""Quality gate of find_article_links on the labelled real-world listing pages.

The pages stay in the shared corpus (they are the publishers' copyrighted HTML); the tests
skip when it is absent. Floors are the figures measured when the scorer was written, minus
0.02, so a change that makes discovery worse fails here.
"""

from __future__ import annotations

import gzip

import pytest

from newsbot.discovery import find_article_links
from newsbot.extraction import extract_article
from newsbot.urls import canonical_url

from .paths import CORPUS, corpus_cases

# Measured over all labelled pages: precision 0.975, recall 0.994.
PRECISION_FLOOR = 0.955
RECALL_FLOOR = 0.974
# Any single page: a loose floor that still points at the page that broke.
PAGE_FLOOR = 0.8


def _counts(case):
    """(true positives, found, labelled) for one labelled page."""
    path, meta = case
    # No declared domains: the page's own site (uk.yahoo.com -> yahoo.com: the labels count
    # its news.* and celebrity.* articles) is what a site added by URL alone gets.
    found = find_article_links(gzip.decompress(path.read_bytes()), meta["url"])
    found_keys = {canonical_url(url) for url in found}
    labelled = {canonical_url(url) for url in meta["article_links"]}
    return len(found_keys & labelled), len(found_keys), len(labelled)


@pytest.mark.corpus
def test_each_page_keeps_precision_and_recall_above_the_page_floor(listing_case):
    hits, found, labelled = _counts(listing_case)
    assert hits / max(found, 1) >= PAGE_FLOOR
    assert hits / labelled >= PAGE_FLOOR


@pytest.mark.corpus
def test_overall_precision_and_recall_stay_above_the_floors():
    cases = corpus_cases("listing-pages", "labels.json")
    if not cases:
        pytest.skip(f"no corpus at {CORPUS / 'listing-pages'}")
    hits, found, labelled = (sum(column) for column in zip(*map(_counts, cases), strict=True))
    assert hits / found >= PRECISION_FLOOR
    assert hits / labelled >= RECALL_FLOOR


@pytest.mark.corpus
def test_extraction_calls_each_section_front_a_listing(listing_case):
    """A crawl that reaches a section front as a candidate must not export it as an article."""
    path, meta = listing_case
    article = extract_article(gzip.decompress(path.read_bytes()), meta["url"])
    assert article.page_type == "listing"
