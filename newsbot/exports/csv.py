"""Feed exporters for formats where Scrapy's defaults do not fit analysts' tools."""

from __future__ import annotations

from typing import Any

from scrapy.exporters import CsvItemExporter

from newsbot.items import LIST_SEPARATOR


class ArticleCsvItemExporter(CsvItemExporter):
    """CSV with list fields (authors, tags) joined by ``"; "`` instead of Scrapy's ``","``.

    A comma is common inside author names ("Smith, Jr.") and would be ambiguous for readers
    splitting the cell; ``"; "`` is what spreadsheets users expect.
    """

    def __init__(self, file: Any, **kwargs: Any) -> None:
        kwargs.setdefault("join_multivalued", LIST_SEPARATOR)
        super().__init__(file, **kwargs)
