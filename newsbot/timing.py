"""Where a crawl's time goes, per stage: microseconds and pages in the stats, a block in the
run summary.

Stages: ``download`` (Scrapy's download latency of each response), ``discovery`` (reading
section pages, feeds and sitemaps), ``page_type`` (typing a page before its body is read),
``extraction`` (the rest of extracting it), ``pipelines`` (an item through every item
pipeline, state-store calls included), ``state`` (calls to the state store, from the spider
and the pipelines) and ``export`` (writing items to the feeds). ``benchmarks.crawl`` prints
them beside pages per second. Work done in an extraction worker process is timed there
(``collecting`` / ``stage``) and added to the stats when its result comes back.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from scrapy.statscollectors import StatsCollector

STAGES = ("download", "discovery", "page_type", "extraction", "pipelines", "state", "export")
_PREFIX = "newsbot/timing"
_COLLECTED: ContextVar[dict[str, float] | None] = ContextVar("newsbot_timing", default=None)


def add(stats: StatsCollector, stage: str, seconds: float) -> None:
    """Count one run of ``stage`` work (a page, an item, a call) that took ``seconds``."""
    stats.inc_value(f"{_PREFIX}/{stage}_us", round(seconds * 1_000_000))
    stats.inc_value(f"{_PREFIX}/{stage}_count")


@contextmanager
def timed(stats: StatsCollector, stage: str) -> Iterator[None]:
    """Count the time the block takes as one run of ``stage`` work."""
    started = time.perf_counter()
    try:
        yield
    finally:
        add(stats, stage, time.perf_counter() - started)


@contextmanager
def collecting() -> Iterator[dict[str, float]]:
    """Inside the block, ``stage`` blocks add their seconds to the dict yielded (by stage)."""
    collected: dict[str, float] = {}
    token = _COLLECTED.set(collected)
    try:
        yield collected
    finally:
        _COLLECTED.reset(token)


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Time the block as ``name`` work when ``collecting`` is on; costs one lookup when not."""
    collected = _COLLECTED.get()
    if collected is None:
        yield
        return
    started = time.perf_counter()
    try:
        yield
    finally:
        collected[name] = collected.get(name, 0.0) + time.perf_counter() - started


def summary(stats: Mapping[str, Any], pages: int) -> dict[str, dict[str, float]]:
    """The run summary's ``timing`` block, per stage that took any time: its total ms, how
    many times it ran (pages, items or calls) and its ms per page of the ``pages`` crawled."""
    block = {}
    for name in STAGES:
        ms = int(stats.get(f"{_PREFIX}/{name}_us", 0)) / 1000
        count = int(stats.get(f"{_PREFIX}/{name}_count", 0))
        if ms or count:
            per_page = round(ms / pages, 2) if pages else 0.0
            block[name] = {"ms": round(ms, 1), "count": count, "ms_per_page": per_page}
    return block


class TimedCalls:
    """``target`` with every method call counted as ``stage`` work (the state store, say)."""

    def __init__(self, target: Any, stats: StatsCollector, stage: str) -> None:
        self._target = target
        self._stats = stats
        self._stage = stage

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._target, name)
        if not callable(value):
            return value

        def timed_call(*args: Any, **kwargs: Any) -> Any:
            with timed(self._stats, self._stage):
                return value(*args, **kwargs)

        return timed_call
