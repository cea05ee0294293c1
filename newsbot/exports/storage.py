"""AtomicFileFeedStorage: an export file appears under its name only once it is complete and
its run's state is committed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Self

from scrapy.extensions.feedexport import FileFeedStorage

from newsbot.processes import is_running

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler

#: Suffix of files still being written; ``part_files`` finds a spider's leftovers by it.
PART_SUFFIX = ".newsbot-part"


def part_path(final: Path, spider: str) -> Path:
    """Where ``final`` is written until it is complete: hidden, beside it, named by spider and
    by the writing process (workers of a shared crawl may write into one folder)."""
    return final.with_name(f".{final.name}.{spider}.{os.getpid()}{PART_SUFFIX}")


def part_files(folder: Path, spider: str) -> list[Path]:
    """Files a killed run of ``spider`` left half-written in ``folder``: those of processes no
    longer running (a live one, another worker of a shared crawl, is still writing its own)."""
    return sorted(
        path
        for path in folder.glob(f".*.{spider}*{PART_SUFFIX}")
        if not is_running(_writer(path.name.removesuffix(PART_SUFFIX), spider))
    )


def _writer(stem: str, spider: str) -> int:
    """The pid in a part file's name (0 in names from before it was added)."""
    rest, _, pid = stem.rpartition(".")
    return int(pid) if pid.isdigit() and rest.endswith(f".{spider}") else 0


class AtomicFileFeedStorage(FileFeedStorage):
    """Writes to a hidden part file beside the target, and leaves it there, complete and
    synced to disk, when the feed is closed: ``PublishingFeedExporter`` renames it once the
    run's state is committed, so a file never appears without its articles being marked
    exported, nor the reverse.

    Readers (analysts, the next cron job) never see a half-written file under the real name:
    a run killed mid-way leaves only the part file, which the next run deletes. Appending
    (``-o``) copies the existing file into the part file first, so the append is atomic too.
    """

    def __init__(
        self, uri: str, *, feed_options: dict[str, Any] | None = None, spider_name: str = "newsbot"
    ) -> None:
        super().__init__(uri, feed_options=feed_options)
        self.final = Path(self.path)
        self.part = part_path(self.final, spider_name)
        #: Whether the part file holds the whole feed, ready to be published.
        self.complete = False

    @classmethod
    def from_crawler(
        cls, crawler: Crawler, uri: str, *, feed_options: dict[str, Any] | None = None
    ) -> Self:
        name = crawler.spider.name if crawler.spider else "newsbot"
        return cls(uri, feed_options=feed_options, spider_name=name)

    def open(self, spider: Spider) -> IO[bytes]:
        self.final.parent.mkdir(parents=True, exist_ok=True)
        if self.write_mode == "ab" and self.final.exists():
            shutil.copyfile(self.final, self.part)
        return self.part.open(self.write_mode)

    def store(self, file: IO[bytes]) -> None:
        file.flush()
        os.fsync(file.fileno())
        file.close()
        self.complete = True
