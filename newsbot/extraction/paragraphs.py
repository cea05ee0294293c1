"""Element trees to paragraphs, for both HTML and trafilatura's XML (p, head, item, quote).

A block element (paragraph, heading, list item, quote, table row) is its own paragraph, a line
break splits one, inline markup (links, emphasis) flows into the surrounding text.

``blocks_of`` keeps, beside each paragraph, where it sits in the tree: which block elements
enclose it and how much of it is link text. That is what tells an article's paragraphs from
the furniture around them when the text alone cannot. Its text has only its spacing
collapsed (a page has hundreds of blocks, an article a few dozen paragraphs): ``clean_text``
what is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from newsbot.text import clean_text

if TYPE_CHECKING:
    from collections.abc import Iterable

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
# Table cells: words, not paragraphs, but never glued to the next cell's ("Pos.Driver").
_CELLS = frozenset({"td", "th", "cell"})
# Never text: scripts, embedded media and form controls (their tails still are).
_SKIPPED = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
        "video", "audio", "canvas", "button", "select", "textarea", "input", "figcaption",
        "graphic",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of a page and its place in the tree."""

    text: str
    #: The enclosing block elements, outermost first, as ordinals into ``Layout.elements``;
    #: the last one holds the text.
    path: tuple[int, ...]
    #: Characters of the text that sit inside links.
    link_chars: int
    #: The text before its first link ("Read more:" in "Read more: <a>...</a>"); "" when it
    #: has no link or opens with one.
    lead: str = ""

    @property
    def parent(self) -> int:
        """The block element around the one holding the text (-1 at the top)."""
        return self.path[-2] if len(self.path) > 1 else -1


class Element(NamedTuple):
    """A block element of the tree: its tag, class attribute and enclosing block element."""

    tag: str
    classes: str
    parent: int  # an ordinal into ``Layout.elements``, -1 at the top


@dataclass(frozen=True)
class Layout:
    """A tree cut into blocks, and the block elements they point to."""

    blocks: list[Block]
    elements: list[Element]

    def tag(self, block: Block) -> str:
        """The tag of the element holding the block's text."""
        return self.elements[block.path[-1]].tag if block.path else ""


class _Collector:
    """Walks a tree once, cutting its text into blocks at block edges and line breaks."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.elements: list[Element] = []
        self._open: list[int] = []
        self._line: list[str] = []
        self._link_chars = 0
        self._lead: str | None = None  # the line's text before its first link

    def walk(self, element: _Element, in_link: bool = False) -> None:
        """Collect ``element``'s text (its tail belongs to the parent's flow)."""
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIPPED:
            return
        block = tag in _BLOCKS
        if (block or tag in _BREAKS) and self._line:
            self.flush()
        if block:
            parent = self._open[-1] if self._open else -1
            self._open.append(len(self.elements))
            self.elements.append(Element(tag, element.get("class") or "", parent))
        if tag in _CELLS:
            self._line.append(" ")
        in_link = in_link or tag == "a"
        self._add(element.text, in_link)
        for child in element:
            self.walk(child, in_link)
            self._add(child.tail, in_link)
        if block:
            if self._line:
                self.flush()
            self._open.pop()

    def _add(self, text: str | None, in_link: bool) -> None:
        if text:
            if in_link and self._lead is None:
                self._lead = "".join(self._line)
            self._line.append(text)
            if in_link:
                self._link_chars += len(text.strip())

    def flush(self) -> None:
        """End the line: a block of its text, if it has any (an empty line has no link text
        and no lead to reset either)."""
        text = " ".join("".join(self._line).split())
        if text:
            lead = " ".join((self._lead or "").split())
            self.blocks.append(
                Block(text, tuple(self._open), min(self._link_chars, len(text)), lead)
            )
        self._line.clear()
        self._link_chars = 0
        self._lead = None


def blocks_of(element: _Element) -> Layout:
    """The text of ``element`` as blocks, in document order (its own tail excluded)."""
    collector = _Collector()
    collector.walk(element)
    collector.flush()
    return Layout(collector.blocks, collector.elements)


def paragraphs_of(element: _Element) -> list[str]:
    """The text of ``element`` as paragraphs, in document order (its own tail excluded)."""
    return cleaned(block.text for block in blocks_of(element).blocks)


def cleaned(texts: Iterable[str]) -> list[str]:
    """``texts`` through ``clean_text``, without those left empty (only invisible characters)."""
    return [text for text in map(clean_text, texts) if text]
