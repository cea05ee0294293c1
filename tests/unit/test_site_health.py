"""Per-site health: failed, empty and stale sites are named, quiet-but-unchanged ones are not."""

from __future__ import annotations

import pytest

from newsbot.site_health import judge_site, site_stats, sites_line


def health(
    counters: dict[str, int], earlier: list[int] | None = None
) -> tuple[str, tuple[str, ...]]:
    site = judge_site(
        "bbc", counters, max_error_rate=0.5, earlier_exports=earlier or [], stale_after_runs=3
    )
    return site.status, site.problems


@pytest.mark.parametrize(
    ("counters", "status", "problem"),
    [
        ({"listings_fetched": 1, "links_found": 3, "articles_fetched": 3, "exported": 3},
         "ok", None),
        ({"listings_failed": 1, "listing_failed/http_404": 1}, "failed",
         "1 of 1 listing pages failed (http_404)"),
        ({"listings_fetched": 2, "listings_failed": 1, "listing_failed/http_503": 1,
          "links_found": 4}, "degraded", "1 of 3 listing pages failed (http_503)"),
        ({"listings_fetched": 1, "links_found": 0}, "empty",
         "no article link on its section pages, feeds or sitemaps"),
        ({"listings_fetched": 2, "listings_unchanged": 2, "links_found": 0}, "ok", None),
        ({"robots_denied": 2}, "failed", "robots.txt refused its listing pages"),
        ({"robots_denied": 2, "robots_unavailable": 1}, "failed",
         "robots.txt could not be read (5xx or unreachable): not crawled this run"),
        ({"deferred": 3}, "failed",
         "asked to wait past NEWSBOT_MAX_RETRY_AFTER: deferred to the next run"),
        ({"listings_fetched": 1, "links_found": 4, "articles_fetched": 1, "deferred": 3},
         "degraded", "3 pages deferred to the next run (Retry-After)"),
        ({"listings_fetched": 1, "links_found": 5, "articles_fetched": 2, "articles_failed": 3},
         "degraded", "3 of 5 article pages failed"),
        # Fetched, but their extraction timed out or crashed its worker: lost all the same.
        ({"listings_fetched": 1, "links_found": 4, "articles_fetched": 4, "articles_unreadable": 3,
          "exported": 1}, "degraded", "3 of 4 article pages failed"),
    ],
)  # fmt: skip
def test_site_status(counters: dict[str, int], status: str, problem: str | None) -> None:
    assert health(counters) == (status, (problem,) if problem else ())


QUIET = {"listings_fetched": 1, "links_found": 4, "links_known": 4}


@pytest.mark.parametrize(
    ("earlier", "status"),
    [
        ([0, 0, 5], "stale"),  # nothing now nor in the 2 runs before; something earlier
        ([0, 3, 5], "ok"),  # it exported 2 runs ago
        ([0, 0], "ok"),  # not enough history to call it stale
        ([0, 0, 0, 0], "ok"),  # never exported anything: not a site that went quiet
    ],
)
def test_stale_after_runs_without_news(earlier: list[int], status: str) -> None:
    assert health(QUIET, earlier)[0] == status


def test_site_stats_and_one_line_summary() -> None:
    stats = {
        "newsbot/site/bbc/listings_failed": 1,
        "newsbot/site/bbc/listing_failed/http_404": 1,
        "newsbot/site/rnz/listings_fetched": 1,
        "newsbot/site/rnz/links_found": 2,
        "newsbot/site/rnz/dropped/short_body": 1,
        "newsbot/fetch/failed/http_404": 1,
    }
    sites = [
        judge_site(k, v, max_error_rate=0.5, earlier_exports=[], stale_after_runs=3)
        for k, v in sorted(site_stats(stats).items())
    ]
    assert sites[1].dropped == {"short_body": 1}
    assert (
        sites_line(sites)
        == "1 site ok, 1 site failed: bbc (1 of 1 listing pages failed (http_404))"
    )
