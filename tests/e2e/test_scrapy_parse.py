"""`scrapy parse` runs any of the section spider's callbacks on a URL of a declared site."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from newsbot.commands.demo import DEMO_SITE_KEY, site_declaration
from tests.e2e.cli import scrapy

if TYPE_CHECKING:
    from pathlib import Path

    from newsbot.demo.server import DemoServer

pytestmark = pytest.mark.e2e

ARTICLE = "/2026/11/25/bengaluru-startups-share-gpu-clusters/"


def parse(folder: Path, base: str, callback: str, path: str) -> tuple[int, str, str]:
    """``scrapy parse --spider asia_pacific -c CALLBACK URL``, the demo declared in a site file."""
    sites = folder / "sites"
    sites.mkdir(exist_ok=True)
    (sites / f"{DEMO_SITE_KEY}.toml").write_text(site_declaration(base), encoding="utf-8")
    done = scrapy(
        folder,
        *("parse", "--spider", "asia_pacific", "-c", callback),
        *("-s", f"NEWSBOT_SITES_PATH={sites}", f"{base}{path}"),
    )
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize(
    ("callback", "path", "expected"),
    [
        ("parse_article", ARTICLE, "'title': 'Bengaluru startups"),
        ("parse_section", "/category/asia-pacific/", f"{ARTICLE}>"),
        ("parse_feed", "/feed/", f"{ARTICLE}>"),
        ("parse_sitemap", "/sitemap.xml", "/news-sitemap.xml>"),
    ],
)
def test_parse_runs_each_callback_on_a_url_of_a_declared_site(
    tmp_path: Path, demo: DemoServer, callback: str, path: str, expected: str
) -> None:
    code, out, err = parse(tmp_path, demo.url, callback, path)
    assert code == 0, err[-2000:]
    assert expected in out
    assert "Traceback" not in err
