"""Settings are checked before a crawl: a bad one is refused in one line naming it."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from scrapy.exceptions import UsageError
from scrapy.settings import Settings

from newsbot import settings as project_settings_module
from newsbot.commands.demo import DEMO_SETTINGS
from newsbot.pipelines import dedupe
from newsbot.pipelines.dedupe import DedupePipeline
from newsbot.settings_check import (
    NEAR_DUPLICATE_POLICIES,
    SETTINGS,
    UPDATE_POLICIES,
    check_settings,
)
from newsbot.state.sqlite import SQLiteStateStore

TEMPLATE = "a path whose only placeholder is %(name)s"
DEDUPE = "newsbot.pipelines.dedupe.DedupePipeline"
PIPELINES = {
    "newsbot.pipelines.normalize.NormalizePipeline": 100,
    "newsbot.pipelines.validate.ValidatePipeline": 200,
    DEDUPE: 900,
}


def project(**cmdline: Any) -> Settings:
    """settings.py at project priority, ``cmdline`` on top as ``-s NAME=VALUE`` would put it."""
    settings = Settings()
    settings.setmodule(project_settings_module, priority="project")
    settings.setdict(cmdline, priority="cmdline")
    return settings


def refusal(settings: Settings) -> str:
    with pytest.raises(UsageError) as refused:
        check_settings(settings)
    return str(refused.value)


def test_every_setting_in_settings_py_has_a_rule() -> None:
    defined = {name for name in vars(project_settings_module) if name.startswith("NEWSBOT_")}
    assert set(SETTINGS) == defined


def test_policies_are_the_ones_dedupe_applies() -> None:
    assert NEAR_DUPLICATE_POLICIES == dedupe.NEAR_DUPLICATE_POLICIES
    assert UPDATE_POLICIES == dedupe.UPDATE_POLICIES


def test_project_and_demo_settings_pass() -> None:
    settings = project()
    settings.setdict(DEMO_SETTINGS, priority="spider")
    check_settings(settings)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("NEWSBOT_MAX_PAGES", "3"),
        ("NEWSBOT_MAX_PAGES", 3),
        ("NEWSBOT_LIMIT", "0"),
        ("NEWSBOT_RECHECK_REJECTED_DAYS", " 7 "),
        ("NEWSBOT_STALE_AFTER_RUNS", "1"),
        ("NEWSBOT_STATE_RETENTION_DAYS", "0"),
        ("NEWSBOT_DEMO_PORT", "0"),
        ("NEWSBOT_DEMO_DAY", "2"),
        ("NEWSBOT_DEMO_DAY", 1),
        ("NEWSBOT_MAX_ERROR_RATE", "1"),
        ("NEWSBOT_MAX_ERROR_RATE", 0),
        ("NEWSBOT_NEAR_DUPLICATE_THRESHOLD", "0.5"),
        ("NEWSBOT_EXTRACTION_TIMEOUT", "0.001"),
        ("NEWSBOT_MAX_CRAWL_DELAY", "0"),
        ("NEWSBOT_NEAR_DUPLICATES", "drop"),
        ("NEWSBOT_UPDATES", "ignore"),
        ("NEWSBOT_STOP_AT_KNOWN_PAGE", "false"),
        ("NEWSBOT_STOP_AT_KNOWN_PAGE", "1"),
        ("NEWSBOT_STOP_AT_KNOWN_PAGE", False),
        ("NEWSBOT_SINCE", "2026-11-01"),
        ("NEWSBOT_SINCE", ""),
        ("NEWSBOT_STATE_PATH", ":memory:"),
        ("NEWSBOT_STATE_PATH", "/srv/100%%/%(name)s.sqlite3"),
        ("NEWSBOT_RUNS_DIR", "runs"),
        ("NEWSBOT_STATE_STORE", "tests.e2e.dies_at_commit.DiesBeforeCommitStore"),
        ("NEWSBOT_STATE_STORE", SQLiteStateStore),
        ("NEWSBOT_DEFAULT_FEEDS", '{"out/%(name)s.jsonl": {"format": "jsonlines"}}'),
        ("NEWSBOT_DEFAULT_FEEDS", {}),
        ("NEWSBOT_SITES_PATH", "~/sites:/srv/sites"),
        ("NEWSBOT_SITES_PATH", ["~/sites"]),
    ],
)
def test_good_values_pass(name: str, value: object) -> None:
    check_settings(project(**{name: value}))


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("NEWSBOT_UPDATES", "revize", "one of revise, ignore"),
        ("NEWSBOT_NEAR_DUPLICATES", "x", "one of link, drop"),
        ("NEWSBOT_MAX_PAGES", "abc", "a whole number >= 1"),
        ("NEWSBOT_MAX_PAGES", "0", "a whole number >= 1"),
        ("NEWSBOT_MAX_PAGES", 2.5, "a whole number >= 1"),
        ("NEWSBOT_MAX_PAGES", True, "a whole number >= 1"),
        ("NEWSBOT_SITEMAP_DEPTH", "0", "a whole number >= 1"),
        ("NEWSBOT_STALE_AFTER_RUNS", "0", "a whole number >= 1"),
        ("NEWSBOT_LIMIT", "-1", "a whole number >= 0"),
        ("NEWSBOT_STATE_RETENTION_DAYS", "-1", "a whole number >= 0"),
        ("NEWSBOT_DEMO_PORT", "70000", "a whole number from 0 to 65535"),
        ("NEWSBOT_DEMO_DAY", "3", "one of 1, 2"),
        ("NEWSBOT_MAX_ERROR_RATE", "1.5", "a number >= 0 and <= 1"),
        ("NEWSBOT_MAX_ERROR_RATE", "nan", "a number >= 0 and <= 1"),
        ("NEWSBOT_NEAR_DUPLICATE_THRESHOLD", "0", "a number > 0 and <= 1"),
        ("NEWSBOT_EXTRACTION_TIMEOUT", "inf", "a number > 0"),
        ("NEWSBOT_MAX_CRAWL_DELAY", "-1", "a number >= 0"),
        ("NEWSBOT_STOP_AT_KNOWN_PAGE", "yes", "true or false"),
        ("NEWSBOT_SINCE", "01/11/2026", "a date as YYYY-MM-DD, or empty"),
        ("NEWSBOT_STATE_PATH", "data/%(spider)s.sqlite3", TEMPLATE),
        ("NEWSBOT_STATE_PATH", "data/%s.sqlite3", TEMPLATE),
        ("NEWSBOT_STATE_PATH", "", TEMPLATE),
        ("NEWSBOT_RUNS_DIR", "runs/%(time)s", TEMPLATE),
        ("NEWSBOT_STATE_STORE", "newsbot.no_such_module.Store", "an importable class path"),
        ("NEWSBOT_STATE_STORE", "no_such_module.Store", "an importable class path"),
        ("NEWSBOT_STATE_STORE", "SQLiteStateStore", "an importable class path"),
        ("NEWSBOT_DEFAULT_FEEDS", "{not json", "feeds as in FEEDS"),
        ("NEWSBOT_DEFAULT_FEEDS", '{"out.jsonl": {}}', "feeds as in FEEDS"),
        ("NEWSBOT_SITES_PATH", 3, "folders separated by"),
    ],
)
def test_bad_value_is_named_with_what_is_expected(name: str, value: object, expected: str) -> None:
    message = refusal(project(**{name: value}))
    assert message.startswith(f"-s {name}={value!r}: expected {expected}")
    assert "\n" not in message


def test_bad_value_from_settings_py_is_not_blamed_on_the_command_line() -> None:
    settings = project()
    settings.set("NEWSBOT_UPDATES", "revize", priority="project")
    assert refusal(settings) == "NEWSBOT_UPDATES='revize': expected one of revise, ignore"


@pytest.mark.parametrize("priority", ["project", "spider", "cmdline"])
def test_misspelt_setting_is_refused_with_a_suggestion(priority: str) -> None:
    settings = project()
    settings.set("NEWSBOT_MAX_PAGE", "3", priority=priority)
    assert refusal(settings) == "unknown setting NEWSBOT_MAX_PAGE (did you mean NEWSBOT_MAX_PAGES?)"


def test_unknown_setting_without_a_near_name_is_refused() -> None:
    assert refusal(project(NEWSBOT_COLOUR="blue")) == "unknown setting NEWSBOT_COLOUR"


@pytest.mark.parametrize(
    ("setting", "value", "message"),
    [
        (
            "ITEM_PIPELINES",
            f'{{"{DEDUPE}": null}}',
            f"ITEM_PIPELINES['{DEDUPE}']=None: expected an order number",
        ),
        (
            "EXTENSIONS",
            {"newsbot.extensions.state.StateExtension": None},
            "EXTENSIONS['newsbot.extensions.state.StateExtension']=None: expected an order number",
        ),
        (
            "ITEM_PIPELINES",
            {**PIPELINES, "newsbot.pipelines.validate.ValidatePipeline": 950},
            "ITEM_PIPELINES: newsbot.pipelines.normalize.NormalizePipeline=100, "
            f"newsbot.pipelines.validate.ValidatePipeline=950, {DEDUPE}=900: "
            "expected increasing numbers",
        ),
    ],
    ids=["dedupe-disabled", "state-extension-disabled", "validate-after-dedupe"],
)
def test_required_component_cannot_be_disabled_or_reordered(
    setting: str, value: object, message: str
) -> None:
    assert refusal(project(**{setting: value})).startswith(message)


def test_required_pipeline_left_out_is_refused() -> None:
    # -s replaces the whole dict of settings.py: what it does not name is not run.
    settings = project(ITEM_PIPELINES={"myproject.pipelines.Images": 300})
    assert refusal(settings).startswith(
        "ITEM_PIPELINES lacks newsbot.pipelines.normalize.NormalizePipeline: expected it with"
    )


def test_components_may_be_added_and_named_by_class() -> None:
    settings = project(
        ITEM_PIPELINES={
            **{path: order for path, order in PIPELINES.items() if path != DEDUPE},
            DedupePipeline: 900,
            "myproject.pipelines.Images": 950,
        },
        EXTENSIONS={
            "scrapy.extensions.feedexport.FeedExporter": None,
            "newsbot.exports.publication.PublishingFeedExporter": 0,
            "newsbot.extensions.state.StateExtension": 500,
            "newsbot.extensions.report.RunReportExtension": 520,
            "myproject.Notify": 600,
        },
    )
    check_settings(settings)


def test_scrapy_feed_exporter_must_stay_replaced() -> None:
    settings = project(EXTENSIONS={"newsbot.extensions.state.StateExtension": 500})
    assert refusal(settings).startswith(
        "EXTENSIONS lacks newsbot.exports.publication.PublishingFeedExporter"
    )
    ours = project().getdict("EXTENSIONS")
    both = project(EXTENSIONS={**ours, "scrapy.extensions.feedexport.FeedExporter": 0})
    assert refusal(both).startswith(
        "EXTENSIONS['scrapy.extensions.feedexport.FeedExporter']=0: expected None"
    )


def test_settings_py_sets_each_name_once() -> None:
    """A second assignment silently replaces the first (two DOWNLOADER_MIDDLEWARES dicts did)."""
    tree = ast.parse(Path(project_settings_module.__file__ or "").read_text(encoding="utf-8"))
    names = [
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    ]
    assert sorted(name for name in set(names) if names.count(name) > 1) == []
