"""url_shape: the URL features the link scorer builds on."""

from __future__ import annotations

import pytest

from newsbot.discovery.url_shape import path_pattern, url_shape

H = "https://www.news.example"


@pytest.mark.parametrize(
    ("url", "has_date", "id_kind", "slug_words"),
    [
        (f"{H}/2026/11/03/typhoon-mira-forces-evacuations/", True, "", 4),
        (f"{H}/politik/2026-02/coalition-talks-resume", True, "", 3),
        (f"{H}/world/rail-strike-enters-third-day-48213101.html", False, "digits", 5),
        (f"{H}/politik/article241521373/Koalition-streitet.html", False, "digits", 2),
        (f"{H}/sport/bvb-gewinnt-das-derby-69a34aa88606aa14031ccdf5", False, "hex", 4),
        (f"{H}/panorama/flut-im-norden-a-0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e", False, "hex", 4),
        (f"{H}/sport/fussball/", False, "", 1),
        (f"{H}/2024-25-season-preview", False, "", 2),
    ],
    ids=["date-slug", "year-month", "digits-id", "article-id", "hex-id", "uuid", "section",
         "season-is-no-date"],
)  # fmt: skip
def test_permalink_features(url, has_date, id_kind, slug_words):
    shape = url_shape(url)
    assert (shape.has_date, shape.id_kind, shape.slug_words) == (has_date, id_kind, slug_words)


@pytest.mark.parametrize(
    "url",
    [
        f"{H}/tag/typhoon/",
        f"{H}/category/world/asia/",
        f"{H}/author/lena-ortiz/",
        f"{H}/world/page/2/",
        f"{H}/world/seite-2",
        f"{H}/politik/video69a3156e7c787f6a1cef23da/clip-of-the-day.html",
        f"{H}/2026/11/",
        f"{H}/news/2026/11/03/",
        f"{H}/politik/index",
        f"{H}/sport/fussball/home-15769054.html",
        f"{H}/?s=typhoon",
        f"{H}/search?q=typhoon",
        "https://shop.news.example/prints/harbour-at-night",
        f"{H}/privacy-policy/",
    ],
)
def test_listing_and_service_pages_are_marked(url):
    assert url_shape(url).listing_marker


@pytest.mark.parametrize(
    "url",
    [
        f"{H}/2026/11/03/typhoon-mira-forces-evacuations/",
        "https://edition.news.example/2014/07/23/world/africa/ebola-outbreak/index.html",
        f"{H}/?p=1101",
        f"{H}/meinung/kommentare/why-the-fund-needs-a-rethink-93123456.html",
    ],
    ids=["date-slug", "dated-index-html", "wordpress-p", "comment-section"],
)
def test_articles_are_not_marked(url):
    assert not url_shape(url).listing_marker


@pytest.mark.parametrize("ext", ["jpg", "PDF", "mp4", "xml"])
def test_files_are_file_like(ext):
    assert url_shape(f"{H}/media/annual-report-2025.{ext}").file_like


@pytest.mark.parametrize(
    ("url", "pattern"),
    [
        (f"{H}/lowmarsh/old-town-ort904308/", "www.news.example/w/w-c9/"),
        (f"{H}/thema/harbour-t123/", "www.news.example/w/w-c9/"),
        (f"{H}/region/night-ferry-saved-48213101.html", "www.news.example/w/w-9-w"),
        (f"{H}/sport/derby-day-69a34aa88606aa14031ccdf5", "www.news.example/w/w-x"),
        (f"{H}/2026/11/03/typhoon-mira/", "www.news.example/9/9/9/w/"),
    ],
    ids=["place-hub", "topic-hub", "digits-article", "hex-article", "dated-article"],
)
def test_path_pattern_abstracts_words_numbers_and_ids(url, pattern):
    assert path_pattern(url) == pattern
