"""Fields that are the first usable value among a few declared sources (meta, JSON-LD, markup)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from newsbot.text import clean_text
from newsbot.urls import canonical_url, registrable_domain

if TYPE_CHECKING:
    from newsbot.extraction.document import Page

_LANGUAGE = re.compile(r"^\s*([a-zA-Z]{2})(?:[-_]|\s*$)")


def extract_url(page: Page) -> str:
    """The page's declared canonical URL when it is on the same site, else the fetched URL.

    A canonical on another registrable domain (a syndication partner) or pointing at a home
    page (a template bug) is not trusted: the fetched URL is the article then.
    """
    for declared in (page.meta.link("canonical"), page.meta.first("og:url")):
        candidate = page.absolute(declared)
        if candidate and _same_site(candidate, page.url) and not _is_home(candidate, page.url):
            return canonical_url(candidate)
    return canonical_url(page.url)


def extract_description(page: Page) -> str | None:
    """og:description, meta description, twitter:description, JSON-LD description."""
    value = page.meta.first("og:description", "description", "twitter:description")
    value = value or page.linked.text("description")
    return clean_text(value) if value else None


def extract_language(page: Page) -> str | None:
    """ISO 639-1 code from html lang, content-language, og:locale, JSON-LD, or the site's hint."""
    candidates = (
        page.root.get("lang"),
        page.root.get("xml:lang"),
        page.meta.first("content-language", "language", "dc.language"),
        page.meta.first("og:locale"),
        page.linked.text("inLanguage", anywhere=True),
        page.hints.language,
    )
    for candidate in candidates:
        match = _LANGUAGE.match(candidate or "")
        if match:
            return match.group(1).lower()
    return None


def extract_image(page: Page) -> str | None:
    """The lead image: og:image, JSON-LD image (URL, ImageObject or list), twitter:image."""
    linked = [_image_url(value) for value in page.linked.values("image")]
    candidates = [
        page.meta.first("og:image", "og:image:url", "og:image:secure_url"),
        *linked,
        page.meta.first("twitter:image", "twitter:image:src"),
    ]
    return next((url for c in candidates if (url := page.absolute(c))), None)


def _image_url(value: object) -> str | None:
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl")
    return value if isinstance(value, str) else None


def _same_site(url: str, other: str) -> bool:
    return registrable_domain(url) == registrable_domain(other)


def _is_home(url: str, fetched: str) -> bool:
    return urlsplit(url).path in {"", "/"} and urlsplit(fetched).path not in {"", "/"}
