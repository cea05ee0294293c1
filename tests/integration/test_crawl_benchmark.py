"""The crawl benchmark's corpus mode runs end to end on a tiny site: newsbot and every
reference crawl fetch pages and get figures. Only that it runs: its figures are never judged.
"""

from __future__ import annotations

import re

import pytest

from benchmarks.corpora import CORPUS_ROOT
from benchmarks.crawl import NEWSBOT, REFERENCES
from tests.support import run_module

pytestmark = pytest.mark.integration


def benchmark_rows(*flags: str) -> dict[str, list[str]]:
    """One round of ``python -m benchmarks.crawl --corpus --tiny``: mode -> its row's cells."""
    done = run_module("benchmarks.crawl", "--corpus", "--tiny", "--rounds", "1", *flags)
    # A row: round, mode, pages, pages/s, articles, articles/s, out, peak MB, tree MB, seconds.
    rows = [re.split(r"\s{2,}", line.strip()) for line in done.stdout.splitlines()]
    return {cells[1]: cells[2:] for cells in rows if cells[0] == "1" and len(cells) == 10}


@pytest.mark.parametrize(
    "flags",
    [
        pytest.param(("--from-demo",), id="demo-pages"),
        pytest.param(
            (),
            id="corpus",
            marks=[
                pytest.mark.corpus,
                pytest.mark.skipif(not CORPUS_ROOT.is_dir(), reason=f"no {CORPUS_ROOT}"),
            ],
        ),
    ],
)
def test_newsbot_and_the_reference_each_crawl_the_tiny_site(flags: tuple[str, ...]) -> None:
    rows = benchmark_rows(*flags)
    assert set(rows) == {NEWSBOT, *REFERENCES}
    for pages, rate, articles, article_rate, _, peak_mb, tree_mb, seconds in rows.values():
        assert int(pages) >= int(articles) > 0
        assert float(rate) > 0
        assert float(article_rate) > 0
        assert float(peak_mb) > 0
        assert float(tree_mb) > 0
        assert float(seconds) > 0
