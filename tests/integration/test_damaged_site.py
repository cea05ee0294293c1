"""A crawl of the demo site with every response damaged: it finishes, and nothing raises.

Each page, feed and sitemap is cut, bit-flipped, re-encoded or shuffled (seeded by its path,
so a run is repeatable); the spider's callbacks, extraction and the pipelines must turn that
into counted failures and drops, never a spider exception.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

import pytest

from newsbot.commands.demo import site_declaration
from newsbot.demo.site import DemoSite
from tests.integration.conftest import crawl
from tests.integration.local_server import QuietHandler, serve
from tests.unit.test_fuzzed_pages import damage

if TYPE_CHECKING:
    from contextlib import AbstractContextManager
    from pathlib import Path

pytestmark = pytest.mark.integration


def serve_damaged_demo_site() -> AbstractContextManager[str]:
    """The demo site, every response but robots.txt damaged (seeded by its path)."""
    site = DemoSite(1)

    class Handler(QuietHandler):
        def do_GET(self) -> None:
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            status, content_type, body = site.render(self.path, base)
            if self.path != "/robots.txt":
                body = damage(body, random.Random(self.path))
            self.send(status, content_type, body)

    return serve(Handler)


def test_a_crawl_of_damaged_pages_finishes_without_a_spider_exception(tmp_path: Path) -> None:
    with serve_damaged_demo_site() as base:
        result = crawl(tmp_path, declaration=site_declaration(base))
    stats = result.stats
    assert stats["finish_reason"] == "finished"
    assert not {key for key in stats if key.startswith("spider_exceptions/")}
    assert "Traceback" not in result.log
    assert stats["response_received_count"] > 10  # it got past the damaged listing pages
