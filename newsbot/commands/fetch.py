"""``scrapy fetch``, read-only: it never writes newsbot's state, run summaries or exports."""

from scrapy.commands.fetch import Command as ScrapyFetchCommand

from newsbot.readonly import ReadOnlyCommand


class Command(ReadOnlyCommand, ScrapyFetchCommand):
    """Fetch a URL (Scrapy's command, read-only)."""
