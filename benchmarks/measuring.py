"""A command run to its end and measured: wall time, the max RSS of its largest process, the
peak memory of all its processes together (a crawl's extraction workers included), and the CPU
time they used: how much of the machine's cores a crawl kept busy, and in which process.
"""

from __future__ import annotations

import os
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
_TICKS = os.sysconf("SC_CLK_TCK")  # /proc gives CPU time in clock ticks


@dataclass(frozen=True)
class Measured:
    """A command run to its end: wall time, peak memory, exit code."""

    seconds: float
    peak_mb: float  # the max RSS of its largest process
    tree_mb: float  # the peak of its processes' summed PSS, sampled
    exit_code: int
    cpu_s: float = 0.0  # CPU seconds of all its processes, sampled
    main_cpu_s: float = 0.0  # of the command's own process (a crawl's reactor)
    #: (seconds since start, summed PSS of its processes in MB), one pair per sample
    memory: tuple[tuple[float, float], ...] = ()


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
    # wait4 sees the command and the children it waited for; extraction workers (children of
    # a forkserver nobody waits for) only in the samples of their own peak.
    largest = max(float(out or 0), tree.largest_mb)
    return Measured(
        seconds, largest, tree.peak_mb, process.returncode, tree.cpu_s, tree.main_cpu_s,
        tuple(tree.memory),
    )  # fmt: skip


class TreeMemory:
    """The peak memory of a process's descendants together, sampled from /proc in a thread.

    A crawl with worker processes uses their memory too, which the max RSS of one process
    leaves out. PSS, not RSS: it shares each page out among the processes mapping it, so what
    forked workers have in common counts once. CPU time is the last figure seen of each
    process: a worker that ends between two samples loses at most its last 0.1 s.
    """

    def __init__(self, pid: int, every_s: float = 0.1) -> None:
        self.pid, self.every_s, self.peak_mb = pid, every_s, 0.0
        self.largest_mb = 0.0  # the highest max RSS (VmHWM) of any one of its processes
        self._cpu: dict[int, float] = {}
        self.memory: list[tuple[float, float]] = []
        self._main: int | None = None  # the command: the root runs it as its only child
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._done.set()
        self._thread.join()

    @property
    def cpu_s(self) -> float:
        return sum(self._cpu.values())

    @property
    def main_cpu_s(self) -> float:
        return self._cpu.get(self._main, 0.0) if self._main is not None else 0.0

    def _sample(self) -> None:
        started = time.perf_counter()
        while not self._done.wait(self.every_s):
            pids = _descendants(self.pid)
            if pids and self._main is None:
                self._main = pids[0]
            total = sum(_pss_mb(pid) for pid in pids)
            self.memory.append((time.perf_counter() - started, total))
            self.peak_mb = max(self.peak_mb, total)
            for pid in pids:
                self._cpu[pid] = max(self._cpu.get(pid, 0.0), _cpu_s(pid))
                self.largest_mb = max(self.largest_mb, _max_rss_mb(pid))


def _descendants(root: int) -> list[int]:
    """``root``'s descendants, its children first."""
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


def _cpu_s(pid: int) -> float:
    try:  # utime and stime are the 12th and 13th fields after the command name
        fields = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICKS


def _max_rss_mb(pid: int) -> float:
    """The process's own peak RSS so far (VmHWM)."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text(encoding="utf-8").splitlines()
    except OSError:
        return 0.0  # gone since the listing
    kilobytes = next((int(line.split()[1]) for line in lines if line.startswith("VmHWM:")), 0)
    return kilobytes / _KB


def _pss_mb(pid: int) -> float:
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text(encoding="utf-8").splitlines()
    except OSError:
        return 0.0  # gone, or a kernel without it (< 4.14)
    kilobytes = next((int(line.split()[1]) for line in lines if line.startswith("Pss:")), 0)
    return kilobytes / _KB
