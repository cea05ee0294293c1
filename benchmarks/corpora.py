"""Reading the shared corpora: pages with the truth about them, whatever the folder's format."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path

from newsbot.urls import registrable_domain

#: Where the shared corpora live relative to a checkout (../shared/corpus).
CORPUS_ROOT = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@dataclass(frozen=True)
class Page:
    """One page to extract and what a perfect extractor returns for it."""

    key: str
    url: str
    html: bytes
    body: str
    suite: str = ""
    publisher: str = ""
    title: str | None = None
    authors: tuple[str, ...] | None = None
    published: str | None = None
    language: str | None = None
    crawled: str | None = None
    tags: tuple[str, ...] | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def ref(self) -> str:
        """How rule provenance names this page: ``<suite>:<key>``."""
        return f"{self.suite}:{self.key}"


def load_suite(folder: Path) -> tuple[str, list[Page]]:
    """The suite in ``folder``: ("zyte", pages) or ("fundus", pages), told by its files."""
    if (folder / "ground-truth.json").is_file():
        return "zyte", _zyte(folder)
    if (folder / "expected.json").is_file():
        return "fundus", _fundus(folder)
    raise ValueError(f"{folder}: neither ground-truth.json (Zyte) nor expected.json (fundus)")


def _zyte(folder: Path) -> list[Page]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        Page(
            key,
            item["url"],
            _read(folder / "html" / f"{key}.html.gz"),
            item["articleBody"],
            suite="zyte",
            publisher=registrable_domain(item["url"]),
        )
        for key, item in sorted(truth.items())
    ]


def _fundus(folder: Path) -> list[Page]:
    truth = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return [
        Page(
            key,
            item["url"],
            _read(folder / f"{key}.html.gz"),
            item.get("body") or "",
            suite="fundus",
            # The country too: two countries' publishers can share a name.
            publisher=f"{item['country']}/{item['publisher']}",
            title=item.get("title"),
            authors=tuple(item.get("authors") or ()),
            published=item.get("publishing_date"),
            language=item.get("language"),
            crawled=item.get("crawl_date"),
            tags=tuple(item["topics"]) if item.get("topics") is not None else None,
        )
        for key, item in sorted(truth.items())
    ]


def _read(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes())
