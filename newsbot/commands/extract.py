"""``scrapy extract URL|FILE``: one page's article as one JSON object, like ``trafilatura -u``."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import Request, Spider
from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from scrapy.http import TextResponse
from scrapy.utils.python import to_unicode

from newsbot.dates import utc_now_iso
from newsbot.items import EXPORT_FIELDS
from newsbot.readonly import ReadOnlyCommand
from newsbot.runs import ExitCode
from newsbot.sites import SiteConfigError, load_sites, sites_path_dirs
from newsbot.spiders.extracting import declared_charset
from newsbot.spiders.failures import FetchFailure
from newsbot.spiders.selection import site_for_url
from newsbot.urls import is_http_url

if TYPE_CHECKING:
    import argparse
    from collections.abc import AsyncIterator

    from scrapy.http import Response
    from scrapy.settings import BaseSettings
    from twisted.python.failure import Failure

    from newsbot.items import Article
    from newsbot.sites import ExtractionHints, Site

logger = logging.getLogger(__name__)


class PageSpider(Spider):
    """Fetches one URL, as a crawl would (robots.txt, User-Agent, size caps), and keeps the
    answer for the command: ``response``, or ``problem`` saying why there is none."""

    name = "extract"

    def __init__(self, url: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.url = url
        self.response: TextResponse | None = None
        self.problem: str | None = None

    async def start(self) -> AsyncIterator[Request]:
        yield Request(self.url, callback=self.keep, errback=self.fail, dont_filter=True)

    def keep(self, response: Response) -> None:
        if isinstance(response, TextResponse):
            self.response = response
        else:
            kind = to_unicode(response.headers.get("Content-Type") or b"none")
            self.problem = f"not an HTML page (Content-Type {kind})"

    def fail(self, failure: Failure) -> None:
        self.problem = FetchFailure.of(failure).message


class Command(ReadOnlyCommand, ScrapyCommand):
    """Extracts one page without crawling: what newsbot makes of it (read-only)."""

    requires_project = True

    def syntax(self) -> str:
        return "<url|file>"

    def short_desc(self) -> str:
        return "Print the article of a URL or a local HTML file as one JSON object"

    def long_desc(self) -> str:
        return (
            "Fetch a URL (robots.txt obeyed) or read a local HTML file and print its article "
            "as one JSON object with the exported fields, in their order. A URL of a declared "
            "site uses that site's selectors. Exit code 2: no such file or not an http(s) URL; "
            "1: the URL could not be fetched."
        )

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("scrapy extract takes one URL or file")
        assert self.settings is not None
        try:
            article = self._article(args[0], self.settings)
        except SiteConfigError as exc:
            logger.error("Not extracted: %s", exc)
            self.exitcode = int(ExitCode.USAGE)
            return
        except _NotExtracted as exc:
            logger.error("Not extracted: %s", exc)
            self.exitcode = int(exc.code)
            return
        print(json.dumps({f: getattr(article, f) for f in EXPORT_FIELDS}, ensure_ascii=False))

    def _article(self, target: str, settings: BaseSettings) -> Article:
        if "://" not in target:
            return _file_article(Path(target))
        if not is_http_url(target):
            raise _NotExtracted(f"{target}: not an http(s) URL")
        site = _declared_site(target, settings)
        response = self._fetch(target)
        hints = site.hints if site else None
        charset = declared_charset(response)
        article = _extract(response.body, response.url, hints, encoding=charset)
        article.site = site.key if site else None
        article.fetched_at = utc_now_iso()
        return article

    def _fetch(self, url: str) -> TextResponse:
        assert self.crawler_process is not None
        crawler = self.crawler_process.create_crawler(PageSpider)
        self.crawler_process.crawl(crawler, url=url)
        self.crawler_process.start()
        spider = crawler.spider
        assert isinstance(spider, PageSpider)
        if spider.response is None:
            problem = spider.problem or "no answer"
            raise _NotExtracted(f"{url}: {problem}", code=ExitCode.CRAWL_FAILED)
        return spider.response


class _NotExtracted(Exception):
    """Why there is no article to print, and the exit code that says so."""

    def __init__(self, message: str, code: ExitCode = ExitCode.USAGE) -> None:
        super().__init__(message)
        self.code = code


def _file_article(path: Path) -> Article:
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise _NotExtracted(f"{path}: {exc.strerror}") from None
    return _extract(content, path.resolve().as_uri())


def _extract(
    content: bytes, url: str, hints: ExtractionHints | None = None, encoding: str | None = None
) -> Article:
    # Imported here: Scrapy imports every command module to list the commands, and a crawl
    # must not load the extraction stack into its own process (its workers do).
    from newsbot.extraction import extract_article  # noqa: PLC0415

    return extract_article(content, url, hints, encoding=encoding)


def _declared_site(url: str, settings: BaseSettings) -> Site | None:
    """The declared site that owns ``url`` (its selectors apply), if any."""
    declared = load_sites(sites_path_dirs(settings.get("NEWSBOT_SITES_PATH")))
    try:
        return site_for_url(declared.values(), url)
    except LookupError:
        return None
