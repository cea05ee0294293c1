"""url_key: the identity under which the state recognises an article from run to run."""

from __future__ import annotations

import pytest

from newsbot.urls import url_key


@pytest.mark.parametrize(
    ("first", "again"),
    [
        ("http://127.0.0.1:8765/2026/11/04/story/", "http://127.0.0.1:41234/2026/11/04/story/"),
        ("https://news.example:8443/a/story", "https://news.example/a/story/"),
        ("http://www.news.example:8080/story/amp/", "https://news.example/story"),
    ],
    ids=["demo-moved-port", "origin-port-in-link", "port-with-other-spellings"],
)
def test_the_port_a_page_was_served_through_is_not_part_of_its_identity(
    first: str, again: str
) -> None:
    assert url_key(first) == url_key(again)


def test_another_path_on_the_same_host_is_another_article() -> None:
    assert url_key("http://127.0.0.1:8765/a/") != url_key("http://127.0.0.1:8765/b/")


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example/2024/05/03/harbour-wall-approved-123456",
        "https://www.news.example/world/asia/harbour-wall/",
        "http://m.news.example:8080/story/amp/",
        "https://amp.news.example/story.amp.html",
        "https://news.example/story.amp",
        "https://news.example",
        "https://news.example/",
        "https://news.example/a/./b",
        "https://news.example//a",
        "https://www2.news.example/Politik/Harbour_Wall~1.html",
        "https://news.example/a;jsessionid=ABC123",
    ],
)
def test_a_url_spelled_plainly_gets_the_key_the_full_parse_gives(url: str) -> None:
    # A fragment sends a URL the long way (parsed, re-encoded) and is dropped on it.
    assert url_key(url) == url_key(f"{url}#comments")
