"""Values a page prints after a label element: "<strong>Datum</strong> 28.04.2023",
"<dt>Author</dt><dd>Jane Doe</dd>" (fact boxes beside or below the article)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from newsbot.extraction.document import elements
from newsbot.text import clean_text

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml.html import HtmlElement

_LABELS = "//*[self::strong or self::b or self::dt or self::th or self::label or self::span]"
# A label is a word or two; longer text in bold is emphasis, not a label.
_MAX_LABEL_CHARS = 30


class Label(Protocol):
    """A pattern or a vocabulary (``newsbot.rules.Phrases``) that a label's text matches."""

    def fullmatch(self, text: str) -> object: ...


def labelled(root: HtmlElement, label: Label) -> Iterator[str]:
    """The text after each label element whose whole text ``label`` matches, in page order."""
    for element in elements(root.xpath(_LABELS)):
        text = element.text_content()
        if len(text) <= _MAX_LABEL_CHARS and label.fullmatch(text):
            value = clean_text(element.tail or "") or _next_text(element)
            if value:
                yield value


def _next_text(element: HtmlElement) -> str:
    sibling = element.getnext()
    return clean_text(sibling.text_content()) if sibling is not None else ""
