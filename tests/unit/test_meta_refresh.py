"""Which pages the crawl's process decodes to look for a meta refresh."""

from __future__ import annotations

import pytest

from newsbot.downloadermiddlewares.meta_refresh import may_refresh

REFRESH = "<meta http-equiv='refresh' content='0; url=/elsewhere/'>"


@pytest.mark.parametrize(
    ("page", "encoding", "expected"),
    [
        (f"<html><head>{REFRESH}</head><body></body></html>", "utf-8", True),
        (f"<html><head>{REFRESH.upper()}</head></html>", "cp1252", True),
        # 4,000 characters of three-byte text, then the refresh: past byte 12,000.
        (f"<html><head><title>{'…' * 4000}</title>{REFRESH}</head></html>", "utf-8", True),
        # UTF-16 does not spell "refresh" in ASCII bytes: always checked by Scrapy.
        ("<html><head></head><body>no refresh here</body></html>", "utf-16", True),
        ("<html><head><title>Wharf reopens</title></head><body><p>Text.</p></body></html>",
         "utf-8", False),
        # A refresh after 16 KiB is past the 4,096 characters Scrapy reads in any charset.
        (f"<html><body>{'x' * 20000}{REFRESH}</body></html>", "utf-8", False),
    ],
)  # fmt: skip
def test_pages_that_may_hold_a_refresh(page: str, encoding: str, expected: bool) -> None:
    assert may_refresh(page.encode(encoding)) is expected
