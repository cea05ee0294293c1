"""An article counts as exported only when it reached the export files: one dropped by a
pipeline after dedupe is exported by the next run that lets it through, and only once."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from newsbot.demo.server import serve_demo_site
from newsbot.demo.site import DemoSite
from newsbot.settings import ITEM_PIPELINES
from tests.e2e.cli import crawl_site_args, scrapy
from tests.e2e.drops_titles import PATTERN
from tests.support import expected_demo_paths

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.e2e
BASE = "http://127.0.0.1"
WITH_USER_PIPELINE = json.dumps(
    {**ITEM_PIPELINES, "tests.e2e.drops_titles.DropTitlesPipeline": 950}
)


def records(cwd: Path, seen: set[Path]) -> tuple[list[dict[str, str]], set[Path]]:
    """The records of the JSONL files published since ``seen``, and every file now published."""
    files = set((cwd / "data" / "asia_pacific").glob("*.jsonl"))
    new = [json.loads(line) for f in sorted(files - seen) for line in f.read_text().splitlines()]
    return new, files


def original(path: str) -> str:
    """The demo's re-published ``-2`` copy stands for its original."""
    return path.replace("-2/", "/")


def test_articles_dropped_after_dedupe_are_exported_by_the_next_run_once(tmp_path: Path) -> None:
    with serve_demo_site() as server:
        first = scrapy(
            tmp_path,
            *crawl_site_args(tmp_path, server.url, "-s", f"ITEM_PIPELINES={WITH_USER_PIPELINE}"),
        )
        assert first.returncode == 0, first.stderr[-2000:]
        run_one, published = records(tmp_path, set())
        second = scrapy(tmp_path, *crawl_site_args(tmp_path, server.url))
        assert second.returncode == 0, second.stderr[-2000:]
        run_two, _ = records(tmp_path, published)
    titles = {urlsplit(url).path: a.title for url, a in DemoSite(1).expected_articles(BASE).items()}
    dropped = {p for p, title in titles.items() if PATTERN in title.lower()}
    assert 5 < len(dropped) < len(titles) - 5
    paths = [urlsplit(r["url"]).path for r in run_one + run_two]
    assert {original(urlsplit(r["url"]).path) for r in run_two} == dropped
    assert not {p for p in map(original, paths[: len(run_one)]) if p in dropped}
    assert len(paths) == len(set(paths))
    assert set(paths) == expected_demo_paths(1, set(paths))
