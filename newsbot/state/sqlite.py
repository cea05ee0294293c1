"""SQLiteStateStore: the default state store, one file, one transaction per run."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from newsbot.neardup import band_keys, similarity
from newsbot.state import ArticleRecord, KnownArticle, Publication, Validators
from newsbot.urls import url_key

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

SCHEMA = """
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
CREATE TABLE IF NOT EXISTS site_runs (
    run_id TEXT NOT NULL, site TEXT NOT NULL, exported INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS publications (
    run_id TEXT NOT NULL, part TEXT NOT NULL, final TEXT NOT NULL, manifest TEXT NOT NULL
);
"""
_ARTICLE_COLUMNS = "a.id, a.url, a.fingerprint, a.story_id, a.revision, a.version_at"
_FIND_URL = (
    f"SELECT {_ARTICLE_COLUMNS} FROM article_urls u JOIN articles a ON a.id = u.article_id"  # noqa: S608 (constants)
    " WHERE u.key IN ({marks}) ORDER BY a.id LIMIT 1"
)
_FIND_FINGERPRINT = (
    f"SELECT {_ARTICLE_COLUMNS} FROM articles a WHERE a.fingerprint = ? ORDER BY a.id LIMIT 1"  # noqa: S608 (constants)
)
# Candidates from the band index compared in full (50 at most: more would only cost time).
_FIND_NEAR = (
    f"SELECT a.signature, {_ARTICLE_COLUMNS} FROM articles a WHERE a.id IN"  # noqa: S608 (constants)
    " (SELECT DISTINCT article_id FROM bands WHERE key IN ({marks}) LIMIT 50)"
)


def _marks(values: list[str] | list[int]) -> str:
    """``?, ?, ?``: one SQL placeholder per value (values always travel as parameters)."""
    return ", ".join("?" * len(values))


class SQLiteStateStore:
    """State in one SQLite file (``:memory:`` for a store that forgets when the run ends).

    The run's writes stay in one open transaction until ``finish``: SQLite's journal makes the
    file either wholly before or wholly after the run, whatever happens to the process.
    """

    def __init__(self, path: str, retention_days: int = 0) -> None:
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # Autocommit mode: transactions are opened and closed explicitly, once per run.
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.executescript(SCHEMA)
        self.run_id = ""
        self.now = ""

    def begin(self, run_id: str, spider: str, started_at: str) -> None:
        self.run_id, self.now = run_id, started_at
        self.db.execute("BEGIN IMMEDIATE")
        self.db.execute(
            "INSERT INTO runs (run_id, spider, started_at) VALUES (?, ?, ?)",
            (run_id, spider, started_at),
        )

    def finish(
        self,
        *,
        commit: bool,
        summary: str = "",
        publications: Sequence[Publication] = (),
        site_exports: Mapping[str, int] | None = None,
    ) -> None:
        if not self.db.in_transaction:
            return
        if commit:
            self.db.executemany(
                "INSERT INTO site_runs (run_id, site, exported) VALUES (?, ?, ?)",
                [(self.run_id, site, n) for site, n in (site_exports or {}).items()],
            )
            self.db.execute("UPDATE runs SET summary = ? WHERE run_id = ?", (summary, self.run_id))
            self.db.executemany(
                "INSERT INTO publications (run_id, part, final, manifest) VALUES (?, ?, ?, ?)",
                [(self.run_id, p.part, p.final, p.manifest) for p in publications],
            )
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")

    def site_history(self, site: str, runs: int) -> list[int]:
        rows = self.db.execute(
            "SELECT exported FROM site_runs WHERE site = ? ORDER BY rowid DESC LIMIT ?",
            (site, runs),
        )
        return [row[0] for row in rows]

    def run_summary(self, run_id: str) -> str | None:
        row = self.db.execute("SELECT summary FROM runs WHERE run_id = ?", (run_id,)).fetchone()
        return row[0] if row and row[0] else None

    def unpublished(self) -> list[Publication]:
        rows = self.db.execute("SELECT part, final, manifest FROM publications ORDER BY rowid")
        return [Publication(*row) for row in rows]

    def forget_publications(self) -> None:
        self.db.execute("DELETE FROM publications")

    def close(self) -> None:
        self.finish(commit=False)
        self.db.close()

    def find_url(self, urls: tuple[str, ...]) -> KnownArticle | None:
        keys = sorted({url_key(url) for url in urls})
        return self._one(_FIND_URL.format(marks=_marks(keys)), keys)

    def is_known(self, url: str) -> KnownArticle | None:
        return self.find_url((url,))

    def find_fingerprint(self, fingerprint: str) -> KnownArticle | None:
        return self._one(_FIND_FINGERPRINT, (fingerprint,))

    def find_near(self, signature: bytes, threshold: float) -> tuple[KnownArticle, float] | None:
        keys = band_keys(signature)
        rows = self.db.execute(_FIND_NEAR.format(marks=_marks(keys)), keys).fetchall()
        scored = [(similarity(signature, row[0]), row[1:]) for row in rows if row[0]]
        best = max(scored, default=None, key=lambda pair: (pair[0], -pair[1][0]))
        if best is None or best[0] < threshold:
            return None
        return KnownArticle(*best[1]), best[0]

    def add(self, record: ArticleRecord) -> KnownArticle:
        known = self.find_url((record.url, *record.other_urls))
        if known is None:
            article_id = self._insert(record)
        else:
            article_id = known.id
            self.db.execute(
                "UPDATE articles SET fingerprint = ?, signature = ?, revision = ?, version_at = ?,"
                " last_seen = ?, exported_run = ? WHERE id = ?",
                (
                    record.fingerprint,
                    record.signature,
                    record.revision,
                    record.version_at,
                    self.now,
                    self.run_id,
                    article_id,
                ),
            )
        if record.signature is not None:
            self.db.executemany(
                "INSERT INTO bands (key, article_id) VALUES (?, ?)",
                [(key, article_id) for key in band_keys(record.signature)],
            )
        stored = KnownArticle(
            article_id,
            record.url,
            record.fingerprint,
            record.story_id,
            record.revision,
            record.version_at,
        )
        self.add_urls(stored, (record.url, *record.other_urls))
        return stored

    def _insert(self, record: ArticleRecord) -> int:
        cursor = self.db.execute(
            "INSERT INTO articles (url, fingerprint, signature, story_id, revision, version_at,"
            " first_seen, last_seen, exported_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.url,
                record.fingerprint,
                record.signature,
                record.story_id,
                record.revision,
                record.version_at,
                self.now,
                self.now,
                self.run_id,
            ),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def add_urls(self, article: KnownArticle, urls: tuple[str, ...]) -> None:
        self.db.executemany(
            "INSERT OR IGNORE INTO article_urls (key, url, article_id) VALUES (?, ?, ?)",
            [(url_key(url), url, article.id) for url in urls],
        )
        self.db.execute("UPDATE articles SET last_seen = ? WHERE id = ?", (self.now, article.id))

    def reject(self, url: str, reason: str) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO rejected (key, reason, seen) VALUES (?, ?, ?)",
            (url_key(url), reason, self.now),
        )

    def rejected_since(self, url: str, cutoff: str) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM rejected WHERE key = ? AND seen >= ?", (url_key(url), cutoff)
        ).fetchone()
        return row is not None

    def validators(self, url: str) -> Validators | None:
        row = self.db.execute(
            "SELECT etag, last_modified FROM validators WHERE url = ?", (url,)
        ).fetchone()
        return Validators(*row) if row else None

    def set_validators(self, url: str, validators: Validators) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO validators (url, etag, last_modified) VALUES (?, ?, ?)",
            (url, validators.etag, validators.last_modified),
        )

    def _one(self, sql: str, params: Iterable[object]) -> KnownArticle | None:
        row = self.db.execute(sql, tuple(params)).fetchone()
        return KnownArticle(*row) if row else None
