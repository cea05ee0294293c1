"""Extraction in worker processes: a page that crashes or hangs its worker costs that page
only, and the pages after it are extracted (and signed for deduplication) as usual."""

from __future__ import annotations

import json

from tests.support import run_module


def run(processes: int) -> list[dict[str, object]]:
    done = run_module("tests.integration.extraction_workers", str(processes))
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_a_crashed_or_hung_worker_costs_its_page_only() -> None:
    ok = {"title": "Harbour wall approved", "stages": ["extraction", "page_type"], "signed": True}
    assert run(1) == [
        {"page": "ok-1", **ok},
        {"page": "crash", "error": "ExtractionCrashed"},
        {"page": "hang", "error": "ExtractionTimeout"},
        {"page": "raise", "error": "RuntimeError"},
        {"page": "ok-2", **ok},
        # Workers collect garbage less often than Python's default (700, 10, 10): preload's
        # WORKER_GC_THRESHOLDS (not imported here: importing preload loads and freezes the
        # extraction stack in this process too).
        {
            "page": "gc-thresholds",
            "title": "(20000, 20, 20)",
            "stages": [],
            "signed": False,
        },
    ]
