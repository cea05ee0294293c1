"""The zipped egg scrapyd runs reads the bundled sites and the demo's data and templates exactly
as the checkout does (importlib.resources, not paths beside the code)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.integration.egg import build_egg
from tests.support import REPO_ROOT, run_ok

if TYPE_CHECKING:
    from collections.abc import Mapping

pytest.importorskip("scrapyd_client", reason="scrapyd-client is not installed (dev extra)")

pytestmark = pytest.mark.integration

PROBE = Path(__file__).with_name("egg_probe.py")


def probe(python_path: Path, cwd: Path) -> Mapping[str, object]:
    """egg_probe's fingerprint in a fresh process whose newsbot comes from ``python_path``.

    A fixed hash seed makes the digests comparable between processes (sets are digested too).
    """
    env = {**os.environ, "PYTHONPATH": str(python_path), "PYTHONHASHSEED": "0"}
    done = run_ok([sys.executable, str(PROBE)], cwd=cwd, env=env)
    found: Mapping[str, object] = json.loads(done.stdout)
    return found


def test_zipped_egg_reads_what_the_checkout_reads(tmp_path: Path) -> None:
    egg = build_egg(tmp_path)
    from_egg, from_checkout = probe(egg, tmp_path), probe(REPO_ROOT, tmp_path)
    assert str(from_egg["imported_from"]).startswith(f"{egg}{os.sep}"), from_egg
    assert str(from_checkout["imported_from"]).startswith(f"{REPO_ROOT}{os.sep}"), from_checkout
    assert from_egg["sites"] == ["aljazeera", "apnews", "bbc", "guardian", "japantimes", "rnz"]
    assert from_egg["articles"] == 37
    assert {**from_egg, "imported_from": ""} == {**from_checkout, "imported_from": ""}
