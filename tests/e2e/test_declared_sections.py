"""A section declared only in a site file is a spider: listed, crawled, with its own state."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from newsbot.commands.demo import LOCALHOST_SETTINGS
from tests.e2e.cli import scrapy

if TYPE_CHECKING:
    from pathlib import Path

    from newsbot.demo.server import DemoServer

pytestmark = pytest.mark.e2e


def declare_world(folder: Path, base: str) -> list[str]:
    """A site with only a ``world`` section (the demo's category page); its ``-s`` options."""
    sites = folder / "sites"
    sites.mkdir(exist_ok=True)
    (sites / "ledger.toml").write_text(
        f'domains = ["127.0.0.1"]\n[sections.world]\npages = ["{base}/category/asia-pacific/"]\n',
        encoding="utf-8",
    )
    settings = {**LOCALHOST_SETTINGS, "NEWSBOT_SITES_PATH": sites}
    return [arg for k, v in settings.items() for arg in ("-s", f"{k}={v}")]


def test_scrapy_list_shows_a_spider_per_declared_section(tmp_path: Path, demo: DemoServer) -> None:
    done = scrapy(tmp_path, "list", *declare_world(tmp_path, demo.url))
    assert done.stdout.splitlines() == ["asia_pacific", "world"]


def test_a_section_declared_only_in_a_site_file_is_crawled_under_its_name(
    tmp_path: Path, demo: DemoServer
) -> None:
    options = declare_world(tmp_path, demo.url)
    done = scrapy(tmp_path, "crawl", "world", *options, "-a", "max_pages=1", "-O", "world.jsonl")
    assert done.returncode == 0, done.stderr[-2000:]
    lines = (tmp_path / "world.jsonl").read_text(encoding="utf-8").splitlines()
    items = [json.loads(line) for line in lines]
    assert len(items) >= 5
    assert {(item["site"], item["section"]) for item in items} == {("ledger", "world")}
    assert (tmp_path / "data" / "state" / "world.sqlite3").exists()
    assert not (tmp_path / "data" / "state" / "asia_pacific.sqlite3").exists()
