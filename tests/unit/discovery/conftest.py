"""Corpus parametrization shared by the discovery tests."""

from __future__ import annotations

import pytest

from .paths import CORPUS, corpus_cases

# Test argument -> (corpus folder, its index file).
_CORPUS_ARGS = {
    "feed_case": ("feeds", "index.json"),
    "sitemap_case": ("sitemaps", "index.json"),
    "listing_case": ("listing-pages", "labels.json"),
}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrize ``feed_case``/``sitemap_case``/``listing_case`` over the corpus files (ids:
    file names), or skip with the reason when the corpus is not there."""
    for argname, (folder, index) in _CORPUS_ARGS.items():
        if argname not in metafunc.fixturenames:
            continue
        cases = corpus_cases(folder, index)
        params = [pytest.param(case, id=case[0].name) for case in cases] or [
            pytest.param(None, marks=pytest.mark.skip(reason=f"no corpus at {CORPUS / folder}"))
        ]
        metafunc.parametrize(argname, params)
