"""State stores whose process dies right at the run's commit, just before or just after it
is durable: the power cut or kill -9 that lands between the commit and the rename of the
export files, whichever comes first."""

from __future__ import annotations

import os
from typing import Any

from newsbot.state.sqlite import SQLiteStateStore

KILLED = 137


class DiesBeforeCommitStore(SQLiteStateStore):
    """Ends the process when asked to commit, before anything is committed."""

    def finish(self, *, commit: bool, **details: Any) -> None:
        if commit:
            os._exit(KILLED)
        super().finish(commit=commit, **details)


class DiesAfterCommitStore(SQLiteStateStore):
    """Commits like the real store, then ends the process without a chance to clean up."""

    def finish(self, *, commit: bool, **details: Any) -> None:
        super().finish(commit=commit, **details)
        if commit:
            os._exit(KILLED)
