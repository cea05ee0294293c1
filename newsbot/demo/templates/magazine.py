"""`magazine` template: no JSON-LD, metadata only in OpenGraph/meta tags and the visible byline.

Inside the story body sit three things that are not the story: a pull-quote repeating a line of
it, an inline newsletter box, and a "Read more:" paragraph linking another article.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsbot.demo.context import SECTION_NAME, SECTION_PATH, SITE_NAME, PageContext
from newsbot.demo.templates import chrome
from newsbot.demo.templates.fmt import ap_datetime, attr, esc, meta, template
from newsbot.demo.templates.parts import (
    article_fields,
    body_html,
    names,
    paragraph_positions,
    tag_links,
)

if TYPE_CHECKING:
    from newsbot.demo.catalog import Article


def render(ctx: PageContext, article: Article, url: str, amp_url: str | None) -> str:
    return chrome.page(
        ctx,
        title=f"{article.title} - {SITE_NAME}",
        head=_head(ctx, article, url, amp_url),
        body_class="single single-post magazine-layout",
        crumbs=((SECTION_PATH, SECTION_NAME), (article.path, article.title)),
        main=_story(ctx, article),
        sidebar=_trending(ctx, article),
    )


def _head(ctx: PageContext, a: Article, url: str, amp_url: str | None) -> str:
    tags = [
        f'<link rel="canonical" href="{attr(url)}">',
        f'<link rel="amphtml" href="{attr(amp_url)}">' if amp_url else "",
        meta("description", a.description, key="name"),
        meta("author", ", ".join(a.authors), key="name") if a.authors else "",
        meta("og:type", "article"),
        meta("og:title", a.title),
        meta("og:description", a.description),
        meta("og:url", url),
        meta("og:image", ctx.url(a.image)),
        meta("og:site_name", SITE_NAME),
        meta("article:published_time", a.published.isoformat()),
        meta("article:modified_time", a.modified.isoformat()) if a.modified else "",
        *(meta("article:author", name) for name in a.authors),
        meta("article:section", SECTION_NAME),
        *(meta("article:tag", tag) for tag in a.tags),
    ]
    return "\n".join(t for t in tags if t)


def _pull_quote(a: Article) -> str:
    """First sentence of the longest paragraph: a pull-quote repeats the story, so it is chrome."""
    longest = max((b.text for b in a.blocks if b.kind == "p"), key=len)
    sentence = re.split(r"(?<=[.!?])\s", longest, maxsplit=1)[0]
    return (
        '<figure class="wp-block-pullquote"><blockquote>'
        f"<p>{esc(sentence)}</p><cite>{esc(SITE_NAME)}</cite></blockquote></figure>"
    )


def _read_more(ctx: PageContext, a: Article) -> str:
    other = ctx.related(a, 1)
    if not other:
        return ""
    link = f'<a href="{ctx.url(other[0].path)}">{esc(other[0].title)}</a>'
    return f'<p class="read-more"><strong>Read more:</strong> {link}</p>'


def _story(ctx: PageContext, a: Article) -> str:
    spots = paragraph_positions(a)
    inserts = {
        spots[0]: _pull_quote(a),
        spots[1]: chrome.newsletter_box("newsletter-inline"),
        spots[min(3, len(spots) - 1)]: _read_more(ctx, a),
    }
    fields = article_fields(ctx, a, ap_datetime(a.published))
    fields["body"] = body_html(ctx, a, inserts)
    fields["tags"] = tag_links(ctx, a.tags, " ")
    fields["byline"] = f'<div class="byline">By {names(ctx, a.authors)}</div>' if a.authors else ""
    return template("magazine.html").substitute(fields)


def _trending(ctx: PageContext, a: Article) -> str:
    links = "".join(
        f'<li><a href="{ctx.url(t.path)}">{esc(t.title)}</a></li>'
        for t in ctx.articles[:6]
        if t.slug != a.slug
    )
    return (
        '<aside id="secondary" class="widget-area trending-rail">'
        f'<section class="widget"><h2 class="widget-title">Trending</h2><ol>{links}</ol></section>'
        "</aside>"
    )
