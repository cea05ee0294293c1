"""What the report shows, in order: each section's heading, the sentence explaining it, and its
plot or table; a note instead where the runs shown give nothing to draw."""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import TYPE_CHECKING

from newsbot.report import plots
from newsbot.report.page import Section, render_page
from newsbot.report.tables import health_table

if TYPE_CHECKING:
    from datetime import datetime

    from newsbot.report.figures import Figures

#: Drop reasons that are duplicates of an exported article (newsbot.drops.Reason).
_DUPLICATE_PREFIXES = ("duplicate_", "near_duplicate")


def report_page(figures: Figures, generated: datetime) -> str:
    """The whole HTML page for ``figures``."""
    sections = [
        _articles_per_day(figures),
        _coverage(figures),
        _drops(figures),
        _duplicates(figures),
        _requests(figures),
        _health(figures),
    ]
    title = f"newsbot report: {figures.sources.spider}"
    return render_page(title, _intro(figures, generated), sections)


def _articles_per_day(figures: Figures) -> Section:
    heading = "Articles per site per day"
    archive = figures.archive
    if archive is None or not archive.per_day:
        return Section(heading, "From the archive.", _no_archive(figures))
    explanation = (
        "Articles the runs shown exported, one per URL (its latest revision), by publication "
        f"date (UTC); {archive.undated} of {archive.articles} have none and are counted on "
        "the day they were fetched (fetched_at)."
    )
    return Section(heading, explanation, plots.articles_per_day(archive.per_day))


def _coverage(figures: Figures) -> Section:
    heading = "Field coverage per site"
    archive = figures.archive
    if archive is None or not archive.coverage:
        return Section(heading, "From the archive.", _no_archive(figures))
    explanation = (
        "Share of each site's exported rows (every revision) with at least one author, a "
        "publication date, a language and an image URL: a drop means a layout changed."
    )
    return Section(heading, explanation, plots.coverage(archive.coverage))


def _drops(figures: Figures) -> Section:
    heading = "Drops by reason"
    totals: Counter[str] = Counter()
    for run in figures.runs:
        totals.update(run.dropped)
    explanation = (
        f"Articles fetched but not exported, by reason, summed over the {len(figures.runs)} "
        "run summaries shown."
    )
    if not figures.runs:
        return Section(heading, explanation, _no_runs(figures))
    if not totals:
        return Section(heading, explanation, _note("No article was dropped in these runs."))
    return Section(heading, explanation, plots.drops(dict(totals)))


def _duplicates(figures: Figures) -> Section:
    heading = "Duplicates and near-duplicates"
    archive = figures.archive
    shared = archive.shared_story if archive else None
    reasons = sorted(
        {r for run in figures.runs for r in run.dropped if r.startswith(_DUPLICATE_PREFIXES)}
    )
    explanation = (
        "Per run, articles dropped as a copy of one already exported (duplicate_url: the same "
        "URL; duplicate_body: the same text; near_duplicate: nearly the same text); beside "
        "them, per site, archived articles sharing their story_id with another (near-duplicates "
        "exported and linked)."
    )
    if not figures.runs and not shared:
        return Section(heading, explanation, _no_runs(figures))
    return Section(heading, explanation, plots.duplicates(figures.runs, reasons, shared))


def _requests(figures: Figures) -> Section:
    heading = "Requests per exported article"
    explanation = (
        "Requests each run sent (retries and robots.txt included) per article it exported: "
        "what an article costs the sites; a run that exported nothing shows all its requests "
        "in grey."
    )
    if not figures.runs:
        return Section(heading, explanation, _no_runs(figures))
    return Section(heading, explanation, plots.requests_per_article(figures.runs))


def _health(figures: Figures) -> Section:
    heading = "Site health per run"
    explanation = (
        "Each site's status in each run (ok; degraded: read with failures; empty: no article "
        "link; stale: nothing new for many runs; failed: nothing read), newest run first."
    )
    if not figures.runs:
        return Section(heading, explanation, _no_runs(figures))
    return Section(heading, explanation, f'<div class="scroll">{health_table(figures.runs)}</div>')


def _intro(figures: Figures, generated: datetime) -> str:
    sources = figures.sources
    sites = sorted(
        {site for run in figures.runs for site in run.site_status}
        | set(figures.archive.sites if figures.archive else [])
    )
    first, last = figures.run_ids[0], figures.run_ids[-1]
    facts = {
        "Runs shown": f"the latest {len(figures.run_ids)} of {figures.runs_found} "
        f"({first} to {last})",
        "Sites": ", ".join(sites) or "none",
        "Run summaries": f"{sources.runs_dir or 'none (NEWSBOT_RUNS_DIR is empty)'} "
        f"({len(figures.runs)} of the runs shown)",
        "Archive": ", ".join(str(f) for f in sources.archive_folders) or "none",
        "Generated": f"{generated:%Y-%m-%d %H:%M} UTC",
    }
    rows = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in facts.items())
    return f'<dl class="sources">{rows}</dl>'


def _no_archive(figures: Figures) -> str:
    folders = ", ".join(str(f) for f in figures.sources.archive_folders) or "no folder"
    return _note(f"None of the runs shown published a file in {folders}.")


def _no_runs(figures: Figures) -> str:
    return _note(f"No run summary of the runs shown in {figures.sources.runs_dir or 'any folder'}.")


def _note(text: str) -> str:
    return f'<p class="note">{escape(text)}</p>'
