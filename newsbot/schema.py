"""The exported record's columns and their types, read off the ``Article`` dataclass.

One source for everything that states a column's type: the archive's reader (DuckDB), the
datasets it writes (Parquet), the data dictionary and the JSON Schema. Dates travel as ISO 8601
strings in JSONL and CSV; readers that type them get a UTC timestamp.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, fields
from typing import Literal

from newsbot.items import DOC, INTERNAL, Article

#: Bumped when a column is added, renamed or retyped; stored in every Parquet file written.
SCHEMA_VERSION = 1

Kind = Literal["string", "timestamp", "integer", "list"]

_DUCKDB_TYPES: dict[Kind, str] = {
    "string": "VARCHAR",
    "timestamp": "TIMESTAMPTZ",
    "integer": "INTEGER",
    "list": "VARCHAR[]",
}


@dataclass(frozen=True)
class Column:
    """One exported column: its name, kind, whether it may be empty, and what it holds."""

    name: str
    kind: Kind
    nullable: bool
    description: str

    @property
    def duckdb_type(self) -> str:
        return _DUCKDB_TYPES[self.kind]


def _kind(name: str, annotation: object) -> tuple[Kind, bool]:
    """The kind of a field and whether it may be None, from its annotation; a string field
    named ``*_at`` holds a date."""
    args = typing.get_args(annotation)
    nullable = type(None) in args
    base = next((arg for arg in args if arg is not type(None)), annotation) if args else annotation
    if typing.get_origin(base) is list or typing.get_origin(annotation) is list:
        return "list", False
    if base is int:
        return "integer", nullable
    if base is str:
        return ("timestamp" if name.endswith("_at") else "string"), nullable
    raise TypeError(f"Article.{name}: no column kind for {annotation!r}")


def _columns() -> tuple[Column, ...]:
    hints = typing.get_type_hints(Article)
    columns = []
    for spec in fields(Article):
        if spec.metadata.get(INTERNAL):
            continue
        kind, nullable = _kind(spec.name, hints[spec.name])
        columns.append(Column(spec.name, kind, nullable, spec.metadata.get(DOC, "")))
    return tuple(columns)


#: The exported columns, in export order.
COLUMNS: tuple[Column, ...] = _columns()
