"""``scrapy dataset``: cut one dataset (Parquet, JSONL, CSV) from the archive of every run."""

from __future__ import annotations

import os
import shutil
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from scrapy.utils.conf import arglist_to_dict

from newsbot.archive import Archive, archive_folders
from newsbot.commands.arguments import flag
from newsbot.commands.demo import with_demo_folders
from newsbot.dataset import PARTITION_KEYS, Cut, output_format, write_dataset
from newsbot.runs import ExitCode

if TYPE_CHECKING:
    import argparse

    import duckdb
    from scrapy.settings import BaseSettings

_ARGUMENTS = (
    "since", "until", "sites", "language", "revisions", "partition", "format", "spider",
    "demo", "archive",
)  # fmt: skip


class Command(ScrapyCommand):
    """Reads the published files of the runs through their manifests (newsbot.archive) and
    writes the rows asked for, typed, in one file or a partitioned folder."""

    requires_project = True
    # Its output is one line; problems (an unreadable manifest) still reach stderr.
    default_settings = {"LOG_ENABLED": False}  # noqa: RUF012 (Scrapy's own attribute)

    def syntax(self) -> str:
        return "-O OUTPUT [-a NAME=VALUE ...]"

    def short_desc(self) -> str:
        return "Write one dataset (Parquet, JSONL or CSV) of every run's articles"

    def long_desc(self) -> str:
        return (
            "Write the articles every run exported as one dataset: OUTPUT ending in .parquet, "
            ".jsonl or .csv, or a folder with -a partition=site,date. Arguments: "
            "since=YYYY-MM-DD, until=YYYY-MM-DD (UTC days of publication, of fetching where a "
            "page gave none; until included), sites=KEY,KEY, language=en,de, "
            "revisions=latest|all (latest: one row per article), partition=site,date "
            "(also language, section), format=parquet|jsonl|csv (for a folder), "
            "spider=NAME (default: every spider of the project), demo=1 (the demo's runs), "
            "archive=FOLDER (files published elsewhere, with their manifests)."
        )

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("-O", "--overwrite-output", dest="output", metavar="OUTPUT",
                            help="the dataset to write (replaced if it exists)")  # fmt: skip
        parser.add_argument("-a", dest="arguments", action="append", default=[],
                            metavar="NAME=VALUE", help="which rows, and how")  # fmt: skip

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        if args:
            raise UsageError("scrapy dataset takes no positional arguments (use -a NAME=VALUE)")
        if not opts.output:
            raise UsageError("name the dataset to write with -O (e.g. -O articles.parquet)")
        try:
            arguments = arglist_to_dict(opts.arguments)
        except ValueError:
            raise UsageError("-a takes NAME=VALUE", print_help=False) from None
        unknown = sorted(set(arguments) - set(_ARGUMENTS))
        if unknown:
            raise UsageError(f"unknown argument(s): {', '.join(unknown)} (known: "
                             f"{', '.join(_ARGUMENTS)})", print_help=False)  # fmt: skip
        cut = _cut(arguments)
        output = Path(opts.output)
        try:
            fmt = output_format(output, bool(cut.partition), arguments.get("format"))
        except ValueError as exc:
            raise UsageError(str(exc), print_help=False) from None
        archive = Archive(self._folders(arguments))
        runs = archive.runs()
        if not runs:
            folders = ", ".join(str(f) for f in archive.folders) or "(none)"
            print(f"No published runs in {folders}: run a crawl first, or name the folder "
                  "with -a archive=FOLDER", file=sys.stderr)  # fmt: skip
            self.exitcode = int(ExitCode.USAGE)
            return
        try:
            rows = _write(archive, cut, output, fmt, self.settings)
        except DatasetFailed as exc:
            # A run file that is not JSON, a full disk, too little memory: nothing written.
            print(f"No dataset written: {exc}", file=sys.stderr)
            self.exitcode = int(ExitCode.CRAWL_FAILED)
            return
        print(f"Wrote {rows} articles from {len(runs)} runs to {output} ({fmt})")

    def _folders(self, arguments: dict[str, str]) -> list[Path]:
        assert self.settings is not None
        if "archive" in arguments:
            return [Path(folder) for folder in arguments["archive"].split(os.pathsep) if folder]
        if "spider" in arguments:
            spiders = [arguments["spider"]]
        else:
            assert self.crawler_process is not None
            spiders = list(self.crawler_process.spider_loader.list())
        # The demo publishes in folders of its own, apart from live runs.
        demo = flag("demo", arguments.get("demo"))
        settings = with_demo_folders(self.settings) if demo else self.settings
        folders: list[Path] = []
        for spider in spiders:
            folders += [f for f in archive_folders(settings, spider) if f not in folders]
        return folders


def _cut(arguments: dict[str, str]) -> Cut:
    revisions = arguments.get("revisions", "latest")
    if revisions not in ("latest", "all"):
        raise UsageError("revisions must be latest or all", print_help=False)
    partition = _names(arguments.get("partition"))
    wrong = [key for key in partition if key not in PARTITION_KEYS]
    if wrong:
        raise UsageError(f"cannot partition by {', '.join(wrong)} (by: "
                         f"{', '.join(PARTITION_KEYS)})", print_help=False)  # fmt: skip
    return Cut(
        since=_day(arguments, "since"),
        until=_day(arguments, "until"),
        sites=_names(arguments.get("sites")),
        languages=tuple(name.lower() for name in _names(arguments.get("language"))),
        revisions="latest" if revisions == "latest" else "all",
        partition=partition,
    )


def _write(archive: Archive, cut: Cut, output: Path, fmt: str, settings: BaseSettings) -> int:
    """Write beside ``output``, then move it into place: a reader never sees half a dataset,
    and a failed run leaves the old one."""
    output.parent.mkdir(parents=True, exist_ok=True)
    part = output.with_name(f".{output.name}.part")
    _remove(part)
    memory_mb = settings.getint("NEWSBOT_DATASET_MEMORY_MB")
    # Imported here: Scrapy imports every command's module on every run, `scrapy crawl`
    # included, and DuckDB costs each of them 20 MB of memory.
    import duckdb  # noqa: PLC0415

    try:
        with duckdb.connect() as con:
            rows = write_dataset(
                con, archive, cut, part, fmt, memory_mb=memory_mb, progress=sys.stderr.isatty()
            )
    except duckdb.Error as exc:
        _remove(part)
        raise DatasetFailed(_reason(exc, memory_mb)) from exc
    _remove(output)
    part.rename(output)
    return rows


class DatasetFailed(Exception):
    """DuckDB could not write the dataset: the reason, in one line."""


def _reason(exc: duckdb.Error, memory_mb: int) -> str:
    import duckdb  # noqa: PLC0415 (see _write)

    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if isinstance(exc, duckdb.OutOfMemoryException):
        return f"{first} (raise NEWSBOT_DATASET_MEMORY_MB, now {memory_mb})"
    return first


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def _day(arguments: dict[str, str], name: str) -> date | None:
    value = arguments.get(name)
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{name} must be a day, YYYY-MM-DD (not {value!r})") from None


def _names(value: str | None) -> tuple[str, ...]:
    return tuple(name.strip() for name in (value or "").split(",") if name.strip())
