"""``scrapy report -O report.html``: one self-contained HTML page on a spider's latest runs."""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from scrapy.utils.conf import arglist_to_dict
from scrapy.utils.log import configure_logging

from newsbot.report.arguments import DEFAULT_LAST, DEFAULT_SPIDER, ReportArguments
from newsbot.runs import ExitCode

if TYPE_CHECKING:
    import argparse

logger = logging.getLogger(__name__)


class Command(ScrapyCommand):
    """Reads the run summaries (NEWSBOT_RUNS_DIR) and the archive (NEWSBOT_DEFAULT_FEEDS'
    folders) of one spider and writes one HTML page of plots and tables about its latest runs."""

    requires_project = True
    requires_crawler_process = False  # nothing is crawled
    # Skipped files are worth a line; matplotlib's font search at DEBUG is not.
    default_settings = {"LOG_LEVEL": "INFO"}  # noqa: RUF012 (Scrapy's own attribute)

    def syntax(self) -> str:
        return "-O FILE [-a NAME=VALUE ...]"

    def short_desc(self) -> str:
        return "Write one self-contained HTML page of plots about the latest runs"

    def long_desc(self) -> str:
        return (
            "Write FILE, one HTML page that opens offline: articles per site per day, field "
            "coverage, drops by reason, duplicates, requests per exported article and each "
            "site's health per run. Arguments: "
            f"spider=NAME (default {DEFAULT_SPIDER}), last=N (the latest N runs, default "
            f"{DEFAULT_LAST}), demo=1 (the demo's folders: data/demo/<spider>/ and "
            "data/runs/demo-<spider>/), runs=FOLDER (run summaries), archive=FOLDER (published "
            f"files with their manifests; several separated by {os.pathsep!r}). Exit code 2 "
            "when there is nothing to report."
        )

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument(
            "-O", "--overwrite-output", dest="output", metavar="FILE",
            help="the HTML page to write (replaced if it exists)",
        )  # fmt: skip
        parser.add_argument(
            "-a", dest="arguments", action="append", default=[], metavar="NAME=VALUE",
            help="what to report on (may be repeated; see above)",
        )  # fmt: skip

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        if args:
            raise UsageError("scrapy report takes no positional arguments (use -a NAME=VALUE)")
        if not opts.output:
            raise UsageError("name the page to write with -O (e.g. -O report.html)")
        try:
            raw = arglist_to_dict(opts.arguments)
        except ValueError:
            raise UsageError("-a takes NAME=VALUE", print_help=False) from None
        sources = ReportArguments.parse(raw).sources(self.settings)
        # Imported here: Scrapy imports every command's module on every run, `scrapy crawl`
        # included, and DuckDB and matplotlib would cost each crawl 60 MB of memory.
        from newsbot.report.figures import NothingToReport, collect  # noqa: PLC0415
        from newsbot.report.page import write_atomically  # noqa: PLC0415
        from newsbot.report.sections import report_page  # noqa: PLC0415

        configure_logging(self.settings)
        try:
            figures = collect(sources)
        except NothingToReport as exc:
            raise UsageError(str(exc), print_help=False) from None
        output = Path(opts.output)
        try:
            write_atomically(output, report_page(figures, datetime.now(UTC)))
        except OSError as exc:
            logger.error("Could not write the report %s: %s", output, exc)
            self.exitcode = int(ExitCode.EXPORT_FAILED)
            return
        print(f"Wrote {output}: the latest {len(figures.run_ids)} runs of {sources.spider}")
