"""DedupePipeline against a real SQLite state: URLs, copies, near-copies, revisions, runs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from itemadapter import ItemAdapter
from scrapy import signals as scrapy_signals
from scrapy.exceptions import DropItem

from newsbot.drops import ArticleDropped
from newsbot.neardup import signature
from newsbot.pipelines.dedupe import DedupePipeline
from newsbot.spiders.arguments import SectionArguments
from newsbot.state.sqlite import SQLiteStateStore
from newsbot.text import body_fingerprint
from tests.support import article, build

if TYPE_CHECKING:
    from pathlib import Path

    from newsbot.items import Article

WIRE = (
    "Fiji's government said on Tuesday it would reopen the port of Lautoka to cruise ships "
    "from next month after repairs to the main wharf were finished ahead of schedule. "
    "The harbour master told reporters that dredging of the approach channel had removed "
    "more silt than expected and that two berths would be ready for large vessels. "
    "Tourism operators welcomed the news, saying bookings for the season had held up despite "
    "the closure, and hotels near the waterfront expected occupancy to rise sharply."
)
OTHER_TOPIC = (
    "Fiji's rugby sevens team named three new players for the next leg of the world series, "
    "with the coach saying injuries to senior players had forced changes in the backline. "
    "The squad leaves for training camp on Friday and plays its first match against Samoa "
    "in a week, when selectors will judge whether the newcomers can hold their places."
)
LATER = "2026-11-04T00:00:00+00:00"


def text_article(url: str, body: str, **changes: Any) -> Article:
    return article(url=url, body=body, fingerprint=body_fingerprint(body), **changes)


class Run:
    """One run of the pipeline against the state file: begin, process, export, commit."""

    def __init__(self, path: Path, run_id: str, **settings: Any) -> None:
        self.store = SQLiteStateStore(str(path))
        self.store.begin(run_id, "asia_pacific", "2026-11-30T10:00:00+00:00")
        arguments = SectionArguments(limit=settings.pop("limit", None))
        self.pipeline, self.crawler = build(DedupePipeline, arguments, self.store, **settings)

    def accepts(self, item: Article) -> bool:
        """Whether dedupe accepts ``item``; an accepted one is exported (no pipeline after)."""
        if not self.claims(item):
            return False
        self.send(scrapy_signals.item_scraped, item)
        return True

    def claims(self, item: Article) -> bool:
        """Whether dedupe accepts ``item``, which then waits for what later pipelines do."""
        try:
            self.pipeline.process_item(item)
        except ArticleDropped:
            return False
        return True

    def send(self, signal: object, item: Article, **arguments: Any) -> None:
        """Send ``signal`` about ``item`` as Scrapy's scraper does after the pipelines."""
        self.crawler.signals.send_catch_log(
            signal=signal, item=item, response=None, spider=self.crawler.spider, **arguments
        )

    def reason(self, item: Article) -> str:
        with pytest.raises(ArticleDropped) as info:
            self.pipeline.process_item(item)
        return info.value.reason

    def commit(self) -> None:
        self.store.finish(commit=True)
        self.store.close()


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "state.sqlite3"


def test_an_exported_article_is_not_exported_again_under_any_url(state: Path) -> None:
    first = Run(state, "r1")
    assert first.accepts(text_article("https://news.example/2026/11/03/port-reopens/", WIRE))
    first.commit()
    second = Run(state, "r2")
    for variant in (
        "http://news.example/2026/11/03/port-reopens",
        "https://www.news.example/2026/11/03/port-reopens/amp/",
        "https://news.example/2026/11/03/port-reopens/?utm_source=x",
    ):
        assert second.reason(text_article(variant, WIRE)) == "duplicate_url"


def test_a_rolled_back_run_leaves_no_trace(state: Path) -> None:
    crashed = Run(state, "r1")
    assert crashed.accepts(text_article("https://news.example/a/", WIRE))
    crashed.store.close()  # no commit: as if the process died before its exports were complete
    again = Run(state, "r2")
    assert again.accepts(text_article("https://news.example/a/", WIRE))


def test_same_text_under_another_url_is_a_duplicate_body(state: Path) -> None:
    run = Run(state, "r1")
    assert run.accepts(text_article("https://news.example/a/", WIRE))
    assert run.reason(text_article("https://news.example/a-2/", WIRE)) == "duplicate_body"


def test_syndicated_copy_is_linked_to_the_first(state: Path) -> None:
    run = Run(state, "r1")
    first = text_article("https://news.example/a/", WIRE)
    copy = text_article("https://other.example/b/", WIRE + " (Ledger Wire, with local reporting)")
    assert run.accepts(first)
    assert run.accepts(copy)
    assert copy.story_id == first.story_id
    assert run.crawler.stats.get_value("newsbot/dedupe/near_duplicate_linked") == 1


def test_syndicated_copy_is_dropped_when_asked(state: Path) -> None:
    run = Run(state, "r1", NEWSBOT_NEAR_DUPLICATES="drop")
    assert run.accepts(text_article("https://news.example/a/", WIRE))
    copy = text_article("https://other.example/b/", "Editor's note: updated. " + WIRE)
    assert run.reason(copy) == "near_duplicate"


def test_same_topic_is_not_a_near_duplicate(state: Path) -> None:
    run = Run(state, "r1")
    first, other = (
        text_article("https://a.example/1/", WIRE),
        text_article("https://a.example/2/", OTHER_TOPIC),
    )
    assert run.accepts(first)
    assert run.accepts(other)
    assert other.story_id != first.story_id


def test_the_signature_extraction_made_is_used_while_it_is_of_this_body(state: Path) -> None:
    # A signature signed over the wire story, carried by an article of another topic: used
    # while its fingerprint is this body's, it makes the two near-duplicates; recorded for
    # another text, it is ignored and the body is signed again.
    run = Run(state, "r1")
    assert run.accepts(text_article("https://a.example/1/", WIRE))
    wire_signature = signature(WIRE)
    carried = text_article("https://a.example/2/", OTHER_TOPIC)
    carried.near_signature = (carried.fingerprint, wire_signature)
    stale = text_article("https://a.example/3/", OTHER_TOPIC + " More later.")
    stale.near_signature = (body_fingerprint(WIRE), wire_signature)
    assert run.accepts(carried)
    assert run.accepts(stale)
    assert run.crawler.stats.get_value("newsbot/dedupe/near_duplicate_linked") == 1


def test_changed_article_is_exported_again_as_a_revision(state: Path) -> None:
    first = Run(state, "r1")
    original = text_article("https://news.example/a/", WIRE)
    assert first.accepts(original)
    first.commit()
    second = Run(state, "r2")
    updated = text_article(
        "https://news.example/a/",
        WIRE + " The ministry confirmed the date.",
        modified_at="2026-11-04T00:00:00+00:00",
    )
    assert second.accepts(updated)
    assert (updated.revision, updated.story_id) == (2, original.story_id)


def test_changed_article_is_dropped_when_updates_are_ignored(state: Path) -> None:
    first = Run(state, "r1")
    assert first.accepts(text_article("https://news.example/a/", WIRE))
    first.commit()
    second = Run(state, "r2", NEWSBOT_UPDATES="ignore")
    changed = text_article("https://news.example/a/", WIRE + " More.")
    assert second.reason(changed) == "update_ignored"


def test_limit_counts_accepted_articles(state: Path) -> None:
    run = Run(state, "r1", limit=1)
    assert run.accepts(text_article("https://a.example/1/", WIRE))
    assert run.reason(text_article("https://a.example/2/", OTHER_TOPIC)) == "over_limit"


def test_an_article_dropped_after_dedupe_is_not_remembered_as_exported(state: Path) -> None:
    first = Run(state, "r1")
    dropped = text_article("https://news.example/a/", WIRE)
    failed = text_article("https://news.example/b/", OTHER_TOPIC)
    assert first.claims(dropped)
    assert first.claims(failed)
    first.send(scrapy_signals.item_dropped, dropped, exception=DropItem("a user pipeline"))
    first.send(scrapy_signals.item_error, failed, failure=None)
    first.commit()
    second = Run(state, "r2")
    assert second.accepts(text_article("https://news.example/a/", WIRE))
    assert second.accepts(text_article("https://news.example/b/", OTHER_TOPIC))


def test_a_claim_still_pending_at_the_commit_is_not_remembered(state: Path) -> None:
    first = Run(state, "r1")
    assert first.claims(text_article("https://news.example/a/", WIRE))
    first.commit()  # no item_scraped: the article never reached the exports
    assert Run(state, "r2").accepts(text_article("https://news.example/a-2/", WIRE))


def test_a_pending_claim_already_counts_for_the_articles_after_it(state: Path) -> None:
    run = Run(state, "r1")
    assert run.claims(text_article("https://news.example/a/", WIRE))
    assert run.reason(text_article("https://www.news.example/a/", WIRE)) == "duplicate_url"
    assert run.reason(text_article("https://news.example/a-2/", WIRE)) == "duplicate_body"


def test_a_released_claim_frees_its_place_under_the_limit(state: Path) -> None:
    run = Run(state, "r1", limit=1)
    first = text_article("https://a.example/1/", WIRE)
    assert run.claims(first)
    assert run.reason(text_article("https://a.example/2/", OTHER_TOPIC)) == "over_limit"
    run.send(scrapy_signals.item_dropped, first, exception=DropItem("a user pipeline"))
    assert run.accepts(text_article("https://a.example/2/", OTHER_TOPIC))


def test_a_released_revision_leaves_the_exported_version(state: Path) -> None:
    first = Run(state, "r1")
    assert first.accepts(text_article("https://news.example/a/", WIRE))
    first.commit()
    second = Run(state, "r2")
    revised = text_article("https://news.example/a/", WIRE + " More.", modified_at=LATER)
    assert second.claims(revised)
    second.send(scrapy_signals.item_dropped, revised, exception=DropItem("a user pipeline"))
    second.commit()
    third = Run(state, "r3")
    again = text_article("https://news.example/a/", WIRE + " More.", modified_at=LATER)
    assert third.accepts(again)
    assert again.revision == 2
    assert third.reason(text_article("https://news.example/a-2/", WIRE)) == "duplicate_body"


def test_a_text_exported_before_is_not_exported_again_after_a_revision(state: Path) -> None:
    # www and bare host served different pages: A, then B taken as A's revision, then A again.
    first = Run(state, "r1")
    assert first.accepts(text_article("https://news.example/x/", WIRE))
    first.commit()
    second = Run(state, "r2")
    other = text_article("https://www.news.example/x/", OTHER_TOPIC, modified_at=LATER)
    assert second.accepts(other)
    assert other.revision == 2
    second.commit()
    third = Run(state, "r3")
    assert third.reason(text_article("https://news.example/x-copy/", WIRE)) == "duplicate_body"
    back = text_article("https://news.example/x/", WIRE, modified_at="2026-11-05T00:00:00+00:00")
    assert third.reason(back) == "duplicate_body"


def test_the_same_text_with_a_newer_date_is_no_revision(state: Path) -> None:
    first = Run(state, "r1")
    assert first.accepts(text_article("https://news.example/a/", WIRE))
    first.commit()
    redated = text_article("https://news.example/a/", WIRE, modified_at=LATER)
    assert Run(state, "r2").reason(redated) == "duplicate_body"


def test_an_article_a_later_pipeline_copied_is_remembered_as_exported(state: Path) -> None:
    first = Run(state, "r1")
    item = text_article("https://news.example/a/", WIRE)
    assert first.claims(item)
    first.send(scrapy_signals.item_scraped, ItemAdapter(item).asdict())  # the copy is exported
    first.commit()
    assert Run(state, "r2").reason(text_article("https://news.example/a/", WIRE)) == "duplicate_url"


def test_a_drop_of_another_item_with_the_same_url_keeps_the_claim(state: Path) -> None:
    first = Run(state, "r1")
    item = text_article("https://news.example/a/", WIRE)
    assert first.claims(item)
    twin = text_article("https://news.example/a/", WIRE)  # the same page, met twice
    assert first.reason(twin) == "duplicate_url"
    first.send(scrapy_signals.item_dropped, twin, exception=DropItem("duplicate_url"))
    first.send(scrapy_signals.item_scraped, item)
    first.commit()
    assert Run(state, "r2").reason(text_article("https://news.example/a/", WIRE)) == "duplicate_url"
