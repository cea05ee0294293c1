"""``scrapy parse``, read-only: it never writes newsbot's state, run summaries or exports."""

from scrapy.commands.parse import Command as ScrapyParseCommand

from newsbot.readonly import ReadOnlyCommand


class Command(ReadOnlyCommand, ScrapyParseCommand):
    """Run a spider callback on a URL (Scrapy's command, read-only)."""
