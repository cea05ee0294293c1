"""Where a spider's shared crawl lives in Redis: one place for every key name, so the
scheduler's queue, the state store and the reaper of dead runs agree.

Each worker is one run (its run id). A run holds a *lease* while its process lives (a key with a
time to live, renewed by a thread); what it took from the shared queue sits in its *in-flight*
set until the run commits. A run whose lease expired (killed with -9, its machine gone) is
*dead*: its in-flight requests go back to the queue and its pending claims are dropped, so
another worker redoes its work and nothing is lost or exported twice.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_PREFIX = "newsbot"


@dataclass(frozen=True)
class Keys:
    """The Redis keys of one spider's shared crawl, under ``prefix``."""

    prefix: str
    spider: str

    @property
    def base(self) -> str:
        return f"{self.prefix}:{self.spider}"

    @property
    def requests(self) -> str:
        """Sorted set: the shared frontier (scrapy-redis' priority queue; score = -priority)."""
        return f"{self.base}:requests"

    @property
    def dupefilter(self) -> str:
        """Set: fingerprints of the requests scheduled by the current crawl (all workers)."""
        return f"{self.base}:dupefilter"

    @property
    def runs(self) -> str:
        """Set: ids of the runs begun and not yet finished (alive, or dead and not reaped)."""
        return f"{self.base}:runs"

    def lease(self, run_id: str) -> str:
        """String with a time to live: exists while the run's process lives."""
        return f"{self.base}:run:{run_id}:lease"

    def inflight(self, run_id: str) -> str:
        """Sorted set: the requests the run popped from the frontier, with their queue scores,
        until the run commits (then they are done) or dies (then they are queued again)."""
        return f"{self.base}:run:{run_id}:inflight"

    def state(self, name: str) -> str:
        """A key of the shared state store (newsbot.state.redis)."""
        return f"{self.base}:state:{name}"
