"""The one exported record: an article, in the field order of the CSV columns."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

#: Metadata key marking fields that exist for the pipeline but are never exported.
INTERNAL = "newsbot_internal"
#: Metadata key of an exported field's description for analysts (the data dictionary).
DOC = "newsbot_doc"


@dataclass
class Article:
    """A news article as analysts receive it.

    Field names and order are a contract (other tools read them; new fields only ever come
    at the end); ``page_type`` and ``date_source`` are internal: pipelines read them, exports
    leave them out.
    Dates are ISO 8601 strings normalized to UTC, or ``None`` when the page does not say.
    """

    url: str = field(
        metadata={
            DOC: "The article's canonical URL: the page's rel=canonical (or og:url) when it is on "
            "the same site, else the URL fetched. Tracking and session parameters (utm_*, "
            "fbclid, gclid…) and the fragment are removed, the host lower-cased and the query "
            "sorted, so one article has one spelling across runs."
        }
    )
    site: str | None = field(
        default=None,
        metadata={
            DOC: "The key of the site the article was crawled from: its declaration's file name "
            "(pacific_ledger for pacific_ledger.toml). Set by the crawl on every article."
        },
    )
    section: str | None = field(
        default=None,
        metadata={
            DOC: "The section crawled, as the site's declaration and the spider name it "
            "(asia_pacific). Set by the crawl on every article."
        },
    )
    title: str | None = field(
        default=None,
        metadata={
            DOC: "The headline as printed on the page (the site's title selector, else the "
            "headline its JSON-LD, og:title or <title> confirm), without the site name that "
            "<title> tags append. Never null in exports: pages without a title are dropped."
        },
    )
    description: str | None = field(
        default=None,
        metadata={
            DOC: "The summary the page gives of itself: og:description, else the meta, Twitter "
            "or JSON-LD description; null when it gives none (newsbot writes no summaries)."
        },
    )
    body: str = field(
        default="",
        metadata={
            DOC: "The article text only, paragraphs separated by one blank line; subheadings, "
            "quotes and list items kept, no navigation, share prompts, author bios, related "
            "links, newsletter prompts or wire trailers. Whitespace, entities and Unicode (NFC) "
            "normalized."
        },
    )
    authors: list[str] = field(
        default_factory=list,
        metadata={
            DOC: "The people the page credits (JSON-LD, else author meta tags, else the printed "
            "byline), in page order, deduplicated ignoring case; an agency or desk credit "
            "(Associated Press) only when the page names no person. Empty when it credits nobody."
        },
    )
    published_at: str | None = field(
        default=None,
        metadata={
            DOC: "When the article was published, as the page says (JSON-LD, meta tags, <time>, "
            "else htmldate's reading of the page), in UTC: 2026-11-02T08:30:00+00:00. Null when "
            "the page does not say, never the crawl time; a date without a time is midnight UTC."
        },
    )
    modified_at: str | None = field(
        default=None,
        metadata={
            DOC: "When the page says the article was last updated (JSON-LD dateModified, "
            "article:modified_time, a <time> marked as an update), in UTC like published_at. "
            "Null when it does not say, or gives a time no later than published_at."
        },
    )
    language: str | None = field(
        default=None,
        metadata={
            DOC: "ISO 639-1 code (en, ja), region dropped: as the page declares it (<html lang>, "
            "meta tags, og:locale, JSON-LD, the site's declared language), else detected from "
            "the body. Null when neither tells (bodies under 200 characters are not guessed)."
        },
    )
    tags: list[str] = field(
        default_factory=list,
        metadata={
            DOC: "The topics the page declares (article:tag, JSON-LD or meta keywords, rel=tag "
            "links), deduplicated ignoring case, without CMS ids, 'Key: value' annotations or "
            "the site's own name. Empty when the page declares none."
        },
    )
    image_url: str | None = field(
        default=None,
        metadata={
            DOC: "Absolute http(s) URL of the lead image the page declares (og:image, JSON-LD "
            "image, twitter:image); null when there is none. The image itself is not fetched."
        },
    )
    word_count: int = field(
        default=0,
        metadata={
            DOC: "Words in body (tokens with a letter or digit; CJK text counts characters), "
            "counted on the exported body. Articles with fewer than NEWSBOT_VALIDATE_MIN_WORDS "
            "(default 50) are dropped."
        },
    )
    source_url: str = field(
        default="",
        metadata={
            DOC: "The URL the crawl actually fetched the page from, after any redirects. It "
            "differs from url when the page names another canonical URL or was redirected."
        },
    )
    fetched_at: str | None = field(
        default=None,
        metadata={
            DOC: "When the crawl fetched and extracted the page, to the second, in UTC like "
            "published_at. Set by the crawl on every article."
        },
    )
    fingerprint: str = field(
        default="",
        metadata={
            DOC: "Hash of the normalized body text (32 hex characters of SHA-256 over its words, "
            "ignoring case, punctuation and spacing), used for exact-duplicate detection: a text "
            "exported once is never exported again, under any URL or markup."
        },
    )
    story_id: str | None = field(
        default=None,
        metadata={
            DOC: "The story this article tells, linking near-duplicates (the same wire story on "
            "another site, a light rewrite): its own id (16 hex characters, from the URL it was "
            "first exported under), or that of the first copy it nearly duplicates when "
            "near-duplicates are linked (the default). Revisions keep their article's id."
        },
    )
    revision: int = field(
        default=1,
        metadata={
            DOC: "1 for the first export of an article; 2, 3… when an updated version (a changed "
            "body under a known URL) is exported again. Keep the highest per url for the latest."
        },
    )
    #: What the page says it is: "article", or e.g. "website", "listing", "video" (from og:type,
    #: JSON-LD @type and page shape); the validate pipeline drops what is not an article.
    page_type: str = field(default="article", metadata={INTERNAL: True})
    #: Which source gave ``published_at`` (e.g. "json-ld", "meta", "time", "htmldate").
    date_source: str | None = field(default=None, metadata={INTERNAL: True})
    #: The near-duplicate signature of the body (``newsbot.neardup``), signed where the page
    #: was extracted, with the fingerprint of the text it was computed on: deduplication uses
    #: it while the fingerprint still matches the body, and signs the body itself otherwise.
    near_signature: tuple[str, bytes | None] | None = field(
        default=None, metadata={INTERNAL: True}, repr=False
    )
    #: Set where the article was normalized with the pipeline's own rules (the extraction
    #: worker, off the reactor thread); the normalize pipeline then has nothing to redo. What
    #: the spider adds afterwards (site, section, source_url, fetched_at) is never normalized.
    normalized: bool = field(default=False, metadata={INTERNAL: True}, repr=False)


#: The exported columns, in order (FEED_EXPORT_FIELDS).
EXPORT_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(Article) if not f.metadata.get(INTERNAL)
)

#: ``page_type`` values of articles: "unknown" (the page did not say what it is) passes too,
#: and its text decides.
ARTICLE_PAGE_TYPES: frozenset[str] = frozenset({"article", "unknown"})

#: Fields holding lists; CSV joins them with LIST_SEPARATOR.
LIST_FIELDS: frozenset[str] = frozenset({"authors", "tags"})
LIST_SEPARATOR = "; "
