"""Scrapy's own commands, as newsbot's project changes them: run as a user runs them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from newsbot.state.lock import RunLock
from tests.e2e.cli import scrapy
from tests.e2e.test_scrapy_parse import ARTICLE, parse

if TYPE_CHECKING:
    from newsbot.demo.server import DemoServer

pytestmark = pytest.mark.e2e


def test_crawl_of_an_unknown_spider_says_which_spiders_exist(tmp_path: Path) -> None:
    done = scrapy(tmp_path, "crawl", "asia_pacfic")
    assert done.returncode == 2
    assert "Not started: no spider named 'asia_pacfic' (known: asia_pacific" in done.stderr
    assert "Traceback" not in done.stderr


def test_fetch_and_parse_leave_no_state_summary_or_export_behind(
    tmp_path: Path, demo: DemoServer
) -> None:
    fetched = scrapy(tmp_path, "fetch", f"{demo.url}{ARTICLE}")
    assert fetched.returncode == 0
    assert "Bengaluru startups" in fetched.stdout
    code, _, _ = parse(tmp_path, demo.url, "parse_article", ARTICLE)
    assert code == 0
    assert not (tmp_path / "data").exists()


def test_parse_works_while_a_cron_run_holds_the_lock(tmp_path: Path, demo: DemoServer) -> None:
    # This test process stands for the cron run: the kernel lock is per open file.
    lock = RunLock(Path(tmp_path, "data", "state", "asia_pacific.sqlite3.lock"))
    lock.acquire()
    try:
        code, out, err = parse(tmp_path, demo.url, "parse_section", "/category/asia-pacific/")
    finally:
        lock.release()
    assert code == 0, err[-2000:]
    assert f"{ARTICLE}>" in out
    assert "Traceback" not in err
    assert "Another run" not in err


def test_sites_lists_bundled_and_user_sites_with_their_sections(tmp_path: Path) -> None:
    sites = tmp_path / "sites"
    sites.mkdir()
    (sites / "ledger.toml").write_text(
        'name = "The Ledger"\ndomains = ["ledger.example"]\n'
        '[sections.world]\npages = ["https://ledger.example/world/"]\n',
        encoding="utf-8",
    )
    done = scrapy(tmp_path, "sites", "-s", f"NEWSBOT_SITES_PATH={sites}")
    assert done.returncode == 0
    assert "guardian (The Guardian; theguardian.com)\n  asia_pacific: 1 page, 1 feed" in done.stdout
    assert done.stdout.endswith(
        "ledger (The Ledger; ledger.example)\n  world: 1 page, 0 feeds, 0 sitemaps\n"
    )


def test_sites_check_names_every_broken_file_and_key(tmp_path: Path) -> None:
    sites = tmp_path / "sites"
    sites.mkdir()
    good = 'domains = ["ledger.example"]\n[sections.world]\npages = ["https://ledger.example/"]\n'
    (sites / "good.toml").write_text(good, encoding="utf-8")
    (sites / "css.toml").write_text(good + '[selectors]\ntitle = "h1[["\n', encoding="utf-8")
    (sites / "typo.toml").write_text(good.replace("pages", "pagez"), encoding="utf-8")
    done = scrapy(tmp_path, "sites", "--check", "-s", f"NEWSBOT_SITES_PATH={sites}")
    assert done.returncode == 2
    lines = done.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{sites / 'css.toml'}: selectors.title: bad CSS selector 'h1[['")
    assert lines[1].startswith(f"{sites / 'typo.toml'}: sections.world.pagez: unknown key")
    ok = scrapy(tmp_path, "sites", "--check")
    assert (ok.returncode, ok.stdout) == (0, "6 site files OK\n")
