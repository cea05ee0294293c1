"""Scrapy's own commands, as newsbot's project changes them: run as a user runs them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.e2e.cli import scrapy

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.e2e


def test_crawl_of_an_unknown_spider_says_which_spiders_exist(tmp_path: Path) -> None:
    done = scrapy(tmp_path, "crawl", "asia_pacfic")
    assert done.returncode == 2
    assert "Not started: no spider named 'asia_pacfic' (known: asia_pacific" in done.stderr
    assert "Traceback" not in done.stderr
