"""Feed URI parameters newsbot adds to Scrapy's (``FEED_URI_PARAMS``)."""

from __future__ import annotations

import os
import re
import socket
from typing import Any


def worker_uri_params(params: dict[str, Any], spider: Any) -> dict[str, Any]:
    """``%(worker)s``: this machine and process, ``host-1234``. Workers of a shared crawl
    started in the same second would otherwise name their default files alike, and the
    second rename would replace the first's file."""
    host = re.sub(r"[^A-Za-z0-9.-]+", "-", socket.gethostname()) or "host"
    return {**params, "worker": f"{host}-{os.getpid()}"}
