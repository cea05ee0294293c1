"""Integration fixtures: the demo site on a real localhost port, and crawls run against it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest

from newsbot.commands.demo import DEMO_SITE_KEY, LOCALHOST_SETTINGS, site_declaration
from newsbot.demo.server import serve_demo_site
from tests.support import run_module

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from newsbot.demo.server import DemoServer


@dataclass
class CrawlResult:
    items: list[dict[str, Any]]
    stats: dict[str, Any]
    log: str

    @property
    def urls(self) -> list[str]:
        return [item["url"] for item in self.items]

    def dropped(self, reason: str) -> int:
        return int(self.stats.get(f"newsbot/dropped/{reason}", 0))


@pytest.fixture(scope="module")
def demo_server() -> Iterator[DemoServer]:
    with serve_demo_site() as server:
        yield server


def crawl(
    folder: Path,
    *,
    declaration: str,
    args: dict[str, str] | None = None,
    settings: dict[str, Any] | None = None,
) -> CrawlResult:
    """Crawl the site declared by ``declaration`` (TOML text) in a fresh process."""
    sites = folder / "sites"
    sites.mkdir(exist_ok=True)
    (sites / f"{DEMO_SITE_KEY}.toml").write_text(declaration, encoding="utf-8")
    config = {
        "spider": "asia_pacific",
        "settings": {
            **LOCALHOST_SETTINGS,
            "NEWSBOT_SITES_PATH": str(sites),
            "NEWSBOT_RUNS_DIR": str(folder / "runs"),
            **(settings or {}),
        },
        "args": {"sites": DEMO_SITE_KEY, **(args or {})},
    }
    config_path, out_path = folder / "config.json", folder / "result.json"
    config_path.write_text(json.dumps(config), encoding="utf-8")
    done = run_module(
        "tests.integration.crawl_runner", str(config_path), str(out_path), timeout=300
    )
    result = json.loads(out_path.read_text(encoding="utf-8"))
    return CrawlResult(result["items"], result["stats"], done.stderr)


def one_page_site(page_url: str) -> str:
    """The declaration of a local test site (127.0.0.1) whose section is the one page at
    ``page_url``."""
    return f'domains = ["127.0.0.1"]\n[sections.asia_pacific]\npages = ["{page_url}"]\n'


def crawl_demo(folder: Path, server: DemoServer, **kwargs: Any) -> CrawlResult:
    """Crawl the demo site as ``scrapy demo`` declares it (section page, feed and sitemap)."""
    return crawl(folder, declaration=site_declaration(server.url), **kwargs)
