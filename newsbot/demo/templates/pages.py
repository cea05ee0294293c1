"""Non-article pages: static pages, the video page, the 404 page, wp-admin, and a private draft.

All of them are reachable from the chrome, so a crawler sees them and must not export them; the
private draft even looks like an article and is only kept out by robots.txt.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from datetime import datetime

from newsbot.demo.catalog import DEMO_DIR
from newsbot.demo.context import SITE_NAME, VIDEO_PATH, PageContext
from newsbot.demo.templates import chrome
from newsbot.demo.templates.fmt import esc, json_ld, meta, template, us_date

STATIC_PATHS = ("/about/", "/contact/", "/privacy-policy/")


@dataclass(frozen=True)
class StaticPage:
    """A page from pages.toml: a title and its paragraphs, optionally a date and caption."""

    title: str
    paragraphs: tuple[str, ...]
    published: datetime | None = None
    caption: str = ""


@functools.cache
def load_pages() -> dict[str, StaticPage]:
    with (DEMO_DIR / "pages.toml").open("rb") as fh:
        raw = tomllib.load(fh)
    return {
        key: StaticPage(
            title=value["title"],
            paragraphs=tuple(value.get("paragraphs", ())),
            published=value.get("published"),
            caption=value.get("caption", ""),
        )
        for key, value in raw.items()
    }


def static(ctx: PageContext, path: str) -> str:
    page = load_pages()[path.strip("/")]
    body = "".join(f"<p>{esc(p)}</p>" for p in page.paragraphs)
    form = (
        '<form class="wpcf7-form" action="/contact/#wpcf7" method="post"><p><label>Your name '
        '<input name="your-name"></label></p><p><label>Your message <textarea name="your-message">'
        '</textarea></label></p><p><input type="submit" value="Send"></p></form>'
        if path == "/contact/"
        else ""
    )
    head = "\n".join(
        [
            f'<link rel="canonical" href="{ctx.url(path)}">',
            meta("og:type", "website"),
            meta("og:title", f"{page.title} - {SITE_NAME}"),
            meta("og:site_name", SITE_NAME),
        ]
    )
    main = (
        f'<article class="page type-page status-publish"><header class="entry-header">'
        f'<h1 class="entry-title">{esc(page.title)}</h1></header>'
        f'<div class="entry-content">{body}{form}</div></article>'
    )
    return chrome.page(
        ctx,
        title=f"{page.title} - {SITE_NAME}",
        head=head,
        body_class="page",
        crumbs=((path, page.title),),
        main=main,
    )


def video(ctx: PageContext) -> str:
    clip = load_pages()["video"]
    when = clip.published or datetime.fromisoformat("2026-11-12T09:00:00+12:00")
    src = ctx.url("/wp-content/uploads/2026/11/dawn-at-suva-market.mp4")
    schema = {
        "@context": "https://schema.org",
        "@type": "VideoObject",
        "name": clip.title,
        "description": clip.caption,
        "uploadDate": when.isoformat(),
        "duration": "PT2M41S",
        "thumbnailUrl": ctx.url("/wp-content/uploads/2026/11/dawn-at-suva-market.jpg"),
        "contentUrl": src,
    }
    head = "\n".join(
        [
            f'<link rel="canonical" href="{ctx.url(VIDEO_PATH)}">',
            meta("og:type", "video.other"),
            meta("og:title", clip.title),
            meta("og:video", src),
            meta("og:site_name", SITE_NAME),
            json_ld(schema),
        ]
    )
    main = (
        f'<article class="video type-video"><h1 class="entry-title">{esc(clip.title)}</h1>'
        f'<time datetime="{when.isoformat()}">{us_date(when)}</time>'
        f'<div class="video-player"><video controls preload="none" src="{src}"></video></div>'
        f'<p class="video-caption">{esc(clip.caption)}</p></article>'
    )
    return chrome.page(
        ctx,
        title=f"{clip.title} - Video - {SITE_NAME}",
        head=head,
        body_class="single single-video",
        crumbs=((VIDEO_PATH, "Video"),),
        main=main,
    )


def not_found(ctx: PageContext) -> str:
    main = (
        '<section class="error-404 not-found"><header class="page-header"><h1 class="page-title">'
        'Oops! That page can&rsquo;t be found.</h1></header><div class="page-content"><p>It looks '
        "like nothing was found at this location. Maybe try a search?</p></div></section>"
    )
    return chrome.page(
        ctx,
        title=f"Page not found - {SITE_NAME}",
        robots="noindex, follow",
        body_class="error404",
        main=main,
    )


def private_draft(ctx: PageContext) -> str:
    """An unpublished story behind /private/: article-shaped, so only robots.txt keeps it out."""
    draft = load_pages()["private"]
    when = draft.published or datetime.fromisoformat("2026-11-20T10:00:00+08:00")
    head = "\n".join(
        [
            meta("og:type", "article"),
            meta("og:title", draft.title),
            meta("article:published_time", when.isoformat()),
        ]
    )
    body = "".join(f"<p>{esc(p)}</p>" for p in draft.paragraphs)
    main = (
        '<article class="post type-post status-draft">'
        f'<h1 class="entry-title">{esc(draft.title)}</h1>'
        f'<time class="entry-date published" datetime="{when.isoformat()}">{us_date(when)}</time>'
        f'<div class="entry-content">{body}</div></article>'
    )
    return chrome.page(ctx, title=f"{draft.title} - {SITE_NAME}", head=head, main=main)


def wp_login(ctx: PageContext) -> str:
    """wp-admin sends visitors to a bare login form (no theme chrome)."""
    return template("wp-login.html").substitute(site=SITE_NAME, base=ctx.base)
