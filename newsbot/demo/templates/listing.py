"""Listing pages: home, category/tag/author archives with pagination, and search results.

Teasers link each article several ways (title, "Read more", comments anchor), some with tracking
parameters or to the AMP twin, all meaning the same article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsbot.demo.context import PER_PAGE, SITE_NAME, PageContext, comment_count, stable_hash
from newsbot.demo.templates import chrome
from newsbot.demo.templates.fmt import attr, esc, meta, template, us_date
from newsbot.demo.templates.parts import article_fields, names

if TYPE_CHECKING:
    from newsbot.demo.catalog import Article

HOME_TRACKING = "?utm_source=homepage&utm_medium=web"
# Positions in an archive (0 = newest) whose "Read more" link is an AMP or fbclid variant.
AMP_POSITIONS = frozenset(range(2, 40, 5))
FBCLID_POSITIONS = frozenset(range(1, 40, 4))


def teaser(ctx: PageContext, a: Article, title_href: str, more_href: str) -> str:
    count = comment_count(a)
    fields = article_fields(ctx, a, us_date(a.published))
    fields["title_href"] = attr(title_href)
    fields["more_href"] = attr(more_href)
    fields["comments"] = {0: "No Comments", 1: "1 Comment"}.get(count, f"{count} Comments")
    fields["byline"] = (
        f'<span class="byline">by {names(ctx, a.authors)}</span> ' if a.authors else ""
    )
    return template("teaser.html").substitute(fields)


def _more_href(ctx: PageContext, a: Article, position: int) -> str:
    """Some "Read more" links go to the AMP twin, some carry a Facebook click id."""
    if position in AMP_POSITIONS:
        return ctx.url(a.amp_path)
    if position in FBCLID_POSITIONS:
        return ctx.url(a.path) + f"?fbclid=IwAR{stable_hash(a.slug):08x}"
    return ctx.url(a.path)


def page_count(total: int) -> int:
    return max(1, -(-total // PER_PAGE))


def page_path(base_path: str, number: int) -> str:
    return base_path if number == 1 else f"{base_path}page/{number}/"


def archive(
    ctx: PageContext,
    *,
    base_path: str,
    heading: str,
    intro: str,
    items: tuple[Article, ...],
    number: int,
    extra_widget: str = "",
) -> str | None:
    """One page of an archive, or None when `number` is past the last page (WordPress 404s)."""
    pages = page_count(len(items))
    if not 1 <= number <= pages:
        return None
    first = (number - 1) * PER_PAGE
    chunk = items[first : first + PER_PAGE]
    teasers = "".join(
        teaser(ctx, a, ctx.url(a.path), _more_href(ctx, a, first + i)) for i, a in enumerate(chunk)
    )
    empty = (
        '<section class="no-results"><h2>Nothing Found</h2><p>It seems we can&rsquo;t find what '
        "you&rsquo;re looking for.</p></section>"
    )
    main = (
        f'<header class="page-header"><h1 class="page-title">{esc(heading)}</h1>'
        f'<div class="archive-description"><p>{esc(intro)}</p></div></header>'
        f"{teasers or empty}{_pager(ctx, base_path, number, pages)}"
    )
    suffix = f" - Page {number} of {pages}" if number > 1 else ""
    return chrome.page(
        ctx,
        title=f"{heading}{suffix} - {SITE_NAME}",
        head=_archive_head(ctx, base_path, number, pages, heading),
        body_class=f"archive paged-{number}",
        crumbs=((base_path, heading),),
        main=main,
        sidebar=chrome.sidebar(ctx).replace("</aside>", extra_widget + "</aside>"),
    )


def _archive_head(ctx: PageContext, base_path: str, number: int, pages: int, heading: str) -> str:
    links = [f'<link rel="canonical" href="{ctx.url(page_path(base_path, number))}">']
    if number > 1:
        links.append(f'<link rel="prev" href="{ctx.url(page_path(base_path, number - 1))}">')
    if number < pages:
        links.append(f'<link rel="next" href="{ctx.url(page_path(base_path, number + 1))}">')
    links += [meta("og:type", "website"), meta("og:title", f"{heading} - {SITE_NAME}")]
    return "\n".join([*links, meta("og:site_name", SITE_NAME)])


def _pager(ctx: PageContext, base_path: str, number: int, pages: int) -> str:
    older = (
        f'<div class="nav-previous"><a href="{ctx.url(page_path(base_path, number + 1))}">'
        "Older posts</a></div>"
        if number < pages
        else ""
    )
    newer = (
        f'<div class="nav-next"><a href="{ctx.url(page_path(base_path, number - 1))}">'
        "Newer posts</a></div>"
        if number > 1
        else ""
    )
    numbers = " ".join(
        f'<span aria-current="page" class="page-numbers current">{n}</span>'
        if n == number
        else f'<a class="page-numbers" href="{ctx.url(page_path(base_path, n))}">{n}</a>'
        for n in range(1, pages + 1)
    )
    return (
        '<nav class="navigation posts-navigation" aria-label="Posts"><div class="nav-links">'
        f'{older}{newer}<div class="page-numbers-list">{numbers}</div></div></nav>'
    )


def home(ctx: PageContext, video_title: str, video_path: str) -> str:
    latest = "".join(
        teaser(ctx, a, ctx.url(a.path) + HOME_TRACKING, ctx.url(a.path))
        for a in ctx.articles[:PER_PAGE]
    )
    main = (
        f'<h1 class="screen-reader-text">{SITE_NAME}</h1><section class="home-latest">'
        f'<h2 class="section-title">Latest</h2>{latest}'
        f'<p class="more-from"><a href="{ctx.url("/category/asia-pacific/")}">More from Asia &amp; '
        "Pacific</a></p></section>"
        f'<section class="home-video"><h2 class="section-title">Video</h2>'
        f'<a href="{ctx.url(video_path)}">{esc(video_title)}</a></section>'
    )
    head = "\n".join(
        [
            f'<link rel="canonical" href="{ctx.url("/")}">',
            meta("og:type", "website"),
            meta("og:title", SITE_NAME),
            meta("og:site_name", SITE_NAME),
            meta("description", "Independent news from Asia and the Pacific", key="name"),
        ]
    )
    return chrome.page(
        ctx,
        title=f"{SITE_NAME} \u2013 Independent news from Asia and the Pacific",
        head=head,
        body_class="home blog",
        main=main,
        sidebar=chrome.sidebar(ctx),
    )


def search(ctx: PageContext, query: str) -> str:
    q = query.casefold()
    hits = [a for a in ctx.articles if q and q in (a.title + " " + a.description).casefold()]
    teasers = "".join(teaser(ctx, a, ctx.url(a.path), ctx.url(a.path)) for a in hits)
    main = (
        f'<header class="page-header"><h1 class="page-title">Search Results for: '
        f"<span>{esc(query)}</span></h1></header>{teasers or '<p>Sorry, nothing matched.</p>'}"
    )
    return chrome.page(
        ctx,
        title=f"You searched for {query} - {SITE_NAME}",
        robots="noindex, follow",
        body_class="search",
        main=main,
        sidebar=chrome.sidebar(ctx),
    )
