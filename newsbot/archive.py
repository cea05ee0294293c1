"""The archive: every file a spider's runs published, queried as one typed table.

Each run publishes its files with a manifest beside each (``<file>.manifest.json``: format,
items, run id, times); the manifests are the catalogue, and a file without one (a part file,
a stray copy) is not in the archive. A run's JSONL file is read when it has one, its CSV file
otherwise (both hold the same rows). The files stay what they are, the crash-safe unit a run
publishes; DuckDB reads them in place, out of core, with every column's type stated
(newsbot.schema), so a run whose dates are all empty still gives UTC timestamps. Nothing is
copied or merged by hand.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsbot.items import LIST_SEPARATOR
from newsbot.schema import COLUMNS

if TYPE_CHECKING:
    import duckdb
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

MANIFEST_SUFFIX = ".manifest.json"
# Scrapy's format names of the files the archive reads, best first.
_READABLE = ("jsonlines", "csv")


@dataclass(frozen=True)
class Manifest:
    """One published file, as its manifest describes it."""

    path: Path
    format: str
    items: int
    run_id: str
    spider: str
    started_at: str
    finished_at: str

    @classmethod
    def read(cls, manifest: Path) -> Manifest | None:
        """The manifest at ``manifest``; None (logged) when it is unreadable or its file is
        gone."""
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
            path = manifest.with_name(data["file"])
            found = cls(
                path, data["format"], int(data["items"]), data["run_id"], data["spider"],
                data["started_at"], data["finished_at"],
            )  # fmt: skip
        except (OSError, ValueError, KeyError, TypeError) as exc:
            logger.warning("Skipping unreadable manifest %s: %s", manifest, exc)
            return None
        if not path.is_file():
            logger.warning("Skipping %s: its file %s is gone", manifest, path.name)
            return None
        return found


def archive_folders(settings: BaseSettings, spider: str) -> list[Path]:
    """Where ``spider``'s runs publish by default: the folders of NEWSBOT_DEFAULT_FEEDS."""
    params = {"name": spider, "time": "", "batch_time": "", "batch_id": 0}
    folders = []
    for uri in settings.getdict("NEWSBOT_DEFAULT_FEEDS"):
        path = Path(str(uri).removeprefix("file://") % params)
        if path.parent not in folders:
            folders.append(path.parent)
    return folders


class Archive:
    """The published files under ``folders``, one per run (JSONL before CSV)."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = folders

    def runs(self) -> list[Manifest]:
        """One readable file per run, oldest run first."""
        best: dict[str, Manifest] = {}
        for folder in self.folders:
            for path in sorted(folder.glob(f"*{MANIFEST_SUFFIX}")):
                manifest = Manifest.read(path)
                if manifest is None or manifest.format not in _READABLE:
                    continue
                kept = best.get(manifest.run_id)
                if kept is None or _READABLE.index(manifest.format) < _READABLE.index(kept.format):
                    best[manifest.run_id] = manifest
        return sorted(best.values(), key=lambda m: (m.started_at, m.run_id))

    def articles(self, con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyRelation:
        """Every exported row of every run, typed, with the ``run_id`` that exported it.

        Rows of a file appended to by several runs (``-o``) carry the run id of the last one.
        """
        runs = self.runs()
        con.execute("SET TimeZone = 'UTC'")
        _register_runs(con, runs)
        parts = [_reader(fmt, [str(m.path) for m in runs if m.format == fmt]) for fmt in _READABLE]
        selects = [part for part in parts if part]
        if not selects:
            return con.sql(f"SELECT {_empty_row()} WHERE false")
        union = " UNION ALL ".join(selects)
        # Column names come from the Article dataclass, file names are quoted (_sql_list).
        return con.sql(
            f"SELECT {', '.join(_quoted(c.name) for c in COLUMNS)}, runs.run_id "  # noqa: S608
            f"FROM ({union}) AS rows JOIN newsbot_runs AS runs ON rows.filename = runs.path"
        )


def _register_runs(con: duckdb.DuckDBPyConnection, runs: list[Manifest]) -> None:
    con.execute("CREATE OR REPLACE TEMP TABLE newsbot_runs (path VARCHAR, run_id VARCHAR)")
    if runs:
        con.executemany(
            "INSERT INTO newsbot_runs VALUES (?, ?)", [(str(m.path), m.run_id) for m in runs]
        )


def _reader(fmt: str, paths: list[str]) -> str:
    """A SELECT of the typed columns of ``paths`` (all in ``fmt``), with their file name."""
    if not paths:
        return ""
    files = _sql_list(paths)
    if fmt == "jsonlines":
        columns = "{" + ", ".join(f"'{c.name}': '{c.duckdb_type}'" for c in COLUMNS) + "}"
        source = (
            f"read_json({files}, format = 'newline_delimited', columns = {columns}, "
            "filename = true)"
        )
        return f"SELECT * FROM {source}"  # noqa: S608 (see Archive.articles)
    # CSV: every cell read as text, then typed as the JSONL reader types it.
    text = "{" + ", ".join(f"'{c.name}': 'VARCHAR'" for c in COLUMNS) + "}"
    source = f"read_csv({files}, header = true, columns = {text}, filename = true)"
    return f"SELECT {', '.join(_typed_csv(c.name, c.duckdb_type) for c in COLUMNS)}, filename " + (
        f"FROM {source}"
    )


def _typed_csv(name: str, duckdb_type: str) -> str:
    cell = f"NULLIF({_quoted(name)}, '')"
    if duckdb_type == "VARCHAR[]":
        value = f"coalesce(string_split({cell}, '{LIST_SEPARATOR}'), [])"
    elif duckdb_type == "VARCHAR":
        value = f"coalesce({_quoted(name)}, '')" if name in _NOT_NULL else cell
    else:
        value = f"CAST({cell} AS {duckdb_type})"
    return f"{value} AS {_quoted(name)}"


_NOT_NULL = frozenset(c.name for c in COLUMNS if not c.nullable and c.kind == "string")


def _empty_row() -> str:
    columns = [f"CAST(NULL AS {c.duckdb_type}) AS {_quoted(c.name)}" for c in COLUMNS]
    return ", ".join([*columns, "CAST(NULL AS VARCHAR) AS run_id"])


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_list(values: list[Any]) -> str:
    return "[" + ", ".join("'" + str(v).replace("'", "''") + "'" for v in values) + "]"
