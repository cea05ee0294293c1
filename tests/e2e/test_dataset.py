"""``scrapy dataset`` as an analyst runs it: one dataset of every run, each article once, with
the same types in pandas, DuckDB and polars, whatever the run files hold."""

from __future__ import annotations

import csv
import fcntl
import json
import os
import pty
import struct
import subprocess
import termios
from typing import TYPE_CHECKING, Any

import duckdb
import pandas as pd
import polars as pl
import pyarrow.parquet as pq
import pytest

from newsbot.demo.server import serve_demo_site
from newsbot.demo.site import DemoSite
from newsbot.items import EXPORT_FIELDS, LIST_SEPARATOR, Article
from newsbot.schema import SCHEMA_VERSION
from tests.e2e.cli import ENV, crawl_site_args, scrapy, scrapy_args
from tests.e2e.failing_sources import unused_port
from tests.support import expected_demo_paths, url_paths

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.e2e

DATES = ("published_at", "modified_at", "fetched_at")


def record(url: str, **fields: Any) -> dict[str, Any]:
    article = Article(url=url, site="ledger", language="en", body="Text.", word_count=1)
    values = {name: getattr(article, name) for name in EXPORT_FIELDS}
    values.update({"fetched_at": "2026-11-02T10:00:00+00:00", **fields})
    return values


def publish(folder: Path, name: str, run_id: str, records: list[dict[str, Any]]) -> None:
    """A run's published file and its manifest, as PublishingFeedExporter writes them."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if name.endswith(".csv"):
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=EXPORT_FIELDS)
            writer.writeheader()
            for row in records:
                writer.writerow({k: LIST_SEPARATOR.join(v) if isinstance(v, list) else v
                                 for k, v in row.items()})  # fmt: skip
        fmt = "csv"
    else:
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        fmt = "jsonlines"
    manifest = {
        "file": name, "format": fmt, "items": len(records), "run_id": run_id,
        "spider": "asia_pacific", "started_at": f"2026-11-0{run_id[-1]}T10:00:00+00:00",
        "finished_at": f"2026-11-0{run_id[-1]}T10:05:00+00:00", "bytes": 0, "sha256": "",
    }  # fmt: skip
    (folder / f"{name}.manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """Three runs of the live spider: JSONL, a CSV-only run, and a run whose dates are all
    empty; one article exported twice (revision 1, then 2). Plus a part file with no manifest,
    which is not in the archive."""
    feeds = tmp_path / "data" / "asia_pacific"
    publish(feeds, "run1.jsonl", "run-1", [
        record("https://ledger.example/a", title="A1", published_at="2026-11-01T08:00:00+00:00",
               authors=["Ana Ruiz", "Li Wei"], tags=["fiji"]),
        record("https://ledger.example/b", title="B", site="courier", language="de",
               published_at="2026-11-20T08:00:00+00:00"),
    ])  # fmt: skip
    publish(feeds, "run2.csv", "run-2", [
        record("https://ledger.example/c", title="C", published_at="2026-11-15T23:30:00+00:00",
               authors=["Sam Lee"], fetched_at="2026-11-16T00:10:00+00:00"),
    ])  # fmt: skip
    publish(feeds, "run3.jsonl", "run-3", [
        record("https://ledger.example/a", title="A2", revision=2, published_at=None,
               fetched_at="2026-11-03T10:00:00+00:00"),
    ])  # fmt: skip
    (feeds / ".run4.jsonl.asia_pacific.newsbot-part").write_text(
        json.dumps(record("https://ledger.example/z")) + "\n", encoding="utf-8"
    )
    return tmp_path


def dataset(cwd: Path, *args: str) -> str:
    done = scrapy(cwd, "dataset", *args)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_every_article_once_latest_revision_typed_in_every_reader(archive: Path) -> None:
    out = dataset(archive, "-O", "x.parquet")
    assert "Wrote 3 articles from 3 runs" in out
    frame = pd.read_parquet(archive / "x.parquet")
    assert list(frame.columns) == list(EXPORT_FIELDS)
    assert dict(zip(frame.url, frame.title, strict=True)) == {
        "https://ledger.example/a": "A2", "https://ledger.example/b": "B",
        "https://ledger.example/c": "C",
    }  # fmt: skip
    for name in DATES:  # modified_at is empty in every run, published_at in one
        assert isinstance(frame[name].dtype, pd.DatetimeTZDtype), name
        assert str(frame[name].dtype.tz) == "UTC"
    c = frame.set_index("url").loc["https://ledger.example/c"]
    assert list(c.authors) == ["Sam Lee"]
    assert c.published_at == pd.Timestamp("2026-11-15T23:30:00Z")
    polars = pl.read_parquet(archive / "x.parquet")
    for name in DATES:
        assert polars.schema[name] == pl.Datetime(time_unit="us", time_zone="UTC"), name
    assert polars.schema["authors"] == pl.List(pl.String)
    con = duckdb.connect()
    types = {name: kind for name, kind, *_ in
             con.sql(f"DESCRIBE SELECT * FROM '{archive / 'x.parquet'}'").fetchall()}  # fmt: skip
    assert {types[name] for name in DATES} == {"TIMESTAMP WITH TIME ZONE"}
    assert (types["authors"], types["word_count"]) == ("VARCHAR[]", "INTEGER")
    metadata = pq.read_metadata(archive / "x.parquet").metadata
    assert metadata[b"newsbot_schema_version"] == str(SCHEMA_VERSION).encode()


def test_all_revisions_and_filters(archive: Path) -> None:
    dataset(archive, "-O", "all.jsonl", "-a", "revisions=all")
    rows = [json.loads(line) for line in (archive / "all.jsonl").read_text().splitlines()]
    assert sorted((r["url"][-1], r["revision"]) for r in rows) == [
        ("a", 1),
        ("a", 2),
        ("b", 1),
        ("c", 1),
    ]
    assert list(rows[0]) == list(EXPORT_FIELDS)
    # Days are of publication, of fetching where the page gave none (A2: fetched 3 Nov).
    dataset(archive, "-O", "nov.csv", "-a", "since=2026-11-02", "-a", "until=2026-11-15",
            "-a", "sites=ledger", "-a", "language=en")  # fmt: skip
    with (archive / "nov.csv").open(encoding="utf-8", newline="") as handle:
        kept = list(csv.DictReader(handle))
    assert sorted((r["url"][-1], r["title"], r["published_at"], r["authors"]) for r in kept) == [
        ("a", "A2", "", ""), ("c", "C", "2026-11-15T23:30:00+00:00", "Sam Lee")
    ]  # fmt: skip


def test_partitioned_by_site_and_day(archive: Path) -> None:
    dataset(archive, "-O", "parts", "-a", "partition=site,date")
    folders = sorted(p.relative_to(archive / "parts").parts[:2]
                     for p in (archive / "parts").rglob("*.parquet"))  # fmt: skip
    assert folders == [
        ("site=courier", "date=2026-11-20"), ("site=ledger", "date=2026-11-03"),
        ("site=ledger", "date=2026-11-15"),
    ]  # fmt: skip
    con = duckdb.connect()
    ((count,),) = con.sql(
        f"SELECT count(*) FROM read_parquet('{archive}/parts/**/*.parquet', hive_partitioning=1)"
    ).fetchall()
    assert count == 3


def test_nothing_published_is_a_usage_error(tmp_path: Path) -> None:
    done = scrapy(tmp_path, "dataset", "-O", "x.parquet")
    assert done.returncode == 2
    assert "No published runs" in done.stderr
    assert not (tmp_path / "x.parquet").exists()


@pytest.fixture(scope="module")
def demo_days(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    # Both days on one port, as a user's runs are: the URLs the demo exports name its port.
    port = f"NEWSBOT_DEMO_PORT={unused_port()}"
    assert scrapy(folder, "demo", "-s", port).returncode == 0
    assert scrapy(folder, "demo", "-s", port, "-s", "NEWSBOT_DEMO_DAY=2").returncode == 0
    return folder


def test_the_demos_two_days_give_every_article_once(demo_days: Path) -> None:
    dataset(demo_days, "-O", "demo.parquet", "-a", "demo=1")
    frame = pd.read_parquet(demo_days / "demo.parquet")
    day1, day2 = DemoSite(1).expected_articles("x"), DemoSite(2).expected_articles("x")
    changed = {u for u in day1.keys() & day2.keys() if day1[u].body != day2[u].body}
    assert len(frame) == frame.url.nunique() == len(day2)
    assert sorted(frame.revision.value_counts().items()) == [
        (1, len(day2) - len(changed)),
        (2, len(changed)),
    ]
    assert isinstance(frame.published_at.dtype, pd.DatetimeTZDtype)
    # The live spider's folder is not the demo's: without demo=1 there is nothing.
    assert scrapy(demo_days, "dataset", "-O", "live.parquet").returncode == 2


def test_a_broken_run_file_fails_the_dataset_with_one_line(archive: Path) -> None:
    dataset(archive, "-O", "x.parquet")
    before = (archive / "x.parquet").read_bytes()
    (archive / "data" / "asia_pacific" / "run1.jsonl").write_text('{"url": "https://le', "utf-8")
    done = scrapy(archive, "dataset", "-O", "x.parquet")
    assert done.returncode == 1
    assert done.stderr.startswith("No dataset written: "), done.stderr
    assert "Traceback" not in done.stderr
    assert (archive / "x.parquet").read_bytes() == before, "the last good dataset stays"
    assert not list(archive.glob(".x.parquet*")), "no part file left behind"


def test_two_cron_days_of_a_users_site_give_every_article_once(tmp_path: Path) -> None:
    """The issue's case: `scrapy crawl asia_pacific` on day 1 and day 2 against the demo site
    declared in a user's site file, then `scrapy dataset` in the same folder."""
    port = unused_port()
    for day in (1, 2):
        with serve_demo_site(port=port, day=day) as server:
            done = scrapy(tmp_path, *crawl_site_args(tmp_path, server.url))
        assert done.returncode == 0, done.stderr[-3000:]
    dataset(tmp_path, "-O", "x.parquet")
    day1, day2 = DemoSite(1).expected_articles("x"), DemoSite(2).expected_articles("x")
    changed = {u for u in day1.keys() & day2.keys() if day1[u].body != day2[u].body}
    frame = pd.read_parquet(tmp_path / "x.parquet")
    paths = url_paths(list(frame.url))
    assert len(paths) == len(set(paths))
    assert set(paths) == expected_demo_paths(2, set(paths))
    revised = {path for path, revision in zip(paths, frame.revision, strict=True) if revision == 2}
    assert revised == {url.removeprefix("x") for url in changed}
    assert str(frame.published_at.dtype.tz) == "UTC"
    assert pl.read_parquet(tmp_path / "x.parquet").schema["published_at"].time_zone == "UTC"
    ((kind,),) = duckdb.sql(
        f"SELECT typeof(published_at) FROM '{tmp_path / 'x.parquet'}' LIMIT 1"
    ).fetchall()
    assert kind == "TIMESTAMP WITH TIME ZONE"


def test_a_progress_bar_on_a_terminal_and_none_under_cron(archive: Path) -> None:
    quiet = scrapy(archive, "dataset", "-O", "x.parquet")
    assert (quiet.returncode, quiet.stderr) == (0, "")
    primary, secondary = pty.openpty()
    # A terminal of 24 rows of 100 columns (a new pty has none, and tqdm would fit the bar
    # into zero columns).
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    try:
        shown = subprocess.run(
            scrapy_args("dataset", "-O", "y.parquet"), cwd=archive, env=ENV,
            stdout=subprocess.PIPE, stderr=secondary, timeout=120, check=False,
        )  # fmt: skip
        os.close(secondary)
        terminal = _read_all(primary)
    finally:
        os.close(primary)
    assert shown.returncode == 0
    assert "y.parquet" in terminal
    assert "100%|" in terminal


def _read_all(fd: int) -> str:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the terminal's other end is closed: all read
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks).decode("utf-8", "replace")
