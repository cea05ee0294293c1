"""The WordPress page chrome every HTML page shares: head, header, menus, sidebar, footer.

Realistic chrome is the point of the demo: extraction has to tell it apart from article text.
"""

from __future__ import annotations

from newsbot.demo.catalog import slugify
from newsbot.demo.context import SECTION_NAME, SECTION_PATH, SITE_NAME, VIDEO_PATH, PageContext
from newsbot.demo.templates.fmt import attr, esc, template

NEWSLETTER_PITCH = "Sign up for our newsletter"
COOKIE_NOTICE = (
    "We use cookies to give you the best experience on our website. By continuing to browse "
    "you agree to our use of cookies."
)
MENU = (
    ("/", "Home"),
    (SECTION_PATH, SECTION_NAME),
    ("/category/business/", "Business"),
    ("/category/sport/", "Sport"),
    (VIDEO_PATH, "Video"),
    ("/about/", "About"),
)

_PAGE = template("page.html")


def page(
    ctx: PageContext,
    *,
    title: str,
    main: str,
    head: str = "",
    lang: str = "en-US",
    body_class: str = "",
    crumbs: tuple[tuple[str, str], ...] = (),
    sidebar: str = "",
    robots: str = "index, follow, max-image-preview:large",
) -> str:
    """A whole HTML document: `title` is the <title> text, `main` the page's own markup."""
    menu = "".join(
        f'<li class="menu-item"><a href="{ctx.url(path)}">{esc(label)}</a></li>\n'
        for path, label in MENU
    )
    return _PAGE.substitute(
        lang=lang,
        title=esc(title),
        robots=robots,
        head=head,
        site=SITE_NAME,
        base=ctx.base,
        body_class=body_class,
        cookie=COOKIE_NOTICE,
        menu=menu,
        crumbs=breadcrumbs(ctx, crumbs),
        main=main,
        sidebar=sidebar,
    )


def breadcrumbs(ctx: PageContext, trail: tuple[tuple[str, str], ...]) -> str:
    """Yoast breadcrumbs: Home » each (path, label) » ...; the last item is not a link."""
    if not trail:
        return ""
    links = [f'<span><a href="{ctx.url("/")}">Home</a></span>']
    links += [
        f'<span><a href="{ctx.url(path)}">{esc(label)}</a></span>' for path, label in trail[:-1]
    ]
    links.append(f'<span class="breadcrumb_last" aria-current="page">{esc(trail[-1][1])}</span>')
    trail_html = " » ".join(links)
    return (
        f'<nav class="yoast-breadcrumbs" aria-label="Breadcrumbs"><span>{trail_html}</span></nav>'
    )


def newsletter_box(css_class: str = "widget widget_newsletter") -> str:
    return (
        f'<section class="{css_class}"><h2 class="widget-title">The Morning Ledger</h2>'
        f"<p>{NEWSLETTER_PITCH} and get the region's top stories in your inbox before "
        "breakfast.</p>"
        '<form class="newsletter-form" action="/newsletter/subscribe/" method="post">'
        '<input type="email" name="email" placeholder="Your email address" required>'
        '<button type="submit">Subscribe</button></form></section>'
    )


def sidebar(ctx: PageContext) -> str:
    """Popular posts, tag cloud, newsletter box and trending searches (robots-disallowed links)."""
    popular = "".join(
        f'<li><a href="{ctx.url(a.path)}">{esc(a.title)}</a></li>' for a in ctx.popular()
    )
    cloud = " ".join(
        f'<a href="{ctx.url(f"/tag/{slugify(tag)}/")}" class="tag-cloud-link" '
        f'aria-label="{attr(tag)} ({n} items)">{esc(tag)}</a>'
        for tag, n in ctx.tag_counts()
    )
    searches = "".join(
        f'<li><a href="{ctx.url("/?s=" + q)}">{q}</a></li>' for q in ("typhoon", "tuna", "rates")
    )
    return (
        '<aside id="secondary" class="widget-area">'
        '<section class="widget widget_popular"><h2 class="widget-title">Popular</h2>'
        f"<ul>{popular}</ul></section>"
        f'<section class="widget widget_tag_cloud"><h2 class="widget-title">Tags</h2>'
        f'<div class="tagcloud">{cloud}</div></section>'
        f"{newsletter_box()}"
        f'<section class="widget widget_trending"><h2 class="widget-title">Trending searches</h2>'
        f"<ul>{searches}</ul></section>"
        f'<section class="widget widget_video"><h2 class="widget-title">Watch</h2>'
        f'<a href="{ctx.url(VIDEO_PATH)}">Ledger Video: the week in pictures</a></section>'
        "</aside>"
    )
