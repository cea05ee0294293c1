"""A user's pipeline placed after dedupe: it drops every article whose title contains "ri"."""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

PATTERN = "ri"


class DropTitlesPipeline:
    """Drops articles whose title contains PATTERN (any case), after dedupe accepted them."""

    def process_item(self, item: Any) -> Any:
        if PATTERN in ItemAdapter(item)["title"].lower():
            raise DropItem(f"title contains {PATTERN!r}")
        return item
