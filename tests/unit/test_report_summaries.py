"""scrapy report reads run summaries leniently: a missing key counts as nothing, a damaged file
is skipped with a log line, and the progress bar shows on a terminal only."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import pytest

from newsbot.report.summaries import RunSummary, read_summaries
from newsbot.runs import Run, judge_run, summary
from newsbot.site_health import judge_site

if TYPE_CHECKING:
    from pathlib import Path

RUN_ID = "20261207T153650Z-2493"


def written_summary() -> dict[str, Any]:
    """A summary as a finished run writes it (newsbot.runs.summary), two sites, one failed."""
    stats = {
        "finish_reason": "finished",
        "response_received_count": 12,
        "downloader/request_count": 14,
        "item_scraped_count": 3,
        "newsbot/dropped/duplicate_body": 2,
        "newsbot/dropped/not_article": 1,
    }
    ledger = {"listings_fetched": 1, "links_found": 4, "articles_fetched": 4, "exported": 3}
    judged = {"max_error_rate": 0.5, "earlier_exports": [], "stale_after_runs": 3}
    sites = [
        judge_site("ledger", ledger, **judged),
        judge_site("gazette", {"listings_failed": 1}, **judged),
    ]
    started = datetime(2026, 12, 7, 15, 36, 50, tzinfo=UTC)
    run = Run(RUN_ID, "asia_pacific", started)
    return summary(run, {**stats, "start_time": started}, judge_run(stats, [], sites), sites, [])


def write(folder: Path, name: str, content: Any) -> None:
    text = content if isinstance(content, str | bytes) else json.dumps(content)
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def test_a_written_summary_reads_whole(tmp_path: Path) -> None:
    write(tmp_path, f"{RUN_ID}.json", written_summary())
    assert read_summaries(tmp_path) == [
        RunSummary(
            run_id=RUN_ID,
            status="sites_failed",
            items_exported=3,
            requests=14,
            dropped={"duplicate_body": 2, "not_article": 1},
            site_status={"ledger": "ok", "gazette": "failed"},
        )
    ]


@pytest.mark.parametrize(
    "missing", ["items_exported", "requests", "dropped", "sites", "status", "run_id"]
)
def test_a_missing_key_counts_as_nothing(tmp_path: Path, missing: str) -> None:
    data = written_summary()
    del data[missing]
    write(tmp_path, f"{RUN_ID}.json", data)
    (read,) = read_summaries(tmp_path)
    expected = {
        "items_exported": 0, "requests": 0, "dropped": {}, "site_status": {},
        "status": "unknown", "run_id": RUN_ID,  # the file is named by its run id
    }  # fmt: skip
    field = "site_status" if missing == "sites" else missing
    assert getattr(read, field) == expected[field]


def test_a_run_still_running_shows_with_nothing_exported(tmp_path: Path) -> None:
    """What a run writes when it starts (and leaves behind if it dies)."""
    write(tmp_path, f"{RUN_ID}.json", {"run_id": RUN_ID, "spider": "asia_pacific",
                                       "status": "running", "pid": 4242,
                                       "started_at": "2026-12-07T15:36:50+00:00"})  # fmt: skip
    assert read_summaries(tmp_path) == [RunSummary(RUN_ID, "running")]


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ('{"run_id": "x", "status": ', "Expecting value"),
        (b"\xff\xfe not utf-8", "codec can't decode"),
        ([1, 2, 3], "expected a JSON object, found list"),
        ({"requests": "many"}, "requests: expected a count, found 'many'"),
        ({"requests": True}, "requests: expected a count, found True"),
        ({"dropped": ["duplicate_url"]}, "dropped: expected an object of counts"),
        ({"dropped": {"duplicate_url": -1}}, "dropped.duplicate_url: expected a count"),
        ({"sites": {"ledger": "ok"}}, "sites: expected an object of objects"),
    ],
    ids=["cut-short", "not-utf8", "a-list", "text-count", "bool-count", "drops-list",
         "negative-drop", "site-not-object"],
)  # fmt: skip
def test_an_unreadable_summary_is_skipped_with_a_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, content: Any, why: str
) -> None:
    write(tmp_path, "20261207T150000Z-1.json", content)
    write(tmp_path, f"{RUN_ID}.json", written_summary())
    with caplog.at_level(logging.WARNING, logger="newsbot.report.summaries"):
        summaries = read_summaries(tmp_path)
    assert [s.run_id for s in summaries] == [RUN_ID]
    (line,) = caplog.messages
    assert line.startswith(
        f"Skipping unreadable run summary {tmp_path / '20261207T150000Z-1.json'}"
    )
    assert why in line


def test_only_summaries_are_read(tmp_path: Path) -> None:
    """The summary writer's temporary file and other files beside the summaries are not runs."""
    write(tmp_path, f".{RUN_ID}.json.tmp", written_summary())
    write(tmp_path, "notes.txt", "not a run")
    assert read_summaries(tmp_path) == []


@pytest.mark.parametrize(
    ("run_id", "label"),
    [(RUN_ID, "2026-12-07 15:36:50"), ("nightly-7", "nightly-7")],
)
def test_a_run_is_labelled_by_its_start(run_id: str, label: str) -> None:
    assert RunSummary(run_id).label == label


@pytest.mark.parametrize("terminal", [True, False], ids=["terminal", "cron"])
def test_a_progress_bar_on_a_terminal_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    terminal: bool,
) -> None:  # fmt: skip
    write(tmp_path, f"{RUN_ID}.json", written_summary())
    monkeypatch.setattr(sys.stderr, "isatty", lambda: terminal)
    read_summaries(tmp_path)
    shown = capsys.readouterr().err
    assert ("run summaries: 100%" in shown) is terminal
    assert shown == "" or terminal
