"""A site's CSS selectors are checked when its file is read: a bad one stops the run."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from newsbot.extraction.document import parse, select
from newsbot.sites import SiteConfigError, load_site_file

if TYPE_CHECKING:
    from pathlib import Path

SITE = 'domains = ["ledger.example"]\n[sections.world]\npages = ["https://ledger.example/"]\n'


@pytest.mark.parametrize(
    ("selectors", "key"),
    [
        ('title = "h1[["', "selectors.title"),
        ('body = "div:nth-child(x)"', "selectors.body"),
        ('drop = ["aside", "..promo"]', r"selectors.drop\[1\]"),
        # parsel (which applies selectors) would accept these and select text, never an element:
        # the site's title or body would then match nothing on every page.
        ('title = "h1::text"', "selectors.title"),
        ('body = "div::attr(class)"', "selectors.body"),
    ],
    ids=["title", "body", "drop", "text-pseudo-element", "attr-pseudo-element"],
)
def test_a_selector_that_cannot_compile_is_named(tmp_path: Path, selectors: str, key: str) -> None:
    path = tmp_path / "ledger.toml"
    path.write_text(f"{SITE}[selectors]\n{selectors}\n", encoding="utf-8")
    with pytest.raises(SiteConfigError, match=rf"ledger\.toml: {key}: bad CSS selector"):
        load_site_file(path)


def test_valid_selectors_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "ledger.toml"
    path.write_text(f'{SITE}[selectors]\ntitle = "h1.headline"\ndrop = ["aside"]\n', "utf-8")
    hints = load_site_file(path).hints
    assert (hints.title, hints.drop) == ("h1.headline", ("aside",))


def test_a_selector_matches_elements_as_written() -> None:
    root = parse(
        '<html><body><h1 class="headline">A</h1><p>x</p><p class="promo">y</p></body></html>'
    )
    assert [e.text for e in select(root, "h1.headline, p:not(.promo)")] == ["A", "x"]
    assert select(root, "h1[[") == []
