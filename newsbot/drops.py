"""Why an article is dropped: the reasons every component shares, one stat and log line each.

Neutral ground: pipelines raise these, the state store and the run report read them, and none
of them imports another's internals to do so.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from scrapy.exceptions import DropItem

if TYPE_CHECKING:
    from scrapy.statscollectors import StatsCollector

#: Stats key prefix; the full key is ``newsbot/dropped/<reason>``.
DROPPED_STAT = "newsbot/dropped"


class Reason(StrEnum):
    """Every reason an article is dropped (stats ``newsbot/dropped/<reason>``)."""

    NOT_ARTICLE = "not_article"
    NO_TITLE = "no_title"
    SHORT_BODY = "short_body"
    BEFORE_SINCE = "before_since"
    DUPLICATE_URL = "duplicate_url"
    DUPLICATE_BODY = "duplicate_body"
    NEAR_DUPLICATE = "near_duplicate"
    UPDATE_IGNORED = "update_ignored"
    OVER_LIMIT = "over_limit"

    @property
    def page_is_not_article(self) -> bool:
        """Whether the page itself is no article (worth not fetching again for a while)."""
        return self is Reason.NOT_ARTICLE


class ArticleDropped(DropItem):
    """A DropItem that knows its reason and URL, so the log line can be short and greppable."""

    def __init__(self, reason: Reason, url: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {url}" + (f" ({detail})" if detail else ""), log_level="INFO")
        self.reason = reason
        self.url = url


def drop(stats: StatsCollector, reason: Reason, url: str, detail: str = "") -> ArticleDropped:
    """Count the drop under ``newsbot/dropped/<reason>`` and return the exception to raise."""
    stats.inc_value(f"{DROPPED_STAT}/{reason}")
    return ArticleDropped(reason, url, detail)
