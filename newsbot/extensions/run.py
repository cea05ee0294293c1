"""RunExtension: one run's life — lock, state transaction, export manifests, summary, exit code."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.utils.misc import load_object

from newsbot import signals as newsbot_signals
from newsbot.drops import ArticleDropped
from newsbot.exports.storage import AtomicFileFeedStorage, part_files
from newsbot.runs import ExitCode, judge_run, summary
from newsbot.state import Publication
from newsbot.state.lock import RunLock, RunLockedError

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.extensions.feedexport import FeedSlot

    from newsbot.state import StateStore

logger = logging.getLogger(__name__)
EXIT_CODE_STAT = "newsbot/run/exit_code"
MEMORY = ":memory:"


class RunExtension:
    """Makes a crawl safe to run from cron.

    Before the crawl: takes the spider's run lock (a second run exits with code 75), opens the
    state store, publishes the files a run that died right after its commit left unpublished,
    deletes part files a killed run left, and opens the run's transaction. After the exports
    are complete: commits the state together with the list of files to publish, renames each
    file into place with a manifest beside it, writes the run summary, and sets the exit code.
    A run that does not commit publishes nothing and removes its part files.
    Reads NEWSBOT_STATE_PATH, NEWSBOT_STATE_STORE, NEWSBOT_RUNS_DIR, NEWSBOT_MAX_ERROR_RATE.
    """

    def __init__(self, crawler: Crawler, store: StateStore, lock: RunLock | None) -> None:
        self.crawler = crawler
        self.store = store
        self.lock = lock
        self.started = datetime.now(UTC).replace(microsecond=0)
        self.run_id = f"{self.started:%Y%m%dT%H%M%SZ}-{os.getpid()}"
        self.spider_name = crawler.spider.name if crawler.spider else "newsbot"
        self.runs_dir = Path(crawler.settings["NEWSBOT_RUNS_DIR"] % {"name": self.spider_name})
        self.max_error_rate = crawler.settings.getfloat("NEWSBOT_MAX_ERROR_RATE")
        self.has_feeds = bool(crawler.settings.getdict("FEEDS"))
        self.publications: list[Publication] = []
        self.finish_reason = "unknown"
        self.finished = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        name = crawler.spider.name if crawler.spider else "newsbot"
        path = crawler.settings["NEWSBOT_STATE_PATH"] % {"name": name}
        lock = None if path == MEMORY else RunLock(Path(f"{path}.lock"))
        if lock is not None:
            try:
                lock.acquire()
            except RunLockedError as exc:
                assert crawler.stats is not None
                crawler.stats.set_value(EXIT_CODE_STAT, int(ExitCode.LOCKED))
                logger.error("Another run of %s is in progress (%s): not starting", name, exc)
                raise
        store = load_object(crawler.settings["NEWSBOT_STATE_STORE"])(path)
        extension = cls(crawler, store, lock)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(extension.feed_slot_closed, signal=signals.feed_slot_closed)
        crawler.signals.connect(extension.feed_exporter_closed, signal=signals.feed_exporter_closed)
        crawler.signals.connect(extension.item_dropped, signal=signals.item_dropped)
        return extension

    def spider_opened(self) -> None:
        self._complete_publications()
        self._remove_part_files()
        self.store.begin(self.run_id, self.spider_name, self.started.isoformat())
        self.crawler.signals.send_catch_log(newsbot_signals.state_opened, store=self.store)
        logger.info("Run %s of %s started", self.run_id, self.spider_name)

    def item_dropped(self, item: Any, exception: BaseException) -> None:
        """Pages found not to be articles are remembered, so later runs do not fetch them."""
        if isinstance(exception, ArticleDropped) and exception.reason.page_is_not_article:
            adapter = ItemAdapter(item)
            for url in {adapter["url"], adapter.get("source_url") or adapter["url"]}:
                self.store.reject(url, exception.reason)

    def feed_slot_closed(self, slot: FeedSlot) -> None:
        """A feed file was stored: if it is complete, it is published when the run commits."""
        storage = slot.storage
        if isinstance(storage, AtomicFileFeedStorage) and storage.complete:
            manifest = json.dumps(self._manifest(storage.part, storage.final, slot), indent=2)
            # Absolute: the run that completes an interrupted publication may start elsewhere.
            part, final = str(storage.part.resolve()), str(storage.final.resolve())
            self.publications.append(Publication(part, final, manifest))

    def feed_exporter_closed(self) -> None:
        self._finish(exported=True)

    def spider_closed(self, reason: str) -> None:
        self.finish_reason = reason
        if not self.has_feeds:
            self._finish(exported=False)

    def _finish(self, *, exported: bool) -> None:
        if self.finished:
            return
        self.finished = True
        assert self.crawler.stats is not None
        stats = dict(self.crawler.stats.get_stats())
        stats["finish_reason"] = self.finish_reason
        stats["finish_time"] = datetime.now(UTC)
        outcome = judge_run(stats, self.max_error_rate)
        # Articles count as exported only when every export file is complete.
        commit = exported and outcome.code is not ExitCode.EXPORT_FAILED
        published = [p.final for p in self.publications] if commit else []
        report = summary(self.run_id, self.spider_name, stats, outcome, published)
        if commit:
            self.store.finish(
                commit=True, summary=json.dumps(report), publications=self.publications
            )
            for publication in self.publications:
                self._publish(publication)
            self.store.forget_publications()
        else:
            self.store.finish(commit=False)
            for publication in self.publications:
                Path(publication.part).unlink(missing_ok=True)
        self.store.close()
        if self.lock is not None:
            self.lock.release()
        self._write_json(self.runs_dir / f"{self.run_id}.json", report)
        self.crawler.stats.set_value(EXIT_CODE_STAT, int(outcome.code))
        log = logger.info if outcome.code is ExitCode.OK else logger.error
        drops = ", ".join(f"{k} {v}" for k, v in report["dropped"].items()) or "none"
        log(
            "Run %s: %s (exit code %d)%s; %d articles exported, %d requests; dropped: %s; state %s",
            self.run_id,
            outcome.status,
            outcome.code,
            "".join(f"; {p}" for p in outcome.problems),
            report["items_exported"],
            report["requests"],
            drops,
            "committed" if commit else "unchanged",
        )

    def _manifest(self, part: Path, final: Path, slot: FeedSlot) -> dict[str, Any]:
        return {
            "file": final.name,
            "format": slot.format,
            "items": slot.itemcount,
            "bytes": part.stat().st_size,
            "sha256": hashlib.sha256(part.read_bytes()).hexdigest(),
            "run_id": self.run_id,
            "spider": self.spider_name,
            "started_at": self.started.isoformat(),
            "finished_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        }

    def _complete_publications(self) -> None:
        """Publish what a run committed and did not get to rename before it died."""
        for publication in self.store.unpublished():
            if Path(publication.part).exists():
                logger.warning(
                    "Publishing %s: the run that wrote it committed, then stopped before "
                    "renaming it",
                    publication.final,
                )
            self._publish(publication)
        self.store.forget_publications()

    def _publish(self, publication: Publication) -> None:
        """Rename the part file into place (unless that was done) and write its manifest."""
        part, final = Path(publication.part), Path(publication.final)
        if part.exists():
            part.replace(final)
        if final.exists():
            manifest = final.with_name(final.name + ".manifest.json")
            self._write_text(manifest, publication.manifest + "\n")

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
            "batch_id": 0,
        }
        folders = set()
        for uri in self.crawler.settings.getdict("FEEDS"):
            try:
                path = str(uri) % params
            except (KeyError, ValueError):
                continue  # a custom URI parameter: its folder cannot be known in advance
            if "://" not in path or path.startswith("file://"):
                folders.add(Path(path.removeprefix("file://")).parent)
        return {f for f in folders if f.is_dir()}

    @classmethod
    def _write_json(cls, path: Path, data: dict[str, Any]) -> None:
        cls._write_text(path, json.dumps(data, indent=2) + "\n")

    @staticmethod
    def _write_text(path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
