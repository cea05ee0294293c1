"""Article links of a listing page, told apart from navigation by a score per link.

Each distinct link (by canonical URL) gets a score: evidence from its URL shape, plus the best
evidence among the places it is linked from (label, position, a block of short links), plus
page-level checks (is it the folder of other links? is its URL pattern one the page labels as
chips? is it on a side-line subdomain? does it follow the page's permalink scheme?). Links scoring
at least ``THRESHOLD`` are articles. The weights are round numbers set on real section pages;
no single feature decides, except the hard exclusions (other sites, files, taxonomy/service
paths, rel=tag/author/next links).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from newsbot.discovery.context import ContextReader, LinkContext
from newsbot.discovery.page import (
    HEADLINE_WORDS,
    iter_anchors,
    label_words,
    parse_html,
    same_page_key,
)
from newsbot.discovery.page_evidence import chip_patterns, minor_hosts
from newsbot.discovery.url_shape import UrlShape, path_pattern, url_shape
from newsbot.discovery.vocabulary import GENERIC_LABELS
from newsbot.urls import (
    canonical_url,
    host_of,
    is_on_domains,
    registrable_domain,
    strip_tracking,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from lxml.html import HtmlElement

    from newsbot.discovery.page import Anchor
    from newsbot.sites.model import ArticleUrlRules

# URL evidence: permalinks carry a date, an id or a headline-like slug; section pages do not.
W_DATE = 2.0  # /2026/11/03/ or /2026-11/
W_ID = 2.0  # five or more digits, or a long hex object id
W_SLUG = 1.5  # a path segment of four or more words
W_PAGE_EXTENSION = 0.5  # .html/.php: a document rather than a directory-like listing
W_SECTION_LIKE = -1.5  # no date, no id and at most two words: /politics/, /sport/football
# Label and position evidence, the best of all places the URL is linked from.
W_HEADLINE = 1.5  # a label of four or more words reads like a headline
W_SHORT_LABEL = -1.0  # one or two words ("Politik", "Ukraine"): a menu entry
W_TEASER = 1.0  # inside <article>, a heading or a teaser block
W_BOILERPLATE = -2.5  # inside nav, header, footer, menus, breadcrumbs, share bars
W_LINK_LIST = -2.0  # in a block of many short links and no headings: a menu by its shape
# Page-level evidence.
W_HUB = -3.0  # other links of the page live below this URL: it is their section
W_OFF_SCHEME = -2.0  # not minted like nearly all of the page's articles (date, id kind)
W_CHIP_PATTERN = -2.5  # minted like links the page labels as chips: topic or place hubs
W_MINOR_HOST = -3.0  # another subdomain with few article-like links: a shop, deals, services
THRESHOLD = 2.0
# Word counts behind the slug and label features.
SLUG_WORDS = 4  # "odysseus-moon-landing-nasa"; fewer words also name sections ("mehr-sport")
MENU_LABEL_WORDS = 2
# "Nearly all": the share of likely articles with a date or id, and how many make a scheme.
SCHEME_SHARE = 0.8
SCHEME_MIN_LINKS = 5


@dataclass
class _Candidate:
    """A distinct link target: its first-seen URL and the best label/position evidence."""

    url: str
    shape: UrlShape
    best_place: float = field(default=float("-inf"))
    label_words: int = 0  # of its longest label on the page
    score: float = 0.0


def find_article_links(
    html: str | bytes,
    url: str,
    *,
    domains: Iterable[str] | None = None,
    rules: ArticleUrlRules | None = None,
) -> list[str]:
    """Absolute URLs of the site's article pages linked from a listing page, in page order.

    ``domains`` defaults to the page's registrable domain (its site, subdomains included); ``rules``
    are the site's optional allow/deny hints. URLs come without tracking parameters.
    """
    root = parse_html(html)
    if root is None:
        return []
    return article_links_in(root, url, domains=domains, rules=rules)


def article_links_in(
    root: HtmlElement,
    url: str,
    *,
    domains: Iterable[str] | None = None,
    rules: ArticleUrlRules | None = None,
    anchors: list[Anchor] | None = None,
) -> list[str]:
    """``find_article_links`` on a page already parsed (extraction has its tree at hand;
    ``anchors``: its ``iter_anchors``, when the caller reads them for pagination too)."""
    anchors = list(iter_anchors(root, url)) if anchors is None else anchors
    candidates = _collect(anchors, url, _domains(url, domains))
    _score(candidates, host_of(url))
    return [
        c.url
        for c in candidates
        if c.score >= THRESHOLD and (rules is None or rules.permits(c.url))
    ]


def _domains(url: str, domains: Iterable[str] | None) -> tuple[str, ...]:
    if domains is None:
        return (registrable_domain(url),)
    return tuple(d.lower().removeprefix("www.") for d in domains)


def _collect(anchors: list[Anchor], url: str, domains: tuple[str, ...]) -> list[_Candidate]:
    """One candidate per distinct same-site URL, in order of first appearance."""
    contexts = ContextReader(anchors)
    page_key = same_page_key(url)
    candidates: dict[str, _Candidate] = {}
    for anchor in anchors:
        target = strip_tracking(anchor.url)
        key = canonical_url(target)
        if same_page_key(target) == page_key or not is_on_domains(target, domains):
            continue
        candidate = candidates.setdefault(key, _Candidate(target, url_shape(target)))
        place = place_score(anchor.text, contexts.read(anchor.element))
        candidate.best_place = max(candidate.best_place, place)
        candidate.label_words = max(candidate.label_words, label_words(anchor.text))
    return list(candidates.values())


def _score(candidates: list[_Candidate], page_host: str) -> None:
    """Set each candidate's score from its own evidence, then from the page-level checks."""
    for candidate in candidates:
        shape = candidate.shape
        excluded = shape.listing_marker or shape.file_like or shape.depth == 0
        candidate.score = float("-inf") if excluded else url_score(shape) + candidate.best_place
    likely = [c for c in candidates if c.score >= THRESHOLD]
    hubs = _folders(c.url for c in candidates if c.score > float("-inf"))
    # Hubs are never minted with a publication date: dated links stay out of the chip check.
    undated = [c for c in candidates if not c.shape.has_date]
    chips = chip_patterns((path_pattern(c.url), c.label_words) for c in undated)
    minor = minor_hosts((host_of(c.url) for c in likely), page_host)
    for candidate in candidates:
        candidate.score += W_HUB * (_folder_key(candidate.url) in hubs)
        candidate.score += W_CHIP_PATTERN * (
            not candidate.shape.has_date and path_pattern(candidate.url) in chips
        )
        candidate.score += W_MINOR_HOST * (host_of(candidate.url).removeprefix("www.") in minor)
    scheme = _permalink_scheme([c.shape for c in candidates if c.score >= THRESHOLD])
    if scheme is not None:
        for candidate in candidates:
            candidate.score += W_OFF_SCHEME * (_scheme_of(candidate.shape) != scheme)


def _scheme_of(shape: UrlShape) -> tuple[bool, str]:
    return shape.has_date, shape.id_kind


def _permalink_scheme(likely: list[UrlShape]) -> tuple[bool, str] | None:
    """The date/id scheme nearly all likely articles of the page share, if they share one.

    Sites mint permalinks one way: when nearly all strong links carry, say, a hex id, a link
    without one (or with a numeric id) is a section front, topic page or legacy service page.
    A scheme without date and id says nothing, so it is not returned.
    """
    counts = Counter(_scheme_of(shape) for shape in likely)
    if not counts:
        return None
    scheme, count = counts.most_common(1)[0]
    informative = scheme != (False, "")
    enough = count >= SCHEME_MIN_LINKS and count >= SCHEME_SHARE * len(likely)
    return scheme if informative and enough else None


def url_score(shape: UrlShape) -> float:
    """Evidence from the URL alone that it is an article permalink."""
    score = W_DATE * shape.has_date + W_ID * shape.has_id
    score += W_SLUG * (shape.slug_words >= SLUG_WORDS) + W_PAGE_EXTENSION * shape.page_extension
    if shape.section_like:
        score += W_SECTION_LIKE
    return score


def place_score(label: str, context: LinkContext) -> float:
    """Evidence from one place the URL is linked from; rel=tag and the like rule it out."""
    if context.listing_rel:
        return float("-inf")
    score = W_TEASER * context.teaser + W_BOILERPLATE * context.boilerplate
    score += W_LINK_LIST * context.link_list
    words = label_words(label)
    if words >= HEADLINE_WORDS:
        score += W_HEADLINE
    elif words and words <= MENU_LABEL_WORDS and label.lower() not in GENERIC_LABELS:
        # Symbol labels ("★", "#", "»") are permalink marks, not menu words: no penalty.
        score += W_SHORT_LABEL
    return score


def _folder_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname}{parts.path.rstrip('/')}"


def _folders(urls: Iterable[str]) -> set[str]:
    """Every proper path prefix (host + folder) of the given URLs.

    URLs ending in a bare number (/slug/2/: page two of a story) do not make their story a
    folder.
    """
    folders = set()
    for url in urls:
        key = _folder_key(url)
        if not any(ch.isalpha() for ch in key.rsplit("/", 1)[-1]):
            continue
        while "/" in key:
            key = key.rsplit("/", 1)[0]
            folders.add(key)
    return folders
