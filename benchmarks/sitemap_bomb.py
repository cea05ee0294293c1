"""A sitemap bomb's cost to a crawl: wall time and the crawl process's peak memory.

    python -m benchmarks.sitemap_bomb

Serves tests/integration/sitemap_site.py's bomb (1.09 M entries, ~45 MB of XML in ~200 KB of
gzip, sent as application/x-gzip) next to a good sitemap, and crawls it with ``scrapy crawl``
in a fresh process (measured by benchmarks/peak_memory.py): once as configured (the bomb
inflates past DOWNLOAD_MAXSIZE), once with DOWNLOAD_MAXSIZE at 100 MB (it inflates whole and
its 50,001st entry stops the parse).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newsbot.commands.demo import DEMO_SITE_KEY, LOCALHOST_SETTINGS
from tests.integration.sitemap_site import serve_sitemap_site

if TYPE_CHECKING:
    from collections.abc import Mapping

REPO_ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class BombFigures:
    """One crawl of the bomb and its neighbour, measured."""

    seconds: float
    peak_mb: float
    exit_code: int
    log: str


def crawl_bomb(folder: Path, base: str, settings: Mapping[str, object]) -> BombFigures:
    """``scrapy crawl`` of the bomb and the good sitemap served at ``base``, in a fresh process."""
    sites = folder / "sites"
    sites.mkdir(exist_ok=True)
    (sites / f"{DEMO_SITE_KEY}.toml").write_text(
        f'domains = ["127.0.0.1"]\n[sections.asia_pacific]\n'
        f'sitemaps = ["{base}/bomb.xml.gz", "{base}/good.xml"]\n',
        encoding="utf-8",
    )
    every = {
        **LOCALHOST_SETTINGS,
        "NEWSBOT_SITES_PATH": sites,
        "NEWSBOT_STATE_PATH": ":memory:",
        "NEWSBOT_RUNS_DIR": "",
        **settings,
    }
    args = [sys.executable, "-m", "scrapy", "crawl", "asia_pacific", "-a", f"sites={DEMO_SITE_KEY}"]
    args += [part for name, value in every.items() for part in ("-s", f"{name}={value}")]
    args += ["-O", str(folder / "out.jsonl")]
    log = folder / "crawl.log"
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as stderr:
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.peak_memory", *args],
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            check=False,
        )
    seconds = time.perf_counter() - started
    text = log.read_text(encoding="utf-8")
    return BombFigures(seconds, float(done.stdout), done.returncode, text)


def main() -> None:
    print(f"{'DOWNLOAD_MAXSIZE':<20}{'seconds':>9}{'peak MB':>9}{'exit':>6}")
    configurations: tuple[dict[str, int], ...] = ({}, {"DOWNLOAD_MAXSIZE": 100_000_000})
    for settings in configurations:
        with tempfile.TemporaryDirectory() as folder, serve_sitemap_site() as (base, _):
            figures = crawl_bomb(Path(folder), base, settings)
        size = str(settings.get("DOWNLOAD_MAXSIZE", "as configured"))
        print(f"{size:<20}{figures.seconds:9.2f}{figures.peak_mb:9.0f}{figures.exit_code:6d}")


if __name__ == "__main__":
    main()
