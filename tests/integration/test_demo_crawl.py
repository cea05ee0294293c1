"""A full crawl of the demo site over real HTTP: what is exported, dropped and fetched."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from newsbot.dates import to_utc_iso
from newsbot.demo.boilerplate import BOILERPLATE_PHRASES
from newsbot.items import EXPORT_FIELDS
from tests.integration.conftest import CrawlResult, crawl, crawl_demo
from tests.support import expected_demo_paths, url_paths

if TYPE_CHECKING:
    from pathlib import Path

    from newsbot.demo.server import DemoServer

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def full_crawl(tmp_path_factory: pytest.TempPathFactory, demo_server: DemoServer) -> CrawlResult:
    return crawl_demo(tmp_path_factory.mktemp("full"), demo_server)


def test_exports_every_article_exactly_once(full_crawl: CrawlResult) -> None:
    found = url_paths(full_crawl.urls)
    assert len(found) == len(set(found)), "an article was exported twice"
    assert set(found) == expected_demo_paths(1, set(found))
    assert len({item["fingerprint"] for item in full_crawl.items}) == len(found)


def test_no_boilerplate_in_any_body(full_crawl: CrawlResult) -> None:
    for item in full_crawl.items:
        leaked = [phrase for phrase in BOILERPLATE_PHRASES if phrase in item["body"]]
        assert not leaked, (item["url"], leaked)


def test_fields_match_what_the_demo_published(
    full_crawl: CrawlResult, demo_server: DemoServer
) -> None:
    expected = demo_server.site.expected_articles(demo_server.url)
    for item in full_crawl.items:
        want = expected.get(item["url"]) or expected[item["url"].replace("-2/", "/")]
        assert item["title"] == want.title, item["url"]
        assert item["authors"] == list(want.authors), item["url"]
        assert item["tags"] == list(want.tags), item["url"]
        assert item["body"] == want.body, item["url"]
        assert item["description"] == want.description, item["url"]
        assert item["published_at"] == to_utc_iso(want.published), item["url"]
        assert item["modified_at"] == to_utc_iso(want.modified), item["url"]
        assert item["language"] == want.lang[:2], item["url"]
        assert item["image_url"] == want.image_url, item["url"]
        assert item["site"] == "pacific_ledger"
        assert item["section"] == "asia_pacific"


def test_exact_values_of_one_wire_story(full_crawl: CrawlResult) -> None:
    by_path = dict(zip(url_paths(full_crawl.urls), full_crawl.items, strict=True))
    item = by_path["/2026/11/03/tokyo-exchange-extends-afternoon-session/"]
    # Published at 00:30 in Tokyo: the previous day in UTC.
    assert item["published_at"] == "2026-11-02T15:30:00+00:00"
    assert item["language"] == "en"
    assert item["word_count"] == len(item["body"].split())
    assert item["source_url"].startswith("http://127.0.0.1:")
    assert item["fetched_at"] is not None
    assert list(item)[: len(EXPORT_FIELDS)] == list(EXPORT_FIELDS)


def test_drops_are_counted_by_reason(full_crawl: CrawlResult) -> None:
    # AMP twins name their main page as canonical: it is fetched instead of exporting the twin.
    assert full_crawl.stats["newsbot/article/followed_canonical"] >= 1
    assert not [url for url in full_crawl.urls if "/amp/" in url]
    # The "-2" re-publication has its own canonical URL: only its text gives it away.
    assert full_crawl.dropped("duplicate_body") == 1
    # Static pages and the video page from the page sitemap are no articles.
    assert full_crawl.dropped("not_article") >= 4
    assert "Dropped duplicate_body: http://127.0.0.1:" in full_crawl.log


def test_robots_txt_is_obeyed(full_crawl: CrawlResult, demo_server: DemoServer) -> None:
    requested = demo_server.requests
    assert "/robots.txt" in requested
    assert not [p for p in requested if p.startswith(("/wp-admin", "/private", "/?s="))]


def test_max_pages_limits_section_pages(tmp_path: Path, demo_server: DemoServer) -> None:
    result = crawl_demo(tmp_path, demo_server, args={"max_pages": "2"})
    assert result.stats["newsbot/section/pages"] == 2
    assert result.stats["newsbot/section/page_budget_reached"] == 1


def test_limit_exports_exactly_n(tmp_path: Path, demo_server: DemoServer) -> None:
    result = crawl_demo(tmp_path, demo_server, args={"limit": "5"})
    assert len(result.items) == 5
    assert result.stats["finish_reason"] == "closespider_itemcount"


def test_since_skips_older_articles(tmp_path: Path, demo_server: DemoServer) -> None:
    result = crawl_demo(tmp_path, demo_server, args={"since": "2026-11-20"})
    expected = {
        a.url
        for a in demo_server.site.expected_articles(demo_server.url).values()
        if (to_utc_iso(a.published) or "")[:10] >= "2026-11-20"
    }
    assert set(result.urls) == expected
    assert (
        result.dropped("before_since") + result.stats["newsbot/discovery/skipped_before_since"] > 0
    )


def test_domains_and_a_section_page_are_enough(tmp_path: Path, demo_server: DemoServer) -> None:
    """No feed, no sitemap, no rules, no selectors: pagination and generic discovery suffice."""
    declaration = f"""
domains = ["127.0.0.1"]
[sections.asia_pacific]
pages = ["{demo_server.url}/category/asia-pacific/"]
"""
    result = crawl(tmp_path, declaration=declaration)
    found = url_paths(result.urls)
    assert set(found) == expected_demo_paths(1, set(found))
    assert result.stats["newsbot/section/pages"] == 4
