"""What a URL's shape says about its page: article permalink, listing, or neither."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

from newsbot.discovery.vocabulary import (
    LISTING_PAGE_NAMES,
    LISTING_QUERY_PARAMS,
    NON_ARTICLE_EXTENSIONS,
    NON_ARTICLE_SEGMENTS,
)

# A publication date in the path: /2026/11/03/, /2016/03/, /2026-02/ (year and month at least).
_DATE = re.compile(
    r"(?:^|/)(?:19|20)\d\d[/-](?:0?[1-9]|1[0-2])(?:[/-](?:0?[1-9]|[12]\d|3[01]))?(?:/|$)"
)
# A date archive: the path ends in a year, month or day and nothing else (/2026/11/).
_DATE_ARCHIVE = re.compile(r"(?:^|/)(?:19|20)\d\d(?:/\d{1,2}){0,2}/?$")
# A content id: a long hexadecimal object id of document stores (-69a34aa88606aa14031ccdf5)
# or a UUID, or five or more digits (article241521373, -li.3395241, -12345678.html).
_HEX_ID = re.compile(
    r"(?<![0-9a-z])(?:(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{16,}"
    r"|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-z])"
)
_DIGITS_ID = re.compile(r"\d{5,}")
# A trailing id or page number, removed to see the word a segment is named by (video123456).
_TRAILING_ID = re.compile(r"[-_.]?(?:[0-9a-f]{16,}|\d+)$")
_WORD_SEPARATORS = re.compile(r"[-_+]+")
_TOKEN_SEPARATORS = re.compile(r"[-_.+]+")
# An id glued to a short code (ort904308, sti1524391, t123): how hub pages are often minted.
_CODED_ID = re.compile(r"[a-z]{1,4}\d+")
# At most this many words and no date or id: a section path (/politics/, /sport/football).
SECTION_SLUG_WORDS = 2
_PAGE_EXTENSIONS = (".html", ".htm", ".shtml", ".php", ".asp", ".aspx", ".jsp", ".cms")


@dataclass(frozen=True)
class UrlShape:
    """Features of one URL's path and query, each cheap and independent of the site."""

    depth: int  # number of non-empty path segments
    has_date: bool
    id_kind: str  # "hex", "digits" or "" when the path carries no content id
    slug_words: int  # words in the most word-like path segment
    page_extension: bool  # .html, .php and the like
    listing_marker: bool  # a taxonomy/service segment (tag, video, impressum...) or a search query
    file_like: bool  # an image, document or feed file

    @property
    def has_id(self) -> bool:
        """Whether the path carries a content id of either kind."""
        return bool(self.id_kind)

    @property
    def section_like(self) -> bool:
        """No date, no id and at most ``SECTION_SLUG_WORDS`` words: a section's path."""
        return not (self.has_date or self.has_id or self.slug_words > SECTION_SLUG_WORDS)


def url_shape(url: str) -> UrlShape:
    """Describe ``url`` (absolute) by the features article permalinks tend to have."""
    parts = urlsplit(url)
    path = unquote(parts.path).lower()
    segments = [s for s in path.split("/") if s]
    return UrlShape(
        depth=len(segments),
        has_date=bool(_DATE.search(path)),
        id_kind=_id_kind(path),
        slug_words=max((_slug_words(s) for s in segments), default=0),
        page_extension=path.endswith(_PAGE_EXTENSIONS),
        listing_marker=_has_listing_marker(segments, parts.hostname or "", parts.query),
        file_like=_extension(segments) in NON_ARTICLE_EXTENSIONS,
    )


def _id_kind(path: str) -> str:
    if _HEX_ID.search(path):
        return "hex"
    return "digits" if _DIGITS_ID.search(path) else ""


def _extension(segments: list[str]) -> str:
    last = segments[-1] if segments else ""
    return last.rsplit(".", 1)[1] if "." in last else ""


def _stem(segment: str) -> str:
    return segment.split(".", 1)[0]


def _slug_words(segment: str) -> int:
    # Only all-letter words count: the groups of a UUID or "li.3395241" are ids, not words.
    return sum(1 for word in _WORD_SEPARATORS.split(_stem(segment)) if word.isalpha())


def _has_listing_marker(segments: list[str], host: str, query: str) -> bool:
    # Host labels left of the registrable domain (shop.example.com, search.example.com)
    # name a service just as path segments do.
    labels = host.split(".")[:-2]
    named = [_TRAILING_ID.sub("", _stem(s)) for s in segments]
    words = (*labels, *segments, *(_stem(s) for s in segments), *named)
    # Every word is tested (no short cut), so that recording sees each rule that matched.
    marked = [word for word in words if word in NON_ARTICLE_SEGMENTS]
    params = [name for name, _ in parse_qsl(query) if name.lower() in LISTING_QUERY_PARAMS]
    archive = _DATE_ARCHIVE.search("/".join(segments)) or _is_front_page(segments, named)
    return bool(marked or params or archive)


def _is_front_page(segments: list[str], named: list[str]) -> bool:
    """Whether the path names a section's front page: /sport/index, /news/home-15479124.html.

    Only when the folders above carry no date or id: /2014/07/23/world/slug/index.html is how
    some sites spell an article.
    """
    if not named or named[-1] not in LISTING_PAGE_NAMES:
        return False
    folders = "/" + "/".join(segments[:-1])
    return not (_DATE.search(folders + "/") or _id_kind(folders))


def path_pattern(url: str) -> str:
    """The host and the path's shape with words, numbers and ids abstracted:
    ``/frankfurt/altstadt-ort904308/`` -> ``/w/w-c9/``, ``/politik/die-lage-im-iran-94191048.html``
    -> ``/w/w-9-w``.

    A CMS mints every page of one kind (articles, topic pages, places) with one pattern, so
    links sharing a pattern on a page are pages of one kind.
    """
    parts = urlsplit(url)
    path = unquote(parts.path).lower()
    segments = [_segment_pattern(s) for s in path.split("/") if s]
    slash = "/" if path.endswith("/") and segments else ""
    return f"{parts.hostname or ''}/{'/'.join(segments)}{slash}"


def _segment_pattern(segment: str) -> str:
    tokens: list[str] = []
    for token in _TOKEN_SEPARATORS.split(segment):
        kind = _token_kind(token)
        # A slug of any length is one "w": "old-mill-pl14021" is minted like "harbour-pl24021".
        if token and not (kind == "w" and tokens and tokens[-1] == "w"):
            tokens.append(kind)
    return "-".join(tokens)


def _token_kind(token: str) -> str:
    if token.isalpha():
        return "w"
    if token.isdigit():
        return "9"
    if _CODED_ID.fullmatch(token):
        return "c9"
    return "x" if _HEX_ID.fullmatch(token) else "?"
