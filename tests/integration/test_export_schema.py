"""What a real crawl writes is what docs/article.schema.json and docs/schema.md promise."""

from __future__ import annotations

import csv
import json
from typing import TYPE_CHECKING, Any

import pytest
from jsonschema import Draft202012Validator

from newsbot.demo.server import serve_demo_site
from tests.integration.conftest import crawl_demo
from tests.support import REPO_ROOT

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.integration

SCHEMA = json.loads((REPO_ROOT / "docs" / "article.schema.json").read_text(encoding="utf-8"))
DAYS = (1, 2)


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo crawled on day 1, then on day 2 with the same state (new articles, and updated
    ones exported again as revision 2): ``day-N.jsonl`` and ``day-N.csv`` for each run."""
    folder = tmp_path_factory.mktemp("exports")
    with serve_demo_site() as server:
        for day in DAYS:
            server.set_day(day)
            feeds = {
                str(folder / f"day-{day}.{ext}"): {"format": fmt}
                for ext, fmt in (("jsonl", "jsonlines"), ("csv", "csv"))
            }
            settings = {"NEWSBOT_STATE_PATH": str(folder / "state.sqlite3"), "FEEDS": feeds}
            result = crawl_demo(folder, server, settings=settings)
            assert result.items, f"the day {day} crawl exported nothing"
    return folder


def read_records(exports: Path) -> list[dict[str, Any]]:
    lines = (
        line
        for day in DAYS
        for line in (exports / f"day-{day}.jsonl").read_text(encoding="utf-8").splitlines()
    )
    return [json.loads(line) for line in lines]


def test_every_exported_record_matches_the_json_schema(exports: Path) -> None:
    records = read_records(exports)
    # Day 2's updates make sure revisions and modification dates are checked too.
    assert {record["revision"] for record in records} == {1, 2}
    validator = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
    problems = [
        (record["url"], error.json_path, error.message)
        for record in records
        for error in validator.iter_errors(record)
    ]
    assert problems == []


@pytest.mark.parametrize("day", DAYS)
def test_csv_columns_are_the_schema_columns_in_order(exports: Path, day: int) -> None:
    with (exports / f"day-{day}.csv").open(encoding="utf-8", newline="") as file:
        header = next(csv.reader(file))
    assert header == list(SCHEMA["properties"])
