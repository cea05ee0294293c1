"""Per-stage timing: what the stats hold and what the run summary says of them."""

from __future__ import annotations

from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from newsbot import timing


def stats() -> MemoryStatsCollector:
    return MemoryStatsCollector(get_crawler())


def test_the_summary_gives_each_stage_its_total_count_and_share_per_page() -> None:
    collected = stats()
    timing.add(collected, "extraction", 0.030)
    timing.add(collected, "extraction", 0.010)
    timing.add(collected, "download", 0.2)
    assert timing.summary(collected.get_stats(), pages=4) == {
        "download": {"ms": 200.0, "count": 1, "ms_per_page": 50.0},
        "extraction": {"ms": 40.0, "count": 2, "ms_per_page": 10.0},
    }


def test_stages_are_timed_only_while_collecting() -> None:
    with timing.stage("page_type"):
        pass  # nothing collects: no error, nothing kept
    with timing.collecting() as seconds:
        with timing.stage("page_type"):
            sum(range(1000))
        with timing.stage("page_type"):
            pass
    assert list(seconds) == ["page_type"]
    assert seconds["page_type"] > 0


def test_every_call_through_timed_calls_counts_and_returns_what_the_target_does() -> None:
    collected = stats()
    store = timing.TimedCalls({"known": 1}, collected, "state")
    assert store.get("known") == 1
    assert store.get("other", 0) == 0
    assert collected.get_value("newsbot/timing/state_count") == 2
