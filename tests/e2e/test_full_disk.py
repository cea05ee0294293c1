"""A disk that fills up during export — a real, small tmpfs, not a fake storage.

Whatever the free space, a run that cannot write every export file exits 3, marks nothing
exported, leaves the previous files as they were and still writes its run summary; the next
run, with room again, exports every article.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest

from newsbot.demo.server import serve_demo_site
from newsbot.demo.site import DemoSite
from newsbot.runs import ExitCode
from tests.e2e.cli import crawl_site_args, scrapy

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

pytestmark = pytest.mark.e2e
PREVIOUS = {"latest.jsonl": '{"url": "earlier run"}\n', "latest.csv": "url\nearlier run\n"}
ALL_ARTICLES = len(DemoSite(1).article_urls("http://127.0.0.1"))


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs mounted for the test (root only; skipped where mounting is impossible)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root and mount(8)")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def fill(disk: Path, leave: int) -> Path:
    """Fill ``disk`` until about ``leave`` bytes are free; returns the filler file."""
    filler = disk / "filler"
    stat = os.statvfs(disk)
    free = stat.f_bavail * stat.f_frsize
    with filler.open("wb") as handle:
        handle.write(b"\0" * max(free - leave, 0))
    return filler


@pytest.fixture(scope="module")
def export_size(tmp_path_factory: pytest.TempPathFactory) -> int:
    """The bytes a complete export takes on a disk of 4 KiB blocks: both files, both manifests."""
    folder = tmp_path_factory.mktemp("measure")
    outputs = ("-O", str(folder / "latest.jsonl"), "-O", str(folder / "latest.csv"))
    with serve_demo_site() as server:
        done = scrapy(folder, *crawl_site_args(folder, server.url, *outputs))
    assert done.returncode == ExitCode.OK, done.stderr[-3000:]
    sizes = [p.stat().st_size for p in folder.glob("latest.*")]
    return sum(-(-size // 4096) * 4096 for size in sizes)


# Free space as a share of what the export needs: none at all; half (the first file fails
# part-way); all but the last 8 KiB (the last flush of the last file fails: the CSV exporter's
# final flush Scrapy left as an unretrieved task exception, the state committed regardless).
@pytest.mark.parametrize("short_of", ["everything", "half", "the last 8 KiB"])
def test_full_disk_exits_3_keeps_previous_files_and_loses_nothing(
    tmp_path: Path, small_disk: Path, export_size: int, short_of: str
) -> None:
    free = {"everything": 0, "half": export_size // 2, "the last 8 KiB": export_size - 8192}
    for name, text in PREVIOUS.items():
        (small_disk / name).write_text(text, encoding="utf-8")
    filler = fill(small_disk, free[short_of])
    outputs = ("-O", str(small_disk / "latest.jsonl"), "-O", str(small_disk / "latest.csv"))
    with serve_demo_site() as server:
        failed = scrapy(tmp_path, *crawl_site_args(tmp_path, server.url, *outputs))
        assert failed.returncode == ExitCode.EXPORT_FAILED, failed.stderr[-3000:]
        assert "No space left on device" in failed.stderr
        assert "Task exception was never retrieved" not in failed.stderr
        for name, text in PREVIOUS.items():
            assert (small_disk / name).read_text(encoding="utf-8") == text, name
        assert sorted(p.name for p in small_disk.iterdir()) == ["filler", *sorted(PREVIOUS)]
        (summary,) = (tmp_path / "data" / "runs" / "asia_pacific").glob("*.json")
        report = json.loads(summary.read_text())
        assert (report["status"], report["exit_code"], report["items_exported"]) == (
            "export_failed",
            3,
            0,
        )
        filler.unlink()  # room again: the next run exports what the failed one could not
        retried = scrapy(tmp_path, *crawl_site_args(tmp_path, server.url, *outputs))
    assert retried.returncode == ExitCode.OK, retried.stderr[-3000:]
    lines = (small_disk / "latest.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == ALL_ARTICLES
    manifest = json.loads((small_disk / "latest.csv.manifest.json").read_text())
    assert manifest["items"] == ALL_ARTICLES


def test_summary_lands_even_when_the_exports_filled_its_disk(
    tmp_path: Path, small_disk: Path
) -> None:
    fill(small_disk, 40_000)
    runs = small_disk / "runs"
    args = ("-O", str(small_disk / "out.jsonl"), "-s", f"NEWSBOT_RUNS_DIR={runs}")
    with serve_demo_site() as server:
        failed = scrapy(tmp_path, *crawl_site_args(tmp_path, server.url, *args))
    assert failed.returncode == ExitCode.EXPORT_FAILED, failed.stderr[-3000:]
    (summary,) = runs.glob("*.json")
    assert json.loads(summary.read_text())["status"] == "export_failed", failed.stderr[-3000:]
    assert not (small_disk / "out.jsonl").exists()
