"""How pipelines drop an article: one counted stat and one log line with the URL, by reason."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.exceptions import DropItem

if TYPE_CHECKING:
    from scrapy.statscollectors import StatsCollector

#: Stats key prefix; the full key is ``newsbot/dropped/<reason>``.
DROPPED_STAT = "newsbot/dropped"


class ArticleDropped(DropItem):
    """A DropItem that knows its reason and URL, so the log line can be short and greppable."""

    def __init__(self, reason: str, url: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {url}" + (f" ({detail})" if detail else ""), log_level="INFO")
        self.reason = reason
        self.url = url


def drop(stats: StatsCollector, reason: str, url: str, detail: str = "") -> ArticleDropped:
    """Count the drop under ``newsbot/dropped/<reason>`` and return the exception to raise."""
    stats.inc_value(f"{DROPPED_STAT}/{reason}")
    return ArticleDropped(reason, url, detail)
