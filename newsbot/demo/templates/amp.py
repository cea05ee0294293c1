"""AMP twin of every article (`.../amp/`): the same text in the AMP plugin's lighter markup.

It points back with <link rel="canonical">, so a crawler that lands here first can still report
the main URL and must not count the twin as a second article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsbot.demo.context import SECTION_NAME, SECTION_PATH, SITE_NAME, PageContext
from newsbot.demo.templates.fmt import attr, esc, json_ld, template, us_date
from newsbot.demo.templates.parts import body_html, names, tag_links

if TYPE_CHECKING:
    from newsbot.demo.catalog import Article

_AMP = template("amp.html")


def render(ctx: PageContext, article: Article) -> str:
    canonical = ctx.url(article.path)
    trailer = f"\n<p>{esc(article.trailer)}</p>" if article.trailer else ""
    byline = (
        f'<div class="amp-wp-meta amp-wp-byline"><span class="amp-wp-author author vcard">'
        f"{names(ctx, article.authors, link=False)}</span></div>"
        if article.authors
        else ""
    )
    return _AMP.substitute(
        lang="en-GB" if article.template == "longform" else "en-US",
        title=esc(f"{article.title} \u2013 {SITE_NAME}"),
        canonical=attr(canonical),
        jsonld=json_ld(_schema(ctx, article, canonical)),
        base=ctx.base,
        site=SITE_NAME,
        headline=esc(article.title),
        byline=byline,
        iso=article.published.isoformat(),
        date=us_date(article.published),
        image=ctx.url(article.image),
        body=body_html(ctx, article) + trailer,
        section=ctx.url(SECTION_PATH),
        section_name=esc(SECTION_NAME),
        tags=tag_links(ctx, article.tags),
    )


def _schema(ctx: PageContext, a: Article, canonical: str) -> dict[str, object]:
    data: dict[str, object] = {
        "@context": "http://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": canonical,
        "headline": a.title,
        "datePublished": a.published.isoformat(),
        "dateModified": a.last_modified.isoformat(),
        "publisher": {"@type": "Organization", "name": SITE_NAME},
        "image": {"@type": "ImageObject", "url": ctx.url(a.image), "width": 1200, "height": 800},
    }
    if a.authors:
        data["author"] = [{"@type": "Person", "name": n} for n in a.authors]
    return data
