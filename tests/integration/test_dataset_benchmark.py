"""The dataset benchmark runs end to end on a small archive: only that it runs and writes
what it says; its figures are never judged."""

from __future__ import annotations

import re

import pytest

from tests.support import run_module

pytestmark = pytest.mark.integration


def test_the_dataset_benchmark_writes_each_dataset_of_a_small_archive() -> None:
    done = run_module("benchmarks.dataset", "--articles", "2000", "--runs", "4")
    rows = {
        label.strip(): int(count.replace(",", ""))
        for label, count in re.findall(r"^([^\d\n]+?) {2,}([\d,]+) ", done.stdout, re.M)
    }
    # One record in ten is a second revision of an earlier article.
    assert rows == {
        "latest revisions, Parquet": 1800,
        "every revision, JSONL": 2000,
        "partitioned by site and day": 1800,
    }
