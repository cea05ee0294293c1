"""A command run to its end and measured: wall time, the max RSS of its largest process, and
the peak memory of all its processes together (a crawl's extraction workers included).
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Self

if TYPE_CHECKING:
    from collections.abc import Sequence

REPO_ROOT = Path(__file__).resolve().parents[1]
_KB = 1024  # /proc gives memory in kilobytes


@dataclass(frozen=True)
class Measured:
    """A command run to its end: wall time, peak memory, exit code."""

    seconds: float
    peak_mb: float  # the max RSS of its largest process
    tree_mb: float  # the peak of its processes' summed PSS, sampled
    exit_code: int


def measure(args: Sequence[str], log: Path) -> Measured:
    """Run ``args`` through ``benchmarks.peak_memory``, its stderr into ``log``.

    Through it, not forked from here: a child's max RSS starts at its parent's, and this
    process holds every page the local sites serve.
    """
    started = time.perf_counter()
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.peak_memory", *args],
            cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=stderr,
        )  # fmt: skip
        with TreeMemory(process.pid) as tree:
            out, _ = process.communicate()
    seconds = time.perf_counter() - started
    return Measured(seconds, float(out or 0), tree.peak_mb, process.returncode)


class TreeMemory:
    """The peak memory of a process's descendants together, sampled from /proc in a thread.

    A crawl with worker processes uses their memory too, which the max RSS of one process
    leaves out. PSS, not RSS: it shares each page out among the processes mapping it, so what
    forked workers have in common counts once.
    """

    def __init__(self, pid: int, every_s: float = 0.1) -> None:
        self.pid, self.every_s, self.peak_mb = pid, every_s, 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._done.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._done.wait(self.every_s):
            total = sum(_pss_mb(pid) for pid in _descendants(self.pid))
            self.peak_mb = max(self.peak_mb, total)


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:  # the parent's pid is the second field after the command name, "(name)"
            parent = int(stat.read_text(encoding="utf-8").rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue  # gone since the listing
        children.setdefault(parent, []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        below = children.get(todo.pop(), [])
        found += below
        todo += below
    return found


def _pss_mb(pid: int) -> float:
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text(encoding="utf-8").splitlines()
    except OSError:
        return 0.0  # gone, or a kernel without it (< 4.14)
    kilobytes = next((int(line.split()[1]) for line in lines if line.startswith("Pss:")), 0)
    return kilobytes / _KB
