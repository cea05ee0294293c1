"""The SQLite state file's schema, its version (``PRAGMA user_version``) and its migrations.

A state file outlives the code that wrote it: a file written by an older newsbot is migrated in
place (its data kept) when it is opened, and one written by a newer newsbot is refused rather
than written by code that does not know its shape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsbot.neardup import band_keys
from newsbot.state import StateSchemaError

if TYPE_CHECKING:
    import sqlite3

VERSION = 2

SCHEMA = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL,
    story_id TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL
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
CREATE INDEX versions_latest
    ON versions (article_id, revision DESC, id DESC, fingerprint, version_at);
CREATE INDEX versions_pending ON versions (id) WHERE status = 'pending';
CREATE TABLE article_urls (
    key TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id),
    seen TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX article_urls_article ON article_urls (article_id);
CREATE TABLE bands (
    key INTEGER NOT NULL,
    version_id INTEGER NOT NULL REFERENCES versions (id)
);
CREATE INDEX bands_key ON bands (key);
CREATE INDEX bands_version ON bands (version_id);
CREATE TABLE rejected (
    key TEXT PRIMARY KEY, reason TEXT NOT NULL, seen TEXT NOT NULL
);
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

# Version 0 -> 1: every exported version of an article is kept (not only its latest), bands
# belong to a version, URL keys and validators say when they were last seen, runs per site.
_TO_1 = """
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
INSERT INTO versions (article_id, revision, fingerprint, signature, version_at, run_id, status)
    SELECT id, revision, fingerprint, signature, version_at, exported_run, 'exported'
    FROM articles ORDER BY id;
CREATE INDEX versions_fingerprint ON versions (fingerprint);
CREATE INDEX versions_article ON versions (article_id);
DROP INDEX articles_fingerprint;
ALTER TABLE articles DROP COLUMN fingerprint;
ALTER TABLE articles DROP COLUMN signature;
ALTER TABLE articles DROP COLUMN revision;
ALTER TABLE articles DROP COLUMN version_at;
ALTER TABLE articles DROP COLUMN exported_run;
ALTER TABLE articles DROP COLUMN status;
ALTER TABLE article_urls ADD COLUMN seen TEXT NOT NULL DEFAULT '';
UPDATE article_urls SET seen = :now;
CREATE INDEX article_urls_article ON article_urls (article_id);
DROP TABLE bands;
CREATE TABLE bands (
    key INTEGER NOT NULL,
    version_id INTEGER NOT NULL REFERENCES versions (id)
);
CREATE INDEX bands_key ON bands (key);
CREATE INDEX bands_version ON bands (version_id);
ALTER TABLE validators ADD COLUMN seen TEXT NOT NULL DEFAULT '';
UPDATE validators SET seen = :now;
CREATE TABLE site_runs (
    run_id TEXT NOT NULL, site TEXT NOT NULL, exported INTEGER NOT NULL, finished_at TEXT NOT NULL
);
CREATE INDEX site_runs_site ON site_runs (site);
"""

# Version 1 -> 2: a known URL in three B-tree searches, not five and a sort (at 10 M URLs each
# costs ~6 µs): URL keys stored in their key's B-tree (no separate key index to go through),
# and one index holding, in order, what a lookup reads of an article's latest version. Claims
# still pending are found at commit without scanning every version. At 10 M URLs the copy
# takes ~2 minutes, once; the old table's pages stay in the file and are reused as it grows.
_TO_2 = """
CREATE TABLE article_urls_by_key (
    key TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id),
    seen TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO article_urls_by_key (key, url, article_id, seen)
    SELECT key, url, article_id, seen FROM article_urls ORDER BY key;
DROP TABLE article_urls;
ALTER TABLE article_urls_by_key RENAME TO article_urls;
CREATE INDEX article_urls_article ON article_urls (article_id);
DROP INDEX versions_article;
CREATE INDEX versions_latest
    ON versions (article_id, revision DESC, id DESC, fingerprint, version_at);
CREATE INDEX versions_pending ON versions (id) WHERE status = 'pending';
"""


def prepare(db: sqlite3.Connection, path: str, now: str) -> None:
    """Create the schema in a new file, migrate an older one in place, refuse a newer one."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > VERSION:
        raise StateSchemaError(
            f"State file {path} has schema version {version}, newer than this newsbot knows"
            f" ({VERSION}): upgrade newsbot, or point NEWSBOT_STATE_PATH at another file"
        )
    if version == VERSION:
        return
    db.execute("BEGIN IMMEDIATE")
    if not _has_tables(db):
        for statement in _statements(SCHEMA):
            db.execute(statement)
    else:
        if version < 1:
            _migrate_to_1(db, now)
        for statement in _statements(_TO_2):
            db.execute(statement)
    db.execute(f"PRAGMA user_version = {VERSION}")
    db.execute("COMMIT")


def _has_tables(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchone() is not None


def _migrate_to_1(db: sqlite3.Connection, now: str) -> None:
    for statement in _statements(_TO_1):
        db.execute(statement, {"now": now} if ":now" in statement else {})
    # Bands were kept per article (every revision's, mixed): rebuilt from each kept version.
    signed = db.execute("SELECT id, signature FROM versions WHERE signature IS NOT NULL")
    db.executemany(
        "INSERT INTO bands (key, version_id) VALUES (?, ?)",
        [(key, version_id) for version_id, sig in signed.fetchall() for key in band_keys(sig)],
    )


def _statements(script: str) -> list[str]:
    """One statement a string: ``executescript`` would commit the migration's transaction."""
    return [s.strip() for s in script.split(";") if s.strip()]
