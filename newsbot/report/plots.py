"""The report's plots: matplotlib figures rendered as SVG text to inline in the page.

Figures are made with ``matplotlib.figure.Figure``, not pyplot: no backend is chosen, no
window can open (cron has no display) and nothing global keeps them alive. Text stays text
(``svg.fonttype: none``), so the page is searchable and the browser draws it with its own
fonts; nothing is fetched.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

import matplotlib as mpl
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator, PercentFormatter

from newsbot.report.articles import COVERED_FIELDS

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from matplotlib.axes import Axes
    from matplotlib.typing import ColorType, RcKeyType

    from newsbot.report.articles import Coverage, DayCount
    from newsbot.report.summaries import RunSummary

_STYLE: dict[RcKeyType, Any] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "newsbot-report",  # the same figures give the same SVG ids, run after run
    "font.family": "sans-serif",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,
    "grid.color": "#e5e5e5",
    "date.converter": "concise",  # day axes labelled "22 … Nov … 08", the year once
}
_WIDTH = 8.0  # inches; the page scales the SVG down to its column
_PALETTE = mpl.color_sequences["tab10"]
_NO_EXPORT = "#bbbbbb"
# No <metadata> block (creator, date, licence links): the page says when it was made.
_NO_METADATA = dict.fromkeys(("Creator", "Date", "Format", "Type"))


def render(draw: Callable[[Figure], None], height: float) -> str:
    """The figure ``draw`` makes, as an ``<svg>`` element (no XML prologue)."""
    with mpl.rc_context(_STYLE):
        figure = Figure(figsize=(_WIDTH, height), layout="constrained")
        draw(figure)
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata=_NO_METADATA)
    text = out.getvalue()
    return text[text.index("<svg") :]


def articles_per_day(per_day: Sequence[DayCount]) -> str:
    """Stacked bars: each UTC day's articles, one colour per site."""
    sites = sorted({d.site for d in per_day})
    days = sorted({d.day for d in per_day})
    counts = {(d.site, d.day): d.articles for d in per_day}

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        _stacked(ax, days, {site: [counts.get((site, day), 0) for day in days] for site in sites})
        _count_axis(ax, "articles")

    return render(draw, 3.2)


def coverage(rows: Sequence[Coverage]) -> str:
    """Grouped horizontal bars: per site, the share of rows with each covered field."""
    fields = list(COVERED_FIELDS)
    step = 0.8 / len(fields)

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        for index, name in enumerate(fields):
            positions = [row + index * step for row in range(len(rows))]
            shares = [c.shares[name] * 100 for c in rows]
            bars = ax.barh(positions, shares, height=step, label=name, color=_colour(index))
            ax.bar_label(bars, fmt="%.0f%%", padding=2, fontsize=7)
        ax.set_yticks([row + 0.4 - step / 2 for row in range(len(rows))], [c.site for c in rows])
        ax.invert_yaxis()
        ax.set_xlim(0, 110)
        ax.xaxis.set_major_formatter(PercentFormatter())
        ax.set_xlabel("share of the site's rows")
        _legend_above(ax)

    return render(draw, 1.0 + 0.9 * len(rows))


def drops(totals: dict[str, int]) -> str:
    """Horizontal bars: articles dropped per reason, most first."""
    reasons = sorted(totals, key=lambda reason: (-totals[reason], reason))

    def draw(figure: Figure) -> None:
        _count_bars(figure.subplots(), {r: totals[r] for r in reasons}, "articles dropped", 3)

    return render(draw, 0.9 + 0.3 * len(reasons))


def duplicates(
    runs: Sequence[RunSummary], reasons: Sequence[str], shared_story: dict[str, int] | None
) -> str:
    """Duplicate drops per run, stacked by reason (with runs); beside them, per site, the
    articles whose story another article shares (with an archive)."""

    def draw(figure: Figure) -> None:
        ratios = [3] * bool(runs) + [1] * bool(shared_story)
        axes = list(figure.subplots(1, len(ratios), width_ratios=ratios, squeeze=False)[0])
        if runs:
            _duplicate_drops(axes.pop(0), runs, reasons)
        if shared_story:
            shared = {site: shared_story[site] for site in sorted(shared_story)}
            _count_bars(axes.pop(0), shared, "articles sharing a story_id", 4)

    return render(draw, 3.4)


def _duplicate_drops(ax: Axes, runs: Sequence[RunSummary], reasons: Sequence[str]) -> None:
    _stacked(ax, range(len(runs)), {r: [run.dropped.get(r, 0) for run in runs] for r in reasons})
    _run_axis(ax, runs)
    _count_axis(ax, "articles dropped")


def requests_per_article(runs: Sequence[RunSummary]) -> str:
    """Bars per run: requests sent per article exported; a run that exported nothing shows
    all its requests, in grey."""

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        heights = [run.requests / (run.items_exported or 1) for run in runs]
        colours = [_colour(0) if run.items_exported else _NO_EXPORT for run in runs]
        ax.bar(range(len(runs)), heights, color=colours)
        _run_axis(ax, runs)
        ax.set_ylabel("requests per exported article")
        if not all(run.items_exported for run in runs):
            grey = Patch(color=_NO_EXPORT, label="nothing exported: all its requests")
            _legend_above(ax, handles=[grey])

    return render(draw, 3.4)


def _count_bars(ax: Axes, counts: dict[str, int], label: str, colour: int) -> None:
    """One labelled horizontal bar per key, top to bottom in the order given."""
    bars = ax.barh(list(counts), list(counts.values()), color=_colour(colour))
    ax.bar_label(bars, padding=2, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, max(1, *counts.values()) * 1.15)  # room for the labels; all-zero counts too
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(label)


def _stacked(ax: Axes, positions: Sequence[Any], series: dict[str, list[int]]) -> None:
    """One bar per position, stacked by series (one colour each), with their legend."""
    bottom = [0] * len(positions)
    for index, (label, heights) in enumerate(series.items()):
        ax.bar(positions, heights, bottom=bottom, width=0.8, label=label, color=_colour(index))
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    if series:
        _legend_above(ax)


def _legend_above(ax: Axes, **options: Any) -> None:
    """A legend in one row above the axes, where it hides no bar."""
    ax.legend(
        loc="lower left", bbox_to_anchor=(0, 1), ncols=5, fontsize=8, frameon=False, **options
    )


def _run_axis(ax: Axes, runs: Sequence[RunSummary]) -> None:
    ax.set_xticks(range(len(runs)), [run.label for run in runs], rotation=90)
    ax.set_xlabel("run (UTC start)")


def _count_axis(ax: Axes, label: str) -> None:
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(label)


def _colour(index: int) -> ColorType:
    return _PALETTE[index % len(_PALETTE)]
