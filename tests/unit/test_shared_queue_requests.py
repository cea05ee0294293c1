"""Requests through the shared queue's JSON form: every kind the section spider makes comes
back equal, and what newsbot never sends (another class, callback or site) is refused."""

from __future__ import annotations

import dataclasses

import pytest
from scrapy import Request, Spider

from newsbot.distributed import serializer
from newsbot.distributed.requests import QueuedRequestError, request_from_data, request_to_data
from newsbot.sites import load_sites
from newsbot.spiders.section import Listing
from tests.support import article


class SectionLike(Spider):
    """The hooks and sites a section spider has, without its start-up."""

    name = "asia_pacific"

    def __init__(self) -> None:
        super().__init__()
        self.sites = tuple(load_sites().values())

    def parse_article(self, response: object) -> None:
        """A callback."""

    def parse_listing(self, response: object) -> None:
        """A callback."""

    def on_error(self, failure: object) -> None:
        """An errback."""

    def close_everything(self, response: object) -> None:
        """Not a callback newsbot sends."""


def through_queue(request: Request, spider: Spider) -> Request:
    data = serializer.dumps(request_to_data(request, spider))
    assert isinstance(data, bytes)
    return request_from_data(serializer.loads(data), spider)


def same(a: Request, b: Request) -> None:
    assert (a.url, a.method, a.body, a.priority, a.dont_filter) == (
        b.url,
        b.method,
        b.body,
        b.priority,
        b.dont_filter,
    )
    assert a.headers.to_unicode_dict() == b.headers.to_unicode_dict()
    assert a.meta == b.meta
    assert a.cb_kwargs == b.cb_kwargs
    assert (a.callback, a.errback) == (b.callback, b.errback)


def test_listing_article_and_canonical_requests_come_back_equal() -> None:
    spider = SectionLike()
    site = spider.sites[0]
    canonical_of = article(near_signature=("v1", b"\x00\xff" * 8))
    requests = [
        Request(
            "https://example.com/asia/?page=2",
            callback=spider.parse_listing,
            errback=spider.on_error,
            cb_kwargs={"listing": Listing(site, 2)},
            headers={"If-None-Match": '"abc"', "If-Modified-Since": "Mon, 30 Nov 2026"},
            meta={"handle_httpstatus_list": [304]},
            priority=3,
        ),
        Request(
            "https://example.com/2026/11/03/ferries/",
            callback=spider.parse_article,
            errback=spider.on_error,
            cb_kwargs={"site": site},
        ),
        Request(
            "https://example.com/canonical/",
            callback=spider.parse_article,
            cb_kwargs={"site": site, "alternate": canonical_of},
            body=b"\x00binary\xff",
            method="POST",
        ),
    ]
    for request in requests:
        back = through_queue(request, spider)
        same(back, request)
    back_article = through_queue(requests[2], spider).cb_kwargs["alternate"]
    assert dataclasses.asdict(back_article) == dataclasses.asdict(canonical_of)
    assert isinstance(back_article.near_signature, tuple)


def test_equal_requests_serialize_to_equal_bytes() -> None:
    # The queue is a sorted set: the same request queued twice is held once.
    spider = SectionLike()
    make = lambda: Request("https://example.com/a/", callback=spider.parse_article)  # noqa: E731
    assert serializer.dumps(request_to_data(make(), spider)) == serializer.dumps(
        request_to_data(make(), spider)
    )


@pytest.mark.parametrize(
    ("change", "refused"),
    [
        ({"_class": "subprocess.Popen"}, "request class"),
        ({"callback": "close_everything"}, "callback"),
        ({"errback": "__init__"}, "errback"),
        ({"cb_kwargs": {"site": {"__site__": "not_a_declared_site"}}}, "site"),
    ],
)
def test_what_newsbot_never_queues_is_refused(change: dict[str, object], refused: str) -> None:
    spider = SectionLike()
    data = request_to_data(Request("https://example.com/a/", callback=spider.parse_article), spider)
    with pytest.raises(QueuedRequestError, match=refused):
        request_from_data(serializer.loads(serializer.dumps({**data, **change})), spider)


def test_pickle_never_reaches_the_queue() -> None:
    class Opaque:
        pass

    with pytest.raises(TypeError, match="cannot put a Opaque in the shared queue"):
        serializer.dumps({"meta": {"x": Opaque()}})
