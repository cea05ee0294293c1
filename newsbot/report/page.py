"""The report's HTML page: sections in order, one inline stylesheet, no script, nothing
fetched (plots are inline SVG); written atomically."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path


@dataclass(frozen=True)
class Section:
    """One heading, the sentence that says what is shown and how to read it, and the plot,
    table or note (HTML)."""

    heading: str
    explanation: str
    body: str


# System fonts only: a web font would be a request, and the page must open offline.
_STYLE = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
       color: #1d1d1f; background: #fff; margin: 0 auto; max-width: 62rem; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.2rem; margin: 2.2rem 0 0.2rem; border-top: 1px solid #ddd; padding-top: 1rem; }
p.explanation { color: #555; margin: 0 0 0.8rem; }
p.note { font-style: italic; color: #777; }
dl.sources { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; }
dl.sources dt { color: #555; } dl.sources dd { margin: 0; font-family: ui-monospace, monospace; }
svg { width: 100%; height: auto; display: block; }
.scroll { overflow-x: auto; }
table.health { border-collapse: collapse; font-size: 0.85rem; }
table.health th, table.health td { border: 1px solid #ddd; padding: 0.2rem 0.5rem; }
table.health thead th { background: #f4f4f4; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
td.absent { color: #aaa; text-align: center; }
.status-ok { background: #d8f0d8; }
.status-degraded, .status-stale, .status-empty, .status-sites_failed { background: #fbe8b8; }
.status-failed, .status-crawl_failed, .status-export_failed { background: #f6c6c6; }
.status-running, .status-interrupted, .status-unknown { background: #e6e6e6; }
"""


def render_page(title: str, intro: str, sections: Sequence[Section]) -> str:
    """The whole page; ``intro`` and each section's body are HTML, the rest is text."""
    parts = [
        f"<section><h2>{escape(s.heading)}</h2>"
        f'<p class="explanation">{escape(s.explanation)}</p>{s.body}</section>'
        for s in sections
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body><h1>{escape(title)}</h1>{intro}{''.join(parts)}</body></html>\n"
    )


def write_atomically(path: Path, text: str) -> None:
    """Write beside ``path``, then rename over it: a browser or a web server never meets half
    a page, and a failed write leaves the previous report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
