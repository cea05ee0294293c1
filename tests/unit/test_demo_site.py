"""The demo site over real HTTP: pages, pagination, AMP twins, feeds, sitemaps, robots, days.

Integration tests trust `DemoSite` as ground truth, so these tests check that what the server
serves agrees with it, and that the content keeps the shape the crawler's tests rely on.
"""

from __future__ import annotations

import html
import json
import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections import Counter
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

import pytest

from newsbot.demo import DemoSite, serve_demo_site
from newsbot.demo.boilerplate import BOILERPLATE_PHRASES, TEMPLATE_PHRASES
from newsbot.demo.catalog import ARTICLES_DIR, TEMPLATES, _article_from_file, load_articles

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from newsbot.demo.server import DemoServer

SECTION = "/category/asia-pacific/"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEW_ON_DAY2 = "okinawa-coastguard-rescues-cargo-crew"
UPDATED_ON_DAY2 = "tonga-cable-backup-satellite-deal"


@pytest.fixture(scope="module")
def day1() -> Iterator[DemoServer]:
    with serve_demo_site() as server:
        yield server


@pytest.fixture(scope="module")
def day2() -> Iterator[DemoServer]:
    with serve_demo_site(day=2) as server:
        yield server


def fetch(url: str) -> tuple[int, str, str]:
    """(status, content type, text) without raising on 404."""
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status, resp.headers["Content-Type"], resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.headers["Content-Type"], err.read().decode()


def ok(url: str) -> str:
    status, _, text = fetch(url)
    assert status == 200, url
    return text


def visible_text(page: str) -> str:
    """Tags dropped, entities decoded, whitespace collapsed: what a reader could search."""
    inline_dropped = re.sub(r"</?(?:a|strong|em)\b[^>]*>", "", page)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inline_dropped)).split())


def links(page: str, rel: str) -> list[str]:
    return re.findall(rf'<link rel="{rel}" href="([^"]+)"', page)


def teaser_titles(page: str) -> list[str]:
    return [html.unescape(t) for t in re.findall(r'rel="bookmark">([^<]+)</a></h2>', page)]


def jsonld_modified(page: str) -> str:
    data = json.loads(re.findall(r'application/ld\+json">(.+?)</script>', page)[0])
    return str(data["@graph"][0]["dateModified"])


# ---- content ----------------------------------------------------------------------------


def test_content_has_the_promised_shape() -> None:
    day1_articles, all_articles = load_articles(1), load_articles(2)
    assert (len(day1_articles), len(all_articles)) == (34, 37)
    assert {a.template for a in day1_articles} == set(TEMPLATES)
    assert sum(bool(a.day2_paragraphs_append) for a in all_articles) == 2
    assert sum(a.duplicate for a in all_articles) == 1
    assert {len(a.authors) for a in all_articles} == {0, 1, 2}
    assert len({a.published.utcoffset() for a in all_articles}) >= 5
    for a in all_articles:
        paragraphs = [b.text for b in a.blocks if b.kind == "p"]
        assert 4 <= len(paragraphs) <= 9, a.slug
        assert all(30 <= len(p.split()) <= 90 for p in paragraphs), a.slug
        assert "2026-10-20" <= a.published.date().isoformat() <= "2026-11-27"
        if a.template == "longform":
            assert {"h2", "quote", "li"} <= {b.kind for b in a.blocks}, a.slug


def test_no_boilerplate_phrase_in_article_text() -> None:
    for a in load_articles(2):
        text = "\n".join([a.title, a.description, a.body_text])
        assert not [p for p in BOILERPLATE_PHRASES if p in text], a.slug


def test_unknown_key_is_rejected_with_file_and_key(tmp_path: Path) -> None:
    source = (ARTICLES_DIR / "sri-lanka-tea-auction-prices.toml").read_text(encoding="utf-8")
    bad = tmp_path / "sri-lanka-tea-auction-prices.toml"
    bad.write_text(source.replace("tags =", "tagz =", 1), encoding="utf-8")
    with pytest.raises(ValueError, match=r"sri-lanka-tea-auction-prices\.toml.*'tagz'"):
        _article_from_file(bad)


def test_plain_text_body_drops_markup_prefixes() -> None:
    expected = DemoSite(1).expected("kerala-mangrove-drone-mapping", "http://h")
    assert "\n\nWhat the map shows\n\n" in expected.body
    assert "\n\nShrimp farm expansion accounts for roughly half of the losses.\n\n" in expected.body
    assert not re.search(r"^(## |> |- )", expected.body, re.MULTILINE)
    assert expected.published == "2026-10-22T11:05:00+05:30"
    assert expected.lang == "en-GB"


def test_unknown_day_is_rejected() -> None:
    with pytest.raises(ValueError, match="day"):
        DemoSite(3)


# ---- pages over HTTP --------------------------------------------------------------------


def test_listing_pages_and_out_of_range_404(day1: DemoServer) -> None:
    for path in ("/", SECTION, "/category/business/", "/category/sport/", "/tag/japan/"):
        status, content_type, _ = fetch(day1.url + path)
        assert (status, content_type) == (200, "text/html; charset=UTF-8"), path
    for page in (2, 3, 4):
        ok(f"{day1.url}{SECTION}page/{page}/")
    for path in (f"{SECTION}page/5/", f"{SECTION}page/99/", "/no-such-page/", "/tag/nope/"):
        assert fetch(day1.url + path)[0] == 404, path


def test_pagination_walks_every_article_newest_first(day1: DemoServer) -> None:
    url, seen, pages = day1.url + SECTION, [], 0
    while url:
        page = ok(url)
        pages += 1
        seen += teaser_titles(page)
        assert "Older posts" in page or not links(page, "next")
        if pages > 1:
            assert links(page, "prev")
            assert "Newer posts" in page
        url = (links(page, "next") or [""])[0]
    assert pages == 4
    assert seen == [a.title for a in day1.site.articles]


def test_every_article_and_its_amp_twin(day1: DemoServer) -> None:
    expected = day1.site.expected_articles(day1.url)
    assert set(expected) == day1.site.article_urls(day1.url)
    for url, article in expected.items():
        page = ok(url)
        assert links(page, "canonical") == [url]
        assert links(page, "amphtml") == [article.amp_url]
        assert f'<html lang="{article.lang}"' in page
        text = visible_text(page)
        assert article.title in text
        assert all(block in text for block in article.body.split("\n\n")), url
        amp = ok(article.amp_url)
        assert links(amp, "canonical") == [url]
        assert all(block in visible_text(amp) for block in article.body.split("\n\n")), url


def test_templates_show_their_boilerplate(day1: DemoServer) -> None:
    for template, phrases in TEMPLATE_PHRASES.items():
        article = next(a for a in day1.site.articles if a.template == template)
        page = html.unescape(ok(day1.url + article.path))
        assert all(phrase in page for phrase in phrases), template


def test_tracking_parameters_serve_the_same_article(day1: DemoServer) -> None:
    article = day1.site.articles[0]
    plain = ok(day1.url + article.path)
    tracked = ok(day1.url + article.path + "?utm_source=homepage&utm_medium=web")
    assert plain == tracked
    home = ok(day1.url + "/")
    assert f'{article.path}?utm_source=homepage&amp;utm_medium=web"' in home
    assert "?fbclid=" in ok(day1.url + SECTION)
    assert "/amp/" in ok(day1.url + SECTION)


def test_duplicate_has_same_text_and_its_own_canonical(day1: DemoServer) -> None:
    (duplicate,) = day1.site.duplicate_urls(day1.url)
    original = duplicate.replace("-2/", "/")
    assert original in day1.site.article_urls(day1.url)
    assert duplicate not in day1.site.article_urls(day1.url)
    dup_page = ok(duplicate)
    assert links(dup_page, "canonical") == [duplicate]
    body = re.compile(r'<div class="entry-content">(.*?)</div>\s*<footer', re.S)
    assert body.findall(dup_page) == body.findall(ok(original))
    assert duplicate in ok(f"{day1.url}{SECTION}page/2/")


def test_static_video_and_disallowed_pages(day1: DemoServer) -> None:
    for path in ("/about/", "/contact/", "/privacy-policy/"):
        assert '<meta property="og:type" content="website">' in ok(day1.url + path)
    video = ok(day1.url + "/video/dawn-at-suva-market/")
    assert '<meta property="og:type" content="video.other">' in video
    assert "Search Results for" in ok(day1.url + "/?s=tuna")
    assert "loginform" in ok(day1.url + "/wp-admin/")


def test_requests_are_counted(day1: DemoServer) -> None:
    before = day1.requests["/about/?x=1"]
    ok(day1.url + "/about/?x=1")
    assert day1.requests["/about/?x=1"] == before + 1
    assert isinstance(day1.requests, Counter)


# ---- machine-readable discovery -------------------------------------------------------


def test_robots_txt(day1: DemoServer) -> None:
    status, content_type, text = fetch(day1.url + "/robots.txt")
    assert (status, content_type) == (200, "text/plain; charset=UTF-8")
    for rule in ("Disallow: /wp-admin/", "Disallow: /?s=", "Disallow: /private/"):
        assert rule in text.splitlines()
    assert f"Sitemap: {day1.url}/sitemap.xml" in text.splitlines()


def test_feed_lists_the_newest_15(day1: DemoServer) -> None:
    status, content_type, text = fetch(day1.url + "/feed/")
    assert (status, content_type) == (200, "application/rss+xml; charset=UTF-8")
    items = ET.fromstring(text).findall("./channel/item")
    assert len(items) == 15
    newest = day1.site.articles[:15]
    assert [i.findtext("title") for i in items] == [a.title for a in newest]
    assert [parsedate_to_datetime(i.findtext("pubDate") or "") for i in items] == [
        a.published for a in newest
    ]
    targets = {(i.findtext("link") or "").removesuffix("amp/") for i in items}
    assert targets <= day1.site.article_urls(day1.url)
    assert any((i.findtext("link") or "").endswith("/amp/") for i in items)


def test_sitemaps_list_articles_and_the_duplicate(day1: DemoServer) -> None:
    site = day1.site
    status, content_type, index = fetch(day1.url + "/sitemap.xml")
    assert (status, content_type) == (200, "application/xml; charset=UTF-8")
    children = [e.text or "" for e in ET.fromstring(index).iter(f"{SM}loc")]
    assert f"{day1.url}/post-sitemap.xml" in children
    posts = ET.fromstring(ok(f"{day1.url}/post-sitemap.xml"))
    locs = {e.text for e in posts.iter(f"{SM}loc")}
    assert locs == site.article_urls(day1.url) | site.duplicate_urls(day1.url)
    news = {e.text for e in ET.fromstring(ok(f"{day1.url}/news-sitemap.xml")).iter(f"{SM}loc")}
    assert news
    assert news <= site.article_urls(day1.url)
    pages = {e.text for e in ET.fromstring(ok(f"{day1.url}/page-sitemap.xml")).iter(f"{SM}loc")}
    assert f"{day1.url}/about/" in pages


# ---- crawl days ---------------------------------------------------------------------------


def test_day2_adds_three_articles(day1: DemoServer, day2: DemoServer) -> None:
    new = DemoSite(2).expected(NEW_ON_DAY2, day2.url)
    assert fetch(new.url.replace(day2.url, day1.url))[0] == 404
    assert new.title in ok(new.url)
    added = {u.replace(day2.url, "") for u in day2.site.article_urls(day2.url)}
    assert len(added - {u.replace(day1.url, "") for u in day1.site.article_urls(day1.url)}) == 3
    assert teaser_titles(ok(day2.url + SECTION))[0] == day2.site.articles[0].title
    assert fetch(f"{day2.url}{SECTION}page/5/")[0] == 404


def test_day2_updates_body_and_modified_date(day1: DemoServer, day2: DemoServer) -> None:
    before = DemoSite(1).expected(UPDATED_ON_DAY2, day1.url)
    after = DemoSite(2).expected(UPDATED_ON_DAY2, day2.url)
    assert after.body.startswith(before.body)
    assert after.body != before.body
    assert before.modified is None
    assert after.modified == "2026-11-26T09:00:00+13:00"
    page1, page2 = ok(before.url), ok(after.url)
    assert jsonld_modified(page1) == before.published
    assert jsonld_modified(page2) == after.modified
    added = after.body.split("\n\n")[-1]
    assert added not in visible_text(page1)
    assert added in visible_text(page2)
