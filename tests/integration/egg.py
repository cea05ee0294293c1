"""newsbot as scrapyd receives it: a copy of the project, deployed or packed by scrapyd-deploy."""

from __future__ import annotations

import shutil
import sysconfig
from pathlib import Path
from typing import TYPE_CHECKING

from tests.support import REPO_ROOT, run_ok

if TYPE_CHECKING:
    import subprocess

#: What scrapyd-deploy needs beside scrapy.cfg to build the egg (pyproject names the README).
PROJECT_FILES = ("newsbot", "setup.py", "pyproject.toml", "scrapy.cfg", "README.md")
#: The scrapyd-deploy of this Python's environment, as a user runs it from the venv.
SCRAPYD_DEPLOY = Path(sysconfig.get_path("scripts")) / "scrapyd-deploy"


def project_copy(folder: Path) -> Path:
    """The project's files in ``folder``/project. scrapyd-deploy builds beside scrapy.cfg
    (build/, newsbot.egg-info/): a copy keeps that out of the checkout a test runs in."""
    project = folder / "project"
    project.mkdir()
    for name in PROJECT_FILES:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, project / name)
    return project


def scrapyd_deploy(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``scrapyd-deploy ARGS`` in ``project``; it must exit 0."""
    return run_ok([str(SCRAPYD_DEPLOY), *args], cwd=project)


def build_egg(folder: Path) -> Path:
    """The egg scrapyd-deploy builds from a copy of the project, at ``folder``/newsbot.egg."""
    egg = folder / "newsbot.egg"
    scrapyd_deploy(project_copy(folder), f"--build-egg={egg}")
    return egg
