"""What went wrong with a request, in the words the spider counts and logs it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from scrapy.exceptions import IgnoreRequest

from newsbot.downloadermiddlewares.retry_after import DeferredRequest

if TYPE_CHECKING:
    from twisted.python.failure import Failure

#: The message of the IgnoreRequest RobotsTxtMiddleware raises: Scrapy marks a robots.txt
#: refusal no other way, and the same exception also ends e.g. a decompression bomb.
ROBOTS_DENIAL = "Forbidden by robots.txt"


@dataclass(frozen=True)
class FetchFailure:
    """A failed request: ``kind`` names its stat (``http_404``, ``DNSLookupError``...)."""

    kind: str
    message: str
    robots_denied: bool = False
    deferred: bool = False  # held back for the next run: the site asked to wait that long

    @classmethod
    def of(cls, failure: Failure) -> FetchFailure:
        value = failure.value
        response = getattr(value, "response", None)
        if response is not None:
            return cls(f"http_{response.status}", f"HTTP {response.status}")
        if isinstance(value, DeferredRequest):
            return cls("deferred", str(value), deferred=True)
        if isinstance(value, IgnoreRequest) and str(value) == ROBOTS_DENIAL:
            return cls("robots_denied", ROBOTS_DENIAL, robots_denied=True)
        return cls(type(value).__name__, failure.getErrorMessage())
