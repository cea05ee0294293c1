"""A bad setting stops `scrapy demo` before it starts: exit code 2, one line naming it, no files."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.e2e.cli import scrapy

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.e2e

DEDUPE = "newsbot.pipelines.dedupe.DedupePipeline"


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("NEWSBOT_UPDATES=revize", "-s NEWSBOT_UPDATES='revize': expected one of revise, ignore"),
        ("NEWSBOT_NEAR_DUPLICATES=x", "-s NEWSBOT_NEAR_DUPLICATES='x': expected one of link, drop"),
        ("NEWSBOT_MAX_PAGES=abc", "-s NEWSBOT_MAX_PAGES='abc': expected a whole number >= 1"),
        (
            "NEWSBOT_MAX_PAGE=3",
            "unknown setting NEWSBOT_MAX_PAGE (did you mean NEWSBOT_MAX_PAGES?)",
        ),
        (
            f'ITEM_PIPELINES={{"{DEDUPE}": null}}',
            f"ITEM_PIPELINES['{DEDUPE}']=None: expected an order number",
        ),
    ],
    ids=["bad-choice", "bad-near-duplicates", "not-a-number", "misspelt-name", "no-dedupe"],
)
def test_bad_setting_stops_the_run_before_it_starts(
    tmp_path: Path, setting: str, message: str
) -> None:
    done = scrapy(tmp_path, "demo", "-s", setting, timeout=60)
    assert done.returncode == 2, done.stderr[-3000:]
    assert f"ERROR: Not started: {message}" in done.stderr
    assert "Traceback" not in done.stderr
    assert list(tmp_path.rglob("*")) == [], "nothing exported, no state, no run summary"
