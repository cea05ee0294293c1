"""Everything the page shows, read once: the latest runs' summaries and archived articles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import duckdb

from newsbot.archive import Archive
from newsbot.report.articles import WindowArchive, read_articles
from newsbot.report.summaries import read_summaries

if TYPE_CHECKING:
    from collections.abc import Iterable

    from newsbot.report.arguments import Sources
    from newsbot.report.articles import ArchiveFigures
    from newsbot.report.summaries import RunSummary


class NothingToReport(Exception):
    """Neither a run summary nor a published file was found."""


@dataclass(frozen=True)
class Figures:
    """The runs shown (oldest first), how many were found, and their archived articles (None:
    none of them published a file)."""

    sources: Sources
    runs: list[RunSummary]
    run_ids: list[str]
    runs_found: int
    archive: ArchiveFigures | None


def latest_runs(run_ids: Iterable[str], last: int) -> list[str]:
    """The ``last`` latest of ``run_ids``, oldest first: a run id starts with its UTC start
    time, so summaries and manifests of one run sort alike."""
    return sorted(set(run_ids))[-last:]


def collect(sources: Sources) -> Figures:
    """Read the summaries and the archive of ``sources``; NothingToReport when both are
    empty."""
    summaries = read_summaries(sources.runs_dir) if sources.runs_dir else []
    folders = list(sources.archive_folders)
    published = [manifest.run_id for manifest in Archive(folders).runs()]
    found = {s.run_id for s in summaries} | set(published)
    if not found:
        raise NothingToReport(_nothing_found(sources))
    window = latest_runs(found, sources.last)
    shown = set(window)
    runs = sorted((s for s in summaries if s.run_id in shown), key=lambda s: s.run_id)
    articles = None
    if shown & set(published):
        with duckdb.connect() as con:
            articles = read_articles(con, WindowArchive(folders, window))
    return Figures(sources, runs, window, len(found), articles)


def _nothing_found(sources: Sources) -> str:
    folders = ", ".join(str(f) for f in sources.archive_folders) or "(no folder)"
    runs = sources.runs_dir or "(none: NEWSBOT_RUNS_DIR is empty)"
    return (
        f"nothing to report for {sources.spider}: no run summary in {runs} and no published "
        f"file in {folders} (run a crawl first, or name the folders with -a runs=FOLDER "
        "-a archive=FOLDER; -a demo=1 for the demo's)"
    )
