"""The data dictionary and the JSON Schema: committed up to date, complete, and strict about the
records they describe."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest
from jsonschema import Draft202012Validator

from newsbot.schema import COLUMNS, data_dictionary, json_schema, main
from tests.support import REPO_ROOT

if TYPE_CHECKING:
    from pathlib import Path

DOCS = REPO_ROOT / "docs"
REGENERATE = "out of date with newsbot/items.py: run `python -m newsbot.schema --write`"

#: A record as the JSONL exporter writes one.
RECORD: dict[str, Any] = {
    "url": "https://example.com/2026/11/02/ferries-resume/",
    "site": "example",
    "section": "asia_pacific",
    "title": "Ferries resume across the strait",
    "description": None,
    "body": "Ferry services resumed on Tuesday.\n\nThe operator said timetables hold.",
    "authors": ["Mei Tanaka", "Associated Press"],
    "published_at": "2026-11-02T08:30:00+00:00",
    "modified_at": None,
    "language": "en",
    "tags": [],
    "image_url": None,
    "word_count": 11,
    "source_url": "https://example.com/2026/11/02/ferries-resume/?utm_source=rss",
    "fetched_at": "2026-11-02T09:00:05+00:00",
    "fingerprint": "3f1c9a0b6e2d4f5a8b7c6d5e4f3a2b1c",
    "story_id": "9e8d7c6b5a4f3e2d",
    "revision": 1,
}

#: Records a reader must not accept, each with the keyword that rejects it.
INVALID = {
    "word_count_as_text": ({"word_count": "11"}, "type"),
    "authors_as_one_string": ({"authors": "Mei Tanaka; Associated Press"}, "type"),
    "null_body": ({"body": None}, "type"),
    "revision_zero": ({"revision": 0}, "minimum"),
    "extra_field": ({"page_type": "article"}, "additionalProperties"),
    "date_without_offset": ({"published_at": "2026-11-02T08:30:00"}, "format"),
    "date_with_space": ({"fetched_at": "2026-11-02 09:00:05+00:00"}, "format"),
    "day_only": ({"modified_at": "2026-11-02"}, "format"),
    "local_spelling": ({"published_at": "02/11/2026 08:30"}, "format"),
}


def validator() -> Draft202012Validator:
    return Draft202012Validator(json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_committed_data_dictionary_is_up_to_date() -> None:
    committed = (DOCS / "schema.md").read_text(encoding="utf-8")
    assert committed == data_dictionary(), f"docs/schema.md is {REGENERATE}"


def test_committed_json_schema_is_up_to_date() -> None:
    committed = json.loads((DOCS / "article.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), f"docs/article.schema.json is {REGENERATE}"


def test_every_exported_field_is_described() -> None:
    undescribed = [column.name for column in COLUMNS if not column.description.strip()]
    assert undescribed == [], "give these Article fields a description: metadata={DOC: ...}"


def test_the_json_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(json_schema())


def test_a_record_as_exported_is_valid() -> None:
    assert list(validator().iter_errors(RECORD)) == []


@pytest.mark.parametrize(("change", "keyword"), INVALID.values(), ids=INVALID.keys())
def test_a_record_with_a_wrong_value_is_invalid(change: dict[str, Any], keyword: str) -> None:
    errors = list(validator().iter_errors({**RECORD, **change}))
    assert [error.validator for error in errors] == [keyword], [e.message for e in errors]


def test_date_time_format_is_enforced() -> None:
    # jsonschema checks "date-time" only when rfc3339-validator is installed (the dev extra).
    assert "date-time" in Draft202012Validator.FORMAT_CHECKER.checkers


@pytest.mark.parametrize("name", [column.name for column in COLUMNS])
def test_a_record_missing_a_field_is_invalid(name: str) -> None:
    record = {key: value for key, value in RECORD.items() if key != name}
    errors = list(validator().iter_errors(record))
    assert [error.validator for error in errors] == ["required"], [e.message for e in errors]


def test_check_passes_on_what_write_wrote(tmp_path: Path) -> None:
    assert main(["--write", "--docs", str(tmp_path)]) == 0
    assert main(["--check", "--docs", str(tmp_path)]) == 0


def test_check_names_the_stale_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["--write", "--docs", str(tmp_path)])
    stale = tmp_path / "article.schema.json"
    stale.write_text(stale.read_text(encoding="utf-8").replace('"revision"', '"rev"'))
    assert main(["--check", "--docs", str(tmp_path)]) == 1
    message = capsys.readouterr().err
    assert "article.schema.json" in message
    assert "schema.md" not in message
    assert "python -m newsbot.schema --write" in message
