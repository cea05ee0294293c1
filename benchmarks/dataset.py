"""``scrapy dataset`` over a big archive: time and peak memory (issue 12: bounded at 1 M articles).

    python -m benchmarks.dataset [--articles 1000000] [--runs 100] [--memory-mb 1024]

Writes an archive as hourly runs leave one, in a temporary folder: --runs JSONL files with
their manifests, --articles records in all (bodies of about 1,500 characters, 20 sites, one
record in ten a second revision of an earlier article, published over 300 days). Then runs
``scrapy dataset`` on it as a user would, in a fresh process, for the latest revisions to
Parquet, every revision to JSONL, and a Parquet folder partitioned by site and day; prints the
archive's size, each run's wall time, rows written and peak memory (max RSS of the command,
and of all its processes). The folder is deleted afterwards.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from benchmarks.measuring import measure
from newsbot.items import EXPORT_FIELDS

_SITES = 20
_REVISED_EVERY = 10


def write_archive(folder: Path, articles: int, runs: int) -> int:
    """``runs`` run files of ``articles`` records in all, with manifests; their bytes."""
    folder.mkdir(parents=True)
    per_run = -(-articles // runs)
    con = duckdb.connect()
    for run in range(runs):
        first, last = run * per_run, min((run + 1) * per_run, articles)
        if first >= last:
            break
        name = f"2026-11-{1 + run // 24:02d}T{run % 24:02d}-00-00+00-00.jsonl"
        con.execute(f"COPY ({_records(first, last)}) TO '{folder / name}' (FORMAT json)")
        started = f"2026-11-{1 + run // 24:02d}T{run % 24:02d}:00:00+00:00"
        manifest = {
            "file": name, "format": "jsonlines", "items": last - first, "bytes": 0,
            "sha256": "", "run_id": f"run-{run:05d}", "spider": "asia_pacific",
            "started_at": started, "finished_at": started,
        }  # fmt: skip
        (folder / f"{name}.manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return sum(path.stat().st_size for path in folder.iterdir())


def _records(first: int, last: int) -> str:
    """Records ``first`` to ``last``; every tenth re-exports an earlier article as revision 2."""
    story = f"CASE WHEN i % {_REVISED_EVERY} = 9 THEN i - 5 ELSE i END"
    values = {
        "url": f"'https://site' || (({story}) % {_SITES}) || '.example/story/' || ({story})",
        "site": f"'site' || (({story}) % {_SITES})",
        "section": "'asia_pacific'",
        "title": "'Story ' || i",
        "description": "NULL",
        "body": "repeat('Ministers met on ' || md5(i::VARCHAR) || ' and agreed. ', 25)",
        "authors": "['Author ' || (i % 300)]",
        "published_at": "strftime(TIMESTAMP '2026-01-01' + to_days(CAST(i % 300 AS INTEGER)), "
        "'%Y-%m-%dT%H:%M:%S+00:00')",
        "modified_at": "NULL",
        "language": "'en'",
        "tags": "['tag' || (i % 50)]",
        "image_url": "NULL",
        "word_count": "250",
        "source_url": "'https://site.example/s/' || i",
        "fetched_at": "'2026-11-30T10:00:00+00:00'",
        "fingerprint": "md5(i::VARCHAR)",
        "story_id": "NULL",
        "revision": f"CASE WHEN i % {_REVISED_EVERY} = 9 THEN 2 ELSE 1 END",
    }
    assert tuple(values) == EXPORT_FIELDS
    columns = ", ".join(f"{sql} AS {name}" for name, sql in values.items())
    return f"SELECT {columns} FROM range({first}, {last}) AS t(i)"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--memory-mb", type=int, default=1024)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        size = write_archive(folder / "archive", args.articles, args.runs)
        took = time.perf_counter() - started
        print(f"archive: {args.articles:,} records in {args.runs} run files, "
              f"{size / 1e6:,.0f} MB, written in {took:.1f} s")  # fmt: skip
        print(f"{'dataset':<34}{'rows':>11}{'seconds':>9}{'peak MB':>9}{'tree MB':>9}")
        for label, output, extra in (
            ("latest revisions, Parquet", "latest.parquet", []),
            ("every revision, JSONL", "all.jsonl", ["-a", "revisions=all"]),
            ("partitioned by site and day", "parts", ["-a", "partition=site,date"]),
        ):
            log = folder / f"{output}.log"
            run = measure(
                [sys.executable, "-m", "scrapy", "dataset", "-O", str(folder / output),
                 "-a", f"archive={folder / 'archive'}", *extra,
                 "-s", f"NEWSBOT_DATASET_MEMORY_MB={args.memory_mb}"],
                log,
            )  # fmt: skip
            if run.exit_code != 0:
                raise SystemExit(f"scrapy dataset exited with {run.exit_code}: {log.read_text()}")
            rows = _rows(folder / output)
            print(f"{label:<34}{rows:>11,}{run.seconds:>9.1f}{run.peak_mb:>9.0f}"
                  f"{run.tree_mb:>9.0f}")  # fmt: skip
            _remove(folder / output)
    print("peak MB: max RSS of the command; tree MB: peak of its processes' summed PSS")


def _rows(output: Path) -> int:
    con = duckdb.connect()
    if output.is_dir():
        source = f"read_parquet('{output}/**/*.parquet')"
    elif output.suffix == ".parquet":
        source = f"read_parquet('{output}')"
    else:
        source = f"read_json('{output}', format = 'newline_delimited')"
    ((count,),) = con.sql(f"SELECT count(*) FROM {source}").fetchall()
    return int(count)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink()


if __name__ == "__main__":
    main()
