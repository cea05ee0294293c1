"""Each pipeline built as Scrapy builds it (from_crawler), fed articles, judged by its output."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

import pytest

from newsbot.drops import ArticleDropped
from newsbot.exports.csv import ArticleCsvItemExporter
from newsbot.items import EXPORT_FIELDS
from newsbot.pipelines.normalize import NormalizePipeline
from newsbot.pipelines.validate import ValidatePipeline
from newsbot.settings import FEED_EXPORT_FIELDS
from newsbot.spiders.arguments import SectionArguments
from tests.support import BODY, article, build


def test_export_fields_are_the_documented_order() -> None:
    assert EXPORT_FIELDS == (
        "url",
        "site",
        "section",
        "title",
        "description",
        "body",
        "authors",
        "published_at",
        "modified_at",
        "language",
        "tags",
        "image_url",
        "word_count",
        "source_url",
        "fetched_at",
        "fingerprint",
        "story_id",
        "revision",
    )
    assert tuple(FEED_EXPORT_FIELDS) == EXPORT_FIELDS


def test_normalize_cleans_every_field() -> None:
    pipeline, _crawler = build(NormalizePipeline)
    raw = article(
        url="https://Example.com/2026/11/03/ferries/?utm_source=fb&fbclid=1#top",
        title="  Ferries&nbsp;resume \u200b",
        description="",
        body="  Para one\u00a0here. \n\n\n\n Para\ttwo. ",
        authors=["Mei Tan", " mei tan ", "", "Ravi Kumar"],
        tags=["Ports", "ports", "Weather"],
        published_at="2026-11-03T08:15:00+08:00",
        modified_at="not a date",
        language="en-US",
        image_url="/relative.jpg",
    )
    out = pipeline.process_item(raw)
    assert out.url == "https://example.com/2026/11/03/ferries/"
    assert out.title == "Ferries resume"
    assert out.description is None
    assert out.body == "Para one here.\n\nPara two."
    assert out.authors == ["Mei Tan", "Ravi Kumar"]
    assert out.tags == ["Ports", "Weather"]
    assert out.published_at == "2026-11-03T00:15:00+00:00"
    assert out.modified_at is None
    assert out.language == "en"
    assert out.image_url is None
    assert out.word_count == 5
    assert len(out.fingerprint) == 32


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"page_type": "website"}, "not_article"),
        ({"title": None}, "no_title"),
        ({"word_count": 12}, "short_body"),
        ({"published_at": "2026-10-31T23:59:59+00:00"}, "before_since"),
    ],
    ids=["not-article", "no-title", "short-body", "before-since"],
)
def test_validate_drops_by_reason(changes: dict[str, Any], reason: str) -> None:
    pipeline, crawler = build(ValidatePipeline, SectionArguments(since=date(2026, 11, 1)))
    with pytest.raises(ArticleDropped) as info:
        pipeline.process_item(article(**changes))
    assert info.value.reason == reason
    assert crawler.stats.get_value(f"newsbot/dropped/{reason}") == 1


def test_validate_keeps_undated_and_unknown_type_articles() -> None:
    pipeline, _crawler = build(ValidatePipeline, SectionArguments(since=date(2026, 11, 1)))
    kept = article(published_at=None, page_type="unknown")
    assert pipeline.process_item(kept) is kept


def test_validate_min_words_is_a_setting() -> None:
    pipeline, _crawler = build(ValidatePipeline, NEWSBOT_VALIDATE_MIN_WORDS=200)
    with pytest.raises(ArticleDropped, match="short_body"):
        pipeline.process_item(article())


def test_csv_joins_lists_with_semicolons_and_keeps_column_order() -> None:
    buffer = io.BytesIO()
    exporter = ArticleCsvItemExporter(buffer, fields_to_export=list(EXPORT_FIELDS))
    exporter.start_exporting()
    exporter.export_item(article(authors=["Smith, Jr.", "Mei Tan"], tags=["a", "b"]))
    exporter.finish_exporting()
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue().decode("utf-8"))))
    assert list(rows[0]) == list(EXPORT_FIELDS)
    assert rows[0]["authors"] == "Smith, Jr.; Mei Tan"
    assert rows[0]["tags"] == "a; b"
    assert rows[0]["body"] == BODY
