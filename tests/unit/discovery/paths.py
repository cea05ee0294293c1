"""Where the discovery tests find their fixtures and the shared real-world corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "discovery"
# The shared real-world corpus lives next to the repository, never inside it.
CORPUS = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpus"


def corpus_cases(folder: str, index: str) -> list[tuple[Path, dict[str, Any]]]:
    """(file, metadata) pairs of a corpus folder, sorted by name; empty when it is absent."""
    index_path = CORPUS / folder / index
    if not index_path.is_file():
        return []
    entries = json.loads(index_path.read_text(encoding="utf-8"))
    return [(CORPUS / folder / name, meta) for name, meta in sorted(entries.items())]
