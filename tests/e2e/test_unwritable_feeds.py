"""A feed that cannot be written stops the run before it crawls (exit 2), never a warning.

Scrapy only logs an error for a feed it cannot create and crawls anyway; the state would then
mark articles exported that reach no file. Credentials in a feed URI never reach the log.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from newsbot.runs import ExitCode
from tests.e2e.cli import crawl_site_args, scrapy

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.e2e
SECRET = "wJalrXUtnFEMI-K7MDENG"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("-o", f"s3://AKIAEXAMPLE:{SECRET}@bucket/news.jsonl"),
         "an export feed cannot be written: Disabled feed storage scheme: s3."),
        (("-s", 'FEEDS={"out.xlsx": {"format": "xlsx"}}'),
         "an export feed cannot be written: Unknown feed format: xlsx"),
        (("-s", "ADDONS={}"), "no export feed is configured"),
    ],
)  # fmt: skip
def test_unwritable_feed_stops_the_run_before_it_crawls(
    tmp_path: Path, options: tuple[str, ...], message: str
) -> None:
    done = scrapy(tmp_path, *crawl_site_args(tmp_path, "http://127.0.0.1:9", *options))
    assert done.returncode == ExitCode.USAGE, done.stderr[-3000:]
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert SECRET not in done.stderr
    assert "Spider opened" not in done.stderr  # nothing crawled
    assert not (tmp_path / "data").exists()  # no state, no summary, no lock
