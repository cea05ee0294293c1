"""`DemoSite`: routes a request path to a rendered page, and states the ground truth for tests.

The site is pure (no sockets) so it can be unit-tested directly; `server.py` puts it on HTTP.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from urllib.parse import parse_qs, unquote, urlsplit

from newsbot.demo import feeds
from newsbot.demo.catalog import Article, load_articles
from newsbot.demo.context import SECTION_NAME, SECTION_PATH, VIDEO_PATH, PageContext
from newsbot.demo.templates import amp, listing, longform, magazine, minimal, pages, wire
from newsbot.demo.templates.fmt import esc

HTML = "text/html; charset=UTF-8"
RSS = "application/rss+xml; charset=UTF-8"
XML = "application/xml; charset=UTF-8"
TEXT = "text/plain; charset=UTF-8"
ArticleRenderer = Callable[[PageContext, Article, str, str | None], str]
RENDERERS: dict[str, ArticleRenderer] = {
    "wire": wire.render,
    "magazine": magazine.render,
    "minimal": minimal.render,
    "longform": longform.render,
}
_ARCHIVE = re.compile(r"^(/(?:category|tag|author)/[^/]+/)(?:page/(\d+)/)?$")
_FEEDS = {
    "/robots.txt": (TEXT, feeds.robots),
    "/feed/": (RSS, feeds.rss),
    "/category/asia-pacific/feed/": (RSS, feeds.rss),
    "/sitemap.xml": (XML, feeds.sitemap_index),
    "/post-sitemap.xml": (XML, feeds.post_sitemap),
    "/page-sitemap.xml": (XML, feeds.page_sitemap),
    "/news-sitemap.xml": (XML, feeds.news_sitemap),
}
Response = tuple[int, str, bytes]
PICKS_PAGE = 2  # the section page whose "Editor's picks" links the `-2` duplicate


def _home(ctx: PageContext) -> str:
    return listing.home(ctx, pages.load_pages()["video"].title, VIDEO_PATH)


_SIMPLE: dict[str, Callable[[PageContext], str]] = {
    "/": _home,
    VIDEO_PATH: pages.video,
    "/wp-login.php": pages.wp_login,
    **{path: functools.partial(pages.static, path=path) for path in pages.STATIC_PATHS},
}


@dataclass(frozen=True)
class ExpectedArticle:
    """What a perfect crawler exports for one article (the integration tests' ground truth)."""

    url: str
    slug: str
    title: str
    description: str
    authors: tuple[str, ...]
    published: str  # ISO 8601 in the article's own UTC offset
    modified: str | None  # only when the post states an update
    tags: tuple[str, ...]
    body: str  # blocks joined by "\n\n"; no trailer, captions, ads, boxes
    template: str
    lang: str
    image_url: str | None  # None where the template shows no image (minimal)
    amp_url: str


class DemoSite:
    """The Pacific Ledger on crawl day `day` (1, or 2 with three new and two updated articles)."""

    def __init__(self, day: int = 1) -> None:
        self.day = day
        self.articles = load_articles(day)
        self._by_path: dict[str, tuple[Article, str]] = {}
        for a in self.articles:
            self._by_path[a.path] = (a, "main")
            self._by_path[a.amp_path] = (a, "amp")
            if a.duplicate:
                self._by_path[a.duplicate_path] = (a, "duplicate")

    def render(self, path_and_query: str, base_url: str) -> Response:
        """(status, content type, body) for a request target like '/feed/' or '/?s=x'."""
        ctx = PageContext(base_url.rstrip("/"), self.day, self.articles)
        parts = urlsplit(path_and_query)
        path = unquote(parts.path) or "/"
        path = path if path.endswith("/") or "." in path.rsplit("/", 1)[-1] else path + "/"
        query = parse_qs(parts.query)
        if path == "/" and "s" in query:
            return _html(listing.search(ctx, query["s"][0]))
        if path in _FEEDS:
            content_type, render = _FEEDS[path]
            return 200, content_type, render(ctx).encode()
        page = self._page(ctx, path)
        if page is None:
            return 404, HTML, pages.not_found(ctx).encode()
        return _html(page)

    def _page(self, ctx: PageContext, path: str) -> str | None:
        if path in self._by_path:
            article, kind = self._by_path[path]
            return self._article(ctx, article, kind)
        if match := _ARCHIVE.match(path):
            return self._archive(ctx, match.group(1), int(match.group(2) or 1))
        if path in _SIMPLE:
            return _SIMPLE[path](ctx)
        if path.startswith("/wp-admin/"):
            return pages.wp_login(ctx)
        if path.startswith("/private/"):
            return pages.private_draft(ctx)
        return None

    def _article(self, ctx: PageContext, article: Article, kind: str) -> str:
        if kind == "amp":
            return amp.render(ctx, article)
        if kind == "duplicate":
            # A separate WordPress post: its own ID and canonical, nothing pointing at the original.
            twin = replace(article, post_id=article.post_id + 1)
            return RENDERERS[article.template](ctx, twin, ctx.url(article.duplicate_path), None)
        return RENDERERS[article.template](
            ctx, article, ctx.url(article.path), ctx.url(article.amp_path)
        )

    def _archive(self, ctx: PageContext, base: str, number: int) -> str | None:
        kind, slug = base.strip("/").split("/")
        if kind == "category":
            return self._category(ctx, slug, number)
        if kind == "tag":
            tag = ctx.tag_name(slug)
            items = tuple(a for a in self.articles if tag in a.tags)
            return (
                listing.archive(
                    ctx,
                    base_path=base,
                    heading=f"Tag: {tag}",
                    intro=f"Everything we have published about {tag}.",
                    items=items,
                    number=number,
                )
                if tag
                else None
            )
        author = ctx.author_by_slug(slug)
        if author is None:
            return None
        items = tuple(a for a in self.articles if author.name in a.authors)
        return listing.archive(
            ctx,
            base_path=base,
            heading=f"Author: {author.name}",
            intro=f"{author.role}. {author.bio}",
            items=items,
            number=number,
        )

    def _category(self, ctx: PageContext, slug: str, number: int) -> str | None:
        if slug == "asia-pacific":
            dup = next((a for a in self.articles if a.duplicate), None)
            picks = (
                '<section class="widget widget_editors_picks"><h2 class="widget-title">'
                f'Editor&rsquo;s picks</h2><ul><li><a href="{ctx.url(dup.duplicate_path)}">'
                f"{esc(dup.title)}</a></li></ul></section>"
                if dup and number == PICKS_PAGE
                else ""
            )
            return listing.archive(
                ctx,
                base_path=SECTION_PATH,
                heading=SECTION_NAME,
                intro="News, analysis and features from across Asia and the Pacific.",
                items=self.articles,
                number=number,
                extra_widget=picks,
            )
        business = tuple(a for a in self.articles if {"Economy", "Trade", "Markets"} & set(a.tags))
        sections = {"business": ("Business", business), "sport": ("Sport", ())}
        if slug not in sections:
            return None
        heading, items = sections[slug]
        return listing.archive(
            ctx,
            base_path=f"/category/{slug}/",
            heading=heading,
            intro=f"{heading} stories from around the region.",
            items=items,
            number=number,
        )

    # ---- ground truth -------------------------------------------------------------------

    def article_urls(self, base_url: str) -> set[str]:
        """Canonical URLs of the articles visible today: no AMP twins, no `-2` duplicate."""
        return {base_url.rstrip("/") + a.path for a in self.articles}

    def duplicate_urls(self, base_url: str) -> set[str]:
        """The WordPress `<slug>-2` re-publications (same text, own canonical)."""
        return {base_url.rstrip("/") + a.duplicate_path for a in self.articles if a.duplicate}

    def expected_articles(self, base_url: str) -> dict[str, ExpectedArticle]:
        """Ground truth keyed by canonical URL."""
        return {e.url: e for e in (self.expected(a, base_url) for a in self.articles)}

    def expected(self, article: Article | str, base_url: str) -> ExpectedArticle:
        """Ground truth of one article, given as an `Article` or a slug."""
        a = article if isinstance(article, Article) else self._by_slug(article)
        base = base_url.rstrip("/")
        return ExpectedArticle(
            url=base + a.path,
            slug=a.slug,
            title=a.title,
            description=a.description,
            authors=a.authors,
            published=a.published.isoformat(),
            modified=a.modified.isoformat() if a.modified else None,
            tags=a.tags,
            body=a.body_text,
            template=a.template,
            lang="en-GB" if a.template == "longform" else "en-US",
            image_url=None if a.template == "minimal" else base + a.image,
            amp_url=base + a.amp_path,
        )

    def _by_slug(self, slug: str) -> Article:
        for a in self.articles:
            if a.slug == slug:
                return a
        raise KeyError(f"no article {slug!r} on day {self.day}")


def _html(page: str) -> Response:
    return 200, HTML, page.encode()
