"""The state stores every contract test runs against: SQLite, and Redis (a real server).

``open_store(retention_days=...)`` opens the store as a new process would: each call a new
connection to the same state (one SQLite file, one Redis database per test).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import pytest

from newsbot.state.redis import RedisStateStore
from newsbot.state.sqlite import DEFAULT_RETENTION_DAYS, SQLiteStateStore

if TYPE_CHECKING:
    from pathlib import Path

    from newsbot.state import StateStore

SPIDER = "asia_pacific"


class OpenStore(Protocol):
    def __call__(self, retention_days: int = DEFAULT_RETENTION_DAYS) -> StateStore: ...


@pytest.fixture(params=["sqlite", "redis"])
def open_store(request: pytest.FixtureRequest, tmp_path: Path) -> OpenStore:
    if request.param == "sqlite":
        path = str(tmp_path / "state.sqlite3")

        def sqlite(retention_days: int = DEFAULT_RETENTION_DAYS) -> StateStore:
            return SQLiteStateStore(path, retention_days=retention_days)

        return sqlite
    url: str = request.getfixturevalue("redis_url")

    def shared(retention_days: int = DEFAULT_RETENTION_DAYS) -> StateStore:
        return RedisStateStore(url, spider=SPIDER, retention_days=retention_days)

    return shared
