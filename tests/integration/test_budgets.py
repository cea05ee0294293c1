"""A sitemap index of 300 children and a feed of 20,000 items: the site's budgets bound what
a run fetches, the newest first, and count the rest."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from newsbot.commands.demo import DEMO_SITE_KEY
from tests.integration.conftest import crawl
from tests.integration.sitemap_site import (
    CHILDREN,
    ENTRIES_PER_CHILD,
    FEED_ITEMS,
    serve_sitemap_site,
)

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.integration

# The defaults of newsbot/settings.py, per site and run.
MAX_CHILDREN, MAX_SITEMAP_ENTRIES, MAX_FEED_ENTRIES = 20, 500, 200


def declaration(base: str) -> str:
    return f"""
domains = ["127.0.0.1"]
[sections.asia_pacific]
feeds = ["{base}/feed.xml"]
sitemaps = ["{base}/index.xml"]
"""


def skipped(stats: dict[str, Any], prefix: str) -> dict[str, int]:
    """The ``<prefix>feed/skipped_...`` and ``<prefix>sitemap/skipped_...`` stats."""
    return {
        key.removeprefix(prefix): value
        for key, value in stats.items()
        if key.startswith((f"{prefix}feed/skipped_", f"{prefix}sitemap/skipped_"))
    }


def test_default_budgets_bound_the_fan_out_of_a_huge_index_and_feed(tmp_path: Path) -> None:
    with serve_sitemap_site() as (base, hits):
        result = crawl(tmp_path, declaration=declaration(base))
    newest_children = {f"/sitemaps/child-{n}.xml" for n in range(CHILDREN - MAX_CHILDREN, CHILDREN)}
    assert {path for path in hits if path.startswith("/sitemaps/")} == newest_children
    newest_feed_items = {
        f"/2026/11/20/feed-story-{n}/" for n in range(FEED_ITEMS - MAX_FEED_ENTRIES, FEED_ITEMS)
    }
    assert {path for path in hits if "feed-story" in path} == newest_feed_items
    from_sitemaps = [path for path in hits if "child-" in path and "story" in path]
    assert len(from_sitemaps) == MAX_SITEMAP_ENTRIES
    assert all(int(path.split("-")[1]) >= CHILDREN - MAX_CHILDREN for path in from_sitemaps)
    # robots.txt, the index and the feed, then what the budgets allow; nothing twice.
    assert sum(hits.values()) == 3 + MAX_CHILDREN + MAX_SITEMAP_ENTRIES + MAX_FEED_ENTRIES
    assert set(hits.values()) == {1}
    expected = {
        "sitemap/skipped_children": CHILDREN - MAX_CHILDREN,
        "sitemap/skipped_entries": MAX_CHILDREN * ENTRIES_PER_CHILD - MAX_SITEMAP_ENTRIES,
        "feed/skipped_entries": FEED_ITEMS - MAX_FEED_ENTRIES,
    }
    assert skipped(result.stats, "newsbot/") == expected
    assert skipped(result.stats, f"newsbot/site/{DEMO_SITE_KEY}/") == expected
    assert len(result.items) == MAX_SITEMAP_ENTRIES + MAX_FEED_ENTRIES
    # One line per listing that skipped some: the index, the feed, and the children read after
    # the entry budget ran out: 16 read whole, one in part, three not at all.
    full = MAX_SITEMAP_ENTRIES // ENTRIES_PER_CHILD
    assert result.log.count("Budget: ") == 2 + MAX_CHILDREN - full
