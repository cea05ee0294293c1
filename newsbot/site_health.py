"""Per-site health of a run: which sites answered, yielded articles, failed or went stale.

Read off the per-site stats the spider and the run report count (``newsbot/site/<key>/...``),
so that one dead site among seven is named in the summary instead of vanishing in a total.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SITE_STAT = "newsbot/site"
#: The per-site counters, in the order the run summary lists them.
COUNTERS = (
    "listings_fetched",
    "listings_unchanged",
    "listings_failed",
    "links_found",
    "links_known",
    "articles_fetched",
    "articles_failed",
    # Fetched, but its extraction timed out or ended its worker: lost like a failed fetch.
    "articles_unreadable",
    "robots_denied",
    "robots_unavailable",
    "deferred",
    "exported",
)


@dataclass(frozen=True)
class SiteHealth:
    """One site's part in a run: its counters and, when it did not do its job, why."""

    site: str
    status: str  # ok, failed (nothing read), degraded (read, with failures), empty or stale
    problems: tuple[str, ...]
    counts: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "problems": list(self.problems),
            **self.counts,
            "dropped": self.dropped,
        }


def site_stats(stats: dict[str, Any]) -> dict[str, dict[str, int]]:
    """``{site: {counter: value}}`` from the flat ``newsbot/site/<key>/<counter>`` stats."""
    sites: dict[str, dict[str, int]] = {}
    for key, value in stats.items():
        if key.startswith(f"{SITE_STAT}/"):
            site, _, counter = key[len(SITE_STAT) + 1 :].partition("/")
            sites.setdefault(site, {})[counter] = int(value)
    return sites


def judge_site(
    site: str,
    counters: dict[str, int],
    *,
    max_error_rate: float,
    earlier_exports: list[int],
    stale_after_runs: int,
) -> SiteHealth:
    """The health of ``site``; ``earlier_exports``: its exported counts in earlier committed
    runs, newest first (for telling a site that went quiet from one that never spoke)."""
    counts = {name: counters.get(name, 0) for name in COUNTERS}
    dropped = {
        name.removeprefix("dropped/"): value
        for name, value in sorted(counters.items())
        if name.startswith("dropped/")
    }
    problems = _unreachable(counters, counts)
    status = "failed" if problems else "ok"
    if not problems and (problems := _degraded(counters, counts, max_error_rate)):
        status = "degraded"
    if not problems and _found_nothing(counts):
        status, problems = "empty", ["no article link on its section pages, feeds or sitemaps"]
    if status == "ok" and _went_stale(counts["exported"], earlier_exports, stale_after_runs):
        status = "stale"
        problems = [f"no new article in the last {stale_after_runs} runs (it had some before)"]
    return SiteHealth(site, status, tuple(problems), counts, dropped)


def _unreachable(counters: dict[str, int], counts: dict[str, int]) -> list[str]:
    """Why none of the site's listings could be read (the site failed), if so."""
    if counts["listings_fetched"]:
        return []
    if counts["robots_unavailable"]:
        return ["robots.txt could not be read (5xx or unreachable): not crawled this run"]
    if counts["deferred"]:
        return ["asked to wait past NEWSBOT_MAX_RETRY_AFTER: deferred to the next run"]
    if counts["listings_failed"]:
        return [_listing_failures(counters, counts)]
    if counts["robots_denied"]:
        return ["robots.txt refused its listing pages"]
    return []


def _degraded(counters: dict[str, int], counts: dict[str, int], max_error_rate: float) -> list[str]:
    """What went wrong on a site that was read all the same (its articles are delivered)."""
    problems = []
    if counts["listings_failed"]:
        problems.append(_listing_failures(counters, counts))
    if counts["deferred"]:
        problems.append(f"{counts['deferred']} pages deferred to the next run (Retry-After)")
    attempted = counts["articles_fetched"] + counts["articles_failed"]
    failed = counts["articles_failed"] + counts["articles_unreadable"]
    if attempted and failed / attempted > max_error_rate:
        problems.append(f"{failed} of {attempted} article pages failed")
    return problems


def _listing_failures(counters: dict[str, int], counts: dict[str, int]) -> str:
    kinds = sorted(
        k.removeprefix("listing_failed/") for k in counters if k.startswith("listing_failed/")
    )
    answered = counts["listings_fetched"] + counts["listings_failed"]
    return f"{counts['listings_failed']} of {answered} listing pages failed ({', '.join(kinds)})"


def _found_nothing(counts: dict[str, int]) -> bool:
    """Listings that were read (not merely unchanged since the last run) and held no link."""
    read = counts["listings_fetched"] - counts["listings_unchanged"]
    return read > 0 and counts["links_found"] == 0


def _went_stale(exported: int, earlier: list[int], runs: int) -> bool:
    recent, older = earlier[: runs - 1], earlier[runs - 1 :]
    return exported == 0 and len(recent) == runs - 1 and not any(recent) and any(older)


def sites_line(sites: list[SiteHealth]) -> str:
    """``3 sites ok, 1 site failed: bbc (1 of 1 listing pages failed (http_404))``."""
    if not sites:
        return "no site crawled"
    ok = sum(1 for s in sites if s.status == "ok")
    parts = [f"{ok} {_plural('site', ok)} ok"] if ok else []
    for status in ("failed", "degraded", "empty", "stale"):
        named = [s for s in sites if s.status == status]
        if named:
            described = ", ".join(f"{s.site} ({'; '.join(s.problems)})" for s in named)
            parts.append(f"{len(named)} {_plural('site', len(named))} {status}: {described}")
    return ", ".join(parts)


def _plural(word: str, count: int) -> str:
    return word if count == 1 else f"{word}s"
