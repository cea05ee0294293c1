"""Extraction quality and speed, newsbot beside its peers, on the shared corpora.

    python -m benchmarks.extraction ../shared/corpus/article-extraction-benchmark \
        ../shared/corpus/fundus-publishers [--only newsbot,trafilatura] [--worst 10]

Prints, per suite and extractor: body precision/recall/F1 (the article-extraction-benchmark's
shingle metric), field accuracy where the suite has the truth (title exact, author set exact,
publishing date on the same day and, where both give a time, the same minute; language; tag
set exact), and
median / p90 milliseconds per page, all measured in this one run. Then newsbot's worst pages
with the reason, and labels that look wrong.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass
from datetime import UTC, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks import title_misses
from benchmarks.corpora import Page, load_suite
from benchmarks.extractors import Extractor, Prediction, available_extractors
from benchmarks.shingles import Match, Score, match, score
from newsbot.dates import parse_datetime
from newsbot.text import clean_text

if TYPE_CHECKING:
    from collections.abc import Sequence

FIELDS = ("title", "authors", "date", "date_day", "language", "tags")
_SAME_INSTANT = timedelta(minutes=1)
# Marks labels written without an offset (parse_datetime attaches it to naive values).
_NAIVE = timezone(timedelta(0), "naive")


@dataclass(frozen=True)
class PageResult:
    """One extractor on one page: its output, its time, and how it scored."""

    page: Page
    prediction: Prediction
    ms: float
    body: Match
    fields: dict[str, bool | None]  # None: the suite or the extractor has no value to judge


@dataclass(frozen=True)
class SuiteReport:
    """One extractor over one suite."""

    suite: str
    extractor: str
    results: list[PageResult]

    @property
    def body(self) -> Score:
        return score([r.body for r in self.results])

    def accuracy(self, name: str) -> float | None:
        judged = [r.fields[name] for r in self.results if r.fields.get(name) is not None]
        return sum(map(bool, judged)) / len(judged) if judged else None

    def ms(self, quantile: float) -> float:
        times = sorted(r.ms for r in self.results)
        return times[min(len(times) - 1, int(quantile * len(times)))]


def run_suite(suite: str, pages: list[Page], name: str, extractor: Extractor) -> SuiteReport:
    """Extract every page once, timing each call."""
    results = []
    for page in pages:
        started = time.perf_counter()
        prediction = extractor(page.html, page.url)
        elapsed = (time.perf_counter() - started) * 1000
        results.append(
            PageResult(
                page,
                prediction,
                elapsed,
                match(page.body, prediction.body),
                judge_fields(page, prediction),
            )
        )
    return SuiteReport(suite, name, results)


def judge_fields(page: Page, prediction: Prediction) -> dict[str, bool | None]:
    """Which fields the prediction got right, by the rules in the module docstring."""
    day, instant = judge_date(page.published, prediction.published)
    return {
        "title": _equal_text(page.title, prediction.title),
        "authors": _equal_set(page.authors, prediction.authors),
        "date": instant,
        "date_day": day,
        "language": _equal_language(page.language, prediction.language),
        "tags": _equal_set(page.tags, prediction.tags),
    }


def _equal_text(want: str | None, got: str | None) -> bool | None:
    if want is None:
        return None
    return clean_text(want) == clean_text(got or "")


def _equal_set(want: tuple[str, ...] | None, got: tuple[str, ...] | None) -> bool | None:
    """The same names, in any order (authors, tags)."""
    if want is None or got is None:
        return None if want is None else False
    return {clean_text(a) for a in want} == {clean_text(a) for a in got}


def _equal_language(want: str | None, got: str | None) -> bool | None:
    if not want:
        return None
    return (got or "")[:2].lower() == want[:2].lower()


def judge_date(want: str | None, got: str | None) -> tuple[bool | None, bool | None]:
    """(same day in the label's own offset, same day and - where both have a time - minute).

    A label without an offset names a wall-clock time in an unknown zone: the prediction is
    on the same day if that day is its date in some zone (UTC-12 to UTC+14), and such a
    label has no instant to compare.
    """
    expected = parse_datetime(want, default_tz=_NAIVE)
    if expected is None:
        return None, None
    predicted = parse_datetime(got)
    if predicted is None:
        return False, False
    if expected.tzinfo is _NAIVE:
        utc = predicted.astimezone(UTC)
        same_day = expected.date() in {(utc + timedelta(hours=h)).date() for h in (-12, 0, 14)}
        return same_day, same_day
    same_day = predicted.astimezone(expected.tzinfo).date() == expected.date()
    both_timed = _has_time(expected) and _has_time(predicted)
    same_instant = abs(predicted - expected) < _SAME_INSTANT if both_timed else same_day
    return same_day, same_day and same_instant


def _has_time(value: object) -> bool:
    return any(getattr(value, part) for part in ("hour", "minute", "second"))


def suspect_labels(pages: list[Page]) -> list[Page]:
    """Pages whose labelled publishing date lies after the crawl (e.g. day and month swapped)."""
    suspects = []
    for page in pages:
        published, crawled = parse_datetime(page.published), parse_datetime(page.crawled)
        if published and crawled and published > crawled + timedelta(days=1):
            suspects.append(page)
    return suspects


def print_table(reports: list[SuiteReport]) -> None:
    header = f"{'extractor':<18}{'P':>7}{'R':>7}{'F1':>7}"
    header += "".join(f"{f:>10}" for f in FIELDS) + f"{'ms p50':>9}{'ms p90':>9}"
    print(header)
    for report in reports:
        body = report.body
        line = f"{report.extractor:<18}{body.precision:7.3f}{body.recall:7.3f}{body.f1:7.3f}"
        for name in FIELDS:
            value = report.accuracy(name)
            line += f"{value:10.3f}" if value is not None else f"{'':>10}"
        print(line + f"{report.ms(0.5):9.1f}{report.ms(0.9):9.1f}")


def print_worst(report: SuiteReport, count: int) -> None:
    print(f"\nnewsbot's {count} weakest bodies ({report.suite}):")
    for result in sorted(report.results, key=lambda r: r.body.f1)[:count]:
        body = result.body
        why = "kept extra text" if body.precision < body.recall else "missed article text"
        if not result.prediction.body:
            why = "no body at all"
        print(
            f"  F1 {body.f1:.2f} (P {body.precision:.2f} R {body.recall:.2f}) {why}: "
            f"{result.page.key}"
        )
    for name in ("title", "authors", "date"):
        wrong = [r for r in report.results if r.fields.get(name) is False]
        if wrong:
            print(f"  {name} wrong on {len(wrong)} pages, e.g.:")
        for result in wrong[:count]:
            want, got = _field_values(result, name)
            print(f"    {result.page.key}: want {want!r}, got {got!r}")
        if name == "title" and wrong:
            judged = sum(r.fields.get(name) is not None for r in report.results)
            print_title_misses(wrong, judged)


def print_title_misses(wrong: list[PageResult], judged: int) -> None:
    """Every title miss with its kind: the labels that name a different title than the page
    prints are told apart from real misses (see ``benchmarks.title_misses``), and the title
    accuracy on the pages whose label is the printed headline."""
    explained = [(r.page.key, *title_misses.explain(r.page, r.prediction.title)) for r in wrong]
    kinds = [kind for _, kind, _ in explained]
    print(f"  title misses by kind: {title_misses.summary(kinds)}")
    right, printed = title_misses.on_printed_headlines(judged, kinds)
    print(
        f"  title exact on the {printed} pages whose label is the printed headline: "
        f"{right}/{printed} = {right / printed:.3f}"
    )
    for key, kind, detail in sorted(explained, key=lambda miss: miss[1]):
        print(f"    {key}: {kind}{f' ({detail})' if detail else ''}")


def _field_values(result: PageResult, name: str) -> tuple[object, object]:
    page, prediction = result.page, result.prediction
    if name == "title":
        return page.title, prediction.title
    if name == "authors":
        return page.authors, prediction.authors
    return page.published, prediction.published


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path, help="corpus folders")
    parser.add_argument("--only", help="comma-separated extractor names")
    parser.add_argument("--worst", type=int, default=8, help="weakest pages listed")
    args = parser.parse_args(argv)
    extractors = available_extractors(args.only.split(",") if args.only else None)
    for folder in args.folders:
        suite, pages = load_suite(folder)
        print(f"\n== {suite}: {len(pages)} pages from {folder}")
        reports = [run_suite(suite, pages, name, fn) for name, fn in extractors.items()]
        print_table(reports)
        print_worst(reports[0], args.worst)
        suspects = suspect_labels(pages)
        if suspects:
            print(
                f"\n  labels that look wrong (published after the crawl): "
                f"{', '.join(p.key for p in suspects)}"
            )


if __name__ == "__main__":
    main()
