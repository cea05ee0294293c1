"""``scrapy extract FILE`` reads a saved page that declares no charset in the charset it is in."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from tests.charset_pages import CHINESE, FRENCH, CharsetPage
from tests.e2e.cli import scrapy

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("page", [FRENCH, CHINESE], ids=[FRENCH.charset, CHINESE.charset])
def test_a_saved_undeclared_page_prints_its_text(tmp_path: Path, page: CharsetPage) -> None:
    (tmp_path / "page.html").write_bytes(page.encoded())
    done = scrapy(tmp_path, "extract", "page.html")
    assert done.returncode == 0, done.stderr[-2000:]
    article = json.loads(done.stdout)
    assert (article["title"], article["body"]) == (page.title, page.body)
