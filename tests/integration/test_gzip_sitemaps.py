"""Gzipped sitemaps are read whatever their Content-Type; a sitemap bomb costs one stat."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from benchmarks.sitemap_bomb import crawl_bomb
from tests.integration.conftest import crawl
from tests.integration.sitemap_site import GOOD_NEXT_TO_BOMB, GZIPPED, serve_sitemap_site

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.integration


def declaration(*sitemaps: str) -> str:
    return f"""
domains = ["127.0.0.1"]
[sections.asia_pacific]
sitemaps = {list(sitemaps)!r}
"""


def test_gzipped_sitemap_sent_as_application_x_gzip_is_read(tmp_path: Path) -> None:
    with serve_sitemap_site() as (base, _):
        result = crawl(tmp_path, declaration=declaration(f"{base}/sitemap.xml.gz"))
    assert sorted(result.urls) == [f"{base}{path}" for path in GZIPPED]
    assert "newsbot/fetch/not_text" not in result.stats


@pytest.mark.parametrize(
    "settings",
    [
        pytest.param({}, id="inflates-past-DOWNLOAD_MAXSIZE"),
        # Under a cap this high the body inflates whole; its 50,001st entry stops the parse.
        pytest.param({"DOWNLOAD_MAXSIZE": 100_000_000}, id="too-many-entries"),
    ],
)
def test_sitemap_bomb_is_refused_and_its_neighbour_read(
    tmp_path: Path, settings: dict[str, int]
) -> None:
    with serve_sitemap_site() as (base, hits):
        result = crawl(
            tmp_path,
            declaration=declaration(f"{base}/bomb.xml.gz", f"{base}/good.xml"),
            settings=settings,
        )
    assert result.urls == [f"{base}{GOOD_NEXT_TO_BOMB}"]
    assert result.stats["newsbot/sitemap/too_large"] == 1
    assert result.log.count(f"{base}/bomb.xml.gz") == 1
    assert "WARNING: Sitemap over " in result.log
    assert not [path for path in hits if "bomb-" in path]


def test_sitemap_bomb_crawl_stays_far_below_300_mb(tmp_path: Path) -> None:
    # Read whole (as main did when it was sent as XML) it took 809 MB; here ~155 MB.
    with serve_sitemap_site() as (base, _):
        figures = crawl_bomb(tmp_path, base, {})
    assert figures.exit_code == 0, figures.log[-3000:]
    assert figures.peak_mb < 300
