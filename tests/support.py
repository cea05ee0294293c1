"""Shared test support: project settings for crawlers built in tests, demo ground truth."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from newsbot import settings as project_settings_module
from newsbot.demo.site import DemoSite

_ANY_BASE = "http://127.0.0.1"


def project_settings(**overrides: Any) -> dict[str, Any]:
    """newsbot's settings.py with ``overrides`` on top (what ``-s`` would do)."""
    values = {k: v for k, v in vars(project_settings_module).items() if k.isupper()}
    return {**values, **overrides}


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
