"""The report page from typed figures: what each section shows when a run exported nothing,
when there is no archive, and that the page is written whole or not at all."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from newsbot.report.arguments import Sources
from newsbot.report.articles import COVERED_FIELDS, ArchiveFigures, Coverage, DayCount
from newsbot.report.figures import Figures
from newsbot.report.page import write_atomically
from newsbot.report.sections import report_page
from newsbot.report.summaries import RunSummary

GENERATED = datetime(2026, 12, 7, 16, 0, tzinfo=UTC)
SOURCES = Sources("asia_pacific", (Path("data/asia_pacific"),), Path("data/runs/asia_pacific"), 30)
RUNS = [
    RunSummary("20261206T070000Z-1", "ok", 12, 40, {"duplicate_url": 2, "not_article": 3},
               {"ledger": "ok", "gazette": "ok"}),
    # Nothing new anywhere, and the gazette's section page failed: no file, a summary only.
    RunSummary("20261207T070000Z-2", "sites_failed", 0, 9, {}, {"ledger": "ok",
                                                                "gazette": "failed"}),
]  # fmt: skip
ARCHIVE = ArchiveFigures(
    per_day=[DayCount("ledger", date(2026, 12, 5), 7), DayCount("gazette", date(2026, 12, 6), 5)],
    articles=12,
    undated=2,
    coverage=[Coverage(site, 6, dict.fromkeys(COVERED_FIELDS, 0.5))
              for site in ("gazette", "ledger")],
    shared_story={"gazette": 1, "ledger": 1},
)  # fmt: skip


def page(runs: list[RunSummary], archive: ArchiveFigures | None) -> str:
    run_ids = [run.run_id for run in runs] or ["20261205T070000Z-9"]
    return report_page(Figures(SOURCES, runs, run_ids, len(run_ids), archive), GENERATED)


def health_rows(html: str) -> list[list[str]]:
    body = html.split('<table class="health">', 1)[1].split("<tbody>", 1)[1]
    return [re.findall(r"<t[hd][^>]*>([^<]*)</t[hd]>", row) for row in body.split("<tr>")[1:]]


def test_a_run_that_exported_nothing_still_shows() -> None:
    html = page(RUNS, ARCHIVE)
    assert html.count("<svg") == 5
    assert "nothing exported: all its requests" in html  # the grey bar's legend
    assert health_rows(html) == [
        ["2026-12-07 07:00:00", "sites_failed", "0", "9", "failed", "ok"],
        ["2026-12-06 07:00:00", "ok", "12", "40", "ok", "ok"],
    ]


def test_the_date_used_for_each_day_is_stated() -> None:
    assert "2 of 12 have none and are counted on the day they were fetched" in page(RUNS, ARCHIVE)


def test_without_an_archive_its_sections_say_so() -> None:
    html = page(RUNS, None)
    assert html.count("None of the runs shown published a file in data/asia_pacific.") == 2
    assert html.count("<svg") == 3  # drops, duplicate drops, requests


def test_without_summaries_the_run_sections_say_so() -> None:
    html = page([], ARCHIVE)
    assert html.count("No run summary of the runs shown in data/runs/asia_pacific.") == 3
    assert html.count("<svg") == 3  # articles per day, coverage, shared stories
    assert '<table class="health">' not in html


def test_names_from_the_files_are_escaped() -> None:
    runs = [RunSummary("20261206T070000Z-1", "<b>ok</b>", 1, 1, {}, {"<script>": "ok"})]
    html = page(runs, None)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "&lt;b&gt;ok&lt;/b&gt;" in html


def test_the_page_replaces_the_old_one_whole(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "report.html"
    write_atomically(target, "old")
    write_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]


def test_a_failed_write_keeps_the_old_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.html"
    write_atomically(target, "old")

    def full_disk(self: Path, other: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", full_disk)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
