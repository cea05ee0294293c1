"""``scrapy check``, read-only: it never writes newsbot's state, run summaries or exports."""

from scrapy.commands.check import Command as ScrapyCheckCommand

from newsbot.readonly import ReadOnlyCommand


class Command(ReadOnlyCommand, ScrapyCheckCommand):
    """Run the spiders' contract checks (Scrapy's command, read-only)."""
