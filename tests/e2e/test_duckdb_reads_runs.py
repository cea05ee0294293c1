"""An analyst's DuckDB session over every run's files: one table, types detected, revisions
distinguishable, in JSONL and in CSV alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

import duckdb
import pytest

from newsbot.demo.site import DemoSite
from tests.e2e.cli import scrapy

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.e2e

READERS = {
    "jsonl": "read_json_auto('data/demo/asia_pacific/*.jsonl')",
    "csv": "read_csv_auto('data/demo/asia_pacific/*.csv')",
}


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo crawled on day 1, then on day 2: two runs, two files of each format."""
    folder = tmp_path_factory.mktemp("runs")
    assert scrapy(folder, "demo").returncode == 0
    assert scrapy(folder, "demo", "-s", "NEWSBOT_DEMO_DAY=2").returncode == 0
    return folder


@pytest.mark.parametrize("reader", READERS.values(), ids=READERS.keys())
def test_every_run_reads_as_one_table(two_runs: Path, reader: str) -> None:
    con = duckdb.connect()
    con.execute(f"SET file_search_path = '{two_runs}'")
    ((rows, urls),) = con.sql(f"SELECT count(*), count(DISTINCT url) FROM {reader}").fetchall()
    day1, day2 = DemoSite(1).expected_articles("x"), DemoSite(2).expected_articles("x")
    changed = sum(day1[u].body != day2[u].body for u in day1.keys() & day2.keys())
    assert (rows, urls) == (len(day1) + len(day2.keys() - day1.keys()) + changed, len(day2))
    # README's query: the latest version of each article.
    latest = con.sql(
        f"SELECT revision FROM {reader}"
        " QUALIFY row_number() OVER (PARTITION BY url ORDER BY revision DESC) = 1"
    ).fetchall()
    assert (len(latest), [r for (r,) in latest].count(2)) == (len(day2), changed)
    described = con.sql(f"DESCRIBE SELECT published_at, word_count FROM {reader}").fetchall()
    types = {column: kind for column, kind, *_ in described}
    assert types == {"published_at": "TIMESTAMP WITH TIME ZONE", "word_count": "BIGINT"}
