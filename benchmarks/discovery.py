"""Article-link discovery, feeds and sitemaps on the shared corpora.

    python -m benchmarks.discovery [../shared/corpus] [--folds K] [--write]

Listing pages: precision and recall of newsbot's find_article_links (no per-site rules, no
declared domains: what a site added by URL alone gets) beside a naive URL-shape heuristic,
per page and over all links, with ms per page. ``--folds K`` measures it across publishers
too: the pages are split by site into K folds, and each fold is measured with only the
vocabulary rules that pages of other sites justify (benchmarks.folds), which is what an
unseen site gets. ``--write`` rewrites the provenance (``seen_on``) of the discovery
vocabulary from where its rules fire. Feeds and sitemaps: entries parsed against the counts in
each folder's index.json.
"""

from __future__ import annotations

import argparse
import ast
import gzip
import json
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from parsel import Selector

from benchmarks.corpora import CORPUS_ROOT
from benchmarks.folds import (
    DEFAULT_FOLDS,
    fired_on,
    only_rules_justified_without,
    publishers_of,
    split,
)
from newsbot.discovery import find_article_links, find_next_page, parse_feed, parse_sitemap
from newsbot.urls import canonical_url, is_http_url, is_on_domains, registrable_domain

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from newsbot.rules import Rule

_NAIVE_SHAPE = re.compile(r"/\d{4}/\d{1,2}/|\d{5,}|[a-z0-9]+(?:-[a-z0-9]+){3,}")
VOCABULARY_FILE = Path(__file__).resolve().parents[1] / "newsbot" / "discovery" / "vocabulary.py"
# How many pages (of different sites) a rule's provenance names.
SEEN_ON_PAGES = 3


@dataclass(frozen=True)
class ListingPage:
    """One labelled listing page of the corpus."""

    name: str  # the file name without .html.gz
    url: str
    site: str
    html: bytes
    article_links: tuple[str, ...]

    @property
    def ref(self) -> str:
        """How rule provenance names this page."""
        return f"listing:{self.name}"


def load_listing_pages(folder: Path) -> list[ListingPage]:
    """The labelled pages of ``folder`` (listing-pages), sorted by name."""
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    return [
        ListingPage(
            file.removesuffix(".html.gz"),
            meta["url"],
            meta["site"],
            gzip.decompress((folder / file).read_bytes()),
            tuple(meta["article_links"]),
        )
        for file, meta in sorted(labels.items())
    ]


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


def listing_pages(pages: list[ListingPage]) -> list[LinkCounts]:
    """Print the dev table (newsbot beside the naive baseline); return newsbot's counts."""
    finders = {"newsbot": find_article_links, "naive": naive_links}
    totals: dict[str, list[LinkCounts]] = {name: [] for name in finders}
    print(f"\n== listing pages: {len(pages)} pages")
    print(
        f"{'page':<22}" + "".join(f"{n + ' P':>12}{n + ' R':>10}" for n in finders) + f"{'ms':>8}"
    )
    for page in pages:
        row = [count_page(f, page, n) for n, f in finders.items()]
        for counts in row:
            totals[counts.name].append(counts)
        cells = "".join(f"{c.precision:12.3f}{c.recall:10.3f}" for c in row)
        print(f"{page.name:<22}{cells}{row[0].ms:8.1f}")
    print(f"{'ALL LINKS':<22}" + "".join(_overall(totals[n]) for n in finders))
    return totals["newsbot"]


def count_page(
    finder: Callable[[bytes, str], list[str]], page: ListingPage, name: str = "newsbot"
) -> LinkCounts:
    """``finder``'s counts on one labelled page."""
    return count_links(finder, page.html, page.url, list(page.article_links), name)


def _overall(rows: list[LinkCounts]) -> str:
    total = pooled(rows)
    return f"{total.precision:12.3f}{total.recall:10.3f}"


def pooled(rows: Iterable[LinkCounts], name: str = "all") -> LinkCounts:
    """The counts of ``rows`` added up: precision and recall over all links."""
    rows = list(rows)
    hits, found, labelled = (
        sum(getattr(r, k) for r in rows) for k in ("hits", "found", "labelled")
    )
    return LinkCounts(name, hits, found, labelled, 0.0)


def rule_publishers(pages: list[ListingPage]) -> tuple[dict[Rule, set[str]], dict[Rule, set[str]]]:
    """(rule -> refs of the pages it fires on, rule -> sites of those pages), with discovery
    run as a crawl runs it: article links and the next page of each listing."""
    by_ref = {page.ref: page for page in pages}

    def run(ref: str) -> None:
        page = by_ref[ref]
        find_article_links(page.html, page.url)
        find_next_page(page.html, page.url)

    refs = fired_on(((page.ref, page.site) for page in pages), run)
    return refs, publishers_of(refs, {page.ref: page.site for page in pages})


def cross_publisher(
    pages: list[ListingPage], folds: int, publishers: Mapping[Rule, set[str]]
) -> list[tuple[frozenset[str], int, LinkCounts]]:
    """Per fold of sites: the sites, how many rules were off, and the pooled counts of its
    pages measured with only the rules other sites justify."""
    results = []
    for number, held_out in enumerate(split((p.site for p in pages), folds)):
        if not held_out:
            continue
        with only_rules_justified_without(publishers, held_out) as off:
            counts = [count_page(find_article_links, p) for p in pages if p.site in held_out]
        results.append((held_out, len(off), pooled(counts, f"fold {number}")))
    return results


def print_cross_publisher(
    dev: LinkCounts, folds: list[tuple[frozenset[str], int, LinkCounts]]
) -> None:
    print(f"\n== cross-publisher: {len(folds)} folds by site")
    print(f"{'fold':<16}{'P':>8}{'R':>8}{'rules off':>11}  sites")
    for held_out, off, counts in folds:
        print(f"{counts.name:<16}{counts.precision:8.3f}{counts.recall:8.3f}{off:11d}  ", end="")
        print(", ".join(sorted(held_out)))
    overall = pooled(c for _, _, c in folds)
    print(f"{'dev':<16}{dev.precision:8.3f}{dev.recall:8.3f}")
    print(f"{'cross-publisher':<16}{overall.precision:8.3f}{overall.recall:8.3f}")


def seen_on(refs: set[str], site_of: Mapping[str, str]) -> list[str]:
    """Up to ``SEEN_ON_PAGES`` of ``refs``, each of a different site, in a stable order."""
    first_per_site: dict[str, str] = {}
    for ref in sorted(refs):
        first_per_site.setdefault(site_of[ref], ref)
    return sorted(first_per_site.values())[:SEEN_ON_PAGES]


def write_provenance(fired: Mapping[Rule, set[str]], site_of: Mapping[str, str]) -> int:
    """Rewrite the page refs of every ``rule("word", ...)`` in the discovery vocabulary from
    where it fired; ``generic=`` reasons are kept. Returns how many rules fire nowhere."""
    by_key = {(r.vocabulary, r.text): refs for r, refs in fired.items()}
    text = VOCABULARY_FILE.read_text(encoding="utf-8")
    opens = [(m.start(), m.group(1)) for m in _VOCABULARY_OPENS.finditer(text)]
    silent = 0

    def rewrite(entry: re.Match[str]) -> str:
        nonlocal silent
        vocabulary = next(name for at, name in reversed(opens) if at < entry.start())
        word = ast.literal_eval(entry["word"])
        refs = seen_on(by_key.get((vocabulary, word), set()), site_of)
        silent += not refs
        args = ", ".join([entry["word"], *(f'"{ref}"' for ref in refs)])
        generic = f", {entry['generic']}" if entry["generic"] else ""
        return f"rule({args}{generic})"

    VOCABULARY_FILE.write_text(_RULE.sub(rewrite, text), encoding="utf-8")
    # One line a rule as written; ruff lays out the long ones as the file is kept.
    subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(VOCABULARY_FILE)], check=True)
    return silent


# `Words(\n    "discovery.boilerplate_tags",` opens a vocabulary; its entries are
# `rule("word", "listing:x", ..., generic="...")`, on one line or spread over several.
_VOCABULARY_OPENS = re.compile(r'Words\(\s*"(discovery\.[a-z_]+)"')
_RULE = re.compile(
    r'rule\(\s*(?P<word>"[^"]+"),?(?:\s*"listing:[^"]+",?)*\s*'
    r'(?P<generic>generic="[^"]*")?,?\s*\)'
)


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
    parser.add_argument(
        "--folds", type=int, default=0, help=f"cross-publisher folds (e.g. {DEFAULT_FOLDS})"
    )
    parser.add_argument("--write", action="store_true", help="rewrite the vocabulary provenance")
    args = parser.parse_args(argv)
    pages = load_listing_pages(args.corpus / "listing-pages")
    dev = pooled(listing_pages(pages))
    if args.folds or args.write:
        fired, publishers = rule_publishers(pages)
        site_of = {page.ref: page.site for page in pages}
    if args.folds:
        print_cross_publisher(dev, cross_publisher(pages, args.folds, publishers))
    if args.write:
        silent = write_provenance(fired, site_of)
        print(f"\nprovenance written to {VOCABULARY_FILE} ({silent} rules fire on no page)")
    feeds(args.corpus / "feeds")
    sitemaps(args.corpus / "sitemaps")


if __name__ == "__main__":
    main()
