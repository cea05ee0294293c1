"""What every template needs to know about one request: base URL, crawl day, visible articles.

Built per request because the base URL (the running server's port) is only known then; the
article data itself is loaded once in `catalog`.
"""

from __future__ import annotations

import zlib
from collections import Counter
from dataclasses import dataclass, field

from newsbot.demo.catalog import Article, Author, load_authors, slugify

SITE_NAME = "The Pacific Ledger"
SECTION_NAME = "Asia & Pacific"
SECTION_PATH = "/category/asia-pacific/"
PER_PAGE = 10
VIDEO_PATH = "/video/dawn-at-suva-market/"


def stable_hash(text: str) -> int:
    """A hash that, unlike `hash()`, is the same in every process (pages must be reproducible)."""
    return zlib.crc32(text.encode())


@dataclass(frozen=True)
class PageContext:
    """The running site as one request sees it."""

    base: str
    day: int
    articles: tuple[Article, ...]  # visible on `day`, newest first
    authors: dict[str, Author] = field(default_factory=load_authors)

    def url(self, path: str) -> str:
        return self.base + path

    def by_slug(self, slug: str) -> Article | None:
        return next((a for a in self.articles if a.slug == slug), None)

    def related(self, article: Article, count: int = 3) -> tuple[Article, ...]:
        """Other articles sharing the most tags, newest first among equals."""
        others = [a for a in self.articles if a.slug != article.slug]
        ranked = sorted(others, key=lambda a: -len(set(a.tags) & set(article.tags)))
        return tuple(ranked[:count])

    def popular(self, count: int = 5) -> tuple[Article, ...]:
        return tuple(sorted(self.articles, key=lambda a: stable_hash(a.slug))[:count])

    def tag_counts(self) -> list[tuple[str, int]]:
        counts = Counter(tag for a in self.articles for tag in a.tags)
        return sorted(counts.items(), key=lambda item: slugify(item[0]))

    def tag_name(self, tag_slug: str) -> str | None:
        return next((t for t, _ in self.tag_counts() if slugify(t) == tag_slug), None)

    def author_by_slug(self, author_slug: str) -> Author | None:
        return next((a for a in self.authors.values() if a.slug == author_slug), None)


def comment_count(article: Article) -> int:
    return stable_hash(article.slug) % 5
