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
