"""PublishingFeedExporter: export files appear complete, with their manifest, or not at all."""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import os
from collections import Counter
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Self

from scrapy import signals
from scrapy.exceptions import NotConfigured, UsageError
from scrapy.extensions.feedexport import FeedExporter
from scrapy.utils.defer import ensure_awaitable

from newsbot import signals as newsbot_signals
from newsbot import timing
from newsbot.exports.storage import AtomicFileFeedStorage, part_files
from newsbot.redact import redact_credentials, redact_feed_uri_logs
from newsbot.state import Publication

if TYPE_CHECKING:
    from collections.abc import Iterator

    from scrapy import Spider
    from scrapy.crawler import Crawler
    from scrapy.extensions.feedexport import FeedSlot

    from newsbot.runs import Run
    from newsbot.state import StateStore

logger = logging.getLogger(__name__)
FEEDEXPORT_LOGGER = "scrapy.extensions.feedexport"


class PublishingFeedExporter(FeedExporter):
    """Scrapy's feed exporter (it replaces it in EXTENSIONS), made honest about failures.

    - A feed that cannot be created (``-o s3://…`` without boto3, an unknown format) stops the
      run before it crawls (exit 2), where Scrapy would log an error and crawl without it.
    - Any failure to write, finish or store a feed (a disk filling up on the exporter's last
      flush included, which Scrapy leaves as an unretrieved task exception) is one log line
      and a failure; so is a feed holding fewer articles than the run exported.
    - Complete files wait as part files, each with its manifest staged beside it, until the
      run's state is committed (``state_closed``); then they are renamed into place, else
      deleted. At the start of a run, files an earlier run committed and had no time to
      rename are published, and part files of killed runs are deleted.

    Sends ``exports_finished``. Reads FEEDS (and Scrapy's FEED_* settings).
    """

    def __init__(self, crawler: Crawler) -> None:
        redact_feed_uri_logs()
        with _collected_errors() as errors:
            try:
                super().__init__(crawler)
            except NotConfigured:
                if not crawler.settings.getdict("FEEDS"):
                    raise  # no feed at all: nothing to publish (the state owner decides)
                reason = "; ".join(errors) or "unsupported storage or format"
                raise UsageError(f"an export feed cannot be written: {reason}") from None
        self.spider_name = crawler.spider.name if crawler.spider else "newsbot"
        self.run: Run | None = None
        self.publications: list[Publication] = []
        self.failures: list[str] = []
        self.stored: Counter[str] = Counter()  # articles stored, by feed
        self.scraped = 0
        self.write_failed = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        exporter = super().from_crawler(crawler)
        crawler.signals.connect(exporter.state_opened, signal=newsbot_signals.state_opened)
        crawler.signals.connect(exporter.state_closed, signal=newsbot_signals.state_closed)
        return exporter

    def state_opened(self, store: StateStore, run: Run) -> None:
        self.run = run
        self._complete_publications(store)
        self._remove_part_files()

    def item_scraped(self, item: Any, spider: Spider) -> None:
        self.scraped += 1
        try:
            with timing.timed(self.crawler.stats, "export"):
                super().item_scraped(item, spider)
        except Exception as exc:  # any write error means an incomplete file
            self.crawler.stats.inc_value("newsbot/export/write_failed")
            if not self.write_failed:  # one line, not one per article
                self._fail(f"writing articles to the export files failed: {exc}")
            self.write_failed = True

    async def close_spider(self, spider: Spider) -> None:
        await super().close_spider(spider)
        self._check_counts()
        await self.crawler.signals.send_catch_log_async(
            newsbot_signals.exports_finished,
            publications=self.publications,
            failures=self.failures,
        )

    async def _close_slot(self, slot: FeedSlot, spider: Spider) -> None:
        """Finish and store one file; unlike Scrapy's, every failure is caught and counted."""
        if not slot.itemcount and not (slot.store_empty and slot.batch_id == 1):
            return  # nothing exported and no empty file wanted: no file
        name = redact_credentials(slot.uri)
        storage_type = type(slot.storage).__name__
        try:
            slot.start_exporting()
            slot.finish_exporting()
            await ensure_awaitable(slot.storage.store(self._get_file(slot)))
            if isinstance(slot.storage, AtomicFileFeedStorage):
                self.publications.append(self._stage(slot, slot.storage))
        except Exception as exc:
            self.crawler.stats.inc_value(f"feedexport/failed_count/{storage_type}")
            self._fail(f"{name}: {exc}")
            _close_quietly(slot.file)  # an unlinked file still holds its space while open
            if isinstance(slot.storage, AtomicFileFeedStorage):
                _discard(slot.storage.part, _manifest_part(slot.storage.part))
        else:
            self.crawler.stats.inc_value(f"feedexport/success_count/{storage_type}")
            self.stored[slot.uri_template] += slot.itemcount
            logger.info("Stored %s feed (%d items): %s", slot.format, slot.itemcount, name)
        await self.crawler.signals.send_catch_log_async(signals.feed_slot_closed, slot=slot)

    def _stage(self, slot: FeedSlot, storage: AtomicFileFeedStorage) -> Publication:
        """The complete part file, its manifest written beside it (also a part file), as a
        publication to rename once the state commits."""
        manifest = json.dumps(self._manifest(storage.part, storage.final, slot), indent=2)
        _write_synced(_manifest_part(storage.part), manifest + "\n")
        # Absolute: the run that completes an interrupted publication may start elsewhere.
        return Publication(str(storage.part.resolve()), str(storage.final.resolve()), manifest)

    def _check_counts(self) -> None:
        """Every feed without an item filter must hold every article the run exported."""
        for uri, options in self.feeds.items():
            if options.get("item_classes") or self.stored[uri] == self.scraped:
                continue
            self._fail(
                f"{redact_credentials(uri)} holds {self.stored[uri]} of the run's "
                f"{self.scraped} articles"
            )

    def _fail(self, failure: str) -> None:
        self.failures.append(failure)
        logger.error("Export failed: %s", failure)

    def state_closed(self, committed: bool, error: str | None) -> None:
        """Rename the run's files into place if its state committed, else delete them."""
        for publication in self.publications:
            if committed:
                _publish(publication)
            else:
                _discard(Path(publication.part), _manifest_part(Path(publication.part)))

    def _manifest(self, part: Path, final: Path, slot: FeedSlot) -> dict[str, Any]:
        assert self.run is not None
        return {
            "file": final.name,
            "format": slot.format,
            "items": slot.itemcount,
            "bytes": part.stat().st_size,
            "sha256": _sha256(part),
            "run_id": self.run.run_id,
            "spider": self.run.spider,
            "started_at": self.run.started.isoformat(),
            "finished_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
            # A file -o appended to holds earlier runs' rows too: "items" are this run's.
            "rows_in_file": _rows(part, slot.format),
        }

    def _complete_publications(self, store: StateStore) -> None:
        """Publish what a run committed and did not get to rename before it died."""
        for publication in store.unpublished():
            if Path(publication.part).exists():
                logger.warning(
                    "Publishing %s: the run that wrote it committed, then stopped before "
                    "renaming it",
                    publication.final,
                )
            _publish(publication)
        store.forget_publications()

    def _remove_part_files(self) -> None:
        for folder in self._feed_folders():
            for debris in part_files(folder, self.spider_name):
                logger.warning("Removing a part file left by an interrupted run: %s", debris)
                debris.unlink(missing_ok=True)

    def _feed_folders(self) -> set[Path]:
        params: dict[str, Any] = {
            "name": self.spider_name,
            "time": "",
            "batch_time": "",
            "worker": "",
        }
        params["batch_id"] = 0
        folders = set()
        for uri in self.feeds:
            try:
                path = uri % params
            except (KeyError, ValueError):
                continue  # a custom URI parameter: its folder cannot be known in advance
            if "://" not in path or path.startswith("file://"):
                folders.add(Path(path.removeprefix("file://")).parent)
        return {f for f in folders if f.is_dir()}


@contextmanager
def _collected_errors() -> Iterator[list[str]]:
    """The error lines Scrapy's feed exporter logs meanwhile, kept (redacted), not printed:
    they become the one line of the UsageError."""
    errors: list[str] = []

    class _Collect(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            if record.levelno >= logging.ERROR:
                errors.append(redact_credentials(record.getMessage()))
                return False
            return True

    collector = _Collect()
    feed_logger = logging.getLogger(FEEDEXPORT_LOGGER)
    feed_logger.addFilter(collector)
    try:
        yield errors
    finally:
        feed_logger.removeFilter(collector)


def _rows(path: Path, fmt: str) -> int | None:
    """The records in an export file (JSON Lines and CSV; None for other formats)."""
    if fmt in {"jsonlines", "jsonl"}:
        with path.open("rb") as lines:
            return sum(1 for line in lines if line.strip())
    if fmt == "csv":
        with path.open(encoding="utf-8-sig", newline="") as rows:
            return max(sum(1 for _ in csv.reader(rows)) - 1, 0)
    return None


def _manifest_part(part: Path) -> Path:
    """Where a part file's manifest waits (found and cleaned up with the part files)."""
    return part.with_name(f".manifest{part.name}")


def _manifest_path(final: Path) -> Path:
    return final.with_name(final.name + ".manifest.json")


def _publish(publication: Publication) -> None:
    """Rename the part file and its manifest into place (unless done); a manifest whose part
    file is gone is written from the state's copy."""
    part, final = Path(publication.part), Path(publication.final)
    if part.exists():
        part.replace(final)
    manifest_part, manifest = _manifest_part(part), _manifest_path(final)
    if manifest_part.exists():
        manifest_part.replace(manifest)
    elif final.exists() and not manifest.exists():
        _write_synced(manifest, publication.manifest + "\n")


def _close_quietly(file: IO[bytes] | None) -> None:
    try:
        if file is not None:
            file.close()
    except OSError:
        pass  # the flush of a full disk fails again: the file is given up anyway


def _discard(*paths: Path) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def _write_synced(path: Path, text: str) -> None:
    """Write ``text`` and make it durable (a manifest that vanishes in a power cut is no use)."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
