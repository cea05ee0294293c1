"""`wire` template: a WordPress news theme with Yoast SEO (JSON-LD @graph, OpenGraph).

Everything after the article (share bar, author box, related posts, newsletter prompt, comments)
and the wire trailer inside `div.entry-content` is boilerplate on purpose.
"""

from __future__ import annotations

from newsbot.demo.catalog import Article, slugify
from newsbot.demo.context import SECTION_NAME, SECTION_PATH, SITE_NAME, PageContext, comment_count
from newsbot.demo.templates import chrome
from newsbot.demo.templates.fmt import attr, esc, json_ld, meta, template, us_date
from newsbot.demo.templates.parts import (
    article_fields,
    body_html,
    comments_section,
    names,
    share_bar,
)


def render(ctx: PageContext, article: Article, url: str, amp_url: str | None) -> str:
    return chrome.page(
        ctx,
        title=f"{article.title} | {SITE_NAME}",
        head=_head(ctx, article, url, amp_url),
        body_class=f"single single-post postid-{article.post_id} single-format-standard",
        crumbs=((SECTION_PATH, SECTION_NAME), (article.path, article.title)),
        main=_page(ctx, article, url),
        sidebar=chrome.sidebar(ctx),
    )


def _head(ctx: PageContext, a: Article, url: str, amp_url: str | None) -> str:
    tags = [
        f'<link rel="canonical" href="{attr(url)}">',
        f'<link rel="amphtml" href="{attr(amp_url)}">' if amp_url else "",
        meta("description", a.description, key="name"),
        meta("og:locale", "en_US"),
        meta("og:type", "article"),
        # Yoast's default og:title carries the site name; the JSON-LD headline does not.
        meta("og:title", f"{a.title} - {SITE_NAME}"),
        meta("og:description", a.description),
        meta("og:url", url),
        meta("og:site_name", SITE_NAME),
        meta("article:published_time", a.published.isoformat()),
        meta("article:modified_time", a.modified.isoformat()) if a.modified else "",
        meta("og:image", ctx.url(a.image)),
        meta("twitter:card", "summary_large_image", key="name"),
    ]
    if a.authors:
        tags += [meta("twitter:label1", "Written by", key="name")]
        tags += [meta("twitter:data1", ", ".join(a.authors), key="name")]
    return "\n".join(t for t in tags if t) + "\n" + json_ld(_graph(ctx, a, url))


def _graph(ctx: PageContext, a: Article, url: str) -> dict[str, object]:
    people = [
        {
            "@type": "Person",
            "@id": ctx.url(f"/#/schema/person/{slugify(n)}"),
            "name": n,
            "description": ctx.authors[n].bio,
            "url": ctx.url(f"/author/{slugify(n)}/"),
        }
        for n in a.authors
    ]
    article: dict[str, object] = {
        "@type": "NewsArticle",
        "@id": f"{url}#article",
        "isPartOf": {"@id": url},
        "headline": a.title,
        "datePublished": a.published.isoformat(),
        "dateModified": a.last_modified.isoformat(),
        "mainEntityOfPage": {"@id": url},
        "wordCount": len(a.body_text.split()),
        "commentCount": comment_count(a),
        "publisher": {"@id": ctx.url("/#organization")},
        "image": {"@id": f"{url}#primaryimage"},
        "thumbnailUrl": ctx.url(a.image),
        "keywords": list(a.tags),
        "articleSection": [SECTION_NAME],
        "inLanguage": "en-US",
    }
    if people:  # Yoast references the Person nodes by @id, with the name repeated.
        article["author"] = [{"name": p["name"], "@id": p["@id"]} for p in people]
    return {
        "@context": "https://schema.org",
        "@graph": [article, *_page_nodes(ctx, a, url), *people],
    }


def _page_nodes(ctx: PageContext, a: Article, url: str) -> list[dict[str, object]]:
    crumbs = [("Home", ctx.url("/")), (SECTION_NAME, ctx.url(SECTION_PATH)), (a.title, url)]
    return [
        {
            "@type": "WebPage",
            "@id": url,
            "url": url,
            "name": f"{a.title} - {SITE_NAME}",
            "isPartOf": {"@id": ctx.url("/#website")},
            "datePublished": a.published.isoformat(),
            "breadcrumb": {"@id": f"{url}#breadcrumb"},
            "inLanguage": "en-US",
        },
        {
            "@type": "ImageObject",
            "@id": f"{url}#primaryimage",
            "url": ctx.url(a.image),
            "width": 1200,
            "height": 800,
            "caption": a.image_caption,
        },
        {
            "@type": "BreadcrumbList",
            "@id": f"{url}#breadcrumb",
            "itemListElement": [
                {"@type": "ListItem", "position": i + 1, "name": n, "item": u}
                for i, (n, u) in enumerate(crumbs)
            ],
        },
        {
            "@type": "WebSite",
            "@id": ctx.url("/#website"),
            "url": ctx.url("/"),
            "name": SITE_NAME,
            "publisher": {"@id": ctx.url("/#organization")},
            "inLanguage": "en-US",
        },
        {
            "@type": "Organization",
            "@id": ctx.url("/#organization"),
            "name": SITE_NAME,
            "url": ctx.url("/"),
            "logo": ctx.url("/wp-content/uploads/2026/01/ledger-logo.png"),
        },
    ]


def _page(ctx: PageContext, a: Article, url: str) -> str:
    fields = article_fields(ctx, a, us_date(a.published))
    # Wire trailers sit inside entry-content, pasted by the desk like any paragraph.
    trailer = f"\n<p>{esc(a.trailer)}</p>" if a.trailer else ""
    fields["body"] = body_html(ctx, a) + trailer
    who = names(ctx, a.authors) if a.authors else ""
    byline = f'<span class="byline">By <span class="author vcard">{who}</span></span> '
    fields["byline"] = byline if a.authors else ""
    fields["updated"] = (
        f'<time class="updated" datetime="{a.modified.isoformat()}">'
        f"Updated {us_date(a.modified)}</time>"
        if a.modified
        else ""
    )
    fields["share"] = share_bar(url, a.title)
    fields["author_boxes"] = "".join(_author_box(ctx, name) for name in a.authors)
    fields["related"] = "".join(
        f'<li><a href="{ctx.url(r.path)}">{esc(r.title)}</a></li>' for r in ctx.related(a)
    )
    fields["newsletter"] = chrome.newsletter_box("newsletter-signup")
    fields["comments"] = comments_section(ctx, a)
    return template("wire.html").substitute(fields)


def _author_box(ctx: PageContext, name: str) -> str:
    avatar = ctx.url(f"/wp-content/uploads/avatars/{slugify(name)}.jpg")
    return (
        f'<div class="author-box"><img class="avatar" src="{avatar}" alt="">'
        f'<div class="author-box-text"><h4>About the author {esc(name)}</h4>'
        f"<p>{esc(ctx.authors[name].bio)}</p></div></div>"
    )
