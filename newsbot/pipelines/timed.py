"""Scrapy's item pipeline manager, timing each item's way through the pipelines.

Set as ITEM_PROCESSOR: the item pipelines stay as they are, and the time an item spends in
all of them (state-store calls of the dedupe pipeline included) is the ``pipelines`` stage
of ``newsbot.timing``.
"""

from __future__ import annotations

import time
from typing import Any

from scrapy.pipelines import ItemPipelineManager

from newsbot import timing


class TimedItemPipelineManager(ItemPipelineManager):
    async def process_item_async(self, item: Any) -> Any:
        started = time.perf_counter()
        try:
            return await super().process_item_async(item)
        finally:
            if self.crawler is not None and self.crawler.stats is not None:
                timing.add(self.crawler.stats, "pipelines", time.perf_counter() - started)
