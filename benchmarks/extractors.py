"""The extractors compared: newsbot, and every peer that happens to be installed."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass

from newsbot.extraction import extract_article

#: The fields of a Prediction beside the body, which an extractor may or may not give.
FIELDS = ("title", "authors", "published", "language", "tags")


@dataclass(frozen=True)
class Prediction:
    """What an extractor said about one page (None: it found no such thing on this page)."""

    body: str
    title: str | None = None
    authors: tuple[str, ...] | None = None
    published: str | None = None
    language: str | None = None
    tags: tuple[str, ...] | None = None


Extract = Callable[[bytes, str], Prediction]


@dataclass(frozen=True)
class Extractor:
    """An extraction function and the Prediction fields it gives at all: a field it never gives
    is not applicable in its row, where one it gives and misses on a page is wrong there."""

    extract: Extract
    gives: frozenset[str]

    def __call__(self, html: bytes, url: str) -> Prediction:
        return self.extract(html, url)


def gives(*fields: str) -> Callable[[Extract], Extractor]:
    """Declare which Prediction fields the decorated extraction function gives."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ValueError(f"not Prediction fields: {sorted(unknown)}")
    return lambda extract: Extractor(extract, frozenset(fields))


@gives(*FIELDS)
def newsbot(html: bytes, url: str) -> Prediction:
    article = extract_article(html, url)
    return Prediction(
        article.body,
        article.title,
        tuple(article.authors),
        article.published_at,
        article.language,
        tuple(article.tags),
    )


# trafilatura detects a language only to filter on one (target_language): it gives none.
_TRAFILATURA = ("title", "authors", "published", "tags")


@gives(*_TRAFILATURA)
def trafilatura(html: bytes, url: str) -> Prediction:
    """trafilatura as called by default: no preference, every fallback extractor."""
    return _trafilatura(html, url, fast=False)


@gives(*_TRAFILATURA)
def trafilatura_fast(html: bytes, url: str) -> Prediction:
    """trafilatura without its fallback extractors, the mode newsbot calls first."""
    return _trafilatura(html, url, fast=True)


def _trafilatura(html: bytes, url: str, *, fast: bool) -> Prediction:
    from trafilatura import bare_extraction  # noqa: PLC0415 (a peer, imported only when run)

    document = bare_extraction(html, url=url, with_metadata=True, fast=fast)
    if document is None or isinstance(document, dict):  # a dict only with as_dict=True
        return Prediction("")
    authors = tuple(a.strip() for a in (document.author or "").split(";") if a.strip())
    tags = tuple(t.strip() for t in (document.tags or []) if t.strip())
    return Prediction(document.text or "", document.title, authors, document.date, tags=tags)


@gives("title")
def readability(html: bytes, url: str) -> Prediction:
    from lxml.html import HtmlElement, document_fromstring  # noqa: PLC0415
    from readability import Document  # noqa: PLC0415

    document = Document(html, url=url)
    summary = document_fromstring(document.summary())
    text = summary.text_content() if isinstance(summary, HtmlElement) else ""
    return Prediction(text, document.short_title())


@gives(*FIELDS)
def newspaper4k(html: bytes, url: str) -> Prediction:
    import newspaper  # noqa: PLC0415

    # Images are not text; fetching them would time the network, not the extractor.
    article = newspaper.Article(url, fetch_images=False)
    article.download(input_html=html.decode("utf-8", "replace"))
    article.parse()
    published = article.publish_date.isoformat() if article.publish_date else None
    return Prediction(
        article.text,
        article.title,
        tuple(article.authors),
        published,
        article.meta_lang,
        tuple(article.tags or ()),
    )


@gives(*FIELDS)
def goose3(html: bytes, url: str) -> Prediction:
    from goose3 import Goose  # noqa: PLC0415

    with Goose() as goose:
        article = goose.extract(raw_html=html.decode("utf-8", "replace"), url=url)
    published = article.publish_datetime_utc.isoformat() if article.publish_datetime_utc else None
    return Prediction(
        article.cleaned_text,
        article.title,
        tuple(article.authors),
        published,
        article.meta_lang,
        tuple(article.tags or ()),
    )


_PEERS: dict[str, tuple[str, Extractor]] = {
    "trafilatura": ("trafilatura", trafilatura),
    "trafilatura-fast": ("trafilatura", trafilatura_fast),
    "readability-lxml": ("readability", readability),
    "newspaper4k": ("newspaper", newspaper4k),
    "goose3": ("goose3", goose3),
}


def available_extractors(names: list[str] | None = None) -> dict[str, Extractor]:
    """newsbot plus the installed peers (or just ``names``, when given)."""
    found: dict[str, Extractor] = {"newsbot": newsbot}
    for name, (module, extractor) in _PEERS.items():
        if importlib.util.find_spec(module) is not None:
            found[name] = extractor
    return {k: v for k, v in found.items() if names is None or k in names}
