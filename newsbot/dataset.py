"""Datasets cut from the archive: filtered, one row per article (or every revision), typed.

DuckDB does the work out of core: it streams the run files, keeps at most
``memory_mb`` in memory (spilling to a temporary folder beside the output) and writes
Parquet, JSONL or CSV, or a Hive-partitioned folder of them. Parquet keeps the types (UTC
timestamps, lists as lists) and records the schema version; JSONL and CSV spell them as the
run files do (ISO 8601 dates, CSV lists joined with "; ").

The latest revision of each article is found from the small key columns first (URL, revision,
fetch time) and the rows are then streamed through a semi-join: memory grows with the number
of articles' keys, never with their bodies.
"""

from __future__ import annotations

import tempfile
import threading
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from tqdm import tqdm

from newsbot.items import LIST_SEPARATOR
from newsbot.schema import COLUMNS, SCHEMA_VERSION

if TYPE_CHECKING:
    from pathlib import Path

    import duckdb

    from newsbot.archive import Archive

Revisions = Literal["latest", "all"]
#: Output formats by file suffix; a folder (a partitioned dataset) says its format itself.
FORMATS = {".parquet": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
#: Columns a dataset may be partitioned by: ``date`` is the day of ``published_at`` (of
#: ``fetched_at`` when the page gave no date), in UTC.
PARTITION_KEYS = ("site", "date", "language", "section")
_DAY = "CAST(coalesce(published_at, fetched_at) AS DATE)"
_PROGRESS_EVERY_S = 0.2


@dataclass(frozen=True)
class Cut:
    """Which rows a dataset holds. Days are UTC days of publication (of fetching when the
    page gave no date); ``until`` is inclusive."""

    since: date | None = None
    until: date | None = None
    sites: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    revisions: Revisions = "latest"
    partition: tuple[str, ...] = field(default=())

    def conditions(self) -> tuple[str, list[object]]:
        """The WHERE clause (``true`` when no filter) and its parameters."""
        clauses: list[str] = []
        params: list[object] = []
        if self.since:
            clauses.append(f"{_DAY} >= ?")
            params.append(self.since)
        if self.until:
            clauses.append(f"{_DAY} < ?")
            params.append(self.until + timedelta(days=1))
        if self.sites:
            clauses.append(f"site IN ({', '.join('?' * len(self.sites))})")
            params.extend(self.sites)
        if self.languages:
            clauses.append(f"language IN ({', '.join('?' * len(self.languages))})")
            params.extend(self.languages)
        return " AND ".join(clauses) or "true", params


def output_format(output: Path, partitioned: bool, requested: str | None = None) -> str:
    """The format to write ``output`` in: by its suffix, or ``requested`` (parquet by default)
    for a partitioned folder. Raises ValueError for an unknown one."""
    if requested:
        if requested not in FORMATS.values():
            raise ValueError(f"unknown format {requested!r} (parquet, jsonl, csv)")
        return requested
    if partitioned and not output.suffix:
        return "parquet"
    try:
        return FORMATS[output.suffix.lower()]
    except KeyError:
        raise ValueError(
            f"cannot tell the format of {output.name!r}: name it .parquet, .jsonl or .csv"
        ) from None


def write_dataset(
    con: duckdb.DuckDBPyConnection,
    archive: Archive,
    cut: Cut,
    output: Path,
    fmt: str,
    *,
    memory_mb: int,
    progress: bool,
) -> int:
    """Write the rows of ``archive`` that ``cut`` selects to ``output``; their number."""
    con.execute(f"SET memory_limit = '{int(memory_mb)}MB'")
    con.execute("SET preserve_insertion_order = false")
    rows = archive.articles(con)
    where, params = cut.conditions()
    con.register("newsbot_archive", rows)
    selected = f"SELECT * FROM newsbot_archive WHERE {where}"  # noqa: S608 (parameters: ?)
    if cut.revisions == "latest":
        selected = _latest(selected)
    query = f"SELECT {_select_list(fmt, cut.partition)} FROM ({selected})"  # noqa: S608
    copy = f"COPY ({query}) TO '{_sql_text(str(output))}' ({_copy_options(fmt, cut.partition)})"
    # What does not fit in memory_mb spills beside the output, and goes with the run.
    with (
        tempfile.TemporaryDirectory(prefix=".newsbot-dataset-", dir=output.parent) as spill,
        _Progress(con, enabled=progress, label=output.name),
    ):
        con.execute(f"SET temp_directory = '{_sql_text(spill)}'")
        result = con.execute(copy, params).fetchone()
    return int(result[0]) if result else 0


def _latest(selected: str) -> str:
    """Each article's latest revision (the latest fetch of it, should one revision have been
    exported twice): its key found over the key columns, then its row streamed in."""
    return (
        # Not materialized: read twice, once for the keys and once streaming the rows, rather
        # than every row with its body held (or spilled) between the two.
        f"WITH rows AS NOT MATERIALIZED ({selected}), "  # noqa: S608 (the values are parameters)
        "latest AS (SELECT url, max(struct_pack(revision := revision, fetched_at := fetched_at, "
        "run_id := run_id)) AS key FROM rows GROUP BY url) "
        "SELECT rows.* FROM rows SEMI JOIN latest ON rows.url = latest.url "
        "AND rows.revision = latest.key.revision "
        "AND rows.fetched_at IS NOT DISTINCT FROM latest.key.fetched_at "
        "AND rows.run_id = latest.key.run_id"
    )


def _select_list(fmt: str, partition: tuple[str, ...]) -> str:
    """The schema's columns in order, spelled for ``fmt``, and the partition keys."""
    columns = []
    for column in COLUMNS:
        name = f'"{column.name}"'
        if fmt != "parquet" and column.kind == "timestamp":
            columns.append(f"strftime({name}, '%Y-%m-%dT%H:%M:%S+00:00') AS {name}")
        elif fmt == "csv" and column.kind == "list":
            columns.append(f"array_to_string({name}, '{LIST_SEPARATOR}') AS {name}")
        else:
            columns.append(name)
    if "date" in partition:
        columns.append(f"{_DAY} AS date")
    return ", ".join(columns)


def _copy_options(fmt: str, partition: tuple[str, ...]) -> str:
    options = {
        "parquet": f"FORMAT parquet, COMPRESSION zstd, "
        f"KV_METADATA {{newsbot_schema_version: '{SCHEMA_VERSION}'}}",
        "jsonl": "FORMAT json",
        "csv": "FORMAT csv, HEADER true",
    }[fmt]
    if partition:
        keys = ", ".join(f'"{key}"' for key in partition)
        options += f", PARTITION_BY ({keys}), OVERWRITE_OR_IGNORE true"
    return options


def _sql_text(value: str) -> str:
    return value.replace("'", "''")


class _Progress:
    """A progress bar of the running query on a terminal (DuckDB reports how far it got);
    nothing at all without one (cron)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, *, enabled: bool, label: str) -> None:
        self._con, self._enabled, self._label = con, enabled, label
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._show, daemon=True)

    def __enter__(self) -> None:
        if self._enabled:
            self._thread.start()

    def __exit__(self, *_: object) -> None:
        self._done.set()
        if self._enabled:
            self._thread.join()

    def _show(self) -> None:
        with tqdm(
            total=100, desc=self._label, unit="%", bar_format="{l_bar}{bar}| {elapsed}"
        ) as bar:
            while not self._done.wait(_PROGRESS_EVERY_S):
                percent = self._con.query_progress()
                if percent > bar.n:
                    bar.update(min(percent, 100) - bar.n)
            bar.update(100 - bar.n)
