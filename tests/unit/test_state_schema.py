"""A state file written by an earlier newsbot is migrated in place; one from a later is refused."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

import pytest

from newsbot.neardup import band_keys, signature
from newsbot.state import StateSchemaError
from newsbot.state.schema import VERSION
from newsbot.state.sqlite import SQLiteStateStore
from newsbot.urls import url_key

if TYPE_CHECKING:
    from pathlib import Path

# The schema as newsbot wrote it before state files had a version (user_version 0).
UNVERSIONED_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    signature BLOB,
    story_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    version_at TEXT,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    exported_run TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'exported'
);
CREATE INDEX IF NOT EXISTS articles_fingerprint ON articles (fingerprint);
CREATE TABLE IF NOT EXISTS article_urls (
    key TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id)
);
CREATE TABLE IF NOT EXISTS bands (
    key INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id)
);
CREATE INDEX IF NOT EXISTS bands_key ON bands (key);
CREATE TABLE IF NOT EXISTS rejected (
    key TEXT PRIMARY KEY, reason TEXT NOT NULL, seen TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS validators (
    url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT
);
CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY, spider TEXT NOT NULL, started_at TEXT NOT NULL, summary TEXT
);
CREATE TABLE IF NOT EXISTS publications (
    run_id TEXT NOT NULL, part TEXT NOT NULL, final TEXT NOT NULL, manifest TEXT NOT NULL
);
"""
WIRE = " ".join(
    f"Paragraph {n} of the port story says the wharf at Lautoka reopens to cruise ships."
    for n in range(12)
)
SIGNATURE = signature(WIRE)
URL = "https://news.example/a/"
SEEN = "2026-11-01T10:00:00+00:00"


def unversioned_state(path: Path) -> None:
    """A state file as the unversioned newsbot left it: one article revised once."""
    assert SIGNATURE is not None
    db = sqlite3.connect(path)
    db.executescript(UNVERSIONED_SCHEMA)
    db.execute(
        "INSERT INTO articles VALUES (1, ?, 'f2', ?, 'story-a', 2, ?, ?, ?, 'run-2', 'exported')",
        (URL, SIGNATURE, "2026-11-01T09:00:00+00:00", SEEN, SEEN),
    )
    db.execute(
        "INSERT INTO articles VALUES (2, 'https://news.example/b/', 'f3', NULL, 'story-b', 1,"
        " NULL, ?, ?, 'run-1', 'exported')",
        (SEEN, SEEN),
    )
    db.execute("INSERT INTO article_urls VALUES (?, ?, 1)", (url_key(URL), URL))
    other = "https://news.example/b/"
    db.execute("INSERT INTO article_urls VALUES (?, ?, 2)", (url_key(other), other))
    db.executemany("INSERT INTO bands VALUES (?, 1)", [(k,) for k in band_keys(SIGNATURE)])
    db.execute("INSERT INTO validators VALUES ('https://news.example/', '\"v1\"', NULL)")
    db.execute("INSERT INTO runs VALUES ('run-2', 'asia_pacific', ?, '{}')", (SEEN,))
    db.commit()
    db.close()


def schema_of(path: Path) -> tuple[int, list[tuple[str, str]]]:
    db = sqlite3.connect(path)
    version = db.execute("PRAGMA user_version").fetchone()[0]
    tables = db.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    db.close()
    return version, tables


def test_an_unversioned_state_file_is_migrated_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    unversioned_state(path)
    store = SQLiteStateStore(str(path))
    store.begin("run-3", "asia_pacific", "2026-11-30T10:00:00+00:00")
    known = store.find_url(("https://www.news.example/a/?utm_source=x",))
    assert known is not None
    assert (known.id, known.fingerprint, known.story_id, known.revision) == (1, "f2", "story-a", 2)
    assert known.version_at == "2026-11-01T09:00:00+00:00"
    found = store.find_fingerprint("f3")
    assert found is not None
    assert found.url == "https://news.example/b/"
    assert SIGNATURE is not None
    near = store.find_near(SIGNATURE, 0.9)
    assert near is not None
    assert near[0].id == 1
    assert store.validators("https://news.example/") is not None
    store.close()
    assert schema_of(path)[0] == VERSION


def test_opening_a_migrated_file_again_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    unversioned_state(path)
    SQLiteStateStore(str(path)).close()
    migrated = schema_of(path)
    SQLiteStateStore(str(path)).close()
    assert schema_of(path) == migrated
    store = SQLiteStateStore(str(path))
    assert store.find_fingerprint("f2") is not None
    store.close()


def test_a_new_file_gets_the_current_version(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    SQLiteStateStore(str(path)).close()
    assert schema_of(path)[0] == VERSION


def test_a_file_from_a_newer_newsbot_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE future (x)")
    db.execute(f"PRAGMA user_version = {VERSION + 1}")
    db.close()
    before = schema_of(path)
    with pytest.raises(StateSchemaError, match="newer than this newsbot knows") as info:
        SQLiteStateStore(str(path))
    assert "\n" not in str(info.value)
    assert isinstance(info.value, RuntimeError)
    assert schema_of(path) == before


# The schema of version 1, as newsbot wrote it before URL keys were stored by key.
VERSION_1_SCHEMA = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY, url TEXT NOT NULL, story_id TEXT NOT NULL,
    first_seen TEXT NOT NULL, last_seen TEXT NOT NULL
);
CREATE TABLE versions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id),
    revision INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    signature BLOB,
    version_at TEXT,
    run_id TEXT NOT NULL,
    status TEXT NOT NULL
);
CREATE INDEX versions_fingerprint ON versions (fingerprint);
CREATE INDEX versions_article ON versions (article_id);
CREATE TABLE article_urls (
    key TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id),
    seen TEXT NOT NULL
);
CREATE INDEX article_urls_article ON article_urls (article_id);
CREATE TABLE bands (key INTEGER NOT NULL, version_id INTEGER NOT NULL REFERENCES versions (id));
CREATE INDEX bands_key ON bands (key);
CREATE INDEX bands_version ON bands (version_id);
CREATE TABLE rejected (key TEXT PRIMARY KEY, reason TEXT NOT NULL, seen TEXT NOT NULL);
CREATE TABLE validators (
    url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, seen TEXT NOT NULL
);
CREATE TABLE runs (
    run_id TEXT PRIMARY KEY, spider TEXT NOT NULL, started_at TEXT NOT NULL, summary TEXT
);
CREATE TABLE publications (
    run_id TEXT NOT NULL, part TEXT NOT NULL, final TEXT NOT NULL, manifest TEXT NOT NULL
);
CREATE TABLE site_runs (
    run_id TEXT NOT NULL, site TEXT NOT NULL, exported INTEGER NOT NULL, finished_at TEXT NOT NULL
);
CREATE INDEX site_runs_site ON site_runs (site);
"""


def version_1_state(path: Path) -> None:
    """A version-1 file: one article exported, then revised; a second URL for it."""
    db = sqlite3.connect(path)
    db.executescript(VERSION_1_SCHEMA)
    db.execute("INSERT INTO articles VALUES (1, ?, 'story-a', ?, ?)", (URL, SEEN, SEEN))
    db.executemany(
        "INSERT INTO versions VALUES (?, 1, ?, ?, NULL, ?, 'run-1', 'exported')",
        [(1, 1, "f1", "2026-10-01T09:00:00+00:00"), (2, 2, "f2", "2026-11-01T09:00:00+00:00")],
    )
    other = "https://news.example/a-story/"
    for url in (URL, other):
        db.execute("INSERT INTO article_urls VALUES (?, ?, 1, ?)", (url_key(url), url, SEEN))
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()


def shape(path: Path) -> dict[str, object]:
    """Each table's columns and whether it has rowids, each index's columns and condition:
    what lookups depend on, whatever the CREATE statements' spelling. Not the columns'
    defaults: those a migration adds with a column stay, and no insert relies on them."""
    db = sqlite3.connect(path)
    found: dict[str, object] = {}
    for name, kind, table, sql in db.execute("SELECT name, type, tbl_name, sql FROM sqlite_master"):
        if kind == "table":
            columns = [row[1:4] + row[5:] for row in db.execute(f"PRAGMA table_info({name})")]
            found[name] = (columns, "WITHOUT ROWID" in sql)
        elif sql is not None:  # a declared index, not a primary key's own
            columns = [(row[2], row[3]) for row in db.execute(f"PRAGMA index_xinfo({name})")]
            condition = sql.partition(" WHERE ")[2]
            found[name] = (table, [c for c in columns if c[0] is not None], condition)
    db.close()
    return found


def test_a_version_1_file_takes_the_shape_of_a_new_one(tmp_path: Path) -> None:
    version_1_state(tmp_path / "old.sqlite3")
    unversioned_state(tmp_path / "older.sqlite3")
    for name in ("old", "older", "new"):
        SQLiteStateStore(str(tmp_path / f"{name}.sqlite3")).close()
    new = shape(tmp_path / "new.sqlite3")
    assert shape(tmp_path / "old.sqlite3") == new
    assert shape(tmp_path / "older.sqlite3") == new


def test_a_version_1_file_keeps_what_it_knew(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    version_1_state(path)
    store = SQLiteStateStore(str(path))
    store.begin("run-2", "asia_pacific", "2026-11-30T10:00:00+00:00")
    known = store.is_known("https://www.news.example/a-story")
    assert known is not None
    assert (known.id, known.url, known.fingerprint, known.revision) == (1, URL, "f2", 2)
    found = store.find_fingerprint("f1")
    assert found is not None
    assert found.revision == 1
    store.close()
    assert schema_of(path)[0] == VERSION
