"""Extraction off the reactor thread, in worker processes, with a time cap per page.

Extracting an article is pure CPU (parsing, trafilatura, the field extractors): in threads of
the crawl's own process it shares one core with the reactor, so a crawl used one core of
many. A pool of worker processes (pebble) uses every core; the reactor thread keeps the I/O,
discovery and bookkeeping. A page that hangs its worker past the timeout, or crashes it, costs
that page only: pebble ends the worker and starts another. Workers are renewed after
``NEWSBOT_EXTRACTION_MAX_TASKS`` pages, so what parsing leaves behind (lxml, trafilatura's
caches) cannot grow for the whole crawl, and each is capped at
``NEWSBOT_EXTRACTION_MEMORY_MB`` of address space: a page that would take more fails alone.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.forkserver
import os
import resource
import time
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from pebble import ProcessExpired, ProcessPool
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.python import to_unicode
from twisted.internet.defer import Deferred
from twisted.internet.defer import TimeoutError as DeferredTimeoutError
from twisted.internet.threads import deferToThread
from twisted.python.failure import Failure
from w3lib.encoding import http_content_type_encoding

from newsbot import timing
from newsbot.items import ARTICLE_PAGE_TYPES
from newsbot.neardup import signature
from newsbot.pipelines.normalize import normalize

if TYPE_CHECKING:
    from collections.abc import Callable
    from concurrent.futures import Future

    from scrapy.http import Response
    from scrapy.settings import BaseSettings

    from newsbot.items import Article
    from newsbot.sites import ExtractionHints, Site

_MB = 1024 * 1024
# How long the workers may take to come up (loading the extraction stack takes a second or
# two); past it the crawl goes on and its pages fail as they are scheduled.
_WARM_UP_TIMEOUT_S = 120.0

logger = logging.getLogger(__name__)


class ExtractionTimeout(Exception):
    """A page took longer than NEWSBOT_EXTRACTION_TIMEOUT to extract."""


class ExtractionCrashed(Exception):
    """A page's extraction ended its worker process (a crash, or past its memory cap)."""


@dataclass(frozen=True)
class Extracted:
    """A page's article, the site's selectors that matched nothing on it (``title = "h1"``:
    a site whose layout changed under its declaration), and the seconds each stage took."""

    article: Article
    unmatched: tuple[str, ...] = ()
    seconds: dict[str, float] = field(default_factory=dict)


def declared_charset(response: Response) -> str | None:
    """Only the charset the server declared: extraction reads BOM and <meta> itself."""
    return http_content_type_encoding(to_unicode(response.headers.get("Content-Type") or b""))


def extract_page(
    content: bytes, url: str, hints: ExtractionHints, encoding: str | None
) -> Extracted:
    """The article of one page and the declared selectors it defeats, timed per stage (what
    a worker runs)."""
    # Imported where it runs: the crawl's own process never loads the extraction stack
    # (trafilatura, the language model), only the workers do, from the forkserver's copy.
    from newsbot.extraction import extract_article  # noqa: PLC0415

    started = time.perf_counter()
    with timing.collecting() as seconds:
        article = extract_article(content, url, hints, encoding=encoding)
        unmatched = _unmatched_selectors(article, content, hints, encoding)
        _normalize_and_sign(article)
    # Page typing is timed inside; the rest of the page's time is extraction proper.
    seconds["extraction"] = time.perf_counter() - started - seconds.get("page_type", 0.0)
    return Extracted(article, unmatched, seconds)


def _normalize_and_sign(article: Article) -> None:
    """Normalize an article as the normalize pipeline would and sign its body for
    deduplication: here in the worker, not on the reactor thread."""
    normalize(ItemAdapter(article))
    article.normalized = True
    if article.page_type in ARTICLE_PAGE_TYPES and article.body:
        article.near_signature = (article.fingerprint, signature(article.body))


def _unmatched_selectors(
    article: Article, content: bytes, hints: ExtractionHints, encoding: str | None
) -> tuple[str, ...]:
    # Title and body name what every article has; drop selectors (a promo box) are optional,
    # and pages that are no articles (a section front) are not what the selectors describe.
    # No body: the page was unreadable (extraction logged why), nothing to check against.
    wanted = {"title": hints.title, "body": hints.body}
    if article.page_type not in ARTICLE_PAGE_TYPES or not article.body or not any(wanted.values()):
        return ()
    from newsbot.extraction.document import decode, parse, select  # noqa: PLC0415 (as above)

    root = parse(decode(content, encoding))
    return tuple(f"{key} = {css!r}" for key, css in wanted.items() if css and not select(root, css))


def _limit_memory(megabytes: int) -> None:
    """In a worker: cap its address space, so one pathological page fails alone."""
    if megabytes:
        limit = megabytes * _MB
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


class Extractor:
    """Extracts responses in worker processes (``processes`` >= 1) or, with 0, in threads of
    the crawl's process (Twisted's pool, as small crawls and debugging want)."""

    def __init__(
        self,
        processes: int,
        timeout: float,
        max_tasks: int = 0,
        memory_mb: int = 0,
        work: Callable[..., Extracted] = extract_page,
    ) -> None:
        """``work`` runs in the workers: ``extract_page`` (a test gives one that misbehaves)."""
        self.processes = processes
        self.timeout = timeout
        self._work = work
        self._pool: ProcessPool | None = None
        self._starting: Deferred[None] | None = None
        self._up = False
        self._waiting: list[Deferred[None]] = []
        if processes:
            self._pool = ProcessPool(
                max_workers=processes,
                max_tasks=max_tasks,
                initializer=_limit_memory,
                initargs=(memory_mb,),
                context=_context(),
            )

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> Extractor:
        processes = settings.getint("NEWSBOT_EXTRACTION_PROCESSES")
        return cls(
            processes if processes >= 0 else _cores(),
            settings.getfloat("NEWSBOT_EXTRACTION_TIMEOUT"),
            settings.getint("NEWSBOT_EXTRACTION_MAX_TASKS"),
            settings.getint("NEWSBOT_EXTRACTION_MEMORY_MB"),
        )

    def start(self) -> None:
        """Start the workers, in a thread: forking the first one waits for the forkserver to
        load the extraction stack (a second of CPU, begun when the spider was made), and the
        reactor fetches and reads the section pages meanwhile. ``extract`` waits for them.
        Connected to spider_opened."""
        if self._pool is not None and self._starting is None:
            self._starting = deferToThread(self._warm_up)
            self._starting.addBoth(self._started)

    def _warm_up(self) -> None:
        """In a thread: each worker up and answering."""
        assert self._pool is not None
        for warmed in [self._pool.schedule(_ready) for _ in range(self.processes)]:
            warmed.result(timeout=_WARM_UP_TIMEOUT_S)

    def _started(self, result: object) -> None:
        """Release the pages that waited for the workers. A pool that failed to start fails
        them when they are scheduled (as ExtractionCrashed), not here."""
        if isinstance(result, Failure):
            logger.error("Extraction workers failed to start: %s", result.getErrorMessage())
        self._up = True
        waiting, self._waiting = self._waiting, []
        for waiter in waiting:
            waiter.callback(None)

    async def _workers_up(self) -> None:
        if self._starting is not None and not self._up:
            waiter: Deferred[None] = Deferred()
            self._waiting.append(waiter)
            await maybe_deferred_to_future(waiter)

    async def extract(self, response: Response, site: Site) -> Extracted:
        """The article of ``response`` (and the site selectors it defeats).

        Raises ExtractionTimeout past the timeout and ExtractionCrashed when the page ended
        its worker.
        """
        args = (response.body, response.url, site.hints, declared_charset(response))
        if self._pool is None:
            return await self._in_thread(args)
        await self._workers_up()
        future = self._pool.schedule(self._work, args=args, timeout=self.timeout)
        try:
            return await maybe_deferred_to_future(_deferred(future))
        except FutureTimeout:
            raise ExtractionTimeout(f"no result after {self.timeout:g} s") from None
        except ProcessExpired as exc:
            raise ExtractionCrashed(f"worker ended ({exc})") from None

    async def _in_thread(self, args: tuple[Any, ...]) -> Extracted:
        work = deferToThread(self._work, *args)
        # Imported here: importing twisted.internet.reactor at module level would install the
        # default reactor before Scrapy installs the one its settings ask for.
        from twisted.internet import reactor  # noqa: PLC0415

        work.addTimeout(self.timeout, reactor)
        try:
            return await maybe_deferred_to_future(work)
        except DeferredTimeoutError:
            # The thread runs on; size limits in extraction bound how long.
            raise ExtractionTimeout(f"no result after {self.timeout:g} s") from None

    def close(self) -> Deferred[None] | None:
        """Stop the workers (pages still in them are abandoned with the crawl), once they are
        up: a pool stopped while its first workers are being forked would never answer the
        warm-up, and the crawl's process would wait for that thread at exit (a crawl that
        found nothing new ends before the workers are up)."""
        if self._pool is None:
            return None
        if self._starting is not None and not self._up:
            stopped: Deferred[None] = Deferred()
            stopped.addCallback(lambda _: self._stop())
            self._waiting.append(stopped)
            return stopped
        self._stop()
        return None

    def _stop(self) -> None:
        if self._pool is not None:
            self._pool.stop()  # type: ignore[no-untyped-call]  # pebble leaves it unannotated
            self._pool.join()
            self._pool = None


def _ready() -> None:
    """What a worker runs to say it is up."""


def _deferred(future: Future[Any]) -> Deferred[Any]:
    """A Deferred fired on the reactor thread when ``future`` (of a pool thread) settles."""
    from twisted.internet import reactor  # noqa: PLC0415 (see Extractor._in_thread)

    deferred: Deferred[Any] = Deferred()

    def settle(done: Future[Any]) -> None:
        try:
            result = done.result()
        except BaseException as error:
            deferred.errback(error)
        else:
            deferred.callback(result)

    future.add_done_callback(lambda done: reactor.callFromThread(settle, done))
    return deferred


def _context() -> Any:
    """forkserver where there is one: workers fork from a clean process that loaded the
    extraction stack and its language model once (so they share its memory), never from the
    crawl's threaded one (spawn elsewhere)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["newsbot.extraction.preload"])
        # Started now, when the spider is made: the server loads the extraction stack on
        # another core while Scrapy opens its components, not when the first worker is asked
        # for (which waits for it, on the reactor thread).
        multiprocessing.forkserver.ensure_running()
        return context
    return multiprocessing.get_context("spawn")


def _cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
