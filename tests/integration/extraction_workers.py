"""Drives newsbot's extraction workers with pages that misbehave, in a fresh process.

``python -m tests.integration.extraction_workers PROCESSES`` extracts five pages in order
(an article, one that crashes its worker, one that hangs it, one whose extraction raises,
an article again), then asks a worker for its garbage collector's thresholds, and prints
one JSON line per page: what came back, or the error's class.
Twisted's reactor cannot be restarted within a process, hence a process of its own.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from typing import TYPE_CHECKING

from scrapy.http import HtmlResponse
from twisted.internet.defer import Deferred
from twisted.internet.task import react

from newsbot.items import Article
from newsbot.sites.model import ExtractionHints
from newsbot.spiders.extracting import Extracted, Extractor, extract_page

if TYPE_CHECKING:
    from twisted.internet.interfaces import IReactorCore

TIMEOUT = 3.0
ARTICLE = (
    b"<html><head><title>Harbour wall approved</title></head><body><article>"
    b"<h1>Harbour wall approved</h1>"
    + b"<p>The council voted on Tuesday to build the new harbour wall before winter.</p>" * 6
    + b"</article></body></html>"
)
PAGES = ("ok-1", "crash", "hang", "raise", "ok-2", "gc-thresholds")


def misbehaving(
    content: bytes, url: str, hints: ExtractionHints, encoding: str | None
) -> Extracted:
    """``extract_page``, except for the pages named to crash, hang or raise, and one whose
    title is the worker's GC thresholds."""
    if url.endswith("/crash"):
        os._exit(70)  # as a segfault in a parser would end the worker
    if url.endswith("/hang"):
        time.sleep(60)
    if url.endswith("/raise"):
        raise RuntimeError("a bug in an extractor")
    if url.endswith("/gc-thresholds"):
        return Extracted(Article(url=url, title=repr(gc.get_threshold())))
    return extract_page(content, url, hints, encoding)


class _Site:
    hints = ExtractionHints()


async def _run(processes: int) -> None:
    extractor = Extractor(processes, TIMEOUT, work=misbehaving)
    try:
        for name in PAGES:
            response = HtmlResponse(f"https://news.example/{name}", body=ARTICLE)
            try:
                extracted = await extractor.extract(response, _Site())  # type: ignore[arg-type]
            except Exception as exc:
                print(json.dumps({"page": name, "error": type(exc).__name__}), flush=True)
            else:
                article = extracted.article
                print(
                    json.dumps(
                        {
                            "page": name,
                            "title": article.title,
                            "stages": sorted(extracted.seconds),
                            "signed": article.near_signature is not None,
                        }
                    ),
                    flush=True,
                )
    finally:
        extractor.close()


def main(reactor: IReactorCore, processes: str) -> Deferred[None]:
    return Deferred.fromCoroutine(_run(int(processes)))


if __name__ == "__main__":
    react(main, sys.argv[1:])
