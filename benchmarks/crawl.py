"""A whole crawl's time and memory: the demo site day 1 and day 2, or real pages against a
reference crawler.

    python -m benchmarks.crawl [--rounds 3]
    python -m benchmarks.crawl --corpus [--tiny] [--from-demo] [--rounds 2] [--articles 3000]
    python -m benchmarks.crawl --corpus --long 20000

Every crawl runs as cron runs it, in a fresh process, timed from start to exit, its peak memory
(max RSS) its own. Default: ``scrapy demo`` on day 1, then day 2 against day 1's state, to show
what an incremental run costs next to a first one; the figures per round are wall time,
requests and articles (from the run summary), requests per second and peak memory.

``--corpus`` serves the publishers of ../shared/corpus on loopback (benchmarks/corpus_site.py;
``--tiny``: two of them; ``--from-demo``: newsbot's demo pages, for machines without the
corpus) and, each round, runs ``scrapy crawl asia_pacific`` over them with delays lifted, then
the reference (benchmarks/reference_crawl.py: Scrapy with trafilatura in the callback) on the
pages newsbot fetched, on its article pages only, and fetching those only. Pages and articles
are counted by the server (robots.txt not included), the same way for every crawl. Each prints
the CPU seconds of all the crawl's processes and of its own (the reactor's). ``--articles N``
adds N article URLs to the sites' sitemaps (real article pages again, under new URLs), for
rounds that last minutes: start-up then weighs nothing on either side.

``--long N`` runs newsbot once over the same sites with N more article URLs in their sitemaps,
and prints the memory of all its processes by tenth of the run: flat, or growing with pages.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks.corpora import CORPUS_ROOT
from benchmarks.corpus_site import LONG_SITEMAP, corpus_content, demo_content, serve_corpus_site
from benchmarks.measuring import Measured, measure
from benchmarks.reference_crawl import SPEED_SETTINGS
from newsbot.runs import ExitCode
from newsbot.timing import STAGES

if TYPE_CHECKING:
    from collections.abc import Sequence

    from benchmarks.corpus_site import CorpusSite, Hit, LocalSite, SiteContent

NEWSBOT = "newsbot: scrapy crawl"
SAME_PAGES = "trafilatura, newsbot's pages"
# Reference crawls: mode of benchmarks.reference_crawl, and whether it gets only article pages.
REFERENCES = {
    SAME_PAGES: ("trafilatura", False),
    "trafilatura, article URLs": ("trafilatura", True),
    "fetch only, article URLs": ("fetch", True),
}
# A run whose sites are not all healthy (some exported nothing) still measured a whole crawl.
_MEASURED_EXITS = {ExitCode.OK, ExitCode.SITES_FAILED}


@dataclass(frozen=True)
class CrawlFigures:
    """One demo crawl, measured."""

    seconds: float
    requests: int
    articles: int
    peak_mb: float


def crawl(folder: Path, day: int) -> CrawlFigures:
    """``scrapy demo`` for ``day``, its state and files in ``folder``."""
    args = [
        sys.executable, "-m", "scrapy", "demo",
        "-s", f"NEWSBOT_DEMO_DAY={day}",
        "-s", f"NEWSBOT_STATE_PATH={folder / 'state.sqlite3'}",
        "-s", f"NEWSBOT_RUNS_DIR={folder / 'runs'}",
        "-O", str(folder / f"day{day}.jsonl"),
    ]  # fmt: skip
    run = measure(args, folder / f"day{day}.log")
    if run.exit_code != 0:
        raise SystemExit(f"scrapy demo (day {day}) exited with {run.exit_code}")
    summary = summary_of(folder / "runs")
    return CrawlFigures(run.seconds, summary["requests"], summary["items_exported"], run.peak_mb)


def demo_benchmark(rounds: int) -> None:
    """Day 1 and day 2 of the demo site, ``rounds`` times, one line a crawl."""
    print(f"{'round':<7}{'day':>4}{'seconds':>9}{'requests':>10}{'articles':>10}"
          f"{'req/s':>8}{'peak MB':>9}")  # fmt: skip
    for number in range(1, rounds + 1):
        with tempfile.TemporaryDirectory() as folder:
            for day in (1, 2):
                figures = crawl(Path(folder), day)
                rate = figures.requests / figures.seconds
                print(
                    f"{number:<7}{day:>4}{figures.seconds:9.2f}{figures.requests:10d}"
                    f"{figures.articles:10d}{rate:8.1f}{figures.peak_mb:9.0f}"
                )


@dataclass(frozen=True)
class Row:
    """One crawl of the corpus benchmark, as the server and the crawl saw it."""

    mode: str
    run: Measured
    pages: int
    articles: int
    out: int | None  # newsbot: articles exported; trafilatura: pages it extracted

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.run.seconds

    def line(self, number: int) -> str:
        out = "—" if self.out is None else str(self.out)
        return (
            f"{number:<6}{self.mode:<32}{self.pages:>6}{self.pages_per_second:>9.1f}"
            f"{self.articles:>9}{self.articles / self.run.seconds:>11.1f}{out:>6}"
            f"{self.run.peak_mb:>9.0f}{self.run.tree_mb:>9.0f}{self.run.seconds:>9.1f}"
            f"{self.run.cpu_s:>7.1f}{self.run.main_cpu_s:>7.1f}"
        )


HEADER = (
    f"{'round':<6}{'mode':<32}{'pages':>6}{'pages/s':>9}{'articles':>9}{'articles/s':>11}"
    f"{'out':>6}{'peak MB':>9}{'tree MB':>9}{'seconds':>9}{'cpu s':>7}{'main':>7}"
)


def newsbot_crawl(
    site: CorpusSite, folder: Path, **extra: object
) -> tuple[Row, dict[str, Any], list[Hit]]:
    """``scrapy crawl asia_pacific`` over the local sites, declared in site files as a user
    declares them; fresh state and files in ``folder``; ``extra`` settings."""
    run = measure(newsbot_args(site, folder, **extra), folder / "newsbot.log")
    if run.exit_code not in _MEASURED_EXITS:
        raise SystemExit(f"newsbot exited with {run.exit_code}: see {folder / 'newsbot.log'}")
    summary, hits = summary_of(folder / "runs"), site.log.take()
    return _row(NEWSBOT, run, hits, summary["items_exported"]), summary, hits


def newsbot_args(site: CorpusSite, folder: Path, **extra: object) -> list[str]:
    """The ``scrapy crawl asia_pacific`` command over the local sites, declared in site files
    under ``folder`` as a user declares them, its state, summaries and files there too."""
    sites = folder / "sites"
    sites.mkdir(parents=True)
    for local in site.sites:
        (sites / f"{local.key}.toml").write_text(_declaration(local), encoding="utf-8")
    settings = {
        **SPEED_SETTINGS,
        "NEWSBOT_SITES_PATH": sites,
        "NEWSBOT_STATE_PATH": folder / "state.sqlite3",
        "NEWSBOT_RUNS_DIR": folder / "runs",
        **extra,
    }
    return [
        sys.executable, "-m", "scrapy", "crawl", "asia_pacific",
        "-a", f"sites={','.join(local.key for local in site.sites)}",
        *(arg for name, value in settings.items() for arg in ("-s", f"{name}={value}")),
        "-O", str(folder / "articles.jsonl"), "-O", str(folder / "articles.csv"),
    ]  # fmt: skip


def _declaration(local: LocalSite) -> str:
    # JSON strings and lists of them are TOML too.
    sitemaps = [local.origin + LONG_SITEMAP] if local.long_articles else []
    return (
        f"name = {json.dumps(local.publisher + ' (benchmark)')}\n"
        f"domains = {json.dumps([local.host])}\n"
        f'timezone = "UTC"\n\n[sections.asia_pacific]\npages = {json.dumps(local.section_urls)}\n'
        f"sitemaps = {json.dumps(sitemaps)}\n"
    )


def reference_crawl(
    name: str, mode: str, urls: list[str], folder: Path
) -> tuple[Measured, dict[str, Any]]:
    """The reference in ``mode`` over ``urls``; its URLs, log and result in ``folder``."""
    url_file, result = folder / f"{name}.txt", folder / f"{name}.json"
    url_file.write_text("\n".join(urls), encoding="utf-8")
    args = [sys.executable, "-m", "benchmarks.reference_crawl", mode, str(url_file), str(result)]
    run = measure(args, folder / f"{name}.log")
    if run.exit_code != 0:
        raise SystemExit(f"the reference exited with {run.exit_code}: see {folder}/{name}.log")
    return run, json.loads(result.read_text(encoding="utf-8"))


def corpus_round(site: CorpusSite, folder: Path) -> tuple[list[Row], dict[str, Any]]:
    """newsbot, then each reference on the pages newsbot fetched."""
    newsbot, summary, hits = newsbot_crawl(site, folder, **_sitemap_entries(site))
    pages = list(dict.fromkeys(hit.url for hit in hits if hit.served != "robots"))
    articles = list(dict.fromkeys(hit.url for hit in hits if hit.served == "article"))
    rows = [newsbot]
    for number, (label, (mode, articles_only)) in enumerate(REFERENCES.items()):
        urls = articles if articles_only else pages
        run, result = reference_crawl(f"reference-{number}", mode, urls, folder)
        extracted = result["extracted"] if mode == "trafilatura" else None
        rows.append(_row(label, run, site.log.take(), extracted))
    return rows, summary


def _row(mode: str, run: Measured, hits: list[Hit], out: int | None) -> Row:
    pages = sum(hit.served != "robots" for hit in hits)
    return Row(mode, run, pages, sum(hit.served == "article" for hit in hits), out)


def _sitemap_entries(site: CorpusSite) -> dict[str, int]:
    """Settings that let newsbot follow every URL of the long-crawl sitemaps."""
    entries = max(local.long_articles for local in site.sites)
    return {"NEWSBOT_SITEMAP_MAX_ENTRIES": entries} if entries else {}


def corpus_benchmark(content: SiteContent, rounds: int, articles: int = 0) -> None:
    """newsbot and the reference over ``content``, ``rounds`` times, alternating; ``articles``
    more article URLs in sitemaps."""
    with serve_corpus_site(content, long_articles=articles) as site:
        print(f"machine: {machine()}")
        print(f"site: {len(site.sites)} publishers on their own loopback addresses, "
              f"{sum(len(s.sections) for s in site.sites)} section pages, {site.article_urls} "
              f"article URLs over {len(content.articles)} article pages"
              + (f", {articles} more in sitemaps" if articles else ""))  # fmt: skip
        print(HEADER, flush=True)
        ratios, timings = [], []
        for number in range(1, rounds + 1):
            with tempfile.TemporaryDirectory() as folder:
                rows, summary = corpus_round(site, Path(folder))
            for row in rows:
                print(row.line(number), flush=True)
            ratios.append(rows[0].pages_per_second / rows[1].pages_per_second)
            timings.append(summary.get("timing") or {})
    print("peak MB: the max RSS of the crawl's largest process; tree MB: the peak of all its"
          " processes' summed PSS, sampled every 0.1 s; cpu s: CPU seconds of all its"
          " processes, main: of the crawl's own process")  # fmt: skip
    print(f"\nnewsbot pages/s ÷ reference ({SAME_PAGES}) pages/s: "
          f"{statistics.median(ratios):.2f} (median of {rounds} rounds)")  # fmt: skip
    print_stages(timings)


def long_benchmark(content: SiteContent, articles: int) -> None:
    """One newsbot crawl of ``articles`` more article URLs (in sitemaps) than the section
    pages give, and the memory of all its processes as it went: flat, or growing with pages."""
    with serve_corpus_site(content, long_articles=articles) as site, tempfile.TemporaryDirectory(
    ) as folder:  # fmt: skip
        print(f"machine: {machine()}")
        print(
            f"site: {len(site.sites)} publishers, each with a sitemap of "
            f"{site.sites[0].long_articles} article URLs besides its section pages",
            flush=True,
        )
        row, summary, _ = newsbot_crawl(site, Path(folder), **_sitemap_entries(site))
    print(HEADER)
    print(row.line(1))
    memory = row.run.memory
    print("\nmemory of all processes (summed PSS, MB) by share of the crawl's time")
    print("  ".join(f"{share:>4}%" for share in range(10, 101, 10)))
    print("  ".join(f"{_at(memory, share / 100):>5.0f}" for share in range(10, 101, 10)))
    print_stages([summary.get("timing") or {}])


def _at(memory: tuple[tuple[float, float], ...], share: float) -> float:
    """The highest sample up to ``share`` of the run's time, from the previous decile on."""
    end = memory[-1][0] if memory else 0.0
    window = [mb for at, mb in memory if end * (share - 0.1) <= at <= end * share]
    return max(window, default=0.0)


def print_stages(timings: list[dict[str, Any]]) -> None:
    """newsbot's milliseconds per page by stage, a column a round ("—": not in its summary)."""
    print('\nnewsbot ms per page by stage (run summary "timing")')
    print(f"{'stage':<12}" + "".join(f"{f'round {n}':>10}" for n in range(1, len(timings) + 1)))
    for stage in STAGES:
        cells = [timing.get(stage, {}).get("ms_per_page") for timing in timings]
        print(f"{stage:<12}" + "".join(
            f"{'—':>10}" if cell is None else f"{cell:>10.2f}" for cell in cells))  # fmt: skip


def summary_of(runs: Path) -> dict[str, Any]:
    summary: dict[str, Any] = json.loads(max(runs.glob("*.json")).read_text(encoding="utf-8"))
    return summary


def machine() -> str:
    """CPU count and model, as /proc/cpuinfo names it (Linux)."""
    try:
        lines = Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    models = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
    return f"{os.cpu_count()} CPUs, {models[0] if models else 'model unknown'}"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, help="rounds to time (demo: 3, corpus: 2)")
    parser.add_argument("--corpus", action="store_true", help="real pages against the reference")
    parser.add_argument("--tiny", action="store_true", help="--corpus: two publishers only")
    parser.add_argument(
        "--from-demo", action="store_true", help="--corpus: newsbot's demo pages, no corpus"
    )
    parser.add_argument(
        "--long", type=int, metavar="N", help="--corpus: one long crawl of N more article URLs"
    )
    parser.add_argument(
        "--articles", type=int, default=0, metavar="N",
        help="--corpus: N more article URLs in sitemaps, for rounds of minutes",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if not args.corpus:
        demo_benchmark(args.rounds or 3)
        return
    if not args.from_demo and not CORPUS_ROOT.is_dir():
        raise SystemExit(f"No corpus at {CORPUS_ROOT}: --from-demo serves newsbot's demo pages")
    content = demo_content() if args.from_demo else corpus_content(tiny=args.tiny)
    if args.long:
        long_benchmark(content, args.long)
        return
    corpus_benchmark(content, args.rounds or 2, args.articles)


if __name__ == "__main__":
    main()
