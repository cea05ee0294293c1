"""`minimal` template: a bare theme with no structured data and no OpenGraph but og:site_name.

The title is only in <h1 class="entry-title"> and <title>; the date only in the visible
"Posted on ... by ..." line and its <time> element.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsbot.demo.context import SECTION_NAME, SECTION_PATH, SITE_NAME, PageContext
from newsbot.demo.templates import chrome
from newsbot.demo.templates.fmt import attr, esc, meta, template, us_date
from newsbot.demo.templates.parts import article_fields, body_html, comments_section, names

if TYPE_CHECKING:
    from newsbot.demo.catalog import Article


def render(ctx: PageContext, article: Article, url: str, amp_url: str | None) -> str:
    head = [
        f'<link rel="canonical" href="{attr(url)}">',
        f'<link rel="amphtml" href="{attr(amp_url)}">' if amp_url else "",
        meta("description", article.description, key="name"),
        meta("og:site_name", SITE_NAME),
    ]
    return chrome.page(
        ctx,
        title=f"{article.title} \u2013 {SITE_NAME}",
        head="\n".join(h for h in head if h),
        body_class="single single-post no-sidebar",
        crumbs=((SECTION_PATH, SECTION_NAME), (article.path, article.title)),
        main=_post(ctx, article) + _neighbours(ctx, article) + comments_section(ctx, article),
    )


def _post(ctx: PageContext, a: Article) -> str:
    fields = article_fields(ctx, a, us_date(a.published))
    fields["body"] = body_html(ctx, a)
    fields["byline"] = (
        f'<span class="byline"> by <span class="author vcard">{names(ctx, a.authors)}</span></span>'
        if a.authors
        else ""
    )
    return template("minimal.html").substitute(fields)


def _neighbours(ctx: PageContext, a: Article) -> str:
    """Previous/next post links, as `the_post_navigation()` prints them."""
    index = next(i for i, x in enumerate(ctx.articles) if x.slug == a.slug)
    older = ctx.articles[index + 1] if index + 1 < len(ctx.articles) else None
    newer = ctx.articles[index - 1] if index > 0 else None
    links = [
        f'<div class="nav-previous"><a href="{ctx.url(p.path)}" rel="prev"><span class="meta-nav">'
        f"Previous post</span> {esc(p.title)}</a></div>"
        for p in (older,)
        if p
    ] + [
        f'<div class="nav-next"><a href="{ctx.url(n.path)}" rel="next"><span class="meta-nav">'
        f"Next post</span> {esc(n.title)}</a></div>"
        for n in (newer,)
        if n
    ]
    return f'<nav class="navigation post-navigation" aria-label="Posts">{"".join(links)}</nav>'
