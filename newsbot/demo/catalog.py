"""The demo site's content: one TOML file per article, loaded once and validated strictly.

Strict because integration tests compare crawled items with these files: a misspelt key that
was silently ignored would make a test assert the wrong thing.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime
from importlib.resources import files
from typing import TYPE_CHECKING, Any, Literal

from newsbot.resources import toml_files, toml_key

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

#: The demo's data, a package resource rather than a Path: scrapyd runs newsbot from a zipped egg.
DEMO_DIR = files("newsbot.demo")
ARTICLES_DIR = DEMO_DIR / "articles"
TEMPLATES = ("wire", "magazine", "minimal", "longform")
DAYS = (1, 2)
UPDATE_DAY = 2  # the crawl day on which new and updated articles appear
MIN_PARAGRAPHS = 4
BlockKind = Literal["p", "h2", "h3", "quote", "li"]

_REQUIRED = ("slug", "title", "description", "published", "template", "paragraphs")
_OPTIONAL = (
    "authors",
    "modified",
    "tags",
    "image",
    "image_caption",
    "day",
    "trailer",
    "duplicate",
    "day2_paragraphs_append",
    "day2_modified",
)
# "## " must be tested after "### " would be ambiguous, so the longer prefix comes first.
_PREFIXES: tuple[tuple[str, BlockKind], ...] = (
    ("### ", "h3"),
    ("## ", "h2"),
    ("> ", "quote"),
    ("- ", "li"),
)
LINK_RE = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


@dataclass(frozen=True)
class Block:
    """One body element parsed from the inline convention ("## ", "### ", "> ", "- ")."""

    kind: BlockKind
    source: str  # may contain [text](target) links

    @property
    def text(self) -> str:
        """What a reader sees: links reduced to their text."""
        return LINK_RE.sub(r"\1", self.source)


@dataclass(frozen=True)
class Author:
    """A byline as the site shows it, with the bio of the author box and author page."""

    name: str
    role: str
    bio: str

    @property
    def slug(self) -> str:
        return slugify(self.name)


@dataclass(frozen=True)
class Article:
    """One post as stored; `for_day` resolves what a given crawl day sees."""

    slug: str
    title: str
    description: str
    authors: tuple[str, ...]
    published: datetime
    modified: datetime | None
    tags: tuple[str, ...]
    template: str
    image: str
    image_caption: str
    day: int
    paragraphs: tuple[str, ...]
    trailer: str
    duplicate: bool
    day2_paragraphs_append: tuple[str, ...]
    day2_modified: datetime | None
    post_id: int = 0

    @property
    def path(self) -> str:
        # WordPress dates permalinks in the post's own local time, not UTC.
        return f"/{self.published:%Y/%m/%d}/{self.slug}/"

    @property
    def amp_path(self) -> str:
        return f"{self.path}amp/"

    @property
    def duplicate_path(self) -> str:
        return f"/{self.published:%Y/%m/%d}/{self.slug}-2/"

    @property
    def last_modified(self) -> datetime:
        return self.modified or self.published

    @property
    def blocks(self) -> tuple[Block, ...]:
        return tuple(parse_block(p) for p in self.paragraphs)

    @property
    def body_text(self) -> str:
        """The body as a reader sees it: one block per paragraph, trailer and chrome excluded."""
        return "\n\n".join(b.text for b in self.blocks)

    def for_day(self, day: int) -> Article:
        if day < UPDATE_DAY or not self.day2_paragraphs_append:
            return self
        return replace(
            self,
            paragraphs=self.paragraphs + self.day2_paragraphs_append,
            modified=self.day2_modified,
        )


def parse_block(paragraph: str) -> Block:
    for prefix, kind in _PREFIXES:
        if paragraph.startswith(prefix):
            return Block(kind, paragraph[len(prefix) :].strip())
    return Block("p", paragraph.strip())


def slugify(text: str) -> str:
    """WordPress-style slug: ASCII-folded, lower case, hyphen separated."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def load_articles(day: int = 1) -> tuple[Article, ...]:
    """Articles visible on `day`, newest first, with that day's body and modified date."""
    if day not in DAYS:
        raise ValueError(f"day must be 1 or 2, not {day!r}")
    visible = (a.for_day(day) for a in _all_articles() if a.day <= day)
    return tuple(sorted(visible, key=lambda a: (a.published, a.slug), reverse=True))


@functools.cache
def load_authors() -> dict[str, Author]:
    with (DEMO_DIR / "authors.toml").open("rb") as fh:
        data = tomllib.load(fh)
    return {name: Author(name, str(v["role"]), str(v["bio"])) for name, v in data.items()}


@functools.cache
def _all_articles() -> tuple[Article, ...]:
    loaded = [_article_from_file(p) for p in toml_files(ARTICLES_DIR)]
    # Post IDs follow publication order over both days, so they never change between days.
    ordered = sorted(loaded, key=lambda a: (a.published, a.slug))
    articles = tuple(replace(a, post_id=1200 + 7 * i) for i, a in enumerate(ordered))
    _check_links(articles)
    return articles


def _article_from_file(path: Traversable) -> Article:
    with path.open("rb") as fh:
        raw = tomllib.load(fh)
    try:
        return _article_from_dict(raw, toml_key(path))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{path.name}: {exc}") from exc


def _article_from_dict(raw: dict[str, Any], stem: str) -> Article:
    unknown = sorted(set(raw) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r}")
    missing = [k for k in _REQUIRED if k not in raw]
    if missing:
        raise ValueError(f"missing key {missing[0]!r}")
    article = Article(
        slug=_str(raw, "slug"),
        title=_str(raw, "title"),
        description=_str(raw, "description"),
        authors=_strs(raw, "authors"),
        published=_when(raw, "published"),
        modified=_when(raw, "modified") if "modified" in raw else None,
        tags=_strs(raw, "tags"),
        template=_str(raw, "template"),
        image=_str(raw, "image", f"/wp-content/uploads/2026/11/{stem}.jpg"),
        image_caption=_str(raw, "image_caption", ""),
        day=int(raw.get("day", 1)),
        paragraphs=_strs(raw, "paragraphs"),
        trailer=_str(raw, "trailer", ""),
        duplicate=bool(raw.get("duplicate", False)),
        day2_paragraphs_append=_strs(raw, "day2_paragraphs_append"),
        day2_modified=_when(raw, "day2_modified") if "day2_modified" in raw else None,
    )
    _check_article(article, stem)
    return article


def _check_article(a: Article, stem: str) -> None:
    authors = load_authors()
    checks = {
        "slug must equal the file name": a.slug == stem,
        f"template must be one of {TEMPLATES}": a.template in TEMPLATES,
        "day must be 1 or 2": a.day in DAYS,
        "image must live under /wp-content/uploads/": a.image.startswith("/wp-content/uploads/"),
        "day2_paragraphs_append and day2_modified go together": bool(a.day2_paragraphs_append)
        == (a.day2_modified is not None),
        "only day-1 articles can change on day 2": a.day == 1 or not a.day2_paragraphs_append,
        "at least 4 paragraphs": len(a.paragraphs) >= MIN_PARAGRAPHS,
    }
    for message, ok in checks.items():
        if not ok:
            raise ValueError(message)
    for name in a.authors:
        if name not in authors:
            raise ValueError(f"author {name!r} is not in authors.toml")


def _check_links(articles: tuple[Article, ...]) -> None:
    """In-body links to `article:<slug>` must name an article visible whenever the source is."""
    days = {a.slug: a.day for a in articles}
    for a in articles:
        for block in a.blocks + tuple(parse_block(p) for p in a.day2_paragraphs_append):
            for _text, target in LINK_RE.findall(block.source):
                slug = target.removeprefix("article:")
                if target.startswith("article:") and days.get(slug, 99) > a.day:
                    raise ValueError(f"{a.slug}.toml: link to unknown or later article {slug!r}")


def _str(raw: dict[str, Any], key: str, default: str | None = None) -> str:
    value = raw.get(key, default)
    if not isinstance(value, str) or (not value.strip() and default is None):
        raise TypeError(f"key {key!r} must be a non-empty string")
    return value


def _strs(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise TypeError(f"key {key!r} must be a list of non-empty strings")
    return tuple(value)


def _when(raw: dict[str, Any], key: str) -> datetime:
    value = raw[key]
    when = datetime.fromisoformat(value) if isinstance(value, str) else value
    if not isinstance(when, datetime) or when.tzinfo is None:
        raise TypeError(f"key {key!r} must be a date-time with a UTC offset")
    return when
