"""The extraction benchmark is fair to every extractor, and runs (on a corpus of three pages)."""

from __future__ import annotations

import gzip
import json
from typing import TYPE_CHECKING

import pytest

from benchmarks.corpora import Page
from benchmarks.extraction import main, run_suite
from benchmarks.extractors import Prediction, gives

if TYPE_CHECKING:
    from pathlib import Path

BODY = "The harbour reopened on Monday after three weeks of repairs to the sea wall."


def page(key: str, authors: tuple[str, ...]) -> Page:
    markup = f"<html><body><h1>Harbour reopens</h1><p>{BODY}</p></body></html>"
    return Page(
        key,
        f"https://news.example/{key}",
        markup.encode(),
        BODY,
        "toy",
        "news.example",
        title="Harbour reopens",
        authors=authors,
    )


PAGES = [page("bylined", ("Ann Lee",)), page("unsigned", ()), page("breaks", ("Ann Lee",))]


@gives("title", "authors")
def finds_no_authors(html: bytes, url: str) -> Prediction:
    if url.endswith("breaks"):
        raise ValueError("no parse")
    return Prediction(BODY, "Harbour reopens", None)


@gives("title")
def titles_only(html: bytes, url: str) -> Prediction:
    return Prediction(BODY, "Harbour reopens")


def test_a_crash_scores_zero_on_its_page_and_keeps_it_in_the_denominator() -> None:
    report = run_suite("toy", PAGES, "crashes", finds_no_authors)
    assert report.errors == 1
    assert report.body.recall == pytest.approx(2 / 3)
    assert report.body.precision == pytest.approx(2 / 3)
    assert report.accuracy("title") == pytest.approx(2 / 3)
    assert report.judged("title") == 3


def test_no_authors_found_is_wrong_where_the_page_has_some_and_right_where_it_has_none() -> None:
    report = run_suite("toy", PAGES, "crashes", finds_no_authors)
    assert [r.fields["authors"] for r in report.results] == [False, True, False]


def test_a_field_the_extractor_never_gives_is_not_applicable_rather_than_wrong() -> None:
    report = run_suite("toy", PAGES, "titles", titles_only)
    assert not report.gives_field("authors")
    assert report.accuracy("authors") is None
    assert report.judged("authors") == 3
    assert report.accuracy("title") == 1.0


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Three pages of two publishers in the fundus-publishers layout."""
    truth = {}
    for key, publisher in (("de/Post_1", "Post"), ("de/Post_2", "Post"), ("uk/Herald_1", "Herald")):
        url = f"https://{publisher.lower()}.example/{key}"
        markup = (
            f"<html><body><article><h1>Harbour reopens</h1><p>{BODY}</p></article></body></html>"
        )
        (tmp_path / key).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / f"{key}.html.gz").write_bytes(gzip.compress(markup.encode()))
        truth[key] = {
            "url": url,
            "body": BODY,
            "country": key[:2],
            "publisher": publisher,
            "title": "Harbour reopens",
            "authors": [],
            "publishing_date": None,
            "language": "en",
            "crawl_date": None,
            "topics": [],
        }
    (tmp_path / "expected.json").write_text(json.dumps(truth), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("mode", [[], ["--folds", "2"]], ids=["dev", "cross-publisher"])
def test_the_benchmark_runs(
    corpus: Path, mode: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    main([*mode, "--only", "newsbot,trafilatura,trafilatura-fast", str(corpus)])
    printed = capsys.readouterr().out
    assert "== fundus: 3 pages" in printed
    assert "trafilatura-fast" in printed
    assert ("newsbot (cross-publisher)" in printed) == bool(mode)
