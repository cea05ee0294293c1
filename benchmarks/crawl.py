"""A whole crawl's time and memory: the demo site on day 1, then day 2 against day 1's state.

    python -m benchmarks.crawl [--rounds 3]

Each crawl runs as cron runs it, ``scrapy demo`` in a fresh process; the figures per round
are its wall time, requests and articles (from its run summary), requests per second, and the
process's peak memory (max RSS). Day 2 shows what an incremental run costs next to a first one.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

REPO_ROOT = Path(__file__).resolve().parents[1]
# ru_maxrss is in kilobytes on Linux (bytes on macOS, where this is off by 1024).
_KB = 1024


@dataclass(frozen=True)
class CrawlFigures:
    """One crawl, measured."""

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
    started = time.perf_counter()
    process = subprocess.Popen(
        args, cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    # wait4 gives this one child's resource usage (getrusage would give the max of them all);
    # the Popen is told its exit code, as its own wait() would have.
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"scrapy demo (day {day}) exited with {process.returncode}")
    summary = json.loads(max((folder / "runs").glob("*.json")).read_text(encoding="utf-8"))
    return CrawlFigures(
        seconds, summary["requests"], summary["items_exported"], usage.ru_maxrss / _KB
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="day 1 + day 2 crawls to time")
    args = parser.parse_args(argv)
    print(f"{'round':<7}{'day':>4}{'seconds':>9}{'requests':>10}{'articles':>10}"
          f"{'req/s':>8}{'peak MB':>9}")  # fmt: skip
    for number in range(1, args.rounds + 1):
        with tempfile.TemporaryDirectory() as folder:
            for day in (1, 2):
                figures = crawl(Path(folder), day)
                rate = figures.requests / figures.seconds
                print(
                    f"{number:<7}{day:>4}{figures.seconds:9.2f}{figures.requests:10d}"
                    f"{figures.articles:10d}{rate:8.1f}{figures.peak_mb:9.0f}"
                )


if __name__ == "__main__":
    main()
