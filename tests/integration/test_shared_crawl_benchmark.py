"""The shared-crawl benchmark runs end to end on the demo pages: 1 and 2 workers against a
real redis-server, every page fetched once, every article exported once. Its speed figures
are never judged here."""

from __future__ import annotations

import os
import shutil

import pytest

from tests.support import run_module

pytestmark = [
    pytest.mark.integration,
    # Under CI, which installs redis-server, a missing one fails the test instead.
    pytest.mark.skipif(
        shutil.which("redis-server") is None and not os.environ.get("CI"),
        reason="redis-server is not installed",
    ),
]


def test_one_and_two_workers_crawl_the_same_pages_and_export_the_same_articles() -> None:
    done = run_module(
        "benchmarks.shared_crawl", "--from-demo", "--articles", "40", "--workers", "1,2"
    )
    rows = {
        int(cells[0]): cells
        for cells in (line.split() for line in done.stdout.splitlines())
        if cells and cells[0].isdigit() and len(cells) == 11
    }
    assert set(rows) == {1, 2}, done.stdout
    pages, exported = {rows[n][1] for n in rows}, {rows[n][5] for n in rows}
    assert len(pages) == 1, "two workers fetched other pages than one"
    assert len(exported) == 1, "two workers exported other articles than one"
    assert int(next(iter(exported))) > 0
    assert "one Redis core" in done.stdout
