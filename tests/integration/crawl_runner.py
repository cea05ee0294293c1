"""Runs one real crawl in this (fresh) process and writes its items and stats as JSON.

Twisted's reactor cannot be restarted within a process, so integration tests run each crawl
through this module in a subprocess: ``python -m tests.integration.crawl_runner CONFIG OUT``,
where CONFIG is a JSON file ``{"spider": str, "settings": {...}, "args": {...}}``.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.crawler import AsyncCrawlerProcess

from tests.support import project_settings


def main(config_path: str, out_path: str) -> None:
    config = json.loads(Path(config_path).read_text(encoding="utf-8"))
    # No files unless a test asks: items are read from the signal, not from files in the cwd.
    overrides = {"NEWSBOT_DEFAULT_FEEDS": {}, **config.get("settings", {})}
    process = AsyncCrawlerProcess(project_settings(**overrides))
    crawler = process.create_crawler(config["spider"])
    items: list[dict[str, Any]] = []

    def collect(item: Any, **_: Any) -> None:
        items.append(dataclasses.asdict(item))

    # Signal receivers are weak references: ``collect`` stays alive as a local of this frame.
    crawler.signals.connect(collect, signal=signals.item_scraped)
    process.crawl(crawler, **config.get("args", {}))
    process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    result = {"items": items, "stats": stats}
    Path(out_path).write_text(json.dumps(result, default=str, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])
