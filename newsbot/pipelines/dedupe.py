"""DedupePipeline: each article exported once — across runs, URLs, copies and near-copies."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any, Self

from itemadapter import ItemAdapter
from scrapy import signals as scrapy_signals
from scrapy.exceptions import NotConfigured

from newsbot import signals
from newsbot.drops import Reason, drop
from newsbot.neardup import signature
from newsbot.state import ArticleRecord

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

    from newsbot.state import KnownArticle, StateStore

NEAR_DUPLICATE_POLICIES = ("link", "drop")
UPDATE_POLICIES = ("revise", "ignore")


class DedupePipeline:
    """Checks each article against the state store, in order: any known URL spelling (an
    exported article, or a new revision of it), the exact body fingerprint, then the
    near-duplicate signature; a revision must differ from every text exported before; past
    ``-a limit`` accepted articles, the rest are dropped. Accepted articles get ``story_id``
    and ``revision`` and are claimed in the run's state transaction at once, so the next
    article (even one processed concurrently) sees them.

    Pipelines may follow it: a claim counts as exported only on ``item_scraped`` (the article
    went through every pipeline to the exports); an article dropped or failed after dedupe has
    its claim released, which also frees its place under the limit.

    Reads NEWSBOT_NEAR_DUPLICATES, NEWSBOT_NEAR_DUPLICATE_THRESHOLD, NEWSBOT_UPDATES and
    NEWSBOT_LIMIT (``-a limit``). Reasons
    (stats ``newsbot/dropped/<reason>``): ``duplicate_url``, ``update_ignored``,
    ``duplicate_body``, ``near_duplicate``, ``over_limit``.
    """

    def __init__(
        self,
        stats: StatsCollector,
        *,
        near_policy: str,
        threshold: float,
        update_policy: str,
        limit: int | None = None,
    ) -> None:
        self.stats = stats
        self.near_policy = near_policy
        self.threshold = threshold
        self.update_policy = update_policy
        self.store: StateStore | None = None
        self.limit = limit
        # Claims (URL, version id) of the accepted articles not yet exported or dropped, by
        # id(item): the item objects live until their signal, which carries the same object.
        self.claims: dict[int, tuple[str, int]] = {}
        self.taken = 0  # places under the limit: claims exported or pending

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        assert crawler.stats is not None
        settings = crawler.settings
        near, updates = settings["NEWSBOT_NEAR_DUPLICATES"], settings["NEWSBOT_UPDATES"]
        if near not in NEAR_DUPLICATE_POLICIES or updates not in UPDATE_POLICIES:
            raise NotConfigured(
                f"NEWSBOT_NEAR_DUPLICATES must be one of {NEAR_DUPLICATE_POLICIES} (got {near!r})"
                f" and NEWSBOT_UPDATES one of {UPDATE_POLICIES} (got {updates!r})"
            )
        pipeline = cls(
            crawler.stats,
            near_policy=near,
            update_policy=updates,
            threshold=settings.getfloat("NEWSBOT_NEAR_DUPLICATE_THRESHOLD"),
            limit=settings.getint("NEWSBOT_LIMIT") or None,
        )
        crawler.signals.connect(pipeline.state_opened, signal=signals.state_opened)
        crawler.signals.connect(pipeline.item_scraped, signal=scrapy_signals.item_scraped)
        crawler.signals.connect(pipeline.item_not_exported, signal=scrapy_signals.item_dropped)
        crawler.signals.connect(pipeline.item_not_exported, signal=scrapy_signals.item_error)
        return pipeline

    def state_opened(self, store: StateStore) -> None:
        self.store = store

    def item_scraped(self, item: Any) -> None:
        """Every pipeline passed the article on to the exports: its claim is confirmed."""
        claim = self.claims.pop(id(item), None) or self._claim_by_url(item)
        if claim is not None:
            assert self.store is not None
            self.store.confirm(claim[1])

    def _claim_by_url(self, item: Any) -> tuple[str, int] | None:
        """The claim of an article a later pipeline replaced by another object (a dict copy)."""
        url = ItemAdapter(item).get("url") if ItemAdapter.is_item(item) else None
        key = next((key for key, (claimed, _) in self.claims.items() if claimed == url), None)
        return None if key is None else self.claims.pop(key)

    def item_not_exported(self, item: Any) -> None:
        """A later pipeline dropped the article (or failed): it was not exported.

        Only the very object claimed is released: a drop by dedupe itself (or before it) of
        another item with the same URL must not release the claim of the one accepted.
        """
        if (claim := self.claims.pop(id(item), None)) is not None:
            assert self.store is not None
            self.store.release(claim[1])
            self.taken -= 1
            self.stats.inc_value("newsbot/dedupe/released")

    def process_item(self, item: Any) -> Any:
        assert self.store is not None
        # Lookups and claim as one step: no other worker of a shared crawl claims the same
        # article (URL, text or near-copy) in between.
        with self.store.deciding():
            return self._decide(item)

    def _decide(self, item: Any) -> Any:
        assert self.store is not None
        adapter = ItemAdapter(item)
        if self.limit is not None and self.taken >= self.limit:
            raise drop(self.stats, Reason.OVER_LIMIT, adapter["url"])
        urls = tuple(dict.fromkeys(u for u in (adapter["url"], adapter.get("source_url")) if u))
        if known := self.store.find_url(urls):
            return self._known_url(adapter, item, known, urls)
        if known := self.store.find_fingerprint(adapter["fingerprint"]):
            self.store.add_urls(known, urls)
            raise drop(
                self.stats, Reason.DUPLICATE_BODY, adapter["url"], f"same text as {known.url}"
            )
        sig = _signature(adapter)
        story_id = story_id_of(adapter["url"])
        if sig is not None and (near := self.store.find_near(sig, self.threshold)):
            first, similarity = near
            if self.near_policy == "drop":
                self.store.add_urls(first, urls)
                raise drop(
                    self.stats,
                    Reason.NEAR_DUPLICATE,
                    adapter["url"],
                    f"{similarity:.0%} like {first.url}",
                )
            story_id = first.story_id
            self.stats.inc_value("newsbot/dedupe/near_duplicate_linked")
        return self._accept(adapter, item, urls, sig=sig, story_id=story_id, revision=1)

    def _known_url(
        self, adapter: ItemAdapter, item: Any, known: KnownArticle, urls: tuple[str, ...]
    ) -> Any:
        assert self.store is not None
        version = version_of(adapter)
        newer = version is not None and (known.version_at is None or version > known.version_at)
        if known.fingerprint == adapter["fingerprint"] and not newer:
            self.store.add_urls(known, urls)
            raise drop(self.stats, Reason.DUPLICATE_URL, adapter["url"])
        # Not a revision if its text was exported before (an earlier version, or elsewhere).
        if earlier := self.store.find_fingerprint(adapter["fingerprint"]):
            self.store.add_urls(known, urls)
            raise drop(
                self.stats, Reason.DUPLICATE_BODY, adapter["url"], f"same text as {earlier.url}"
            )
        if self.update_policy == "ignore":
            self.store.add_urls(known, urls)
            raise drop(
                self.stats, Reason.UPDATE_IGNORED, adapter["url"], "changed since its export"
            )
        self.stats.inc_value("newsbot/dedupe/revised")
        return self._accept(
            adapter,
            item,
            urls,
            sig=_signature(adapter),
            story_id=known.story_id,
            revision=known.revision + 1,
        )

    def _accept(
        self,
        adapter: ItemAdapter,
        item: Any,
        urls: tuple[str, ...],
        *,
        sig: bytes | None,
        story_id: str,
        revision: int,
    ) -> Any:
        assert self.store is not None
        adapter["story_id"], adapter["revision"] = story_id, revision
        self.claims[id(item)] = (
            adapter["url"],
            self.store.claim(
                ArticleRecord(
                    url=adapter["url"],
                    other_urls=urls[1:],
                    fingerprint=adapter["fingerprint"],
                    signature=sig,
                    story_id=story_id,
                    revision=revision,
                    version_at=version_of(adapter),
                )
            ),
        )
        self.taken += 1
        self.stats.inc_value("newsbot/dedupe/accepted")
        return item


def version_of(adapter: ItemAdapter) -> str | None:
    """When this version of the article was made: its modified time, else its publication."""
    return adapter.get("modified_at") or adapter.get("published_at")


def story_id_of(url: str) -> str:
    """A stable id for the story first told at ``url``."""
    return hashlib.sha256(url.encode()).hexdigest()[:16]


def _signature(adapter: ItemAdapter) -> bytes | None:
    """The body's near-duplicate signature: the one extraction made while it is of this body
    (its fingerprint matches), else computed here."""
    signed: tuple[str, bytes | None] | None = adapter.get("near_signature")
    if signed is not None and signed[0] == adapter["fingerprint"]:
        return signed[1]
    return signature(adapter["body"])
