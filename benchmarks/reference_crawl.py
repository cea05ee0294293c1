"""The reference newsbot is measured against: plain Scrapy fetching a list of URLs, with
trafilatura in the callback, as one would write it without newsbot.

    python -m benchmarks.reference_crawl {trafilatura,fetch} URLS_FILE RESULT_JSON

``trafilatura`` calls ``trafilatura.bare_extraction`` on every response (text and metadata);
``fetch`` only fetches. It runs in a process of its own (``benchmarks.crawl`` starts it), so
its peak memory is its own; it writes what it did (responses, extractions) as JSON.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import Request, Spider
from scrapy.crawler import CrawlerProcess

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Callable, Sequence

    from scrapy.http import Response

#: How fast both newsbot and the reference may go against the local sites: no delays, 16 at a
#: time with no lower limit per host, robots.txt asked for and obeyed, one log line per event
#: that matters (Scrapy's DEBUG line per request would slow the reference alone).
SPEED_SETTINGS: dict[str, object] = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "ROBOTSTXT_OBEY": True,
    "LOG_LEVEL": "INFO",
}
MODES = ("trafilatura", "fetch")


class ReferenceSpider(Spider):
    """Fetches ``urls``; in mode ``trafilatura`` extracts each response with trafilatura."""

    name = "reference"

    def __init__(self, urls: Sequence[str], mode: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.urls = urls
        self.extract: Callable[..., object] | None = None
        if mode == "trafilatura":
            # Imported only here: the fetch-only reference must not pay for loading it.
            from trafilatura import bare_extraction  # noqa: PLC0415

            self.extract = bare_extraction

    async def start(self) -> AsyncIterator[Request]:
        for url in self.urls:
            yield Request(url, callback=self.parse)

    def parse(self, response: Response) -> None:
        if self.extract is None:
            return
        document = self.extract(response.text, url=response.url, with_metadata=True)
        if document is not None and self.crawler.stats is not None:
            self.crawler.stats.inc_value("reference/extracted")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=MODES)
    parser.add_argument("urls", type=Path, help="a file of URLs, one a line")
    parser.add_argument("result", type=Path, help="where to write what the crawl did (JSON)")
    args = parser.parse_args(argv)
    urls = args.urls.read_text(encoding="utf-8").split()
    process = CrawlerProcess(SPEED_SETTINGS)
    crawler = process.create_crawler(ReferenceSpider)
    process.crawl(crawler, urls=urls, mode=args.mode)
    process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    result = {
        "responses": stats.get("response_received_count", 0),
        "extracted": stats.get("reference/extracted", 0),
        "finish_reason": stats.get("finish_reason"),
    }
    args.result.write_text(json.dumps(result), encoding="utf-8")


if __name__ == "__main__":
    main()
