"""Read-only Scrapy commands: the mixin (outside newsbot.commands, where Scrapy would take it
for a command of its own)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.commands import ScrapyCommand

if TYPE_CHECKING:
    import argparse

#: What keeps a command's crawler from touching anything a cron run owns: a state in memory
#: (so no state file and no run lock), no run summary, no default export files.
READ_ONLY_SETTINGS: dict[str, object] = {
    "NEWSBOT_STATE_PATH": ":memory:",
    "NEWSBOT_RUNS_DIR": "",
    "NEWSBOT_DEFAULT_FEEDS": {},
}


class ReadOnlyCommand(ScrapyCommand):
    """Mixed in before a Scrapy command: its crawler reads pages and writes nothing of newsbot's.

    ``scrapy fetch``/``parse``/``shell`` run newsbot's extensions like a crawl does; without
    this they wrote a state file and a run summary for every look at a page, and a ``parse``
    during a cron run hit that run's lock. Set at command-line priority: a look at a page must
    not depend on ``-s`` being remembered (an explicit ``-o`` still writes its file).
    """

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        self.settings.setdict(READ_ONLY_SETTINGS, priority="cmdline")
