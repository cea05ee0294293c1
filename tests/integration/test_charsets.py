"""A crawl exports pages that declare no charset with their text intact, whatever the charset."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.charset_pages import PAGES
from tests.integration.charset_site import article_path, serve_charset_site
from tests.integration.conftest import crawl, one_page_site

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.integration


def test_undeclared_cp1252_gbk_shift_jis_and_windows_1251_pages_export_intact(
    tmp_path: Path,
) -> None:
    with serve_charset_site() as base:
        result = crawl(tmp_path, declaration=one_page_site(f"{base}/section/"))
    exported = {item["url"]: (item["title"], item["body"]) for item in result.items}
    assert exported == {f"{base}{article_path(page)}": (page.title, page.body) for page in PAGES}
    assert result.dropped("short_body") == 0
