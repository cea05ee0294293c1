"""Log lines that name the URL and reason of a dropped article instead of dumping the item."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from scrapy.logformatter import LogFormatter, LogFormatterResult

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.http import Response
    from twisted.python.failure import Failure


class NewsbotLogFormatter(LogFormatter):
    """Scrapy's formatter, except that drops log one line ``Dropped <reason>: <url>``.

    The default prints the whole item, which for an article is pages of body text per drop.
    """

    def dropped(
        self,
        item: Any,
        exception: BaseException,
        response: Response | Failure | None,
        spider: Spider,
    ) -> LogFormatterResult:
        result = super().dropped(item, exception, response, spider)
        result["msg"] = "Dropped %(exception)s"
        result["args"] = {"exception": exception}
        return result
