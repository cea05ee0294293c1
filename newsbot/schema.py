"""The exported record's columns and their types, read off the ``Article`` dataclass.

One source for everything that states a column's type: the archive's reader (DuckDB), the
datasets it writes (Parquet), the data dictionary and the JSON Schema. Dates travel as ISO 8601
strings in JSONL and CSV; readers that type them get a UTC timestamp.

``python -m newsbot.schema --write`` writes the data dictionary and the JSON Schema under
``docs/``; ``--check`` fails when they no longer match ``Article`` (a field added or described
without regenerating them).
"""

from __future__ import annotations

import argparse
import json
import sys
import typing
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Literal

from newsbot.items import DOC, INTERNAL, LIST_SEPARATOR, Article

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


#: The generated documents, by file name under the docs folder.
SCHEMA_MD = "schema.md"
SCHEMA_JSON = "article.schema.json"

#: The lowest value of integer columns: word counts start at 0, revisions at 1.
_MINIMUMS: dict[str, int] = {"revision": 1}

_TYPE_NAMES: dict[Kind, str] = {
    "string": "string",
    "timestamp": "timestamp (ISO 8601 string, UTC)",
    "integer": "integer",
    "list": "list of strings",
}


def _json_type(column: Column) -> dict[str, Any]:
    """The JSON Schema of one column's values: the types the JSONL exporter writes."""
    if column.kind == "list":
        return {"type": "array", "items": {"type": "string"}}
    base = "integer" if column.kind == "integer" else "string"
    schema: dict[str, Any] = {"type": [base, "null"] if column.nullable else base}
    if column.kind == "timestamp":
        schema["format"] = "date-time"
    if column.kind == "integer":
        schema["minimum"] = _MINIMUMS.get(column.name, 0)
    return schema


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of one exported JSONL record.

    Every field is required: the JSONL exporter writes each one, ``null`` when empty.
    """
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:newsbot:article:{SCHEMA_VERSION}",
        "title": f"newsbot article, schema version {SCHEMA_VERSION}",
        "description": (
            "One exported article: a line of newsbot's JSONL files (a row of its CSV files). "
            "Generated from newsbot/items.py by `python -m newsbot.schema --write`."
        ),
        "x-schema-version": SCHEMA_VERSION,
        "type": "object",
        "properties": {
            column.name: {**_json_type(column), "description": column.description}
            for column in COLUMNS
        },
        "required": [column.name for column in COLUMNS],
        "additionalProperties": False,
    }


def _may_be_empty(column: Column) -> str:
    """What an empty value looks like in JSONL: lists are never null, only empty."""
    if column.kind == "list":
        return "yes: `[]`"
    return "yes: `null`" if column.nullable else "no"


#: Characters a description may hold that Markdown would not show as written: ``|`` ends a
#: table cell, ``<title>`` is taken for an HTML tag, ``*`` may start emphasis.
_MARKDOWN_ESCAPES = str.maketrans({"|": "\\|", "*": "\\*", "&": "&amp;", "<": "&lt;", ">": "&gt;"})


def _cell(text: str) -> str:
    """``text`` as one Markdown table cell, shown as written."""
    return " ".join(text.split()).translate(_MARKDOWN_ESCAPES)


def data_dictionary() -> str:
    """The data dictionary: every exported column, in export order, as Markdown."""
    rows = "\n".join(
        f"| `{c.name}` | {_TYPE_NAMES[c.kind]} | {_may_be_empty(c)} | {_cell(c.description)} |"
        for c in COLUMNS
    )
    return f"""\
# The article record (schema version {SCHEMA_VERSION})

<!-- Generated from newsbot/items.py by `python -m newsbot.schema --write`: edit there. -->

newsbot exports one record per article. JSONL files hold one JSON object per line with every
column below, `null` where a value is missing; CSV files hold one row per article with these
columns, in this order (other tools depend on the names and the order; new columns only ever
come at the end). The same record as a JSON Schema: [article.schema.json]({SCHEMA_JSON}).

| column | type | may be empty | description |
|---|---|---|---|
{rows}

## In CSV

- Lists (`authors`, `tags`) are joined into one cell with `"{LIST_SEPARATOR}"`; an empty list is
  an empty cell.
- Timestamps are the same ISO 8601 strings as in JSONL (`2026-11-02T08:30:00+00:00`).
- `null` is an empty cell.
- A text cell that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`) is
  written with a `'` in front.
"""


def _documents() -> dict[str, str]:
    """The generated files' contents, by file name."""
    return {
        SCHEMA_MD: data_dictionary(),
        SCHEMA_JSON: json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n",
    }


def main(argv: list[str] | None = None) -> int:
    """``--write`` the documents, or ``--check`` them (exit 1 naming each stale one)."""
    parser = argparse.ArgumentParser(prog="python -m newsbot.schema", description=__doc__)
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", action="store_true", help="write the documents")
    action.add_argument("--check", action="store_true", help="exit 1 if one is out of date")
    parser.add_argument(
        "--docs", type=Path, default=Path("docs"), help="their folder (default: docs)"
    )
    args = parser.parse_args(argv)
    documents = _documents()
    if args.write:
        args.docs.mkdir(parents=True, exist_ok=True)
        for name, text in documents.items():
            (args.docs / name).write_text(text, encoding="utf-8", newline="\n")
        return 0
    stale = [name for name, text in documents.items() if _read(args.docs / name) != text]
    for name in stale:
        print(
            f"{args.docs / name} is stale or missing: run `python -m newsbot.schema --write`",
            file=sys.stderr,
        )
    return 1 if stale else 0


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.exists() else None


if __name__ == "__main__":
    sys.exit(main())
