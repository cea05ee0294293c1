"""newsbot on a real scrapyd: deployed with scrapyd-deploy, scheduled over scrapyd's HTTP API,
crawling the demo site, its files read back."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd
import pytest

from newsbot.commands.demo import DEMO_SITE_KEY, DEMO_SPIDER, LOCALHOST_SETTINGS, site_declaration
from tests.integration.egg import project_copy, scrapyd_deploy
from tests.integration.scrapyd_server import Scrapyd, run_scrapyd, wait_until_finished
from tests.support import expected_demo_paths, url_paths

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from newsbot.demo.server import DemoServer

pytest.importorskip("scrapyd", reason="scrapyd is not installed (it is in the dev extra)")
pytest.importorskip("scrapyd_client", reason="scrapyd-client is not installed (dev extra)")

pytestmark = pytest.mark.integration

PROJECT = "newsbot"


@dataclass(frozen=True)
class Job:
    """A finished scrapyd job: its log (as scrapyd serves it) and the folder of its files."""

    log: str
    folder: Path


@pytest.fixture(scope="module")
def scrapyd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scrapyd]:
    with run_scrapyd(tmp_path_factory.mktemp("scrapyd")) as server:
        yield server


@pytest.fixture(scope="module")
def deployed(scrapyd: Scrapyd, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """scrapyd-deploy's answer after deploying to a scrapy.cfg target, as a user deploys."""
    project = project_copy(tmp_path_factory.mktemp("deploy"))
    with (project / "scrapy.cfg").open("a", encoding="utf-8") as cfg:
        cfg.write(f"\n[deploy:test]\nurl = {scrapyd.url}\nproject = {PROJECT}\n")
    answer: dict[str, object] = json.loads(scrapyd_deploy(project, "test").stdout)
    return answer


@pytest.fixture(scope="module")
def job(
    scrapyd: Scrapyd,
    deployed: dict[str, object],
    demo_server: DemoServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> Job:
    """The demo crawl scheduled over schedule.json, with its own state, runs and feeds."""
    folder = tmp_path_factory.mktemp("job")
    (folder / "sites").mkdir()
    declaration = folder / "sites" / f"{DEMO_SITE_KEY}.toml"
    declaration.write_text(site_declaration(demo_server.url), encoding="utf-8")
    feeds = {
        str(folder / "articles.jsonl"): {"format": "jsonlines"},
        str(folder / "articles.csv"): {"format": "csv"},
    }
    settings = {
        **LOCALHOST_SETTINGS,
        "NEWSBOT_SITES_PATH": folder / "sites",
        "NEWSBOT_STATE_PATH": folder / "state.sqlite3",
        "NEWSBOT_RUNS_DIR": folder / "runs",
        "FEEDS": json.dumps(feeds),
    }
    fields = [
        ("project", PROJECT),
        ("spider", DEMO_SPIDER),
        ("sites", DEMO_SITE_KEY),
        *(("setting", f"{name}={value}") for name, value in settings.items()),
    ]
    job_id = scrapyd.post("schedule.json", fields)["jobid"]
    finished = wait_until_finished(scrapyd, PROJECT, job_id)
    return Job(scrapyd.text(finished["log_url"]), folder)


def test_deploy_lists_the_spider(scrapyd: Scrapyd, deployed: dict[str, object]) -> None:
    assert deployed["project"] == PROJECT
    assert scrapyd.get("listspiders.json", project=PROJECT)["spiders"] == [DEMO_SPIDER]


def test_job_exports_every_demo_article_once(job: Job) -> None:
    lines = (job.folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    found = url_paths([json.loads(line)["url"] for line in lines])
    assert len(found) == len(set(found)), "an article was exported twice"
    assert set(found) == expected_demo_paths(1, set(found))
    frame = pd.read_csv(job.folder / "articles.csv")
    assert url_paths(list(frame["url"])) == found


def test_job_log_has_a_clean_run_summary(job: Job) -> None:
    assert re.search(r"Run \S+: ok \(exit code 0\)", job.log), job.log[-3000:]
    assert list((job.folder / "runs").glob("*.json")), "no run summary file"
