"""scrapy report as a user runs it after two demo days: one self-contained HTML page, drawn by a
real headless Chromium (Debian's, not playwright's download) without an error."""

from __future__ import annotations

import json
import re
import shutil
from typing import TYPE_CHECKING

import pytest
from PIL import Image

from newsbot.runs import ExitCode
from tests.e2e.cli import scrapy

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.integration

#: Articles per day, coverage, drops, duplicates, requests per article (health is a table).
PLOTS = 5
#: What an inline SVG names: XML namespaces, never fetched.
NAMESPACES = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
#: Anything a browser would fetch: src/href to another host, CSS url() or @import.
FETCHED = re.compile(
    r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//|@import""", re.I
)
BAR_BLUE = (31, 119, 180)  # matplotlib's first colour (tab:blue), the bars of most plots


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Day 1 then day 2 of the demo, then ``scrapy report -O report.html -a demo=1``."""
    folder = tmp_path_factory.mktemp("report")
    for day in ("1", "2"):
        done = scrapy(folder, "demo", "-s", f"NEWSBOT_DEMO_DAY={day}")
        assert done.returncode == 0, done.stderr[-3000:]
    done = scrapy(folder, "report", "-O", "report.html", "-a", "demo=1", timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout == "Wrote report.html: the latest 2 runs of asia_pacific\n"
    assert "%|" not in done.stderr, "no progress bar when stderr is no terminal (cron)"
    return folder


@pytest.fixture(scope="module")
def html(demo_folder: Path) -> str:
    return (demo_folder / "report.html").read_text(encoding="utf-8")


def test_the_page_needs_nothing_from_the_network(html: str) -> None:
    assert "<script" not in html
    assert "<link" not in html
    assert FETCHED.findall(html) == []
    assert set(re.findall(r"https?://[^\s\"'<>)]+", html)) <= NAMESPACES


def test_one_svg_per_plot(html: str) -> None:
    assert html.count("<svg") == PLOTS
    assert "<?xml" not in html  # each SVG inlined as an element, not pasted as a document


def test_every_site_of_the_runs_is_named(demo_folder: Path, html: str) -> None:
    summaries = sorted((demo_folder / "data" / "runs" / "demo-asia_pacific").glob("*.json"))
    assert len(summaries) == 2
    sites = {site for path in summaries for site in json.loads(path.read_text())["sites"]}
    assert sites == {"pacific_ledger"}
    for site in sites:
        assert f'<th scope="col">{site}</th>' in html  # the health table
        assert f"{site}</text>" in html  # a plot's label


def test_nothing_to_report_is_a_usage_error(tmp_path: Path) -> None:
    done = scrapy(tmp_path, "report", "-O", "report.html", "-a", "demo=1", timeout=120)
    assert done.returncode == ExitCode.USAGE
    assert (
        "nothing to report for asia_pacific: no run summary in data/runs/demo-asia_pacific and "
        "no published file in data/demo/asia_pacific"
    ) in done.stderr
    assert not (tmp_path / "report.html").exists()


def test_chromium_draws_the_page_without_an_error(demo_folder: Path, tmp_path: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("no chromium on PATH (.ci/run installs Debian's: apt-get install chromium)")
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 (only when Chromium runs)

    problems: list[str] = []
    fetched: list[str] = []
    screenshot = tmp_path / "report.png"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.on("request", lambda request: fetched.append(request.url))
            page.goto((demo_folder / "report.html").as_uri(), wait_until="load")
            boxes = [svg.bounding_box() for svg in page.locator("svg").all()]
            page.screenshot(path=screenshot, full_page=True)
        finally:
            browser.close()
    assert problems == []
    assert fetched == [(demo_folder / "report.html").as_uri()]
    assert len(boxes) == PLOTS
    assert all(box and box["width"] > 600 and box["height"] > 100 for box in boxes), boxes
    assert_drawn(screenshot)


def assert_drawn(screenshot: Path) -> None:
    """The screenshot shows a long page of plots: many colours (anti-aliased text and bars),
    a fair share of ink, and the bars' own blue."""
    with Image.open(screenshot) as image:
        pixels = image.convert("RGB")
    counts = {colour: count for count, colour in pixels.getcolors(maxcolors=1 << 24) or []}
    total = pixels.width * pixels.height
    assert pixels.height > 1800, "the full page, not the first screen"
    assert len(counts) > 200
    assert 1 - counts.get((255, 255, 255), 0) / total > 0.05
    assert counts.get(BAR_BLUE, 0) / total > 0.01
