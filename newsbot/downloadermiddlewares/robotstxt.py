"""NewsbotRobotsTxtMiddleware: robots.txt read as RFC 9309 and Google read it.

Scrapy reads a robots.txt that answers 5xx, or cannot be fetched at all, as "allow all", and
one over DOWNLOAD_MAXSIZE is dropped whole (allow all again, its first-line Disallow too). RFC
9309 (2.3.1.4) asks the opposite for a server or network error: assume complete disallow. So a
host whose robots.txt fails is not crawled this run; its pages are not marked exported and the
next run asks again. An oversized robots.txt is read up to its first 500 KiB, as Google does
(RFC 9309 2.5 allows a limit of at least 500 KiB). A missing one (4xx) allows everything.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from scrapy import Request, signals
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest, StopDownload
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler
from twisted.internet.defer import Deferred

from newsbot.downloadermiddlewares.sites import count

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Headers, Response
    from scrapy.robotstxt import RobotParser

logger = logging.getLogger(__name__)

#: How much of a robots.txt is read (Google's limit; RFC 9309 asks for at least this much).
ROBOTS_MAX_BYTES = 500 * 1024
#: The rules of a host whose robots.txt could not be read (RFC 9309: complete disallow).
DISALLOW_ALL = b"User-agent: *\nDisallow: /\n"
#: Marks the robots.txt requests of this middleware (kept across retries and redirects).
ROBOTS_FILE = "newsbot_robots_file"


class NewsbotRobotsTxtMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware (same settings: ROBOTSTXT_OBEY, ROBOTSTXT_PARSER,
    ROBOTSTXT_USER_AGENT, USER_AGENT) with RFC 9309's reading of failed and oversized files."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        # Bytes received so far by each uncompressed robots.txt download.
        self._received: WeakKeyDictionary[Request, int] = WeakKeyDictionary()
        crawler.signals.connect(self._headers_received, signal=signals.headers_received)
        crawler.signals.connect(self._bytes_received, signal=signals.bytes_received)

    async def robot_parser(self, request: Request) -> RobotParser | None:
        """The rules of the request's host, fetched once per host (None: allow all)."""
        netloc = urlparse_cached(request).netloc
        if netloc in self._parsers:
            known = self._parsers[netloc]
            return await maybe_deferred_to_future(known) if isinstance(known, Deferred) else known
        waiting: Deferred[RobotParser | None] = Deferred()
        self._parsers[netloc] = waiting
        parser = await self._read(request, netloc)
        self._parsers[netloc] = parser
        waiting.callback(parser)
        return parser

    async def _read(self, request: Request, netloc: str) -> RobotParser | None:
        robots = Request(
            f"{urlparse_cached(request).scheme}://{netloc}/robots.txt",
            priority=self.DOWNLOAD_PRIORITY,
            meta={"dont_obey_robotstxt": True, ROBOTS_FILE: True},
            callback=NO_CALLBACK,
        )
        assert self.crawler.engine is not None
        try:
            response = await self.crawler.engine.download_async(robots)
        except IgnoreRequest:
            return None  # too many redirects (as a 404 for Google) or a decompression bomb
        except Exception as error:  # any network failure: RFC 9309 2.3.1.4
            return self._unavailable(request, netloc, type(error).__name__)
        # 429 is the server saying it cannot cope, as a 503 does (Google reads it so).
        if response.status >= 500 or response.status == 429:
            return self._unavailable(request, netloc, f"HTTP {response.status}")
        if response.status >= 400:
            return None  # no robots.txt: everything is allowed (RFC 9309 2.3.1.3)
        return await self._parse(request, netloc, response)

    async def _parse(self, request: Request, netloc: str, response: Response) -> RobotParser:
        body = response.body
        if len(body) >= ROBOTS_MAX_BYTES:
            # Cut at a line end: half a path in a Disallow would forbid or allow the wrong URLs.
            body = body[:ROBOTS_MAX_BYTES].rpartition(b"\n")[0]
            count(self._stats, "robots/truncated", "robots_truncated", request)
            logger.warning(
                "robots.txt of %s is over %d KiB: its first %d KiB are obeyed, as Google does",
                netloc,
                ROBOTS_MAX_BYTES // 1024,
                ROBOTS_MAX_BYTES // 1024,
            )
        parser = build_from_crawler(self._parserimpl, self.crawler, body)
        await self.crawler.signals.send_catch_log_async(
            signal=signals.robots_parsed, robotparser=parser, request=request
        )
        return parser

    def _unavailable(self, request: Request, netloc: str, why: str) -> RobotParser:
        count(self._stats, "robots/unavailable", "robots_unavailable", request)
        logger.warning(
            "robots.txt of %s could not be read (%s): %s is not crawled this run (RFC 9309); "
            "its pages are not marked exported, the next run tries again",
            netloc,
            why,
            netloc,
        )
        return build_from_crawler(self._parserimpl, self.crawler, DISALLOW_ALL)

    def _headers_received(self, headers: Headers, request: Request, **_: Any) -> None:
        """An uncompressed robots.txt is stopped at ROBOTS_MAX_BYTES by ``_bytes_received``,
        so Scrapy's size cap, which would drop a larger file whole, is lifted for it (Scrapy
        reads the meta key after this signal). A compressed one keeps the cap, which bounds
        what it inflates to."""
        if request.meta.get(ROBOTS_FILE) and b"Content-Encoding" not in headers:
            request.meta["download_maxsize"] = 0
            self._received[request] = 0

    def _bytes_received(self, data: bytes, request: Request, **_: Any) -> None:
        if request in self._received:
            self._received[request] += len(data)
            if self._received[request] >= ROBOTS_MAX_BYTES:
                raise StopDownload(fail=False)
