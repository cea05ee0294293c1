"""Running newsbot's CLI as cron would: a subprocess in its own folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from newsbot.commands.demo import DEMO_SITE_KEY, LOCALHOST_SETTINGS, site_declaration

REPO_ROOT = Path(__file__).resolve().parents[2]
# The crawl runs in its own folder (its files land there); test doubles load from the checkout.
ENV = {
    **os.environ,
    "SCRAPY_SETTINGS_MODULE": "newsbot.settings",
    "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])),
}


def scrapy_args(*args: str) -> list[str]:
    return [sys.executable, "-m", "scrapy", *args]


def scrapy(cwd: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run ``scrapy ARGS`` in ``cwd`` (where its files land) and wait for it."""
    return subprocess.run(
        scrapy_args(*args),
        cwd=cwd,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def crawl_site_args(cwd: Path, base_url: str, *extra: str) -> list[str]:
    """``scrapy crawl asia_pacific`` arguments for the demo site at ``base_url``, declared in a
    site file under ``cwd`` as a user would, with localhost speed settings."""
    sites = cwd / "sites"
    sites.mkdir(exist_ok=True)
    (sites / f"{DEMO_SITE_KEY}.toml").write_text(site_declaration(base_url), encoding="utf-8")
    settings = [f"{k}={v}" for k, v in {**LOCALHOST_SETTINGS, "NEWSBOT_SITES_PATH": sites}.items()]
    return [
        "crawl",
        "asia_pacific",
        "-a",
        f"sites={DEMO_SITE_KEY}",
        *(arg for s in settings for arg in ("-s", s)),
        *extra,
    ]
