"""Credentials never reach a log: ``s3://key:secret@bucket/x`` is logged ``s3://***@bucket/x``."""

from __future__ import annotations

import logging
import re

_CREDENTIALS = re.compile(r"(?P<scheme>\b[a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\s'\"]+@")
#: Loggers that print feed URIs: Scrapy's "Overridden settings" line (FEEDS) and its feed
#: exporter's messages.
FEED_URI_LOGGERS = ("scrapy.crawler", "scrapy.extensions.feedexport", "scrapy.utils.log")


def redact_credentials(text: str) -> str:
    """``text`` with the user-info part of every URL replaced by ``***``."""
    return _CREDENTIALS.sub(r"\g<scheme>***@", text)


class RedactCredentialsFilter(logging.Filter):
    """Rewrites a record whose message holds a URL with credentials."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact_credentials(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


def redact_feed_uri_logs() -> None:
    """Install the filter on the loggers that print feed URIs (once per process)."""
    for name in FEED_URI_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactCredentialsFilter) for f in logger.filters):
            logger.addFilter(RedactCredentialsFilter())
