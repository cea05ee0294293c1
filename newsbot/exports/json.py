"""JSON and JSON Lines exporters that always write plain UTF-8.

A byte-order mark is what Excel wants at the top of a CSV file, and ``FEED_EXPORT_ENCODING =
"utf-8-sig"`` is how users ask for it; Scrapy would put it at the top of every feed. At the top
of a JSON or JSONL file it makes pandas, DuckDB, polars and Python's json refuse the file
("Unexpected UTF-8 BOM"), so these exporters write the same text without it.
"""

from __future__ import annotations

import codecs
from typing import Any

from scrapy.exporters import JsonItemExporter, JsonLinesItemExporter

from newsbot.exports.csv import appending


def _without_bom(kwargs: dict[str, Any]) -> dict[str, Any]:
    encoding = kwargs.get("encoding")
    if encoding and codecs.lookup(encoding).name == "utf-8-sig":
        kwargs["encoding"] = "utf-8"
    return kwargs


class PlainJsonLinesItemExporter(JsonLinesItemExporter):
    """JSON Lines in UTF-8 without a byte-order mark, whatever the feed's encoding says."""

    def __init__(self, file: Any, **kwargs: Any) -> None:
        super().__init__(file, **_without_bom(kwargs))


class PlainJsonItemExporter(JsonItemExporter):
    """A JSON array in UTF-8 without a byte-order mark, whatever the feed's encoding says.

    A second array after the first is no JSON any reader accepts: appending (``-o``) to an
    earlier run's file is refused before anything is written.
    """

    def __init__(self, file: Any, **kwargs: Any) -> None:
        if appending(file):
            raise ValueError(
                "a JSON array cannot be appended to: use -O to replace the file, or JSON Lines "
                "(.jsonl), which -o appends to"
            )
        super().__init__(file, **_without_bom(kwargs))
