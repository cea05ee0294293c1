"""Page typing on the shared corpora: articles must export, section fronts must not.

    python -m benchmarks.page_types [../shared/corpus]

Every page of fundus-publishers and article-extraction-benchmark is an article; every page of
listing-pages is a section front or a home page. Prints, per corpus, how many pages got each
page type, the article/listing confusion (an article typed "listing" is dropped; a listing
page whose type is in ARTICLE_PAGE_TYPES is exported as an article) and the misclassified
pages by name.

``--structure-only`` first strips what pages say about themselves (JSON-LD, og:type,
article:* metas, microdata types), so only the structural rules speak: how the typing
fares on pages that label nothing, or label everything "article".
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html

from benchmarks.corpora import CORPUS_ROOT, load_suite
from newsbot.extraction import extract_article
from newsbot.extraction.document import elements
from newsbot.items import ARTICLE_PAGE_TYPES

# What a page says about itself: structured data, og:type, article:* metas, microdata types.
_LABELS = (
    "//script[@type='application/ld+json'] | //meta[@property='og:type']"
    " | //meta[starts-with(@property, 'article:')] | //meta[@property='og:published_time']"
)
ARTICLE_CORPORA = ("fundus-publishers", "article-extraction-benchmark")
LISTING_CORPUS = "listing-pages"


@dataclass(frozen=True)
class Typed:
    """One page of a corpus, what it is and what newsbot typed it."""

    key: str
    url: str
    kind: str  # "article", or "section"/"home" for listing pages
    page_type: str
    words: int

    @property
    def is_article(self) -> bool:
        return self.kind == "article"

    @property
    def wrong(self) -> bool:
        """An article dropped as a listing, or a listing page exported as an article."""
        if self.is_article:
            return self.page_type == "listing"
        return self.page_type in ARTICLE_PAGE_TYPES


def type_articles(folder: Path, *, strip: bool = False) -> list[Typed]:
    """Every page of an article suite (fundus or Zyte format), typed."""
    _, pages = load_suite(folder)
    return [_typed(page.key, page.url, "article", page.html, strip) for page in pages]


def type_listings(folder: Path, *, strip: bool = False) -> list[Typed]:
    """Every page of the listing-pages corpus (gzipped HTML, labels.json), typed."""
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    return [
        _typed(name, label["url"], label["kind"], _read(folder / name), strip)
        for name, label in sorted(labels.items())
    ]


def _read(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes())


def _typed(key: str, url: str, kind: str, html: bytes, strip: bool) -> Typed:
    article = extract_article(without_labels(html) if strip else html, url)
    return Typed(key, url, kind, article.page_type, article.word_count)


def without_labels(html: bytes) -> bytes:
    """The page without what it says about itself (see ``--structure-only``)."""
    root = lxml_html.document_fromstring(html)
    for element in elements(root.xpath(_LABELS)):
        element.drop_tree()
    for element in elements(root.xpath("//*[@itemtype]")):
        del element.attrib["itemtype"]
    return bytes(lxml_html.tostring(root, encoding="utf-8"))


def corpus(root: Path, name: str, *, strip: bool = False) -> list[Typed]:
    """The typed pages of corpus ``name`` under ``root``; empty when it is absent."""
    folder = root / name
    if not folder.is_dir():
        return []
    if name == LISTING_CORPUS:
        return type_listings(folder, strip=strip)
    return type_articles(folder, strip=strip)


def report(name: str, typed: list[Typed]) -> str:
    """Counts per page type, the confusion and the wrong pages of one corpus."""
    counts = Counter(t.page_type for t in typed)
    lines = [
        f"{name}: {len(typed)} pages",
        "  " + ", ".join(f"{k} {v}" for k, v in counts.most_common()),
    ]
    wrong = [t for t in typed if t.wrong]
    articles = sum(t.is_article for t in typed)
    lines.append(f"  articles typed listing: {sum(t.is_article for t in wrong)} of {articles}")
    lines.append(
        f"  listings exported as articles: {sum(not t.is_article for t in wrong)}"
        f" of {len(typed) - articles}"
    )
    lines.extend(
        f"    {t.key} ({t.kind}, {t.words} words) -> {t.page_type}  {t.url}" for t in wrong
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("root", nargs="?", type=Path, default=CORPUS_ROOT)
    parser.add_argument("--structure-only", action="store_true", help="strip JSON-LD, og:type")
    args = parser.parse_args()
    for name in (*ARTICLE_CORPORA, LISTING_CORPUS):
        typed = corpus(args.root, name, strip=args.structure_only)
        print(report(name, typed) if typed else f"{name}: absent")


if __name__ == "__main__":
    main()
