"""A crawl of the demo site with every response damaged: it finishes, and nothing raises.

Each page, feed and sitemap is cut, bit-flipped, re-encoded or shuffled (seeded by its path,
so a run is repeatable); the spider's callbacks, extraction and the pipelines must turn that
into counted failures and drops, never a spider exception.
"""

from __future__ import annotations

import random
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

import pytest

from newsbot.commands.demo import site_declaration
from newsbot.demo.site import DemoSite
from tests.integration.conftest import crawl
from tests.unit.test_fuzzed_pages import damage

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

pytestmark = pytest.mark.integration


@contextmanager
def serve_damaged_demo_site() -> Iterator[str]:
    site = DemoSite(1)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            status, content_type, body = site.render(self.path, base)
            if self.path != "/robots.txt":
                body = damage(body, random.Random(self.path))
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_crawl_of_damaged_pages_finishes_without_a_spider_exception(tmp_path: Path) -> None:
    with serve_damaged_demo_site() as base:
        result = crawl(tmp_path, declaration=site_declaration(base))
    stats = result.stats
    assert stats["finish_reason"] == "finished"
    assert not {key for key in stats if key.startswith("spider_exceptions/")}
    assert "Traceback" not in result.log
    assert stats["response_received_count"] > 10  # it got past the damaged listing pages
