"""Shared test support: project settings for crawlers built in tests, demo ground truth, and
modules run in a fresh process (a reactor cannot be restarted in one)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy import Spider
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from newsbot import settings as project_settings_module
from newsbot import signals
from newsbot.demo.site import DemoSite
from newsbot.items import Article
from newsbot.spiders.arguments import SectionArguments

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from newsbot.state import StateStore

_ANY_BASE = "http://127.0.0.1"
REPO_ROOT = Path(__file__).resolve().parents[1]


def run_module(module: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``python -m module args`` from the repository root, in a fresh process; it must exit 0."""
    return run_ok([sys.executable, "-m", module, *args], cwd=REPO_ROOT, timeout=timeout)


def run_ok(
    args: list[str], *, cwd: Path, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``args`` run to its end in ``cwd``, output captured as text; it must exit 0 (the
    assertion shows the end of its stderr)."""
    done = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def project_settings(**overrides: Any) -> dict[str, Any]:
    """newsbot's settings.py with ``overrides`` on top (what ``-s`` would do).

    The state lives in memory unless a test names a file: tests must never touch (or lock)
    the state of the checkout they run in.
    """
    values = {k: v for k, v in vars(project_settings_module).items() if k.isupper()}
    return {**values, "NEWSBOT_STATE_PATH": ":memory:", **overrides}


def expected_demo_paths(day: int, found: set[str]) -> set[str]:
    """The URL paths of the demo articles a crawl on ``day`` must export, given what it found.

    The demo re-publishes one article under a ``-2`` URL with the same text. Dedupe keeps
    whichever copy the crawl met first, so that copy may stand in for its original.
    """
    site = DemoSite(day)
    expected = {urlsplit(url).path for url in site.article_urls(_ANY_BASE)}
    for copy in (urlsplit(url).path for url in site.duplicate_urls(_ANY_BASE)):
        if copy in found:
            expected = (expected - {copy.replace("-2/", "/")}) | {copy}
    return expected


def url_paths(urls: list[str]) -> list[str]:
    """The path of each URL (the demo server's port changes from run to run)."""
    return [urlsplit(url).path for url in urls]


BODY = " ".join(["Ferry services resumed across the strait on Tuesday."] * 12)


def article(**changes: Any) -> Article:
    """A valid article; ``changes`` replace fields."""
    base = Article(
        url="https://example.com/2026/11/03/ferries/",
        title="Ferries resume",
        body=BODY,
        word_count=96,
        fingerprint="f1",
        published_at="2026-11-03T00:15:00+00:00",
    )
    return replace(base, **changes)


def build(
    pipeline_cls: Any,
    arguments: SectionArguments | None = None,
    store: StateStore | None = None,
    **settings: Any,
) -> tuple[Any, Crawler]:
    """A pipeline built as Scrapy builds it (from_crawler), opened, with ``-s``-like settings
    and the settings that ``-a`` arguments stand for.

    ``store`` is handed over as the state's owner hands it (no crawl runs here).
    """
    arguments_settings = (arguments or SectionArguments()).as_settings()
    crawler = get_crawler(Spider, settings_dict=project_settings(**arguments_settings, **settings))
    crawler.spider = Spider("pipelines")
    pipeline = build_from_crawler(pipeline_cls, crawler)
    if store is not None:
        crawler.signals.send_catch_log(signals.state_opened, store=store)
    if hasattr(pipeline, "open_spider"):
        pipeline.open_spider()
    return pipeline, crawler
