"""What a page says it is, so pipelines can drop section fronts, videos and other non-articles.

The rule, first match wins; JSON-LD speaks before OpenGraph because templates stamp og:type
"article" on section fronts, while a JSON-LD type is chosen per page:

0. "empty": no visible text and no metadata at all (an empty or binary response);
1. "article": JSON-LD declares an Article subtype;
2. "listing": JSON-LD declares a CollectionPage or SearchResultsPage, or the page sits at a
   section's URL (/politik, /sport/football: no date, no id, one or two words) and links to
   many articles below it (section fronts whose template says og:type "article"), or its
   text is many teaser snippets, each beside a link, and at most a short intro (a paragraph
   or three about the section, which reads like an article's opening) on a page with no
   publication date of its own, at a URL with no date and no headline-like slug;
3. "article": og:type "article", microdata marking one or two Articles (more are teasers), or
   ``article:published_time``;
4. "video": og:type ``video.*`` or a JSON-LD VideoObject;
5. "listing": a JSON-LD ItemList, or a wall of teasers (many linked headlines), unless the
   page's main text is long running prose: an article carries related-story teasers around
   its text, while a front's text is snippets, each beside its own link (see ``prose``);
6. "article" by shape: a dated page whose body runs to a few hundred words (many CMSs label
   every page og:type "website", and some label nothing);
7. what og:type says ("website", "profile", ...), or "website" for a JSON-LD page type alone;
8. "unknown" when nothing says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

from newsbot.discovery.links import SLUG_WORDS, article_links_in
from newsbot.discovery.page import base_url
from newsbot.discovery.url_shape import url_shape
from newsbot.extraction.jsonld import is_article

if TYPE_CHECKING:
    from collections.abc import Callable

    from newsbot.extraction.document import Page
    from newsbot.extraction.prose import Prose

_COLLECTION_TYPES = frozenset({"CollectionPage", "SearchResultsPage"})
_PAGE_TYPES = frozenset({"WebPage", "WebSite", "AboutPage", "ProfilePage", "ContactPage"})
_MICRODATA_ARTICLES = (
    "count(//*[contains(@itemtype, 'Article') or contains(@itemtype, 'BlogPosting')])"
)
# Teaser headlines: a heading holding a link, or a link wrapping a heading.
_LINKED_HEADLINES = (
    "count(//h2[.//a[@href]] | //h3[.//a[@href]] | //h4[.//a[@href]]"
    " | //a[@href][.//h2 or .//h3 or .//h4])"
)
_VISIBLE_TEXT = "boolean(//body//text()[normalize-space()][not(ancestor::script|ancestor::style)])"
_HREFS = etree.XPath("//a/@href|//area/@href")
# An article page has a few linked headlines (related stories); a section front has dozens.
_MIN_TEASERS = 8
# Article pages at a section-like URL link to a few articles (measured on the shared corpora:
# at most 7); section fronts to 20 or more below their own path.
_MIN_FRONT_ARTICLE_LINKS = 15
# Long running prose: this many paragraphs in one container, holding this many characters
# (~200 words). Section fronts in the shared corpora reach 2 paragraphs (an intro); an
# intro of "a paragraph or three" stays below it.
_LONG_PROSE_PARAGRAPHS = 4
_LONG_PROSE_CHARS = 1200
# Metadata that dates the page itself; a bare "date" meta is a template's last-modified stamp,
# and <time> elements on a front belong to its teasers.
_OWN_DATE_META = ("article:published_time", "og:published_time", "article:published")
# A body this long on a dated page is an article whatever the labels say; listings' teaser
# text was ruled out before this test.
_MIN_ARTICLE_WORDS = 250


def classify(page: Page, body_words: int = 0, *, dated: bool = False) -> str:
    """The page type by the rule in the module docstring, given the extracted body's length
    and whether the page has a publication date."""
    return classify_early(page) or classify_by_body(page, body_words, dated=dated)


def classify_early(page: Page) -> str | None:
    """The page type when rules 0-5 decide it, before any body is extracted; None when only
    the body can tell (rule 6 on). A section front or a video page is known here, and costs
    no body extraction."""
    og_type = _og_type(page)
    types = page.linked.types()
    # In the docstring's order; each test runs only if the ones before it did not hold.
    rules: tuple[tuple[str, Callable[[], bool]], ...] = (
        ("empty", lambda: not (page.meta.content or page.linked.nodes or _has_text(page))),
        (
            "article",
            lambda: page.linked.main is not None or any(map(is_article, page.linked.nodes)),
        ),
        (
            "listing",
            lambda: (
                bool(types & _COLLECTION_TYPES)
                or _is_section_front(page)
                or _is_intro_and_teasers(page)
            ),
        ),
        ("article", lambda: _labelled_article(page, og_type)),
        ("video", lambda: og_type.startswith("video") or "VideoObject" in types),
        ("listing", lambda: _is_teaser_wall(page, types) and not _is_long(page.served_prose)),
    )
    return next((page_type for page_type, holds in rules if holds()), None)


def classify_by_body(page: Page, body_words: int, *, dated: bool) -> str:
    """Rules 6-8, for a page ``classify_early`` left undecided."""
    if dated and body_words >= _MIN_ARTICLE_WORDS:
        return "article"
    og_type = _og_type(page)
    if og_type:
        return og_type.split(".")[0]
    return "website" if page.linked.types() & _PAGE_TYPES else "unknown"


def _og_type(page: Page) -> str:
    return (page.meta.first("og:type") or "").lower()


def _is_long(prose: Prose) -> bool:
    """Whether the page's main text is long running prose (see ``prose``)."""
    return prose.is_long(_LONG_PROSE_PARAGRAPHS, _LONG_PROSE_CHARS)


def _is_teaser_wall(page: Page, types: set[str]) -> bool:
    return "ItemList" in types or _count(page, _LINKED_HEADLINES) >= _MIN_TEASERS


def _labelled_article(page: Page, og_type: str) -> bool:
    return (
        og_type == "article"
        or 0 < _count(page, _MICRODATA_ARTICLES) < 3  # many are teasers on a listing
        or page.meta.first("article:published_time") is not None
    )


def _is_section_front(page: Page) -> bool:
    """A section path linking to many articles under it. Under it: a blog post at a short
    slug (/hello-world/) links to its sidebar's posts, which sit beside it, not below."""
    if not url_shape(page.url).section_like:
        return False
    folder = _folder(page.url)
    # Article pages at short URLs are common (/news/wharf-reopens): most link to too few
    # pages below their path to be a front, which counting them tells without scoring them.
    if _links_below(page, folder) < _MIN_FRONT_ARTICLE_LINKS:
        return False
    links = article_links_in(page.root, page.url)
    below = sum(urlsplit(link).path.startswith(folder) for link in links)
    return below >= _MIN_FRONT_ARTICLE_LINKS


def _links_below(page: Page, folder: str) -> int:
    """How many links of the page point below ``folder``, resolved but neither deduplicated
    nor scored: never fewer than its article links below it, at a fifth of their cost."""
    base = base_url(page.root, page.url)
    prefix = unquote(folder)
    below = 0
    for href in _HREFS(page.root):  # type: ignore[union-attr]  # attribute values: strings
        try:
            path = urlsplit(urljoin(base, str(href).strip())).path
        except ValueError:  # a malformed link: no article link either
            continue
        below += unquote(path).startswith(prefix)
    return below


def _is_intro_and_teasers(page: Page) -> bool:
    """A front's text: many teaser snippets, each beside a link, and at most a short intro,
    on a page whose URL is no permalink (a date, a headline-like slug) and which neither
    dates itself nor links to fewer articles than it has teasers. Cheapest tests first."""
    shape = url_shape(page.url)
    return (
        not (shape.has_date or shape.slug_words >= SLUG_WORDS)
        and not _has_own_date(page)
        and page.served_prose.snippets >= _MIN_TEASERS
        and not _is_long(page.served_prose)
        and len(article_links_in(page.root, page.url)) >= _MIN_TEASERS
    )


def _has_own_date(page: Page) -> bool:
    return page.meta.first(*_OWN_DATE_META) is not None or bool(page.linked.text("datePublished"))


def _folder(url: str) -> str:
    """The path a section's pages sit under: /politik/ for /politik, /politik/index, /politik/."""
    path = urlsplit(url).path or "/"
    head, _, last = path.rpartition("/")
    if not last or last == "index" or "." in last:
        return f"{head}/"
    return f"{path}/"


def _has_text(page: Page) -> bool:
    return bool(page.root.xpath(_VISIBLE_TEXT))


def _count(page: Page, xpath: str) -> int:
    count = page.root.xpath(xpath)
    return int(count) if isinstance(count, float) else 0
