"""``scrapy extract URL|FILE`` prints one page's article as one JSON object."""

from __future__ import annotations

import json
import urllib.request
from typing import TYPE_CHECKING

import pytest

from newsbot.commands.demo import DEMO_SITE_KEY, site_declaration
from newsbot.items import EXPORT_FIELDS
from tests.e2e.cli import scrapy
from tests.e2e.test_scrapy_parse import ARTICLE

if TYPE_CHECKING:
    from pathlib import Path

    from newsbot.demo.server import DemoServer

pytestmark = pytest.mark.e2e

TITLE = "Bengaluru startups form pool to share scarce GPU clusters"


def test_a_url_of_a_declared_site_prints_its_article_and_writes_nothing(
    tmp_path: Path, demo: DemoServer
) -> None:
    sites = tmp_path / "sites"
    sites.mkdir()
    (sites / f"{DEMO_SITE_KEY}.toml").write_text(site_declaration(demo.url), encoding="utf-8")
    done = scrapy(tmp_path, "extract", f"{demo.url}{ARTICLE}", "-s", f"NEWSBOT_SITES_PATH={sites}")
    assert done.returncode == 0, done.stderr[-2000:]
    article = json.loads(done.stdout)
    assert list(article) == list(EXPORT_FIELDS)
    assert (article["title"], article["site"]) == (TITLE, DEMO_SITE_KEY)
    assert article["source_url"] == f"{demo.url}{ARTICLE}"
    assert article["word_count"] > 100
    assert not (tmp_path / "data").exists()


def test_a_local_html_file_prints_its_article(tmp_path: Path, demo: DemoServer) -> None:
    with urllib.request.urlopen(f"{demo.url}{ARTICLE}") as page:
        (tmp_path / "page.html").write_bytes(page.read())
    done = scrapy(tmp_path, "extract", "page.html")
    assert done.returncode == 0, done.stderr[-2000:]
    article = json.loads(done.stdout)
    assert article["title"] == TITLE
    assert article["url"] == (tmp_path / "page.html").as_uri()


@pytest.mark.parametrize(
    ("target", "code", "message"),
    [
        ("missing.html", 2, "Not extracted: missing.html: No such file or directory"),
        ("ftp://example.com/page", 2, "Not extracted: ftp://example.com/page: not an http(s) URL"),
        ("{base}/no/such/page/", 1, "Not extracted: {base}/no/such/page/: HTTP 404"),
    ],
    ids=["missing-file", "not-http", "http-404"],
)
def test_what_cannot_be_extracted_is_one_line_and_an_exit_code(
    tmp_path: Path, demo: DemoServer, target: str, code: int, message: str
) -> None:
    done = scrapy(tmp_path, "extract", target.format(base=demo.url))
    assert done.returncode == code
    assert message.format(base=demo.url) in done.stderr
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
