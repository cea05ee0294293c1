"""The report's HTML tables: per-site health over the runs (one row a run, newest first)."""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from newsbot.report.summaries import RunSummary

_NOT_A_CLASS = re.compile(r"[^a-z_]")


def health_table(runs: Sequence[RunSummary]) -> str:
    """Each run's status, exports and requests, and each site's status in it ("—": the site
    was not crawled in that run)."""
    sites = sorted({site for run in runs for site in run.site_status})
    head = ["run (UTC start)", "run status", "exported", "requests", *sites]
    rows = [_row(run, sites) for run in reversed(runs)]
    header = "".join(f'<th scope="col">{escape(cell)}</th>' for cell in head)
    return (
        f'<table class="health"><thead><tr>{header}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _row(run: RunSummary, sites: list[str]) -> str:
    cells = [
        f'<th scope="row" title="{escape(run.run_id)}">{escape(run.label)}</th>',
        _status(run.status),
        f'<td class="number">{run.items_exported}</td>',
        f'<td class="number">{run.requests}</td>',
        *(_status(run.site_status.get(site)) for site in sites),
    ]
    return f"<tr>{''.join(cells)}</tr>"


def _status(status: str | None) -> str:
    if status is None:
        return '<td class="absent">—</td>'
    css = _NOT_A_CLASS.sub("", status.lower())
    return f'<td class="status status-{css}">{escape(status)}</td>'
