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

    url: str
    site: str | None = None
    section: str | None = None
    title: str | None = None
    description: str | None = None
    body: str = ""
    authors: list[str] = field(default_factory=list)
    published_at: str | None = None
    modified_at: str | None = None
    language: str | None = None
    tags: list[str] = field(default_factory=list)
    image_url: str | None = None
    word_count: int = 0
    source_url: str = ""
    fetched_at: str | None = None
    fingerprint: str = ""
    #: The story this article tells: its own id, or that of the first copy it nearly
    #: duplicates (the same wire story on another site), when near-duplicates are linked.
    story_id: str | None = None
    #: 1 for the first export of an article; 2, 3... when an updated version is exported again.
    revision: int = 1
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
