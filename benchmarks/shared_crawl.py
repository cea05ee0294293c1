"""A crawl shared by 1, 2 and 4 workers (NEWSBOT_BACKEND=redis): what more workers give on
this machine, and what Redis costs per page, the figures behind the README's "Scaling out".

    python -m benchmarks.shared_crawl [--articles 1500] [--workers 1,2,4] [--from-demo]

Serves the corpus publishers on loopback (benchmarks/corpus_site.py, with ``--articles`` more
article URLs in their sitemaps, so that there is work to share), starts a real redis-server on
a unix socket, and for each worker count starts that many ``scrapy crawl asia_pacific``
processes at once against one empty Redis, each with its own files, as cron would on one
machine. Each worker is measured on its own (benchmarks.measuring); the wall time is the
last one's exit. Redis' own CPU time and commands are read from INFO before and after: per
page they say how many machines one Redis serves.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from redis import Redis

from benchmarks.corpora import CORPUS_ROOT
from benchmarks.corpus_site import corpus_content, demo_content, serve_corpus_site
from benchmarks.crawl import machine, newsbot_args, summary_of
from benchmarks.measuring import Measured, measure

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from benchmarks.corpus_site import CorpusSite

# A worker leaves once the queue has been empty this long: short, the crawl is all queued.
IDLE_SECONDS = 3


@dataclass(frozen=True)
class SharedRound:
    """One shared crawl: its workers, measured each, and what Redis did for it."""

    workers: tuple[Measured, ...]
    seconds: float
    pages: int
    exported: int
    redis_cpu_s: float
    redis_commands: int

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds


@contextmanager
def redis_on_socket(folder: Path) -> Iterator[str]:
    """A throwaway redis-server listening on a unix socket only (no port to race for)."""
    executable = shutil.which("redis-server")
    if executable is None:
        raise SystemExit("redis-server is not installed (Debian: apt-get install redis-server)")
    socket = folder / "redis.sock"
    server = subprocess.Popen(
        [executable, "--port", "0", "--unixsocket", str(socket), "--save", "", "--appendonly",
         "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"unix://{socket}"
    try:
        deadline = time.monotonic() + 10
        while not socket.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        Redis.from_url(url).ping()
        yield url
    finally:
        server.terminate()
        server.wait()


def shared_round(site: CorpusSite, folder: Path, redis_url: str, workers: int) -> SharedRound:
    """``workers`` workers at once over ``site``, sharing an emptied Redis."""
    redis = Redis.from_url(redis_url)
    redis.flushall()
    before = redis.info()
    shared = {
        "NEWSBOT_BACKEND": "redis",
        "REDIS_URL": redis_url,
        "NEWSBOT_REDIS_IDLE_SECONDS": IDLE_SECONDS,
        "NEWSBOT_SITEMAP_MAX_ENTRIES": max(local.long_articles for local in site.sites) or 500,
    }
    commands = [newsbot_args(site, folder / f"worker{n}", **shared) for n in range(workers)]
    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        runs = list(pool.map(
            lambda n: measure(commands[n], folder / f"worker{n}" / "newsbot.log"), range(workers)
        ))  # fmt: skip
    seconds = time.perf_counter() - started
    after = redis.info()
    hits = site.log.take()
    exported = sum(
        summary_of(folder / f"worker{n}" / "runs")["items_exported"] for n in range(workers)
    )
    return SharedRound(
        tuple(runs),
        seconds,
        sum(hit.served != "robots" for hit in hits),
        exported,
        _redis_cpu(after) - _redis_cpu(before),
        int(after["total_commands_processed"]) - int(before["total_commands_processed"]),
    )


def _redis_cpu(info: dict[str, object]) -> float:
    return float(str(info["used_cpu_user"])) + float(str(info["used_cpu_sys"]))


def benchmark(site: CorpusSite, counts: Sequence[int]) -> None:
    with tempfile.TemporaryDirectory() as folder, redis_on_socket(Path(folder)) as url:
        print(f"machine: {machine()}")
        print(
            f"site: {len(site.sites)} publishers, {site.article_urls} article URLs on their "
            f"section pages, {sum(local.long_articles for local in site.sites)} more in sitemaps",
            flush=True,
        )
        print(f"{'workers':>7}{'pages':>7}{'seconds':>9}{'pages/s':>9}{'speed-up':>9}"
              f"{'exported':>9}{'cpu s':>8}{'peak MB':>9}{'all MB':>8}{'redis ms/page':>14}"
              f"{'cmds/page':>10}")  # fmt: skip
        first: float | None = None
        for count in counts:
            result = shared_round(site, Path(folder) / f"round{count}", url, count)
            first = first or result.pages_per_second
            per_page = 1000 * result.redis_cpu_s / max(result.pages, 1)
            print(
                f"{count:>7}{result.pages:>7}{result.seconds:>9.1f}"
                f"{result.pages_per_second:>9.1f}{result.pages_per_second / first:>9.2f}"
                f"{result.exported:>9}{sum(w.cpu_s for w in result.workers):>8.1f}"
                f"{max(w.peak_mb for w in result.workers):>9.0f}"
                f"{sum(w.tree_mb for w in result.workers):>8.0f}{per_page:>14.3f}"
                f"{result.redis_commands / max(result.pages, 1):>10.1f}",
                flush=True,
            )
            last = result
        model(last, first or 0.0)


def model(result: SharedRound, one_machine: float) -> None:
    """What N machines like this one give, and where one Redis stops them."""
    redis_ms = 1000 * result.redis_cpu_s / max(result.pages, 1)
    ceiling = 1000 / redis_ms if redis_ms else float("inf")
    print(
        "\npeak MB: the largest worker process; all MB: the workers' summed peaks (each with its "
        "extraction processes); redis: its CPU and commands per page fetched"
    )
    print(
        f"model: N machines like this one fetch about N x {one_machine:.0f} pages/s; one Redis "
        f"core, at {redis_ms:.3f} ms per page, serves about {ceiling:,.0f} pages/s, i.e. "
        f"{ceiling / max(one_machine, 1e-9):,.0f} such machines before it is the limit"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1500, help="more article URLs to share")
    parser.add_argument("--workers", default="1,2,4", help="worker counts, comma-separated")
    parser.add_argument("--from-demo", action="store_true", help="newsbot's demo pages")
    parser.add_argument("--tiny", action="store_true", help="two publishers only")
    args = parser.parse_args(argv)
    if not args.from_demo and not CORPUS_ROOT.is_dir():
        raise SystemExit(f"No corpus at {CORPUS_ROOT}: --from-demo serves newsbot's demo pages")
    content = demo_content() if args.from_demo else corpus_content(tiny=args.tiny)
    counts = [int(count) for count in args.workers.split(",")]
    with serve_corpus_site(content, long_articles=args.articles) as site:
        benchmark(site, counts)


if __name__ == "__main__":
    main()
