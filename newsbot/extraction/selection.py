"""Which blocks of a page are the article: trafilatura's paragraphs found again on the page,
then corrected with what the tree around them shows.

trafilatura judges a paragraph mostly by itself; its place on the page says more:

- an article sits in one container: what trafilatura kept *after* that container's last
  paragraph and *outside* it (related links, author bios, promotions) is furniture;
- a paragraph or subheading between two article paragraphs of the same parent is article
  text even where trafilatura dropped it (a paragraph that is mostly links, say);
- an article body split into several containers styled alike (ads between them) goes on in
  each of them, though trafilatura reads only the first;
- a run of short paragraphs that are mostly links is a list of teasers ("more on this"),
  wherever it sits; so is a paragraph that is a short label and then only a link ("Lesen
  Sie auch: <headline>", "FUNDA OLUNYE UDABA LAPHA | <headline>"), in any language;
- a paragraph or heading in the article's ``<header>`` that repeats the summary is its dek
  (standfirst), not its text; the same words opening the body are its lead, and stay.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from newsbot.extraction.phrases import is_furniture
from newsbot.extraction.sitename import compact

if TYPE_CHECKING:
    from collections.abc import Iterator

    from newsbot.extraction.paragraphs import Block, Layout

# The article's container is the innermost element holding this share of the chosen text
# (over half, so the candidates nest and the innermost one is well defined).
_CONTAINER_SHARE = 0.7
# A parent holding this many chosen paragraphs is part of the article body.
_BODY_PARENT_MIN = 2
# A block this much link text is a link (a teaser, a "more" link), never a recalled paragraph.
_LINK_BLOCK = 0.95
# Teaser lists: at least this many blocks in a row, each this short and this much link text.
_LINK_LIST_MIN = 3
_LINK_LIST_ITEM_CHARS = 250
_LINK_LIST_SHARE = 0.5
# An inline teaser: a label of at most this many words ending in a separator, then a link
# of at least this many words (a headline; "Email: x@y" is a contact) holding this share of
# the rest. Social handles ("Accounts: @a, @b, @c") are credits, not teasers.
_TEASER_LABEL_WORDS = 8
_TEASER_LABEL_END = re.compile(r"[|:»\u203a>\u2013\u2014-]$")
_TEASER_LINK_WORDS = 3
_TEASER_LINK_SHARE = 0.9
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Blocks are looked up by this many first characters when a chosen paragraph is several
# blocks the extractor merged.
_RUN_KEY_CHARS = 20
# Plain paragraphs and subheadings are recalled; lists and boxes the extractor dropped were
# dropped for a reason more often than not.
_RECALLED_TAGS = _HEADINGS | {"p"}


class _Selection:
    """Chosen blocks of one layout, plus chosen text found on no block (kept where it was)."""

    def __init__(self, layout: Layout, chosen: list[str]) -> None:
        self.layout = layout
        self.kept = [False] * len(layout.blocks)
        self.unplaced: dict[int, list[str]] = {}
        self._place(chosen)

    def _place(self, chosen: list[str]) -> None:
        """Each chosen paragraph on the first unused block with its text, in page order where
        possible, or on a run of consecutive blocks it joins into one (lines split by <br>
        that the extractor merged); text on no block (rewritten by the extractor) follows the
        block placed before it."""
        # Unused block indices per text, ascending: a page repeating one text thousands of
        # times (a hostile page) must not make placement quadratic.
        free: dict[str, list[int]] = {}
        starts: dict[str, list[int]] = {}
        for index, block in enumerate(self.layout.blocks):
            free.setdefault(block.text, []).append(index)
            starts.setdefault(block.text[:_RUN_KEY_CHARS], []).append(index)
        last = -1
        for text in chosen:
            unused = free.get(text)
            if unused:
                after = bisect_right(unused, last)
                last = unused.pop(after if after < len(unused) else 0)
                self.kept[last] = True
            elif run := self._merged_run(text, starts.get(text[:_RUN_KEY_CHARS], []), free):
                for index in run:
                    free[self.layout.blocks[index].text].remove(index)
                    self.kept[index] = True
                last = run[-1]
            else:
                self.unplaced.setdefault(last, []).append(text)

    def _merged_run(self, text: str, starts: list[int], free: dict[str, list[int]]) -> list[int]:
        """Consecutive unused blocks, from one of ``starts``, whose texts joined make ``text``."""
        blocks = self.layout.blocks
        for start in starts:
            run, joined = [start], blocks[start].text
            while len(joined) < len(text) and run[-1] + 1 < len(blocks):
                run.append(run[-1] + 1)
                joined = f"{joined} {blocks[run[-1]].text}"
                if not text.startswith(joined):
                    break
            if joined == text and all(i in free.get(blocks[i].text, ()) for i in run):
                return run
        return []

    def indices(self) -> list[int]:
        return [i for i, kept in enumerate(self.kept) if kept]

    def texts(self) -> Iterator[str]:
        """The kept text, placed or not, in no particular order."""
        yield from (self.layout.blocks[i].text for i in self.indices())
        for texts in self.unplaced.values():
            yield from texts

    def paragraphs(self) -> list[str]:
        """The kept blocks' text and the unplaced text, in page order."""
        out = list(self.unplaced.get(-1, ()))
        for index, block in enumerate(self.layout.blocks):
            if self.kept[index]:
                out.append(block.text)
            out.extend(self.unplaced.get(index, ()))
        return out


def select_paragraphs(layout: Layout, chosen: list[str], description: str | None) -> list[str]:
    """The article's paragraphs in page order, from the extractor's ``chosen`` paragraphs."""
    selection = _Selection(layout, chosen)
    if any(selection.kept):
        _cut_tail(selection)
        _recall(selection)
        _drop_link_lists(selection)
        _drop_inline_teasers(selection)
        _drop_dek(selection, description)
    return selection.paragraphs()


def _container(selection: _Selection) -> int | None:
    """The innermost element holding ``_CONTAINER_SHARE`` of the kept text."""
    held: dict[int, int] = {}
    depth: dict[int, int] = {}
    total = 0
    for index in selection.indices():
        block = selection.layout.blocks[index]
        total += len(block.text)
        for level, element in enumerate(block.path):
            held[element] = held.get(element, 0) + len(block.text)
            depth[element] = level
    found = [element for element, size in held.items() if size >= _CONTAINER_SHARE * total]
    return max(found, key=depth.__getitem__) if found else None


def _cut_tail(selection: _Selection) -> None:
    """Unkeep what follows the container's last kept block outside the container."""
    container = _container(selection)
    if container is None:
        return
    blocks = selection.layout.blocks
    inside = [i for i in selection.indices() if container in blocks[i].path]
    for index in range(inside[-1] + 1, len(blocks)):
        if container not in blocks[index].path:
            selection.kept[index] = False


def _recall(selection: _Selection) -> None:
    """Keep the body's paragraphs trafilatura dropped; a subheading only with what it heads."""
    layout, kept = selection.layout, selection.indices()
    body = _BodyParents(layout, kept)
    known = "\n".join(selection.texts())
    headings = []
    for index, block in enumerate(layout.blocks):
        if selection.kept[index] or layout.tag(block) not in _RECALLED_TAGS:
            continue
        if not body.holds(block, between=kept[0] < index < kept[-1]):
            continue
        if _recallable(block) and block.text not in known:
            if layout.tag(block) in _HEADINGS:
                headings.append(index)
            else:
                selection.kept[index] = True
    for index in headings:
        following = index + 1
        selection.kept[index] = (
            following < len(layout.blocks)
            and selection.kept[following]
            and layout.blocks[following].parent == layout.blocks[index].parent
        )


def _recallable(block: Block) -> bool:
    return block.link_chars < _LINK_BLOCK * len(block.text) and not is_furniture(block.text)


_Signature = tuple[str, frozenset[str], str, str]


class _BodyParents:
    """The elements whose children are the article's paragraphs, and their twins: other
    elements with the same tag inside a parent with the same tag and class, whose class tokens
    are among theirs or hold them (the last part of a split body may lack a modifier)."""

    def __init__(self, layout: Layout, kept: list[int]) -> None:
        self.layout = layout
        per_parent: dict[int, int] = {}
        for index in kept:
            parent = layout.blocks[index].parent
            per_parent[parent] = per_parent.get(parent, 0) + 1
        self.parents = {p for p, count in per_parent.items() if count >= _BODY_PARENT_MIN}
        self.signatures = {self._signature(p) for p in self.parents if p >= 0}
        self._twins: dict[int, bool] = {}

    def holds(self, block: Block, between: bool) -> bool:
        """Whether ``block`` sits in a body parent between kept blocks, or in a twin."""
        if block.parent in self.parents:
            return between
        if block.parent < 0:
            return False
        if block.parent not in self._twins:
            self._twins[block.parent] = self._is_twin(self._signature(block.parent))
        return self._twins[block.parent]

    def _signature(self, ordinal: int) -> _Signature:
        element = self.layout.elements[ordinal]
        outer = self.layout.elements[element.parent] if element.parent >= 0 else element
        return element.tag, frozenset(element.classes.split()), outer.tag, outer.classes

    def _is_twin(self, signature: _Signature) -> bool:
        tag, classes, outer_tag, outer_classes = signature
        return bool(classes) and any(
            (tag, outer_tag, outer_classes) == (body_tag, body_outer_tag, body_outer_classes)
            and body_classes
            and (classes <= body_classes or body_classes <= classes)
            for body_tag, body_classes, body_outer_tag, body_outer_classes in self.signatures
        )


def _drop_link_lists(selection: _Selection) -> None:
    """Unkeep runs of ``_LINK_LIST_MIN`` or more kept blocks that each look like a teaser."""
    for run in _teaser_runs(selection):
        if len(run) >= _LINK_LIST_MIN:
            for index in run:
                selection.kept[index] = False


def _teaser_runs(selection: _Selection) -> Iterator[list[int]]:
    run: list[int] = []
    for index in selection.indices():
        block = selection.layout.blocks[index]
        if len(block.text) <= _LINK_LIST_ITEM_CHARS and (
            block.link_chars >= _LINK_LIST_SHARE * len(block.text)
        ):
            run.append(index)
        elif run:
            yield run
            run = []
    if run:
        yield run


def _drop_inline_teasers(selection: _Selection) -> None:
    """Unkeep paragraphs that are a label and a link to another story."""
    for index in selection.indices():
        if _is_inline_teaser(selection.layout.blocks[index]):
            selection.kept[index] = False


def _is_inline_teaser(block: Block) -> bool:
    label, link = block.lead, block.text[len(block.lead) :].strip()
    return (
        0 < len(label.split()) <= _TEASER_LABEL_WORDS
        and bool(_TEASER_LABEL_END.search(label))
        and len(link.split()) >= _TEASER_LINK_WORDS
        and "@" not in link
        and block.link_chars >= _TEASER_LINK_SHARE * len(link)
    )


def _drop_dek(selection: _Selection, description: str | None) -> None:
    """Unkeep a block in a ``<header>`` that repeats the page's summary."""
    key = compact(description or "")
    if not key:
        return
    layout = selection.layout
    for index in selection.indices():
        block = layout.blocks[index]
        if compact(block.text) != key:
            continue
        if any(layout.elements[e].tag == "header" for e in block.path):
            selection.kept[index] = False
        return
