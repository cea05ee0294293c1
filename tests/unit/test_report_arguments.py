"""scrapy report's -a arguments: the folders it reads by default, for the demo, or as named."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from scrapy.exceptions import UsageError
from scrapy.settings import Settings

from newsbot.report.arguments import ReportArguments, Sources
from tests.support import project_settings


def sources(settings: Settings | None = None, **raw: str) -> Sources:
    return ReportArguments.parse(raw).sources(settings or Settings(project_settings()))


def test_by_default_the_spiders_live_folders() -> None:
    assert sources() == Sources(
        "asia_pacific", (Path("data/asia_pacific"),), Path("data/runs/asia_pacific"), 30
    )


def test_demo_reads_the_demos_own_folders() -> None:
    assert sources(demo="1", last="5") == Sources(
        "asia_pacific", (Path("data/demo/asia_pacific"),), Path("data/runs/demo-asia_pacific"), 5
    )


def test_a_command_line_setting_still_wins_over_the_demos() -> None:
    settings = Settings(project_settings())
    settings.set("NEWSBOT_RUNS_DIR", "elsewhere/%(name)s", priority="cmdline")
    assert sources(settings, demo="yes").runs_dir == Path("elsewhere/asia_pacific")


def test_named_folders_replace_the_settings() -> None:
    found = sources(spider="world", archive=os.pathsep.join(["a", "b"]), runs="r")
    assert (found.spider, found.archive_folders, found.runs_dir) == (
        "world", (Path("a"), Path("b")), Path("r"),
    )  # fmt: skip


def test_no_runs_folder_when_the_settings_keep_no_summaries() -> None:
    assert sources(Settings(project_settings(NEWSBOT_RUNS_DIR=""))).runs_dir is None


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"last": "0"}, "-a last='0': expected a whole number >= 1"),
        ({"last": "ten"}, "-a last='ten': expected a whole number >= 1"),
        ({"demo": "maybe"}, "-a demo='maybe': expected 1 or 0"),
        (
            {"spiders": "x"},
            "unknown argument(s): spiders (known: spider, archive, runs, last, demo)",
        ),
    ],
)
def test_a_bad_argument_is_named(raw: dict[str, str], message: str) -> None:
    with pytest.raises(UsageError) as raised:
        ReportArguments.parse(raw)
    assert str(raised.value) == message
