"""SQLiteStateStore: the default state store, one file, one transaction per run."""

from __future__ import annotations

import os
import sqlite3
from contextlib import nullcontext
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from newsbot.neardup import band_keys, similarity
from newsbot.state import ArticleRecord, KnownArticle, Publication, Validators
from newsbot.state.files import make_private_folder, open_private_file
from newsbot.state.schema import prepare
from newsbot.urls import url_key

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from contextlib import AbstractContextManager

# Matches NEWSBOT_STATE_RETENTION_DAYS' default, for stores built without the setting.
DEFAULT_RETENTION_DAYS = 180

_ARTICLE_COLUMNS = "a.id, a.url, v.fingerprint, a.story_id, v.revision, v.version_at"
# An article found by URL is known by its latest version.
_FIND_URL = (
    f"SELECT {_ARTICLE_COLUMNS} FROM article_urls u JOIN articles a ON a.id = u.article_id"  # noqa: S608 (constants)
    " JOIN versions v ON v.article_id = a.id"
    " WHERE u.key IN ({marks}) ORDER BY a.id, v.revision DESC, v.id DESC LIMIT 1"
)
_FIND_FINGERPRINT = (
    f"SELECT {_ARTICLE_COLUMNS} FROM versions v JOIN articles a ON a.id = v.article_id"  # noqa: S608 (constants)
    " WHERE v.fingerprint = ? ORDER BY v.id LIMIT 1"
)
# The versions sharing the most bands are compared in full (50 at most: more would only cost
# time, and a version sharing few bands is unlikely to be similar enough).
_FIND_NEAR = (
    f"SELECT v.signature, {_ARTICLE_COLUMNS} FROM versions v"  # noqa: S608 (constants)
    " JOIN articles a ON a.id = v.article_id JOIN"
    " (SELECT version_id, COUNT(*) AS shared FROM bands WHERE key IN ({marks})"
    "  GROUP BY version_id ORDER BY shared DESC, version_id LIMIT 50) c ON c.version_id = v.id"
)
# Retention: what was not seen since the cutoff. Versions (fingerprints) are never pruned.
_PRUNE = (
    "DELETE FROM article_urls WHERE seen < :cutoff",
    "DELETE FROM validators WHERE seen < :cutoff",
    "DELETE FROM bands WHERE version_id IN (SELECT v.id FROM versions v JOIN articles a"
    " ON a.id = v.article_id WHERE a.last_seen < :cutoff)",
)


def _marks(values: list[str] | list[int]) -> str:
    """``?, ?, ?``: one SQL placeholder per value (values always travel as parameters)."""
    return ", ".join("?" * len(values))


class SQLiteStateStore:
    """State in one SQLite file (``:memory:`` for a store that forgets when the run ends).

    The run's writes stay in one open transaction until ``finish``: SQLite's journal makes the
    file either wholly before or wholly after the run, whatever happens to the process.

    ``retention_days`` (0: forever): URL keys, near-duplicate bands and page validators not seen
    for that long are pruned when a run begins, so the file stops growing with every URL ever
    met. The cost: such an old URL met again is fetched again (and then dropped by its
    fingerprint, unless its text changed), an old text is no longer a near-duplicate candidate,
    and a listing page is fetched once unconditionally. Fingerprints are never pruned: they are
    what keeps an old text from being exported again.
    """

    # One run at a time: the run lock (newsbot.state.lock) keeps others out.
    shared: ClassVar[bool] = False

    def deciding(self) -> AbstractContextManager[None]:
        return nullcontext()

    def __init__(self, path: str, retention_days: int = DEFAULT_RETENTION_DAYS) -> None:
        if path != ":memory:":
            make_private_folder(Path(path).parent)
            os.close(open_private_file(Path(path)))  # before SQLite creates it 0644
        # Autocommit mode: transactions are opened and closed explicitly, once per run.
        self.db = sqlite3.connect(path, isolation_level=None)
        try:
            prepare(self.db, path, _utc_now())
        except Exception:
            self.db.close()
            raise
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.retention_days = retention_days
        self.run_id = ""
        self.now = ""
        # Pages whose validators this run set, and whether any claim was released: see finish.
        self.validated: list[str] = []
        self.released = False
        # What is_known found, to be marked seen at commit (see is_known).
        self.seen_keys: set[str] = set()
        self.seen_articles: set[int] = set()
        # The last URL looked up and its key (see _key).
        self.last_url, self.last_key = "", ""

    def begin(self, run_id: str, spider: str, started_at: str) -> None:
        self.run_id, self.now = run_id, started_at
        self.validated, self.released = [], False
        self.seen_keys, self.seen_articles = set(), set()
        self.db.execute("BEGIN IMMEDIATE")
        self.db.execute(
            "INSERT INTO runs (run_id, spider, started_at) VALUES (?, ?, ?)",
            (run_id, spider, started_at),
        )
        if self.retention_days:
            cutoff = datetime.fromisoformat(started_at) - timedelta(days=self.retention_days)
            for statement in _PRUNE:
                self.db.execute(statement, {"cutoff": cutoff.isoformat()})

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
        if not commit:
            self.db.execute("ROLLBACK")
            return
        # A claim nobody confirmed or released never reached the exports (safety net).
        for (version_id,) in self.db.execute(
            "SELECT id FROM versions WHERE status = 'pending'"
        ).fetchall():
            self.release(version_id)
        if self.released:
            # The pages that led to a released article must be read in full next run to find
            # it again, not answered 304 by the validators they had this run.
            self.db.executemany(
                "DELETE FROM validators WHERE url = ?", [(url,) for url in self.validated]
            )
        self._mark_seen()
        self.db.execute("UPDATE runs SET summary = ? WHERE run_id = ?", (summary, self.run_id))
        self.db.executemany(
            "INSERT INTO publications (run_id, part, final, manifest) VALUES (?, ?, ?, ?)",
            [(self.run_id, p.part, p.final, p.manifest) for p in publications],
        )
        finished = _utc_now()
        self.db.executemany(
            "INSERT INTO site_runs (run_id, site, exported, finished_at) VALUES (?, ?, ?, ?)",
            [(self.run_id, site, n, finished) for site, n in (site_exports or {}).items()],
        )
        self.db.execute("COMMIT")

    def site_history(self, site: str, runs: int) -> list[int]:
        rows = self.db.execute(
            "SELECT exported FROM site_runs WHERE site = ? ORDER BY rowid DESC LIMIT ?",
            (site, runs),
        )
        return [exported for (exported,) in rows]

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
        return self._find_keys(sorted({url_key(url) for url in urls}))

    def _find_keys(self, keys: list[str]) -> KnownArticle | None:
        return self._one(_FIND_URL.format(marks=_marks(keys)), keys)

    def is_known(self, url: str) -> KnownArticle | None:
        key = self._key(url)
        known = self._find_keys([key])
        if known is not None:
            # Still listed: a URL skipped as known is seen all the same. Marked at commit, when
            # it counts: two writes here, to random pages of a large file, cost more per link
            # than the lookup itself.
            self.seen_keys.add(key)
            self.seen_articles.add(known.id)
        return known

    def _key(self, url: str) -> str:
        """``url_key(url)``, kept for the last URL: each new link is looked up twice in a row
        (is_known, then rejected_since), and its key costs more than either lookup."""
        if url != self.last_url:
            self.last_url, self.last_key = url, url_key(url)
        return self.last_key

    def _mark_seen(self) -> None:
        """The seen times is_known kept for the commit, written in key order (page after page)."""
        self.db.executemany(
            "UPDATE article_urls SET seen = ? WHERE key = ?",
            [(self.now, key) for key in sorted(self.seen_keys)],
        )
        self.db.executemany(
            "UPDATE articles SET last_seen = ? WHERE id = ?",
            [(self.now, article_id) for article_id in sorted(self.seen_articles)],
        )

    def find_fingerprint(self, fingerprint: str) -> KnownArticle | None:
        return self._one(_FIND_FINGERPRINT, (fingerprint,))

    def find_near(self, signature: bytes, threshold: float) -> tuple[KnownArticle, float] | None:
        keys = band_keys(signature)
        rows = self.db.execute(_FIND_NEAR.format(marks=_marks(keys)), keys).fetchall()
        scored = [(similarity(signature, row[0]), row[1:]) for row in rows]
        best = max(scored, default=None, key=lambda pair: (pair[0], -pair[1][0]))
        if best is None or best[0] < threshold:
            return None
        return KnownArticle(*best[1]), best[0]

    def claim(self, record: ArticleRecord) -> int:
        known = self.find_url((record.url, *record.other_urls))
        article_id = self._insert(record) if known is None else known.id
        cursor = self.db.execute(
            "INSERT INTO versions (article_id, revision, fingerprint, signature, version_at,"
            " run_id, status) VALUES (?, ?, ?, ?, ?, ?, 'pending')",
            (
                article_id,
                record.revision,
                record.fingerprint,
                record.signature,
                record.version_at,
                self.run_id,
            ),
        )
        version_id = cursor.lastrowid
        assert version_id is not None
        if record.signature is not None:
            self.db.executemany(
                "INSERT INTO bands (key, version_id) VALUES (?, ?)",
                [(key, version_id) for key in band_keys(record.signature)],
            )
        self._add_urls(article_id, (record.url, *record.other_urls))
        return version_id

    def confirm(self, version_id: int) -> None:
        self.db.execute("UPDATE versions SET status = 'exported' WHERE id = ?", (version_id,))

    def release(self, version_id: int) -> None:
        row = self.db.execute(
            "SELECT article_id FROM versions WHERE id = ? AND status = 'pending'", (version_id,)
        ).fetchone()
        if row is None:
            return
        self.db.execute("DELETE FROM bands WHERE version_id = ?", (version_id,))
        self.db.execute("DELETE FROM versions WHERE id = ?", (version_id,))
        self.released = True
        if not self.db.execute("SELECT 1 FROM versions WHERE article_id = ?", row).fetchone():
            # Never exported: the article goes with every URL it was met under.
            self.db.execute("DELETE FROM article_urls WHERE article_id = ?", row)
            self.db.execute("DELETE FROM articles WHERE id = ?", row)

    def _insert(self, record: ArticleRecord) -> int:
        cursor = self.db.execute(
            "INSERT INTO articles (url, story_id, first_seen, last_seen) VALUES (?, ?, ?, ?)",
            (record.url, record.story_id, self.now, self.now),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def add_urls(self, article: KnownArticle, urls: tuple[str, ...]) -> None:
        self._add_urls(article.id, urls)

    def _add_urls(self, article_id: int, urls: tuple[str, ...]) -> None:
        # A key already known stays with its article; it was seen now all the same.
        self.db.executemany(
            "INSERT INTO article_urls (key, url, article_id, seen) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (key) DO UPDATE SET seen = excluded.seen",
            [(url_key(url), url, article_id, self.now) for url in urls],
        )
        self.db.execute("UPDATE articles SET last_seen = ? WHERE id = ?", (self.now, article_id))

    def reject(self, url: str, reason: str) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO rejected (key, reason, seen) VALUES (?, ?, ?)",
            (url_key(url), reason, self.now),
        )

    def rejected_since(self, url: str, cutoff: str) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM rejected WHERE key = ? AND seen >= ?", (self._key(url), cutoff)
        ).fetchone()
        return row is not None

    def validators(self, url: str) -> Validators | None:
        row = self.db.execute(
            "SELECT etag, last_modified FROM validators WHERE url = ?", (url,)
        ).fetchone()
        return Validators(*row) if row else None

    def set_validators(self, url: str, validators: Validators) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO validators (url, etag, last_modified, seen)"
            " VALUES (?, ?, ?, ?)",
            (url, validators.etag, validators.last_modified, self.now),
        )
        self.validated.append(url)

    def _one(self, sql: str, params: Iterable[object]) -> KnownArticle | None:
        row = self.db.execute(sql, tuple(params)).fetchone()
        return KnownArticle(*row) if row else None


def _utc_now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()
