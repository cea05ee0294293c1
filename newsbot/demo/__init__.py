"""The bundled offline demo news site, "The Pacific Ledger", and its local HTTP server.

It lets anyone run a full crawl without the internet (`scrapy demo`, `python -m newsbot.demo`)
and gives the integration tests a site whose every article, field and trap is known in advance:
`DemoSite(day).article_urls(base)` and `.expected_articles(base)` are the ground truth.

Articles live at /YYYY/MM/DD/<slug>/ (date in the post's own UTC offset) with an AMP twin at
.../amp/ (canonical points back). Traps a crawler must survive: tracking parameters and AMP links
in listings and the feed, one WordPress re-publication at /.../<slug>-2/ (identical text, its own
canonical, listed in post-sitemap.xml), a robots-disallowed article-shaped page under /private/,
non-article pages (tags, authors, static pages, a video page), and per-template boilerplate
(see `boilerplate.BOILERPLATE_PHRASES`) including wire trailers inside the body.
"""

from newsbot.demo.catalog import Article, load_articles
from newsbot.demo.server import DemoServer, serve_demo_site
from newsbot.demo.site import DemoSite, ExpectedArticle

__all__ = [
    "Article",
    "DemoServer",
    "DemoSite",
    "ExpectedArticle",
    "load_articles",
    "serve_demo_site",
]
