"""The page's main run of prose, told from teaser snippets by where each paragraph sits.

An article's paragraphs sit side by side in one container, whatever wraps each of them (a
``<div>`` per paragraph, an ad slot or a screen-reader label between them). A section front's
text is snippets, each in a teaser card of its own beside the card's headline, or each right
after its linked headline in one flat list. So: a paragraph belongs to the innermost element
around it that holds another significant block (a heading, a link, another paragraph); a
paragraph right after a link, or alone in its element beside a heading or a link, is a
teaser's snippet; the container holding the most paragraph text is the main prose.
Section fronts measured on the shared corpora reach at most 2 such paragraphs in one
container (an intro); articles of a few hundred words mostly reach 4 or more.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsbot.extraction.paragraphs import Block, Layout

# A paragraph of prose is at least this long (a teaser label, a byline, a caption credit is
# shorter) and at most this share link text.
_PARAGRAPH_CHARS = 80
_PARAGRAPH_LINK_SHARE = 0.2
# A block this share link text is a link: a headline, a menu entry, "read more".
_LINK_SHARE = 0.5
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass(frozen=True)
class Prose:
    """The main prose of a page (how many paragraphs and characters its container holds) and
    how many teaser snippets sit elsewhere."""

    paragraphs: int = 0
    chars: int = 0
    snippets: int = 0
    #: The element holding the main prose, an ordinal into ``Layout.elements`` (-1: the top).
    container: int = -1

    def is_long(self, paragraphs: int, chars: int) -> bool:
        """At least ``paragraphs`` paragraphs holding at least ``chars`` characters."""
        return self.paragraphs >= paragraphs and self.chars >= chars


def main_prose(layout: Layout) -> Prose:
    """The paragraphs of the container holding the most prose, and the teasers' snippets:
    paragraphs right after a link, or alone in a card beside a headline or a link."""
    kinds = [_kind(layout, block) for block in layout.blocks]
    held = _held(layout.blocks, kinds)
    groups: dict[int, list[int]] = {}
    attached = 0
    previous = ""
    for block, kind in zip(layout.blocks, kinds, strict=True):
        if kind == "prose" and previous == "link":
            attached += 1
        elif kind == "prose":
            groups.setdefault(_group(block, held), []).append(len(block.text))
        previous = kind or previous
    container = max(groups, key=lambda key: sum(groups[key]), default=-1)
    main = groups.get(container, [])
    carded = sum(len(group) == 1 for key, group in groups.items() if key >= 0)
    return Prose(len(main), sum(main), attached + carded, container)


def prose_texts(layout: Layout, prose: Prose) -> list[str]:
    """The text of the main prose's container, its links (teasers, menus) left out; with no
    container, the text of the blocks belonging to none."""
    kinds = [_kind(layout, block) for block in layout.blocks]
    held = _held(layout.blocks, kinds)
    return [
        block.text
        for block, kind in zip(layout.blocks, kinds, strict=True)
        if kind != "link"
        and (
            prose.container in block.path
            if prose.container >= 0
            else _group(block, held) == prose.container
        )
    ]


def _group(block: Block, held: dict[int, int]) -> int:
    """The innermost element around ``block`` holding another significant block (-1: none)."""
    return next((e for e in reversed(block.path) if held.get(e, 0) > 1), -1)


def _held(blocks: list[Block], kinds: list[str]) -> dict[int, int]:
    """How many significant blocks each element holds."""
    held: dict[int, int] = {}
    for block, kind in zip(blocks, kinds, strict=True):
        if kind:
            for element in block.path:
                held[element] = held.get(element, 0) + 1
    return held


def _kind(layout: Layout, block: Block) -> str:
    """The block's kind: link, heading, prose, or "" for what says nothing (labels, bylines)."""
    if block.link_chars >= _LINK_SHARE * len(block.text):
        return "link"
    if layout.tag(block) in _HEADINGS:
        return "heading"
    long = len(block.text) >= _PARAGRAPH_CHARS
    return "prose" if long and block.link_chars < _PARAGRAPH_LINK_SHARE * len(block.text) else ""
