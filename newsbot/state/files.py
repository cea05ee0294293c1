"""The state's folder and files are readable by the crawler's user alone, whatever the umask.

The state holds every URL the crawler met and (for sites with credentials) what it was told
by them: 0700 for the folder newsbot creates, 0600 for the files (SQLite gives its -wal and
-shm files the mode of the database file).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` with mode 0700 (its parents as usual). A folder that exists is left
    as it is: NEWSBOT_STATE_PATH may name a file in a folder of the user's."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        folder.mkdir(mode=FOLDER_MODE)
    except FileExistsError:
        return
    folder.chmod(FOLDER_MODE)  # mkdir's mode passes through the umask


def open_private_file(path: Path) -> int:
    """A descriptor of ``path`` opened read-write, created if missing, with mode 0600 (an
    existing state file written by an older newsbot with a looser mode is tightened)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    os.fchmod(fd, FILE_MODE)  # os.open's mode passes through the umask
    return fd
