"""``scrapy report -a NAME=VALUE`` arguments, parsed once into where to read and how much."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from scrapy.exceptions import UsageError

from newsbot.archive import archive_folders
from newsbot.commands.arguments import flag
from newsbot.commands.demo import with_demo_folders

if TYPE_CHECKING:
    from collections.abc import Mapping

    from scrapy.settings import BaseSettings

DEFAULT_SPIDER = "asia_pacific"
DEFAULT_LAST = 30
_KNOWN = ("spider", "archive", "runs", "last", "demo")


@dataclass(frozen=True)
class Sources:
    """Where the report reads: the archive's folders, the run summaries' folder (None: the
    settings keep no summaries), and how many of the latest runs it shows."""

    spider: str
    archive_folders: tuple[Path, ...]
    runs_dir: Path | None
    last: int


@dataclass(frozen=True)
class ReportArguments:
    """What ``-a`` asked for: ``spider`` (whose folders), ``archive``/``runs`` (folders that
    replace the settings' ones), ``last`` (runs shown), ``demo`` (the demo's folders)."""

    spider: str = DEFAULT_SPIDER
    archive: tuple[Path, ...] = ()
    runs: Path | None = None
    last: int = DEFAULT_LAST
    demo: bool = False

    @classmethod
    def parse(cls, raw: Mapping[str, str]) -> ReportArguments:
        """Validate ``-a`` values; a bad or unknown one raises UsageError naming it."""
        unknown = sorted(set(raw) - set(_KNOWN))
        if unknown:
            raise UsageError(
                f"unknown argument(s): {', '.join(unknown)} (known: {', '.join(_KNOWN)})",
                print_help=False,
            )
        archive = raw.get("archive", "")
        return cls(
            spider=raw.get("spider") or DEFAULT_SPIDER,
            archive=tuple(Path(folder) for folder in archive.split(os.pathsep) if folder),
            runs=Path(raw["runs"]) if raw.get("runs") else None,
            last=_last(raw.get("last")),
            demo=flag("demo", raw.get("demo")),
        )

    def sources(self, settings: BaseSettings) -> Sources:
        """The folders to read: the arguments' own, else the settings' (the demo's with
        demo=1, which ``-s`` still overrides, as it does for ``scrapy demo``)."""
        if self.demo:
            settings = with_demo_folders(settings)
        folders = self.archive or tuple(archive_folders(settings, self.spider))
        runs_template = settings.get("NEWSBOT_RUNS_DIR") or ""
        runs_dir = self.runs or (
            Path(runs_template % {"name": self.spider}) if runs_template else None
        )
        return Sources(self.spider, folders, runs_dir, self.last)


def _last(value: str | None) -> int:
    if value is None:
        return DEFAULT_LAST
    if not value.isdigit() or int(value) < 1:
        raise UsageError(f"-a last={value!r}: expected a whole number >= 1", print_help=False)
    return int(value)
