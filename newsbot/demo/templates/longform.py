"""`longform` template: a British-English feature layout (html lang="en-GB").

JSON-LD is one plain NewsArticle object (no @graph); a single author is a bare string there and
several are Person objects. The body carries a captioned figure and an "Advertisement" slot, and
a "You might also like" block follows; none of those is article text.
"""

from __future__ import annotations

from newsbot.demo.catalog import Article, slugify
from newsbot.demo.context import SECTION_NAME, SECTION_PATH, SITE_NAME, PageContext
from newsbot.demo.templates import chrome
from newsbot.demo.templates.fmt import attr, esc, json_ld, meta, template, uk_date
from newsbot.demo.templates.parts import article_fields, body_html, names, paragraph_positions

AD_SLOT = (
    '<div class="ad-slot ad-inarticle" aria-hidden="true">'
    '<span class="ad-label">Advertisement</span>'
    '<div id="div-gpt-ad-inarticle-1" data-size="300x250"></div></div>'
)


def render(ctx: PageContext, article: Article, url: str, amp_url: str | None) -> str:
    head = [
        f'<link rel="canonical" href="{attr(url)}">',
        f'<link rel="amphtml" href="{attr(amp_url)}">' if amp_url else "",
        meta("description", article.description, key="name"),
        meta("og:locale", "en_GB"),
        meta("og:type", "article"),
        meta("og:title", article.title),
        meta("og:description", article.description),
        meta("og:url", url),
        meta("og:image", ctx.url(article.image)),
        meta("og:site_name", SITE_NAME),
        json_ld(_news_article(ctx, article, url)),
    ]
    return chrome.page(
        ctx,
        title=f"{article.title} | Long read | {SITE_NAME}",
        head="\n".join(h for h in head if h),
        lang="en-GB",
        body_class="single single-post longform",
        crumbs=((SECTION_PATH, SECTION_NAME), (article.path, article.title)),
        main=_feature(ctx, article),
    )


def _news_article(ctx: PageContext, a: Article, url: str) -> dict[str, object]:
    author: object = (
        a.authors[0]
        if len(a.authors) == 1
        else [
            {"@type": "Person", "name": n, "url": ctx.url(f"/author/{slugify(n)}/")}
            for n in a.authors
        ]
    )
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": a.title,
        "description": a.description,
        "image": {"@type": "ImageObject", "url": ctx.url(a.image), "width": 1600, "height": 900},
        "datePublished": a.published.isoformat(),
        "dateModified": a.last_modified.isoformat(),
        "author": author,
        "publisher": {
            "@type": "Organization",
            "name": SITE_NAME,
            "logo": {
                "@type": "ImageObject",
                "url": ctx.url("/wp-content/uploads/2026/01/ledger-logo.png"),
            },
        },
        "keywords": ", ".join(a.tags),
        "articleSection": SECTION_NAME,
        "inLanguage": "en-GB",
    }


def _feature(ctx: PageContext, a: Article) -> str:
    spots = paragraph_positions(a)
    figure = (
        f'<figure class="wp-block-image size-large"><img src="{ctx.url(a.image)}" alt="" '
        f'width="1600" height="900"><figcaption class="wp-element-caption">{esc(a.image_caption)}'
        "</figcaption></figure>"
    )
    inserts = {spots[0]: figure, spots[1]: AD_SLOT}
    fields = article_fields(ctx, a, uk_date(a.published))
    fields["body"] = body_html(ctx, a, inserts)
    fields["byline"] = (
        f'<p class="longform-byline">Words by {names(ctx, a.authors)}</p>' if a.authors else ""
    )
    fields["related"] = "".join(
        f'<li class="card"><a href="{ctx.url(r.path)}"><h3>{esc(r.title)}</h3></a>'
        f"<p>{esc(r.description)}</p></li>"
        for r in ctx.related(a)
    )
    return template("longform.html").substitute(fields)
