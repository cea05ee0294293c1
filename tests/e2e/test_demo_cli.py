"""`scrapy demo` as a user runs it: a subprocess, an exit code, files read back."""

from __future__ import annotations

import codecs
import csv
import json
from typing import TYPE_CHECKING

import duckdb
import pandas as pd
import pytest

from newsbot.demo.boilerplate import BOILERPLATE_PHRASES
from newsbot.demo.site import DemoSite
from newsbot.items import EXPORT_FIELDS
from tests.e2e.cli import scrapy
from tests.support import expected_demo_paths, url_paths

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    done = scrapy(folder, "demo", "-O", "demo.jsonl", "-O", "demo.csv")
    assert done.returncode == 0, done.stderr[-3000:]
    return folder


def test_jsonl_has_every_demo_article_once(demo_run: Path) -> None:
    lines = (demo_run / "demo.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    found = url_paths([r["url"] for r in records])
    assert len(found) == len(set(found))
    assert set(found) == expected_demo_paths(1, set(found))
    assert all(list(r) == list(EXPORT_FIELDS) for r in records)
    for default_feeds in (demo_run / "data" / "asia_pacific", demo_run / "data" / "demo"):
        assert not default_feeds.exists(), "-O must replace the default feeds, not add to them"
    for record in records:
        assert not any(phrase in record["body"] for phrase in BOILERPLATE_PHRASES), record["url"]


def test_csv_matches_jsonl_row_for_row(demo_run: Path) -> None:
    jsonl = [json.loads(line) for line in (demo_run / "demo.jsonl").read_text().splitlines()]
    with (demo_run / "demo.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    frame = pd.read_csv(demo_run / "demo.csv")
    assert len(rows) == len(frame) == len(jsonl)
    assert list(frame.columns) == list(EXPORT_FIELDS)
    by_url = {r["url"]: r for r in jsonl}
    for row in rows:
        record = by_url[row["url"]]
        assert row["body"] == record["body"]
        assert row["authors"] == "; ".join(record["authors"])
        assert int(row["word_count"]) == record["word_count"]


def test_without_output_options_files_land_under_data_demo(tmp_path: Path) -> None:
    done = scrapy(tmp_path, "demo", "-a", "limit=3")
    assert done.returncode == 0, done.stderr[-3000:]
    assert not (tmp_path / "data" / "asia_pacific").exists(), "demo rows in the live folder"
    jsonl = list((tmp_path / "data" / "demo" / "asia_pacific").glob("*.jsonl"))
    csv_files = list((tmp_path / "data" / "demo" / "asia_pacific").glob("*.csv"))
    assert len(jsonl) == len(csv_files) == 1
    assert jsonl[0].stem == csv_files[0].stem
    assert len(jsonl[0].read_text().splitlines()) == 3
    assert len(pd.read_csv(csv_files[0])) == 3


def test_bad_argument_fails_with_its_name(tmp_path: Path) -> None:
    done = scrapy(tmp_path, "demo", "-a", "since=yesterday")
    assert done.returncode != 0
    assert "since='yesterday': expected a date as YYYY-MM-DD" in done.stderr


def test_scrapy_list_shows_asia_pacific(tmp_path: Path) -> None:
    done = scrapy(tmp_path, "list")
    assert done.returncode == 0
    assert "asia_pacific" in done.stdout.split()


def test_demo_day_two_exports_only_the_new_and_updated_articles(tmp_path: Path) -> None:
    def records(name: str) -> list[dict[str, object]]:
        return [json.loads(line) for line in (tmp_path / name).read_text().splitlines()]

    assert scrapy(tmp_path, "demo", "-O", "day1.jsonl").returncode == 0
    assert scrapy(tmp_path, "demo", "-s", "NEWSBOT_DEMO_DAY=2", "-O", "day2.jsonl").returncode == 0
    assert scrapy(tmp_path, "demo", "-O", "again.jsonl").returncode == 0
    day1, day2 = records("day1.jsonl"), records("day2.jsonl")
    assert len(day1) == len(DemoSite(1).article_urls("http://127.0.0.1"))
    assert sorted(r["revision"] for r in day2) == [1, 1, 1, 2, 2]  # 3 new, 2 updated
    assert len(records("again.jsonl")) == len(day1)  # day 1 starts the news cycle afresh


def test_the_excel_byte_order_mark_goes_to_csv_only(tmp_path: Path) -> None:
    done = scrapy(tmp_path, "demo", "-a", "limit=3", "-s", "FEED_EXPORT_ENCODING=utf-8-sig",
                  "-O", "x.jsonl", "-O", "x.json", "-O", "x.csv")  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert (tmp_path / "x.csv").read_bytes().startswith(codecs.BOM_UTF8)
    assert pd.read_csv(tmp_path / "x.csv", encoding="utf-8-sig").columns[0] == "url"
    for name in ("x.jsonl", "x.json"):
        assert not (tmp_path / name).read_bytes().startswith(codecs.BOM_UTF8), name
    assert len(pd.read_json(tmp_path / "x.jsonl", lines=True)) == 3
    assert len(json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))) == 3
    ((rows,),) = duckdb.sql(f"SELECT count(*) FROM read_json('{tmp_path / 'x.jsonl'}')").fetchall()
    assert rows == 3


def test_appending_runs_keeps_files_readable(tmp_path: Path) -> None:
    for _ in range(2):
        done = scrapy(tmp_path, "demo", "-a", "limit=3", "-o", "all.csv", "-o", "all.jsonl")
        assert done.returncode == 0, done.stderr[-3000:]
    frame = pd.read_csv(tmp_path / "all.csv")
    assert len(frame) == 6, "one header, then both runs' rows"
    assert list(frame.columns) == list(EXPORT_FIELDS)
    assert len(pd.read_json(tmp_path / "all.jsonl", lines=True)) == 6
    for name in ("all.csv", "all.jsonl"):
        manifest = json.loads((tmp_path / f"{name}.manifest.json").read_text(encoding="utf-8"))
        assert (manifest["items"], manifest["rows_in_file"]) == (3, 6), name
    # A JSON array cannot take a second run: refused, the first run's file left whole.
    assert scrapy(tmp_path, "demo", "-a", "limit=3", "-o", "all.json").returncode == 0
    again = scrapy(tmp_path, "demo", "-a", "limit=3", "-o", "all.json")
    assert again.returncode == 3
    assert "a JSON array cannot be appended to" in again.stderr
    assert len(json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))) == 3
