"""Pieces several article templates share: the body, bylines, tags, share bar, comments.

The comment pool is boilerplate a crawler must leave out of bodies, so its wording is kept
apart from any article text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsbot.demo.catalog import LINK_RE, Article, Block, slugify
from newsbot.demo.context import SECTION_NAME, SECTION_PATH, PageContext, comment_count, stable_hash
from newsbot.demo.templates.fmt import attr, esc, template, us_date

if TYPE_CHECKING:
    from collections.abc import Mapping
from urllib.parse import quote

COMMENT_POOL = (
    ("Kalani M.", "Been waiting years for someone to report on this properly. Thanks."),
    ("R. Fernando", "Interesting, but I would like to see the numbers for last year as well."),
    ("wanderer_88", "My cousin lives there and says the reality is a bit different."),
    ("Hiroshi T.", "Good summary. Please keep following this story."),
    ("Ana Lui", "Shared this with our community group, lots of discussion already."),
)


def inline(ctx: PageContext, source: str) -> str:
    """Escape text and turn [text](target) into links; `article:<slug>` targets a sibling post."""
    out, pos = [], 0
    for match in LINK_RE.finditer(source):
        out.append(esc(source[pos : match.start()]))
        text, target = match.groups()
        linked = (
            ctx.by_slug(target.removeprefix("article:")) if target.startswith("article:") else None
        )
        href = ctx.url(linked.path) if linked else target
        out.append(f'<a href="{attr(href)}">{esc(text)}</a>')
        pos = match.end()
    out.append(esc(source[pos:]))
    return "".join(out)


def _group(blocks: tuple[Block, ...]) -> list[list[Block]]:
    """Consecutive list items (or quote lines) form one <ul> (or one <blockquote>)."""
    groups: list[list[Block]] = []
    for block in blocks:
        if groups and block.kind in ("li", "quote") and groups[-1][0].kind == block.kind:
            groups[-1].append(block)
        else:
            groups.append([block])
    return groups


def _group_html(ctx: PageContext, group: list[Block]) -> str:
    kind = group[0].kind
    if kind == "li":
        items = "".join(f"<li>{inline(ctx, b.source)}</li>" for b in group)
        return f'<ul class="wp-block-list">{items}</ul>'
    if kind == "quote":
        lines = "".join(f"<p>{inline(ctx, b.source)}</p>" for b in group)
        return f'<blockquote class="wp-block-quote">{lines}</blockquote>'
    if kind in ("h2", "h3"):
        text = group[0].source
        return f'<{kind} class="wp-block-heading" id="{slugify(text)}">{inline(ctx, text)}</{kind}>'
    return f"<p>{inline(ctx, group[0].source)}</p>"


def body_html(ctx: PageContext, article: Article, inserts: Mapping[int, str] | None = None) -> str:
    """The blocks as HTML; `inserts[i]` (ads, boxes) goes after the i-th top-level block."""
    inserts = inserts or {}
    parts = []
    for i, group in enumerate(_group(article.blocks)):
        parts.append(_group_html(ctx, group))
        if i in inserts:
            parts.append(inserts[i])
    return "\n".join(parts)


def paragraph_positions(article: Article) -> list[int]:
    """Top-level indexes of plain paragraphs, where templates may insert boxes after."""
    return [i for i, g in enumerate(_group(article.blocks)) if g[0].kind == "p"]


def article_fields(ctx: PageContext, a: Article, date: str) -> dict[str, str]:
    """Substitutions every article-shaped template uses, already escaped."""
    return {
        "post_id": str(a.post_id),
        "url": ctx.url(a.path),
        "section_url": ctx.url(SECTION_PATH),
        "section": esc(SECTION_NAME),
        "title": esc(a.title),
        "description": esc(a.description),
        "published": a.published.isoformat(),
        "date": date,
        "image": ctx.url(a.image),
        "caption": f"<figcaption>{esc(a.image_caption)}</figcaption>" if a.image_caption else "",
        "tags": tag_links(ctx, a.tags),
    }


def names(ctx: PageContext, authors: tuple[str, ...], link: bool = True) -> str:
    """'A', 'A and B', 'A, B and C' - optionally linked to author archives."""
    shown = [
        f'<a class="url fn n" href="{ctx.url(f"/author/{slugify(n)}/")}" rel="author">{esc(n)}</a>'
        if link
        else esc(n)
        for n in authors
    ]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def tag_links(ctx: PageContext, tags: tuple[str, ...], sep: str = ", ") -> str:
    return sep.join(
        f'<a href="{ctx.url(f"/tag/{slugify(t)}/")}" rel="tag">{esc(t)}</a>' for t in tags
    )


def share_bar(url: str, title: str) -> str:
    q = quote(url, safe="")
    return (
        '<div class="share-buttons"><span class="share-title">Share this article</span>'
        f'<a class="share-facebook" href="https://www.facebook.com/sharer.php?u={q}">'
        "Share on Facebook</a>"
        f'<a class="share-x" href="https://x.com/intent/post?url={q}&amp;text={quote(title)}">'
        "Share on X</a>"
        f'<a class="share-whatsapp" href="https://api.whatsapp.com/send?text={q}">WhatsApp</a>'
        f'<button class="share-copy" data-url="{q}">Copy link</button></div>'
    )


def _thoughts(count: int) -> str:
    return "One thought" if count == 1 else f"{count} thoughts"


def comments_section(ctx: PageContext, article: Article) -> str:
    """Existing comments (the count listings show) and WordPress's reply form."""
    count = comment_count(article)
    when = article.published
    start = stable_hash(article.title) % len(COMMENT_POOL)
    chosen = [COMMENT_POOL[(start + i) % len(COMMENT_POOL)] for i in range(count)]
    items = "".join(
        f'<li class="comment"><article class="comment-body"><footer class="comment-meta">'
        f'<b class="fn">{esc(who)}</b> <span class="says">says:</span> '
        f'<time datetime="{when.isoformat()}">{us_date(when)}</time></footer>'
        f'<div class="comment-content"><p>{esc(text)}</p></div></article></li>'
        for who, text in chosen
    )
    listing = (
        f'<h2 class="comments-title">{_thoughts(count)} on &ldquo;{esc(article.title)}&rdquo;</h2>'
        f'<ol class="comment-list">{items}</ol>'
        if count
        else ""
    )
    form = template("reply-form.html").template
    return f'<div id="comments" class="comments-area">{listing}{form}</div>'
