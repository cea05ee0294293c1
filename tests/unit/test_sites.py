"""Site declarations: the shipped ones load, user folders add to them, mistakes fail loudly."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from newsbot.sites import SiteConfigError, load_site_file, load_sites, sites_path_dirs

if TYPE_CHECKING:
    from pathlib import Path

MINIMAL = """
domains = ["example.com"]
[sections.asia_pacific]
pages = ["https://example.com/asia/"]
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_sites_have_an_asia_pacific_section() -> None:
    sites = load_sites()
    with_section = {key for key, site in sites.items() if "asia_pacific" in site.sections}
    assert with_section >= {"guardian", "bbc", "aljazeera", "rnz", "japantimes", "apnews"}


def test_every_bundled_section_url_is_on_its_site() -> None:
    for site in load_sites().values():
        for section in site.sections.values():
            for url in section.pages + section.feeds + section.sitemaps:
                assert site.owns(url), (site.key, url)


def test_minimal_declaration_needs_only_domains_and_a_page(tmp_path: Path) -> None:
    site = load_site_file(write(tmp_path, "example", MINIMAL))
    assert site.key == "example"
    assert site.name == "example"
    assert site.domains == ("example.com",)
    assert site.sections["asia_pacific"].pages == ("https://example.com/asia/",)
    assert site.article_urls.permits("https://example.com/anything")


def test_user_folder_adds_and_overrides(tmp_path: Path) -> None:
    write(tmp_path, "example", MINIMAL)
    write(tmp_path, "guardian", MINIMAL.replace("example.com", "theguardian.com"))
    sites = load_sites(sites_path_dirs(str(tmp_path)))
    assert "example" in sites
    assert "bbc" in sites
    assert sites["guardian"].sections["asia_pacific"].pages == ("https://theguardian.com/asia/",)


def test_missing_user_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SiteConfigError, match="does not exist"):
        load_sites([tmp_path / "nope"])


def test_article_rules_deny_beats_allow(tmp_path: Path) -> None:
    text = MINIMAL + "[articles]\nallow = ['/20\\d\\d/']\ndeny = ['/video/']\n"
    rules = load_site_file(write(tmp_path, "example", text)).article_urls
    assert rules.permits("https://example.com/2026/11/story")
    assert not rules.permits("https://example.com/2026/video/clip")
    assert not rules.permits("https://example.com/about/")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (MINIMAL + "colour = 'red'\n", r"colour: unknown key"),
        (MINIMAL.replace("pages", "pagez"), r"sections\.asia_pacific\.pagez: unknown key"),
        ('domains = "example.com"\n' + MINIMAL.split("\n", 2)[2], r"domains: must be a list"),
        ("[sections.asia_pacific]\npages = ['https://example.com/']\n", r"domains: required"),
        ('domains = ["example.com"]\n', r"sections: required"),
        (MINIMAL.replace("https://example.com/asia/", "https://other.org/asia/"), "not on the"),
        (MINIMAL.replace("https://example.com/asia/", "/asia/"), "absolute http"),
        (MINIMAL + "[articles]\nallow = ['(unclosed']\n", r"articles\.allow\[0\]: bad regular"),
        (MINIMAL + "timezone = 'UTC'\n", r"sections\.asia_pacific\.timezone: unknown key"),
        ('timezone = "Mars/Olympus"\n' + MINIMAL, "unknown IANA timezone"),
        ('language = "english"\n' + MINIMAL, "ISO 639-1"),
        (MINIMAL + "[selectors]\nbody = 3\n", r"selectors\.body: must be a non-empty string"),
        ("domains = [", "not valid TOML"),
        ('domains = ["example.com"]\n[sections.asia_pacific]\n', "needs at least one of"),
        ('domains = ["https://example.com"]\n' + MINIMAL.split("\n", 2)[2], "bare host name"),
    ],
    ids=[
        "unknown-top-key",
        "unknown-section-key",
        "domains-not-list",
        "no-domains",
        "no-sections",
        "offsite-url",
        "relative-url",
        "bad-regex",
        "top-key-inside-section",
        "bad-timezone",
        "bad-language",
        "selector-not-string",
        "bad-toml",
        "empty-section",
        "domain-is-url",
    ],
)
def test_bad_declarations_name_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, "broken", text)
    with pytest.raises(SiteConfigError, match=message) as info:
        load_site_file(path)
    assert str(path) in str(info.value)
