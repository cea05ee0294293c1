"""Feed exporters for formats where Scrapy's defaults do not fit analysts' tools."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from scrapy.exporters import CsvItemExporter

from newsbot.items import LIST_SEPARATOR

if TYPE_CHECKING:
    from collections.abc import Mapping

    from scrapy import Field

#: What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"): ``= + - @``
#: start one; a leading tab or carriage return is dropped by some importers, leaving the
#: formula behind it live.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: A prefix spreadsheets take as "this cell is text" and do not display.
_TEXT_PREFIX = "'"


def appending(file: Any) -> bool:
    """Whether ``file`` already holds an earlier run's output (``-o`` appends to it)."""
    try:
        return bool(file.tell())
    except (AttributeError, OSError, ValueError):
        return False


def neutralise_formula(cell: str) -> str:
    """``cell`` prefixed with ``'`` when a spreadsheet would evaluate it as a formula.

    The first non-blank character counts too: an importer told to trim spaces would
    otherwise hand `` =1+1`` to the formula engine.
    """
    if cell.startswith(_FORMULA_STARTS) or cell.lstrip().startswith(_FORMULA_STARTS):
        return _TEXT_PREFIX + cell
    return cell


class ArticleCsvItemExporter(CsvItemExporter):
    """CSV with list fields (authors, tags) joined by ``"; "``, and no cell a live formula.

    A comma is common inside author names ("Smith, Jr.") and would be ambiguous for readers
    splitting the cell; ``"; "`` is what spreadsheets users expect. Titles, authors and tags
    come from pages anyone can write, and a cell such as ``=HYPERLINK(...)`` would run when
    the file is opened in a spreadsheet: every text cell starting like a formula gets a
    ``'`` in front (whole cells, so a joined list whose first item is a formula is caught).
    Numbers (``word_count``, ``revision``) are written as they are.
    """

    def __init__(self, file: Any, **kwargs: Any) -> None:
        kwargs.setdefault("join_multivalued", LIST_SEPARATOR)
        if appending(file):
            # -o onto an earlier run's file: its header is there already, and a second one
            # mid-file would read as a row.
            kwargs["include_headers_line"] = False
        super().__init__(file, **kwargs)

    def serialize_field(self, field: Mapping[str, Any] | Field, name: str, value: Any) -> Any:
        cell = super().serialize_field(field, name, value)
        return neutralise_formula(cell) if isinstance(cell, str) else cell
