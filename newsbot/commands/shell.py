"""``scrapy shell``, read-only: it never writes newsbot's state, run summaries or exports."""

from scrapy.commands.shell import Command as ScrapyShellCommand

from newsbot.readonly import ReadOnlyCommand


class Command(ReadOnlyCommand, ScrapyShellCommand):
    """The interactive scraping console (Scrapy's command, read-only)."""
