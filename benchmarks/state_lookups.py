"""State-store lookups with millions of known URLs: µs per call (issue 11: under 50 µs at 10 M).

    python -m benchmarks.state_lookups [--urls 10000000] [--calls 100000]

Builds a real state file (SQLiteStateStore's own schema) in a temporary folder: --urls
exported articles on 2,000 hosts (one in twenty revised once), a tenth as many pages rejected
as not articles and every section's listing-page validators, all seen within the retention.
Then, in one run as a crawl opens it, times the lookups a crawl makes per discovered link
(``is_known``, then ``rejected_since``), per listing page (``validators``) and per extracted
article (``find_url`` with its source URL, ``find_fingerprint``): each warmed up, then --calls
random calls. Prints the median and p99 µs per call; ``url_key`` alone, the part of a lookup
by URL spent before any SQL (per URL, whatever the state's size); what the run's start
(retention prune) and commit cost; the file's size, the build's time and the peak memory (max
RSS) of the build and of the lookups. The file is deleted afterwards.

Signatures and bands are left out: ``find_near`` is not timed here, and the lookups timed
never read them.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newsbot.state.sqlite import SQLiteStateStore
from newsbot.urls import url_key

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

# ru_maxrss is in kilobytes on Linux (bytes on macOS, where this is off by 1024).
_KB = 1024
_WORDS = (
    "harbour", "valley", "coast", "island", "capital", "river", "north", "south", "east", "west",
    "city", "metro", "daily", "evening", "morning", "weekly", "herald", "gazette", "tribune",
    "courier", "post", "times", "star", "sun", "mail", "echo", "voice", "record", "press",
    "observer", "monitor", "chronicle", "journal", "bulletin", "dispatch", "ledger", "report",
    "review", "globe", "standard", "mercury", "argus", "sentinel", "register", "examiner",
    "express", "guardian", "beacon", "pioneer", "leader",
)  # fmt: skip
_TLDS = ("com", "co.uk", "com.au", "co.nz", "de", "fr", "org", "net", "in", "ca")
_PREFIXES = ("www.", "", "news.", "www.")
# 2,000 hosts: every pair of words, some behind www. (which url_key drops), some not.
HOSTS = tuple(
    f"{_PREFIXES[i % 4]}{_WORDS[i % 50]}{_WORDS[i // 50]}.{_TLDS[i % 10]}" for i in range(2000)
)
SECTIONS = ("world", "politics", "business", "sport", "culture", "science", "health", "local")
# About this many articles a month across all hosts: 10 M articles span 16 years.
_PER_MONTH = 50_000
_REVISED_EVERY = 20
_REJECTED_PER_ARTICLE = 10
RUN_STARTED = "2026-06-01T06:00:00+00:00"
_SEEN = "2026-05-{day:02d}T06:00:00+00:00"  # within any retention: the run prunes nothing
_REJECTED_CUTOFF = "2026-04-01T00:00:00+00:00"
# The build's page cache: keys arrive in random order, and a small cache rereads the index.
_BUILD_CACHE_KIB = 1_048_576
_BATCH = 50_000


def article_url(n: int) -> str:
    """The URL of synthetic article ``n`` (any ``n``: those past --urls are new links)."""
    month = n // _PER_MONTH
    slug = "-".join(_WORDS[n // step % 50] for step in (1, 7, 49, 343))
    return (
        f"https://{HOSTS[n * 7919 % 2000]}/{SECTIONS[n % 8]}"
        f"/{2010 + month // 12}/{month % 12 + 1:02d}/{slug}-{n}"
    )


def source_url(n: int) -> str:
    """The short link article ``n`` was fetched under before its canonical URL (another key)."""
    return f"https://{HOSTS[n * 7919 % 2000]}/s/{n}"


def rejected_url(n: int) -> str:
    """A page ``n`` of the hosts that is not an article (a gallery)."""
    return f"https://{HOSTS[n * 104729 % 2000]}/{SECTIONS[n % 8]}/gallery/{n}"


def listing_url(n: int) -> str:
    """Section page ``n``: every host's every section."""
    return f"https://{HOSTS[n // 8]}/{SECTIONS[n % 8]}/"


def fingerprint(n: int, revision: int) -> str:
    """The body fingerprint of article ``n``'s ``revision`` (same shape as body_fingerprint)."""
    return hashlib.sha256(f"{n}/{revision}".encode()).hexdigest()[:32]


def _article_rows(ids: range) -> Iterator[tuple[object, ...]]:
    for n in ids:
        url = article_url(n)
        yield n + 1, url, hashlib.sha256(url.encode()).hexdigest()[:16], _seen(n), _seen(n)


def _version_rows(ids: range) -> Iterator[tuple[object, ...]]:
    for n in ids:
        for revision in range(1, 2 + (n % _REVISED_EVERY == 0)):
            yield n + 1, revision, fingerprint(n, revision), _seen(n), f"run-{n // _PER_MONTH}"


def _url_rows(ids: range) -> Iterator[tuple[object, ...]]:
    for n in ids:
        url = article_url(n)
        yield url_key(url), url, n + 1, _seen(n)


def _seen(n: int) -> str:
    return _SEEN.format(day=n % 28 + 1)


def fill(path: Path, urls: int) -> None:
    """The state file, through the store's schema and then the same tables it writes."""
    SQLiteStateStore(str(path)).close()
    db = sqlite3.connect(path, isolation_level=None)
    # A throwaway file, no crash to survive: no journal (the store turns WAL back on), no sync.
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute(f"PRAGMA cache_size = -{_BUILD_CACHE_KIB}")
    db.execute("BEGIN")
    for start in range(0, urls, _BATCH):
        ids = range(start, min(start + _BATCH, urls))
        db.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?)", _article_rows(ids))
        db.executemany(
            "INSERT INTO versions (article_id, revision, fingerprint, version_at, run_id,"
            " status) VALUES (?, ?, ?, ?, ?, 'exported')",
            _version_rows(ids),
        )
        db.executemany("INSERT INTO article_urls VALUES (?, ?, ?, ?)", _url_rows(ids))
        db.executemany(
            "INSERT INTO rejected VALUES (?, 'not an article', ?)",
            ((url_key(rejected_url(n)), _seen(n)) for n in ids[::_REJECTED_PER_ARTICLE]),
        )
    db.executemany(
        "INSERT INTO validators VALUES (?, ?, NULL, ?)",
        ((listing_url(n), f'"{n}"', _seen(n)) for n in range(len(HOSTS) * len(SECTIONS))),
    )
    db.execute("COMMIT")
    db.close()


@dataclass(frozen=True)
class BuildFigures:
    """The state file's build, measured in the process that built it."""

    seconds: float
    peak_mb: float


def build(path: Path, urls: int) -> BuildFigures:
    """``fill`` in a forked child: its large page cache must not count as the lookups' memory."""
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            fill(path, urls)
        except BaseException as error:  # the child must never return into the parent's code
            print(f"build failed: {error!r}", file=sys.stderr)
            code = 1
        os._exit(code)
    # wait4 gives this one child's resource usage, as in benchmarks/peak_memory.py.
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit("building the state file failed")
    return BuildFigures(time.perf_counter() - started, usage.ru_maxrss / _KB)


@dataclass(frozen=True)
class Lookup:
    """One kind of lookup: a call, and its arguments for random number ``n`` < --urls."""

    name: str
    call: Callable[..., object]
    arguments: Callable[[int], tuple[object, ...]]


def lookups(store: SQLiteStateStore, urls: int) -> list[Lookup]:
    """Each lookup a crawl makes, on a known and on a new value (``urls + n`` is new)."""
    return [
        Lookup("is_known, known URL", store.is_known, lambda n: (article_url(n),)),
        Lookup("is_known, new URL", store.is_known, lambda n: (article_url(urls + n),)),
        # What a new link costs, asked of both as Freshness.skip_reason asks.
        Lookup(
            "new link: is_known+rejected_since",
            lambda url: store.is_known(url) or store.rejected_since(url, _REJECTED_CUTOFF),
            lambda n: (article_url(urls + n),),
        ),
        Lookup(
            "rejected_since, rejected URL",
            store.rejected_since,
            lambda n: (rejected_url(n - n % _REJECTED_PER_ARTICLE), _REJECTED_CUTOFF),
        ),
        Lookup(
            "rejected_since, new URL",
            store.rejected_since,
            lambda n: (article_url(urls + n), _REJECTED_CUTOFF),
        ),
        Lookup(
            "validators, known page",
            store.validators,
            lambda n: (listing_url(n % (len(HOSTS) * len(SECTIONS))),),
        ),
        Lookup("validators, new page", store.validators, lambda n: (article_url(urls + n),)),
        Lookup(
            "find_url, known URL + source",
            store.find_url,
            lambda n: ((article_url(n), source_url(n)),),
        ),
        Lookup(
            "find_url, new URL + source",
            store.find_url,
            lambda n: ((article_url(urls + n), source_url(urls + n)),),
        ),
        Lookup(
            "find_fingerprint, known body",
            store.find_fingerprint,
            lambda n: (fingerprint(n, 1),),
        ),
        Lookup(
            "find_fingerprint, new body",
            store.find_fingerprint,
            lambda n: (fingerprint(urls + n, 1),),
        ),
        # Not a lookup: the part of each lookup by URL spent before any SQL.
        Lookup("(url_key alone)", url_key, lambda n: (article_url(n),)),
    ]


def time_calls(lookup: Lookup, numbers: Iterable[int]) -> list[float]:
    """µs per call; arguments are made outside the timed span, so only the call counts."""
    timings = []
    for n in numbers:
        arguments = lookup.arguments(n)
        started = time.perf_counter_ns()
        lookup.call(*arguments)
        timings.append((time.perf_counter_ns() - started) / 1000)
    return timings


def p99(timings: list[float]) -> float:
    return statistics.quantiles(timings, n=100, method="inclusive")[98]


def measure(path: Path, urls: int, calls: int, seed: int) -> None:
    """Print each lookup's median and p99, timed in one run as a crawl makes them, and what
    the run's start and commit cost."""
    store = SQLiteStateStore(str(path))
    rng = random.Random(seed)
    started = time.perf_counter()
    store.begin("benchmark", "state_lookups", RUN_STARTED)
    print(f"run start (retention prune): {time.perf_counter() - started:.2f} s")
    print(f"{'lookup':<36}{'median µs':>10}{'p99 µs':>9}")
    for lookup in lookups(store, urls):
        # Warm-up on other numbers: Python's and SQLite's caches, not these very rows.
        time_calls(lookup, (rng.randrange(urls) for _ in range(max(calls // 10, 1))))
        timings = time_calls(lookup, (rng.randrange(urls) for _ in range(calls)))
        print(f"{lookup.name:<36}{statistics.median(timings):10.1f}{p99(timings):9.1f}")
    seen = len(store.seen_keys)
    started = time.perf_counter()
    store.finish(commit=True)
    print(f"run commit ({seen:,} known URLs marked seen): {time.perf_counter() - started:.2f} s")
    store.close()


def _megabytes(path: Path) -> float:
    return sum(f.stat().st_size for f in path.parent.iterdir()) / 1024 / 1024


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--urls", type=int, default=10_000_000, help="known article URLs")
    parser.add_argument("--calls", type=int, default=100_000, help="timed calls a lookup")
    parser.add_argument("--seed", type=int, default=11, help="of the random URLs looked up")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsbot-state-lookups-") as folder:
        path = Path(folder) / "state.sqlite3"
        built = build(path, args.urls)
        print(f"{args.urls:,} known article URLs, {args.calls:,} calls a lookup, warm")
        print(f"state file: {_megabytes(path):,.0f} MB, built in {built.seconds:.0f} s")
        measure(path, args.urls, args.calls, args.seed)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / _KB
    print(f"peak RSS: build {built.peak_mb:,.0f} MB, lookups {peak:,.0f} MB")


if __name__ == "__main__":
    main()
