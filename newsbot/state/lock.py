"""One run at a time per state store: a kernel file lock, released when its holder dies."""

from __future__ import annotations

import fcntl
import os
from typing import TYPE_CHECKING

from newsbot.state.files import make_private_folder, open_private_file

if TYPE_CHECKING:
    from pathlib import Path


class RunLockedError(RuntimeError):
    """Another process holds the run lock."""


class RunLock:
    """An exclusive, non-blocking ``flock`` on ``<path>``.

    The kernel drops the lock when the holding process exits, however it exits (even kill -9),
    so a dead run never blocks the next one. The file keeps the holder's pid for messages.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise RunLockedError at once (cron must not pile up waiting runs)."""
        make_private_folder(self.path.parent)
        fd = open_private_file(self.path)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
            os.close(fd)
            raise RunLockedError(f"{self.path} is held by process {holder}") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        """Let the next run in (the file stays; its lock is what counts)."""
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
