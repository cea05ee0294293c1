"""Runs a command and prints its peak memory (max RSS in MB) on stdout.

    python -m benchmarks.peak_memory COMMAND [ARGS...]

A child's max RSS starts at its parent's RSS when it is forked, and Linux keeps that figure
across exec: measured from a large process (a test run that built a 45 MB sitemap bomb), a
small crawl looks large. This small process forks the command instead. The command's stdout
is discarded, its stderr passed through; the exit code is the command's.
"""

from __future__ import annotations

import os
import subprocess
import sys

# ru_maxrss is in kilobytes on Linux.
_KB = 1024


def main() -> None:
    process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
    # wait4 gives this one child's resource usage; the Popen is told its exit code.
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    print(f"{usage.ru_maxrss / _KB:.1f}")
    sys.exit(process.returncode)


if __name__ == "__main__":
    main()
