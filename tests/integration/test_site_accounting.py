"""Per-site figures of a crawl (what the run report shows for each site), exactly."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from tests.integration.accounting_site import declaration, serve_accounting_site
from tests.integration.conftest import crawl

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.integration

PREFIX = "newsbot/site/pacific_ledger/"


def site_stats(stats: dict[str, Any]) -> dict[str, int]:
    return {k.removeprefix(PREFIX): v for k, v in stats.items() if k.startswith(PREFIX)}


def test_each_site_counts_its_listings_links_and_articles_run_after_run(tmp_path: Path) -> None:
    settings = {
        "NEWSBOT_STATE_PATH": str(tmp_path / "state.sqlite3"),
        # An export file: only a run that exports commits what it learnt to the state.
        "FEEDS": {str(tmp_path / "out-%(time)s.jsonl"): {"format": "jsonlines"}},
    }
    with serve_accounting_site() as base:
        first = crawl(tmp_path, declaration=declaration(base), settings=settings)
        second = crawl(tmp_path, declaration=declaration(base), settings=settings)
    assert len(first.items) == 2
    assert site_stats(first.stats) == {
        "listings_fetched": 2,  # the section page and the sitemap
        "listings_failed": 1,
        "listing_failed/http_404": 1,  # the feed
        "links_found": 5,  # four on the section page (not the off-site one), one in the sitemap
        "articles_fetched": 2,
        "articles_failed": 1,  # the missing story
        "robots_denied": 1,
        "exported": 2,  # counted by the run report
    }
    assert site_stats(second.stats) == {
        "listings_fetched": 2,  # the sitemap's 304 included
        "listings_unchanged": 1,
        "listings_failed": 1,
        "listing_failed/http_404": 1,
        "links_found": 4,
        "links_known": 2,  # the two articles the first run exported
        "articles_failed": 1,
        "robots_denied": 1,
    }


def test_a_page_robots_txt_forbids_is_not_a_failed_fetch(tmp_path: Path) -> None:
    with serve_accounting_site() as base:
        result = crawl(tmp_path, declaration=declaration(base))
    failed = {k for k in result.stats if k.startswith("newsbot/fetch/failed/")}
    assert failed == {"newsbot/fetch/failed/http_404"}
    assert result.stats["newsbot/fetch/failed/http_404"] == 2  # the feed and the missing story
    assert result.stats["newsbot/fetch/robots_denied"] == 1
    assert f"Not fetched (robots.txt forbids it): {base}/private/" in result.log


def test_selectors_a_changed_layout_defeats_are_counted_and_warned_once(tmp_path: Path) -> None:
    selectors = '[selectors]\ntitle = "h1.headline"\nbody = "div.story-body"\ndrop = [".promo"]\n'
    with serve_accounting_site() as base:
        result = crawl(tmp_path, declaration=declaration(base) + selectors)
    assert len(result.items) == 2  # generic extraction still reads both articles
    # Two articles, neither with the declared title or body (an absent promo box is no news).
    assert result.stats[f"{PREFIX}selector_unmatched"] == 4
    assert result.log.count("Site pacific_ledger: selectors matched nothing on") == 1
    assert "title = 'h1.headline'; body = 'div.story-body' (is its" in result.log
