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
    return rows_of(done.stdout)


def rows_of(stdout: str) -> dict[str, list[str]]:
    # A row: round, mode, pages, pages/s, articles, articles/s, out, peak MB, tree MB, seconds,
    # CPU seconds of all processes, of the crawl's own.
    rows = [re.split(r"\s{2,}", line.strip()) for line in stdout.splitlines()]
    return {cells[1]: cells[2:] for cells in rows if cells[0] == "1" and len(cells) == 12}


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
    for row in rows.values():
        pages, rate, articles, article_rate, _, peak_mb, tree_mb, seconds, cpu, main = row
        assert int(pages) >= int(articles) > 0
        assert float(rate) > 0
        assert float(article_rate) > 0
        assert float(peak_mb) > 0
        assert float(tree_mb) > 0
        assert float(seconds) > 0
        assert float(cpu) >= float(main) > 0


def test_sitemap_articles_lengthen_both_newsbot_and_the_reference() -> None:
    rows = benchmark_rows("--from-demo", "--articles", "100")
    pages, articles = int(rows[NEWSBOT][0]), int(rows[NEWSBOT][2])
    # The tiny demo site gives newsbot 23 article pages; the sitemaps add 50 a site.
    assert articles >= 100 + 23
    assert rows[next(iter(REFERENCES))][0] == str(pages)


def test_a_long_crawl_fetches_its_sitemaps_and_prints_memory_over_time() -> None:
    done = run_module("benchmarks.crawl", "--corpus", "--from-demo", "--long", "60")
    rows = rows_of(done.stdout)
    assert set(rows) == {NEWSBOT}
    pages, articles = int(rows[NEWSBOT][0]), int(rows[NEWSBOT][2])
    # The two demo sections' pages, and the 60 sitemap URLs (30 a site) on top.
    assert articles >= 60
    assert pages > articles
    lines = done.stdout.splitlines()
    deciles = lines[lines.index(next(line for line in lines if "by share" in line)) + 2]
    memory = [float(mb) for mb in deciles.split()]
    assert len(memory) == 10
    assert max(memory) > 0
