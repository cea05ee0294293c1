"""Element trees to paragraph lists, for both HTML and trafilatura's XML (p, head, item, quote).

A block element (paragraph, heading, list item, quote, table row) is its own paragraph, a line
break splits one, inline markup (links, emphasis) flows into the surrounding text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsbot.text import clean_text

if TYPE_CHECKING:
    from lxml.etree import _Element

# HTML blocks plus trafilatura's own names: head (heading), item, quote, list, row.
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "blockquote", "pre", "ul", "ol",
        "li", "dl", "dt", "dd", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
        "head", "item", "quote", "list", "row", "figure", "address", "details",
    }
)  # fmt: skip
_BREAKS = frozenset({"br", "lb"})
# Never text: scripts, embedded media and form controls (their tails still are).
_SKIPPED = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
        "video", "audio", "canvas", "button", "select", "textarea", "input", "figcaption",
        "graphic",
    }
)  # fmt: skip


class _Collector:
    """Walks a tree once, cutting its text into paragraphs at block edges and line breaks."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self._line: list[str] = []

    def walk(self, element: _Element) -> None:
        """Collect ``element``'s text (its tail belongs to the parent's flow)."""
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIPPED:
            return
        block = tag in _BLOCKS
        if block or tag in _BREAKS:
            self.flush()
        self._line.append(element.text or "")
        for child in element:
            self.walk(child)
            self._line.append(child.tail or "")
        if block:
            self.flush()

    def flush(self) -> None:
        text = clean_text("".join(self._line))
        if text:
            self.paragraphs.append(text)
        self._line.clear()


def paragraphs_of(element: _Element) -> list[str]:
    """The text of ``element`` as paragraphs, in document order (its own tail excluded)."""
    collector = _Collector()
    collector.walk(element)
    collector.flush()
    return collector.paragraphs
