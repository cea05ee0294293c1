"""An article whose rel=canonical names a page of the site that is no article is kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.integration.conftest import crawl, one_page_site
from tests.integration.hostile_site import GOOD_ARTICLE
from tests.integration.local_server import QuietHandler, serve

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.integration

ARTICLE = "/2026/11/20/wharf-reopens/"
# A CMS template bug: every article names the section front as its canonical page.
MISCANONICAL_ARTICLE = GOOD_ARTICLE.replace(
    "</head>", "<link rel='canonical' href='/category/asia-pacific/'></head>"
)
SELF_CANONICAL = "/2026/11/21/quay-extension/"
# Worse: a canonical naming the very section page that listed the article, which the crawl
# already fetched (requesting it again would be dropped as a duplicate request).
SECTION_CANONICAL_ARTICLE = (
    GOOD_ARTICLE.replace("</head>", "<link rel='canonical' href='/section/'></head>")
    .replace("Kestrel Bay wharf reopens", "Kestrel Bay quay extension approved")
    .replace("reopened its northern wharf", "approved an extension of its quay")
)
SECTION = (
    f"<html><body><main><article><h2><a href='{ARTICLE}?utm_source=home'>Kestrel Bay wharf "
    "reopens after repairs</a></h2></article>"
    f"<article><h2><a href='{SELF_CANONICAL}'>Kestrel Bay quay extension approved by the "
    "council</a></h2></article></main></body></html>"
)
FRONT = (
    "<html lang='en'><head><title>Asia Pacific</title>"
    "<meta property='og:type' content='website'></head><body><main>"
    + "".join(
        f"<article><h2><a href='/2026/11/{day}/story-{day}/'>Headline number {day} of the day"
        "</a></h2><p>A teaser.</p></article>"
        for day in range(1, 20)
    )
    + "</main></body></html>"
)


class _Handler(QuietHandler):
    def do_GET(self) -> None:
        pages = {
            "/robots.txt": ("text/plain", "User-agent: *\nAllow: /\n"),
            "/section/": ("text/html", SECTION),
            ARTICLE: ("text/html", MISCANONICAL_ARTICLE),
            SELF_CANONICAL: ("text/html", SECTION_CANONICAL_ARTICLE),
            "/category/asia-pacific/": ("text/html", FRONT),
        }
        content_type, body = pages.get(self.path, ("text/html", ""))
        self.send(200 if body else 404, content_type, body.encode())


def test_an_article_is_kept_under_its_own_url_when_its_canonical_is_a_section_front(
    tmp_path: Path,
) -> None:
    with serve(_Handler) as base:
        result = crawl(tmp_path, declaration=one_page_site(f"{base}/section/"))
    assert sorted((i["url"], i["title"]) for i in result.items) == [
        (f"{base}{ARTICLE}", "Kestrel Bay wharf reopens after repairs"),
        (f"{base}{SELF_CANONICAL}", "Kestrel Bay quay extension approved after repairs"),
    ]
    assert result.stats["newsbot/article/followed_canonical"] == 1
    assert result.stats["newsbot/article/canonical_not_article"] == 2
    assert result.dropped("not_article") == 0
