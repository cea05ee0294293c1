"""Extraction quality and speed, newsbot beside its peers, on the shared corpora.

    python -m benchmarks.extraction ../shared/corpus/article-extraction-benchmark \
        ../shared/corpus/fundus-publishers [--only newsbot,trafilatura] [--worst 10] [--folds 5]

Prints, per suite and extractor: body precision/recall/F1 (the article-extraction-benchmark's
shingle metric), field accuracy where the suite has the truth (judged as
``benchmarks.judging`` says; "headline" is the title on the pages whose label is the headline
the page prints), median / p90 milliseconds per page, all measured in this one run, and the
pages the extractor crashed on. Then newsbot's worst pages with the reason, and labels that
look wrong. ``--folds k`` prints newsbot cross-publisher beside newsbot as developed instead
(see ``benchmarks.folds``).

Every figure in a column is over the same pages for every extractor, the pages with a label
for it: a page an extractor crashes on or finds nothing on scores 0 there. (The published
benchmark averages body precision over the pages an extractor predicted something on only,
which rewards giving up on hard pages.) A field an extractor never gives is "n/a" in its row,
not wrong.
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks import rule_firing, title_misses
from benchmarks.corpora import Page, load_suite
from benchmarks.extractors import FIELDS as GIVEN
from benchmarks.extractors import Extractor, Prediction, available_extractors, newsbot
from benchmarks.folds import fired_on, only_rules_justified_without, publishers_of, split
from benchmarks.judging import FIELDS, SOURCES, judge_fields, suspect_labels
from benchmarks.shingles import Match, Score, match
from newsbot.rules import vocabularies

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

    from newsbot.rules import Rule, Vocabulary


@dataclass(frozen=True)
class PageResult:
    """One extractor on one page: its output (empty if it crashed), its time, how it scored."""

    page: Page
    prediction: Prediction
    ms: float
    body: Match
    fields: dict[str, bool | None]  # None: the page has no label to judge the field by
    error: str | None = None


@dataclass(frozen=True)
class SuiteReport:
    """One extractor over one suite."""

    suite: str
    extractor: str
    results: list[PageResult]
    gives: frozenset[str] = frozenset(GIVEN)

    @property
    def labelled_bodies(self) -> list[Match]:
        """The body matches of the pages with a true body (the same pages for every extractor)."""
        return [r.body for r in self.results if r.body.tp + r.body.fn > 0]

    @property
    def body(self) -> Score:
        """Precision and recall averaged over the pages with a true body, all of them."""
        labelled = self.labelled_bodies
        if not labelled:
            return Score(0.0, 0.0)
        return Score(
            statistics.mean(m.precision for m in labelled),
            statistics.mean(m.recall for m in labelled),
        )

    def gives_field(self, name: str) -> bool:
        """Whether the extractor gives the Prediction field column ``name`` judges at all."""
        return SOURCES[name] in self.gives

    def judged(self, name: str) -> int:
        """The pages with a label for column ``name`` (the same for every extractor)."""
        return sum(r.fields.get(name) is not None for r in self.results)

    def accuracy(self, name: str) -> float | None:
        """Share right over the labelled pages; None where no page has a label, or the
        extractor does not give the field (n/a)."""
        judged = [r.fields[name] for r in self.results if r.fields.get(name) is not None]
        if not judged or not self.gives_field(name):
            return None
        return sum(map(bool, judged)) / len(judged)

    @property
    def errors(self) -> int:
        return sum(r.error is not None for r in self.results)

    def ms(self, quantile: float) -> float:
        times = sorted(r.ms for r in self.results)
        return times[min(len(times) - 1, int(quantile * len(times)))]


def printed_headlines(pages: Sequence[Page]) -> frozenset[str]:
    """Keys of the pages whose title label is the headline the page prints."""
    return frozenset(p.key for p in pages if title_misses.label_is_printed(p))


def run_suite(
    suite: str,
    pages: Sequence[Page],
    name: str,
    extractor: Extractor,
    printed: Collection[str] | None = None,
) -> SuiteReport:
    """Extract every page once, timing each call; ``printed``: the keys of the pages whose
    label is the printed headline (worked out from ``pages`` when not given)."""
    if printed is None:
        printed = printed_headlines(pages)
    results = [_run_page(page, extractor, page.key in printed) for page in pages]
    return SuiteReport(suite, name, results, extractor.gives)


def _run_page(page: Page, extractor: Extractor, printed: bool) -> PageResult:
    started = time.perf_counter()
    prediction, error = safe_extract(extractor, page)
    elapsed = (time.perf_counter() - started) * 1000
    fields = judge_fields(page, prediction, printed=printed, crashed=error is not None)
    return PageResult(page, prediction, elapsed, match(page.body, prediction.body), fields, error)


def safe_extract(extractor: Extractor, page: Page) -> tuple[Prediction, str | None]:
    """The extractor's prediction, or an empty one and why, when it raises: a peer's crash
    on one page scores 0 on that page, it neither ends the run nor leaves the denominator."""
    try:
        return extractor(page.html, page.url), None
    except Exception as error:  # any crash of any extractor is scored alike
        return Prediction(""), f"{type(error).__name__}: {error}"


def rule_publishers(
    pages: Sequence[Page], read: Callable[[Page], object] = rule_firing.apply_rules
) -> dict[Rule, set[str]]:
    """The publishers each vocabulary rule fires on when ``read`` reads ``pages`` (those of
    every suite measured: a rule is justified by any page of the corpus). By default, read as
    ``benchmarks.rule_firing`` reads them, which writes the provenance the rules carry."""
    by_ref = {page.ref: page for page in pages}
    fired = fired_on(((page.ref, page.publisher) for page in pages), lambda ref: read(by_ref[ref]))
    return publishers_of(fired, {page.ref: page.publisher for page in pages})


@dataclass(frozen=True)
class CrossPublisher:
    """newsbot on one suite, each page measured with the rules its fold does not justify off."""

    report: SuiteReport
    folds: list[frozenset[str]]  # the publishers of each fold
    switched_off: list[list[Rule]]  # the rules switched off while measuring each fold


def cross_publisher(
    suite: str,
    pages: Sequence[Page],
    rules: Mapping[Rule, set[str]],
    k: int,
    printed: Collection[str] | None = None,
    extractor: Extractor = newsbot,
    among: Iterable[Vocabulary] | None = rule_firing.EXTRACTION_VOCABULARIES,
) -> CrossPublisher:
    """Split the suite's publishers into ``k`` folds and run ``extractor`` on each fold's pages
    with only the rules (of the vocabularies ``among``; all when None) justified without that
    fold (``rules``: from ``rule_publishers``)."""
    folds = split((page.publisher for page in pages), k)
    results: dict[str, PageResult] = {}
    switched_off = []
    for fold in folds:
        held_out = [page for page in pages if page.publisher in fold]
        with only_rules_justified_without(rules, fold, among) as off:
            results.update(
                (r.page.key, r) for r in run_suite(suite, held_out, "", extractor, printed).results
            )
        switched_off.append(off)
    in_page_order = [results[page.key] for page in pages]
    report = SuiteReport(suite, "newsbot (cross-publisher)", in_page_order, extractor.gives)
    return CrossPublisher(report, folds, switched_off)


def print_folds(crossed: CrossPublisher, rules: Mapping[Rule, set[str]]) -> None:
    defined = sum(len(vocabulary.rules) for vocabulary in vocabularies())
    print(f"\n  {defined} vocabulary rules, {len(rules)} fired on the pages measured; per fold:")
    pages = crossed.report.results
    for number, (fold, off) in enumerate(zip(crossed.folds, crossed.switched_off, strict=True)):
        count = sum(result.page.publisher in fold for result in pages)
        print(f"  fold {number + 1}: {len(fold)} publishers, {count} pages, {len(off)} rules off")


def print_table(reports: Sequence[SuiteReport]) -> None:
    """One row per report; under the header, the labelled pages each column is over."""
    width = max(18, *(len(r.extractor) + 2 for r in reports))
    header = f"{'extractor':<{width}}{'P':>7}{'R':>7}{'F1':>7}"
    header += "".join(f"{f:>10}" for f in FIELDS) + f"{'ms p50':>9}{'ms p90':>9}{'crashes':>9}"
    print(header)
    pages = f"{'(labelled pages)':<{width}}{_same_for_all(reports, _body_pages):>21}"
    print(pages + "".join(f"{_same_for_all(reports, _column(f)):>10}" for f in FIELDS))
    for report in reports:
        body = report.body
        line = f"{report.extractor:<{width}}{body.precision:7.3f}{body.recall:7.3f}{body.f1:7.3f}"
        line += "".join(f"{_cell(report, name):>10}" for name in FIELDS)
        print(line + f"{report.ms(0.5):9.1f}{report.ms(0.9):9.1f}{report.errors:9}")


def _body_pages(report: SuiteReport) -> int:
    return len(report.labelled_bodies)


def _column(name: str) -> Callable[[SuiteReport], int]:
    return lambda report: report.judged(name)


def _same_for_all(reports: Sequence[SuiteReport], count: Callable[[SuiteReport], int]) -> int:
    """The one denominator of a column: a report that differs would make its row unfair."""
    counts = {report.extractor: count(report) for report in reports}
    if len(set(counts.values())) > 1:
        raise AssertionError(f"rows over different pages: {counts}")
    return next(iter(counts.values()), 0)


def _cell(report: SuiteReport, name: str) -> str:
    if not report.gives_field(name):
        return "n/a"
    value = report.accuracy(name)
    return "" if value is None else f"{value:.3f}"


def print_worst(report: SuiteReport, count: int) -> None:
    print(f"\nnewsbot's {count} weakest bodies ({report.suite}):")
    for result in sorted(report.results, key=lambda r: r.body.f1)[:count]:
        body = result.body
        why = "kept extra text" if body.precision < body.recall else "missed article text"
        if not result.prediction.body:
            why = result.error or "no body at all"
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
            print_title_misses(wrong)


def print_title_misses(wrong: list[PageResult]) -> None:
    """Every title miss with its kind: the labels that name a different title than the page
    prints are told apart from real misses (see ``benchmarks.title_misses``)."""
    explained = [(r.page.key, *title_misses.explain(r.page, r.prediction.title)) for r in wrong]
    print(f"  title misses by kind: {title_misses.summary([kind for _, kind, _ in explained])}")
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
    parser.add_argument(
        "--folds", type=int, default=0, help="measure newsbot cross-publisher in this many folds"
    )
    args = parser.parse_args(argv)
    extractors = available_extractors(args.only.split(",") if args.only else None)
    if args.folds and "newsbot" not in extractors:
        parser.error("--folds measures newsbot: keep it in --only")
    suites = [(folder, *load_suite(folder)) for folder in args.folders]
    rules = rule_publishers([p for _, _, pages in suites for p in pages]) if args.folds else None
    for folder, suite, pages in suites:
        print(f"\n== {suite}: {len(pages)} pages from {folder}")
        printed = printed_headlines(pages)
        reports = [run_suite(suite, pages, n, fn, printed) for n, fn in extractors.items()]
        if rules is None:
            print_table(reports)
            print_worst(reports[0], args.worst)
            print_suspects(pages)
        else:
            crossed = cross_publisher(suite, pages, rules, args.folds, printed)
            print_table(
                [replace(reports[0], extractor="newsbot (dev)"), crossed.report, *reports[1:]]
            )
            print_folds(crossed, rules)


def print_suspects(pages: list[Page]) -> None:
    suspects = suspect_labels(pages)
    if suspects:
        print(
            f"\n  labels that look wrong (published after the crawl): "
            f"{', '.join(p.key for p in suspects)}"
        )


if __name__ == "__main__":
    main()
