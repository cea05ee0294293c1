"""Article-link discovery, feeds and sitemaps on the shared corpora.

    python -m benchmarks.discovery [../shared/corpus]

Listing pages: precision and recall of newsbot's find_article_links (no per-site rules, no
declared domains: what a site added by URL alone gets) beside a naive URL-shape heuristic,
per page and over all links, with ms per page. Feeds and sitemaps: entries parsed against the
counts in each folder's index.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from parsel import Selector

from benchmarks.corpora import CORPUS_ROOT
from newsbot.discovery import find_article_links, parse_feed, parse_sitemap
from newsbot.urls import canonical_url, is_http_url, is_on_domains, registrable_domain

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

_NAIVE_SHAPE = re.compile(r"/\d{4}/\d{1,2}/|\d{5,}|[a-z0-9]+(?:-[a-z0-9]+){3,}")


@dataclass(frozen=True)
class LinkCounts:
    """Found and labelled article links of one page."""

    name: str
    hits: int
    found: int
    labelled: int
    ms: float

    @property
    def precision(self) -> float:
        return self.hits / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.hits / self.labelled if self.labelled else 1.0


def naive_links(html: bytes, url: str) -> list[str]:
    """The baseline: same-site links whose URL looks like a permalink (date, id or long slug)."""
    site = (registrable_domain(url),)
    hrefs = Selector(text=html.decode("utf-8", "replace")).css("a::attr(href)").getall()
    absolute = (urljoin(url, h.strip()) for h in hrefs)
    return [
        u
        for u in absolute
        if is_http_url(u) and is_on_domains(u, site) and _NAIVE_SHAPE.search(u.split("?")[0])
    ]


def count_links(
    finder: Callable[[bytes, str], list[str]], html: bytes, url: str, labelled: list[str], name: str
) -> LinkCounts:
    started = time.perf_counter()
    found = {canonical_url(u) for u in finder(html, url)}
    ms = (time.perf_counter() - started) * 1000
    truth = {canonical_url(u) for u in labelled}
    return LinkCounts(name, len(found & truth), len(found), len(truth), ms)


def listing_pages(folder: Path) -> None:
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    finders = {"newsbot": find_article_links, "naive": naive_links}
    totals: dict[str, list[LinkCounts]] = {name: [] for name in finders}
    print(f"\n== listing pages: {len(labels)} pages from {folder}")
    print(
        f"{'page':<22}" + "".join(f"{n + ' P':>12}{n + ' R':>10}" for n in finders) + f"{'ms':>8}"
    )
    for page, meta in sorted(labels.items()):
        html = gzip.decompress((folder / page).read_bytes())
        row = [
            count_links(f, html, meta["url"], meta["article_links"], n) for n, f in finders.items()
        ]
        for counts in row:
            totals[counts.name].append(counts)
        cells = "".join(f"{c.precision:12.3f}{c.recall:10.3f}" for c in row)
        print(f"{page.removesuffix('.html.gz'):<22}{cells}{row[0].ms:8.1f}")
    print(f"{'ALL LINKS':<22}" + "".join(_overall(totals[n]) for n in finders))


def _overall(rows: list[LinkCounts]) -> str:
    hits, found, labelled = (
        sum(getattr(r, k) for r in rows) for k in ("hits", "found", "labelled")
    )
    return f"{hits / found:12.3f}{hits / labelled:10.3f}"


def feeds(folder: Path) -> None:
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    print(f"\n== feeds: {len(index)} files from {folder}")
    for name, meta in sorted(index.items()):
        entries = parse_feed(
            (folder / name).read_bytes(), meta.get("url") or "https://example.com/"
        )
        expected = meta["expected_items"]
        verdict = "ok" if len(entries) == expected else "MISMATCH"
        print(f"  {name:<28}{meta['format']:<16}{len(entries):>5} / {expected:<5}{verdict}")


def sitemaps(folder: Path) -> None:
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    print(f"\n== sitemaps: {len(index)} files from {folder}")
    for name, meta in sorted(index.items()):
        sitemap = parse_sitemap((folder / name).read_bytes(), meta["first_loc"])
        news = sum(1 for e in sitemap.entries if e.news_published or e.news_title)
        ok = len(sitemap.entries) == meta["expected_urls"] and news == meta["news_entries"]
        print(
            f"  {name:<36}{sitemap.kind:<12}{len(sitemap.entries):>5} / {meta['expected_urls']:<5}"
            f" news {news} / {meta['news_entries']:<4}{'ok' if ok else 'MISMATCH'}"
        )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS_ROOT)
    root = parser.parse_args(argv).corpus
    listing_pages(root / "listing-pages")
    feeds(root / "feeds")
    sitemaps(root / "sitemaps")


if __name__ == "__main__":
    main()
