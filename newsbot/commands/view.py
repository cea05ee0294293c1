"""``scrapy view``, read-only: it never writes newsbot's state, run summaries or exports."""

from scrapy.commands.view import Command as ScrapyViewCommand

from newsbot.readonly import ReadOnlyCommand


class Command(ReadOnlyCommand, ScrapyViewCommand):
    """Open a URL in the browser as Scrapy sees it (Scrapy's command, read-only)."""
