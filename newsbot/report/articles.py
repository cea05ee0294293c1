"""The archive's figures for the report: articles per site per day, field coverage, shared
stories; read by DuckDB from the files the runs shown published (only theirs), in one scan."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsbot.archive import Archive

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    import duckdb

    from newsbot.archive import Manifest

#: The fields whose coverage the report shows, as the SQL that says a row has one.
COVERED_FIELDS = {
    "authors": "coalesce(len(authors), 0) > 0",
    "published_at": "published_at IS NOT NULL",
    "language": "coalesce(language, '') <> ''",
    "image_url": "coalesce(image_url, '') <> ''",
}

# Only the columns the figures need, read in one scan of the files.
_SLIM = f"""
CREATE OR REPLACE TEMP TABLE report_rows AS
SELECT site, url, revision, story_id, published_at IS NULL AS undated,
       CAST(coalesce(published_at, fetched_at) AS DATE) AS day,
       {", ".join(f"{sql} AS has_{name}" for name, sql in COVERED_FIELDS.items())}
FROM report_archive
"""  # noqa: S608 (column names and SQL from the constants above)
# One row per article: the latest revision of each URL.
_LATEST = (
    "(SELECT * FROM report_rows"
    " QUALIFY row_number() OVER (PARTITION BY url ORDER BY revision DESC) = 1)"
)
_PER_DAY = f"""
SELECT site, day, count(*) FROM {_LATEST} WHERE day IS NOT NULL GROUP BY ALL ORDER BY day, site
"""  # noqa: S608
_UNDATED = f"SELECT count(*) FILTER (WHERE undated), count(*) FROM {_LATEST}"  # noqa: S608
_COVERAGE = f"""
SELECT site, count(*), {", ".join(f"avg(has_{name}::INTEGER)" for name in COVERED_FIELDS)}
FROM report_rows GROUP BY site ORDER BY site
"""  # noqa: S608
_SHARED = f"""
WITH latest AS {_LATEST},
shared AS (SELECT story_id FROM latest WHERE coalesce(story_id, '') <> ''
           GROUP BY story_id HAVING count(*) > 1)
SELECT site, count(*) FILTER (WHERE story_id IN (SELECT story_id FROM shared))
FROM latest GROUP BY site ORDER BY site
"""  # noqa: S608


@dataclass(frozen=True)
class DayCount:
    """Articles of a site dated on one UTC day."""

    site: str
    day: date
    articles: int


@dataclass(frozen=True)
class Coverage:
    """A site's rows and the share of them with each of COVERED_FIELDS (0 to 1)."""

    site: str
    rows: int
    shares: dict[str, float]


@dataclass(frozen=True)
class ArchiveFigures:
    """What the archive says about the chosen runs' articles."""

    per_day: list[DayCount]
    articles: int  # one per URL (its latest revision)
    undated: int  # of which without published_at, so dated by fetched_at
    coverage: list[Coverage]
    shared_story: dict[str, int]  # site: its articles whose story_id another article shares

    @property
    def sites(self) -> list[str]:
        return [c.site for c in self.coverage]


class WindowArchive(Archive):
    """The archive under ``folders`` as far as the runs ``run_ids`` published it: the report
    reads the files of the runs it shows, not every file ever published."""

    def __init__(self, folders: list[Path], run_ids: list[str]) -> None:
        super().__init__(folders)
        self.run_ids = frozenset(run_ids)

    def runs(self) -> list[Manifest]:
        return [manifest for manifest in super().runs() if manifest.run_id in self.run_ids]


def read_articles(con: duckdb.DuckDBPyConnection, archive: Archive) -> ArchiveFigures:
    """The figures of every row in ``archive``."""
    archive.articles(con).create_view("report_archive")
    con.execute(_SLIM)
    undated_articles = con.execute(_UNDATED).fetchone()
    assert undated_articles is not None  # an aggregate always gives one row
    undated, articles = undated_articles
    return ArchiveFigures(
        per_day=[DayCount(*row) for row in con.execute(_PER_DAY).fetchall()],
        articles=articles,
        undated=undated,
        coverage=[
            Coverage(site, rows, dict(zip(COVERED_FIELDS, shares, strict=True)))
            for site, rows, *shares in con.execute(_COVERAGE).fetchall()
        ],
        shared_story=dict(con.execute(_SHARED).fetchall()),
    )
