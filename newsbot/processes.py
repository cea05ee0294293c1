"""Whether a process of this machine still runs: how a worker of a shared crawl tells another
worker's files and summary (still being written) from a dead run's leftovers."""

from __future__ import annotations

import os


def is_running(pid: int) -> bool:
    """Whether process ``pid`` exists on this machine (any user's)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists; another user's
    return True


def pid_in(run_id: str) -> int | None:
    """The pid in a run id (``20261207T172327Z-13037``, or ``…-13037-3c60de`` for a shared
    crawl's run: newsbot.runs.Run.now)."""
    parts = run_id.split("-")
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
