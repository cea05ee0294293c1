"""The extractors compared: newsbot, and every peer that happens to be installed."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass

from newsbot.extraction import extract_article


@dataclass(frozen=True)
class Prediction:
    """What an extractor said about one page (None: the extractor does not give that field)."""

    body: str
    title: str | None = None
    authors: tuple[str, ...] | None = None
    published: str | None = None
    language: str | None = None
    tags: tuple[str, ...] | None = None


Extractor = Callable[[bytes, str], Prediction]


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


def trafilatura(html: bytes, url: str) -> Prediction:
    from trafilatura import bare_extraction  # noqa: PLC0415 (a peer, imported only when run)

    document = bare_extraction(html, url=url, with_metadata=True)
    if document is None or isinstance(document, dict):  # a dict only with as_dict=True
        return Prediction("")
    authors = tuple(a.strip() for a in (document.author or "").split(";") if a.strip())
    tags = tuple(t.strip() for t in (document.tags or []) if t.strip())
    return Prediction(
        document.text or "", document.title, authors, document.date, document.language, tags
    )


def readability(html: bytes, url: str) -> Prediction:
    from lxml.html import HtmlElement, document_fromstring  # noqa: PLC0415
    from readability import Document  # noqa: PLC0415

    document = Document(html, url=url)
    summary = document_fromstring(document.summary())
    text = summary.text_content() if isinstance(summary, HtmlElement) else ""
    return Prediction(text, document.short_title())


def newspaper4k(html: bytes, url: str) -> Prediction:
    import newspaper  # noqa: PLC0415

    article = newspaper.Article(url)
    article.download(input_html=html.decode("utf-8", "replace"))
    article.parse()
    published = article.publish_date.isoformat() if article.publish_date else None
    return Prediction(article.text, article.title, tuple(article.authors), published)


def goose3(html: bytes, url: str) -> Prediction:
    from goose3 import Goose  # noqa: PLC0415

    with Goose() as goose:
        article = goose.extract(raw_html=html.decode("utf-8", "replace"), url=url)
    published = article.publish_datetime_utc.isoformat() if article.publish_datetime_utc else None
    return Prediction(article.cleaned_text, article.title, tuple(article.authors), published)


_PEERS: dict[str, tuple[str, Extractor]] = {
    "trafilatura": ("trafilatura", trafilatura),
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
