"""What scrapy report reads off the archive and the run summaries: articles per site per UTC
day (by publication date, else fetch date), field coverage, shared stories, and which runs are
shown."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING

import duckdb
import pytest

from newsbot.items import EXPORT_FIELDS
from newsbot.report.arguments import Sources
from newsbot.report.articles import Coverage, DayCount, WindowArchive, read_articles
from newsbot.report.figures import NothingToReport, collect, latest_runs
from tests.support import article

if TYPE_CHECKING:
    from pathlib import Path

    from newsbot.items import Article

OLD, FIRST, SECOND, EMPTY = (
    "20261101T100000Z-7", "20261201T100000Z-1", "20261202T100000Z-2", "20261203T100000Z-3",
)  # fmt: skip
STORY = "a1b2c3d4e5f60718"


def row(site: str, slug: str, **changes: object) -> Article:
    """An article of ``site`` (its own story unless told), fully covered unless told."""
    base = {"site": site, "authors": ["Ana Ruiz"], "language": "en", "story_id": slug,
            "image_url": f"https://{site}.example/{slug}.jpg",
            "fetched_at": "2026-12-01T10:00:05+00:00"}  # fmt: skip
    return article(url=f"https://{site}.example/{slug}/", **{**base, **changes})


def ledger(slug: str, **changes: object) -> Article:
    return row("ledger", slug, **changes)


def gazette(slug: str, **changes: object) -> Article:
    return row("gazette", slug, **changes)


ARCHIVE = {
    OLD: [ledger("old", published_at="2026-10-30T08:00:00+00:00")],
    FIRST: [
        ledger("ferries", published_at="2026-11-30T23:30:00+00:00", story_id=STORY),
        # No publication date: counted on the day it was fetched.
        ledger("rates", published_at=None, authors=[], language=None, image_url=None),
        # A near-duplicate of the ferries story, linked to it; +09:00 is still 30 November UTC.
        gazette("ferries", published_at="2026-12-01T07:00:00+09:00", story_id=STORY),
    ],
    SECOND: [
        ledger("ferries", published_at="2026-11-30T23:30:00+00:00", story_id=STORY, revision=2),
        gazette("storm", published_at="2026-12-02T01:00:00+00:00", image_url=None),
    ],
}


def publish(folder: Path, run_id: str, rows: list[Article]) -> None:
    """A run's JSONL file and its manifest, as a run publishes them."""
    path = folder / f"{run_id}.jsonl"
    records = [{k: v for k, v in asdict(row).items() if k in EXPORT_FIELDS} for row in rows]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    manifest = {"file": path.name, "format": "jsonlines", "items": len(rows), "run_id": run_id,
                "spider": "asia_pacific", "started_at": run_id, "finished_at": run_id}  # fmt: skip
    (folder / f"{path.name}.manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    for run_id, rows in ARCHIVE.items():
        publish(folder, run_id, rows)
    return folder


def test_articles_per_site_per_utc_day_one_per_url(archive: Path) -> None:
    with duckdb.connect() as con:
        figures = read_articles(con, WindowArchive([archive], [FIRST, SECOND]))
    assert figures.per_day == [
        DayCount("gazette", date(2026, 11, 30), 1),
        DayCount("ledger", date(2026, 11, 30), 1),  # its two revisions are one article
        DayCount("ledger", date(2026, 12, 1), 1),  # fetched that day, no publication date
        DayCount("gazette", date(2026, 12, 2), 1),
    ]
    assert (figures.articles, figures.undated) == (4, 1)


def test_field_coverage_is_a_share_of_every_row(archive: Path) -> None:
    with duckdb.connect() as con:
        figures = read_articles(con, WindowArchive([archive], [FIRST, SECOND]))
    third, half = pytest.approx(2 / 3), pytest.approx(1 / 2)
    assert figures.coverage == [
        Coverage("gazette", 2, {"authors": 1, "published_at": 1, "language": 1,
                                "image_url": half}),
        Coverage("ledger", 3, {"authors": third, "published_at": third, "language": third,
                               "image_url": third}),
    ]  # fmt: skip
    assert figures.sites == ["gazette", "ledger"]


def test_articles_sharing_a_story_count_once_each(archive: Path) -> None:
    with duckdb.connect() as con:
        figures = read_articles(con, WindowArchive([archive], [FIRST, SECOND]))
    assert figures.shared_story == {"gazette": 1, "ledger": 1}


def test_runs_outside_the_window_are_left_out(archive: Path) -> None:
    with duckdb.connect() as con:
        figures = read_articles(con, WindowArchive([archive], [OLD]))
    assert figures.per_day == [DayCount("ledger", date(2026, 10, 30), 1)]
    assert figures.shared_story == {"ledger": 0}


def test_the_latest_runs_oldest_first() -> None:
    assert latest_runs([SECOND, OLD, EMPTY, FIRST, SECOND], 3) == [FIRST, SECOND, EMPTY]


def summaries(folder: Path, *run_ids: str) -> Path:
    folder.mkdir()
    for run_id in run_ids:
        exported = 0 if run_id == EMPTY else 2
        data = {"run_id": run_id, "status": "ok", "items_exported": exported, "requests": 9}
        (folder / f"{run_id}.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


def test_runs_shown_come_from_summaries_and_archive_alike(archive: Path, tmp_path: Path) -> None:
    """A run that exported nothing publishes no file, and still counts among the latest."""
    runs = summaries(tmp_path / "runs", FIRST, SECOND, EMPTY)
    figures = collect(Sources("asia_pacific", (archive,), runs, last=3))
    assert figures.run_ids == [FIRST, SECOND, EMPTY]
    assert [(r.run_id, r.items_exported) for r in figures.runs] == [
        (FIRST, 2), (SECOND, 2), (EMPTY, 0),
    ]  # fmt: skip
    assert figures.runs_found == 4  # OLD has a file, no summary
    assert figures.archive is not None
    assert figures.archive.articles == 4


def test_summaries_without_an_archive(tmp_path: Path) -> None:
    runs = summaries(tmp_path / "runs", EMPTY)
    figures = collect(Sources("asia_pacific", (tmp_path / "nowhere",), runs, last=30))
    assert (figures.run_ids, figures.archive) == ([EMPTY], None)


def test_nothing_to_report_names_where_it_looked(tmp_path: Path) -> None:
    sources = Sources("asia_pacific", (tmp_path / "data",), tmp_path / "runs", last=30)
    with pytest.raises(NothingToReport, match=r"no run summary in .*runs and no published file"):
        collect(sources)
