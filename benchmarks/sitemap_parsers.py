"""newsbot's streaming sitemap parser beside Scrapy's ``gunzip`` + ``Sitemap``, on the bomb.

    python -m benchmarks.sitemap_parsers

The budget test's gzip bomb (1.09 M entries, ~45 MB of XML in ~200 KB of gzip), parsed once
per parser in a fresh process (peak RSS by benchmarks.peak_memory, the bomb read from a file
so building it does not count): entries, seconds, MB. Scrapy's gunzip gets a 100 MB cap,
so that both read the whole document; newsbot's parse stops at the protocol's 50,000 entries.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def parse_once(which: str, path: Path) -> None:
    """Parse the bomb at ``path`` with ``which`` and print entries and seconds."""
    data = path.read_bytes()
    start = time.perf_counter()
    if which == "scrapy":
        from scrapy.utils.gz import gunzip  # noqa: PLC0415 (only the measured child imports)
        from scrapy.utils.sitemap import Sitemap  # noqa: PLC0415

        found = f"{sum(1 for _ in Sitemap(gunzip(data, max_size=100 * 2**20)))} entries"
    elif which == "newsbot":
        from newsbot.discovery.sitemaps import parse_sitemap  # noqa: PLC0415

        sitemap = parse_sitemap(data, "https://x.example/bomb.xml.gz")
        found = f"{len(sitemap.entries)} entries ({sitemap.kind})"
    else:
        found = "not parsed"
    print(f"{found}, {time.perf_counter() - start:.1f} s")


def measure(which: str, path: Path) -> str:
    """One fresh process's output and peak RSS."""
    child = [sys.executable, "-m", "benchmarks.sitemap_parsers", "--parse", which, str(path)]
    rss = subprocess.run(
        [sys.executable, "-m", "benchmarks.peak_memory", *child],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    said = subprocess.run(child, capture_output=True, text=True, check=True).stdout.strip()
    return f"{which:<9}{said}, peak {float(rss):.0f} MB"


def main() -> None:
    """Print both parsers' figures (or, with --parse, be the measured child)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parse", nargs=2, metavar=("PARSER", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.parse:
        parse_once(args.parse[0], Path(args.parse[1]))
        return
    from tests.integration.sitemap_site import bomb  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bomb.xml.gz"
        path.write_bytes(bomb())
        for which in ("none", "scrapy", "newsbot"):
            print(measure(which, path))


if __name__ == "__main__":
    main()
