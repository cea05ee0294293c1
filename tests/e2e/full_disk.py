"""A feed storage whose disk is full: every store() fails as a real ENOSPC would."""

from __future__ import annotations

import errno
import os
from typing import IO

from newsbot.exports.storage import AtomicFileFeedStorage


class FullDiskFeedStorage(AtomicFileFeedStorage):
    """Writes the part file, then fails to finish it with "No space left on device"."""

    def store(self, file: IO[bytes]) -> None:
        file.close()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self.part))
