"""The run summaries (``<NEWSBOT_RUNS_DIR>/<run id>.json``), read leniently into typed values.

A summary is written by a run that may have died half-way (``"status": "running"``), by an
older newsbot (fewer keys), or damaged by hand: a missing key counts as nothing, and a file
that is no summary at all is skipped with a log line, never the end of the report.
"""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tqdm import tqdm

if TYPE_CHECKING:
    from pathlib import Path

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunSummary:
    """What the report needs of one run: its verdict, volumes, drops and each site's status."""

    run_id: str
    status: str = "unknown"
    items_exported: int = 0
    requests: int = 0
    dropped: dict[str, int] = field(default_factory=dict)
    site_status: dict[str, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """The run's start (UTC) read off its id, else the id."""
        try:
            started = datetime.strptime(self.run_id[:16], "%Y%m%dT%H%M%SZ")
        except ValueError:
            return self.run_id
        return f"{started:%Y-%m-%d %H:%M:%S}"

    @classmethod
    def parse(cls, data: Any, run_id: str) -> RunSummary:
        """The summary in ``data`` (``run_id``: the file's name, for one that lacks the key);
        ValueError when it is not shaped like one."""
        if not isinstance(data, dict):
            raise ValueError(f"expected a JSON object, found {type(data).__name__}")
        sites = data.get("sites") or {}
        if not isinstance(sites, dict) or not all(isinstance(s, dict) for s in sites.values()):
            raise ValueError("sites: expected an object of objects")
        return cls(
            run_id=str(data.get("run_id") or run_id),
            status=str(data.get("status") or "unknown"),
            items_exported=_count(data, "items_exported"),
            requests=_count(data, "requests"),
            dropped=_counts(data.get("dropped") or {}, "dropped"),
            site_status={
                str(key): str(site.get("status") or "unknown") for key, site in sites.items()
            },
        )


def read_summaries(folder: Path) -> list[RunSummary]:
    """Every readable summary in ``folder``, in file order (run ids start with their UTC
    start time); a progress bar on a terminal, silence under cron."""
    paths = sorted(folder.glob("*.json"))
    summaries = []
    for path in tqdm(paths, desc="run summaries", unit="file", disable=not sys.stderr.isatty()):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            summaries.append(RunSummary.parse(data, path.stem))
        except (OSError, ValueError) as exc:  # JSONDecodeError and UnicodeError are ValueErrors
            logger.warning("Skipping unreadable run summary %s: %s", path, exc)
    return summaries


def _count(data: dict[str, Any], key: str, where: str = "") -> int:
    value = data.get(key) or 0
    # bool is an int to Python, never a count in a summary.
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{where}{key}: expected a count, found {value!r}")
    return value


def _counts(value: Any, key: str) -> dict[str, int]:
    if not isinstance(value, dict):
        raise ValueError(f"{key}: expected an object of counts")
    return {str(name): _count(value, name, f"{key}.") for name in value}
