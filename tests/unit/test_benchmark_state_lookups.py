"""The state-lookup benchmark runs end to end on a small state and prints every figure
(its timings are for reading, never asserted)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from benchmarks.state_lookups import main

if TYPE_CHECKING:
    import pytest

LOOKUPS = (
    "is_known, known URL",
    "is_known, new URL",
    "new link: is_known+rejected_since",
    "rejected_since, rejected URL",
    "rejected_since, new URL",
    "validators, known page",
    "validators, new page",
    "find_url, known URL + source",
    "find_url, new URL + source",
    "find_fingerprint, known body",
    "find_fingerprint, new body",
    "(url_key alone)",
)


def test_a_small_state_prints_every_lookup_and_the_costs_around_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    main(["--urls", "2000", "--calls", "200"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "2,000 known article URLs, 200 calls a lookup, warm"
    timed = {
        line[:36].rstrip(): line[36:].split() for line in lines if line[:36].rstrip() in LOOKUPS
    }
    assert list(timed) == list(LOOKUPS)
    # A median and a p99, each a number of µs.
    assert all(len([float(f) for f in figures]) == 2 for figures in timed.values())
    for start in ("state file: ", "run start (retention prune): ", "run commit (", "peak RSS: "):
        assert sum(line.startswith(start) for line in lines) == 1, start
