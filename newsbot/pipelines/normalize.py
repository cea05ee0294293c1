"""NormalizePipeline: one spelling for every field before anything compares or exports it."""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter

from newsbot.dates import to_utc_iso
from newsbot.text import body_fingerprint, clean_body, clean_text, word_count
from newsbot.urls import canonical_url, is_http_url

_TEXT_FIELDS = ("title", "description")
_DATE_FIELDS = ("published_at", "modified_at")
_LIST_FIELDS = ("authors", "tags")


class NormalizePipeline:
    """Whitespace, Unicode NFC, entities, invisible characters, canonical URLs and UTC dates.

    Derived fields (``word_count``, ``fingerprint``) are recomputed from the cleaned body so
    they always agree with what is exported. Reads no settings.
    """

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        if not adapter.get("normalized"):
            normalize(adapter)
        return item


def normalize(adapter: ItemAdapter) -> None:
    """Every field of the item in its one spelling (what the pipeline does, also run by the
    extraction workers)."""
    for name in _TEXT_FIELDS:
        adapter[name] = clean_text(adapter.get(name) or "") or None
    for name in _LIST_FIELDS:
        adapter[name] = unique_clean(adapter.get(name) or [])
    for name in _DATE_FIELDS:
        adapter[name] = to_utc_iso(adapter.get(name))
    adapter["body"] = clean_body(adapter.get("body") or "")
    adapter["word_count"] = word_count(adapter["body"])
    adapter["fingerprint"] = body_fingerprint(adapter["body"])
    adapter["url"] = canonical_url(adapter["url"])
    image = adapter.get("image_url")
    adapter["image_url"] = image if image and is_http_url(image) else None
    language = (adapter.get("language") or "").strip().lower()[:2]
    adapter["language"] = language if language.isalpha() and len(language) == 2 else None


def unique_clean(values: list[str]) -> list[str]:
    """Cleaned, non-empty values, first spelling kept, compared case-insensitively."""
    seen: set[str] = set()
    result = []
    for value in values:
        cleaned = clean_text(value)
        if cleaned and cleaned.casefold() not in seen:
            seen.add(cleaned.casefold())
            result.append(cleaned)
    return result
