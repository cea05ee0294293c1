"""JSON-LD blocks of a page as one graph, and its main entity (the article the page is about)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from lxml.html import HtmlElement

#: One JSON-LD object; values stay ``object`` and are checked where they are read.
Node = dict[str, object]

# Article subtypes whose names do not end in "Article" (schema.org CreativeWork tree).
_ARTICLE_TYPES = frozenset({"BlogPosting", "LiveBlogPosting", "Report", "SocialMediaPosting"})
# Deeper nesting than this is not structured data but a payload (app state, a whole feed).
_MAX_DEPTH = 12
# Repairs for what CMS templates get wrong; tried only when strict JSON fails.
_CDATA = re.compile(r"<!\[CDATA\[|\]\]>|<!--|-->")
_LINE_COMMENT = re.compile(r"^\s*//[^\n]*", re.MULTILINE)
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


@dataclass(frozen=True)
class LinkedData:
    """All JSON-LD nodes of a page, indexed by ``@id``, with the first article node as ``main``."""

    nodes: tuple[Node, ...] = ()
    by_id: Mapping[str, Node] = field(default_factory=dict)
    main: Node | None = None

    def resolve(self, value: object) -> object:
        """A ``{"@id": ...}`` reference replaced by the node it names (Yoast @graph style)."""
        if isinstance(value, dict) and set(value) <= {"@id", "@type"}:
            return self.by_id.get(str(value.get("@id")), value)
        return value

    def values(self, key: str) -> list[object]:
        """The main entity's ``key`` as a flat list, references resolved."""
        if self.main is None:
            return []
        raw = self.main.get(key)
        items = raw if isinstance(raw, list) else [raw]
        return [self.resolve(item) for item in items if item is not None]

    def text(self, key: str, *, anywhere: bool = False) -> str | None:
        """The first string under ``key`` in the main entity (or, with ``anywhere``, any node)."""
        nodes = [self.main] if self.main is not None else []
        if anywhere:
            nodes += self.nodes
        for node in nodes:
            value = node.get(key)
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str | int | float) and str(item).strip():
                    return str(item).strip()
        return None

    def types(self) -> set[str]:
        """The ``@type`` names of the top-level nodes (what the page declares itself to hold)."""
        return {name for node in self.nodes for name in node_types(node)}


def node_types(node: Mapping[str, object]) -> list[str]:
    """``@type`` as bare names: "schema:NewsArticle" and "https://schema.org/NewsArticle" both
    become "NewsArticle"."""
    raw = node.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return [re.split(r"[/:#]", name)[-1] for name in names if isinstance(name, str) and name]


def is_article(node: Mapping[str, object]) -> bool:
    """Whether the node is an Article or one of its subtypes."""
    return any(t.endswith("Article") or t in _ARTICLE_TYPES for t in node_types(node))


def read_linked_data(root: HtmlElement) -> LinkedData:
    """Every parseable ``application/ld+json`` block of the page; broken blocks are skipped."""
    nodes: list[Node] = []
    for script in root.iter("script"):
        if "ld+json" in (script.get("type") or "").lower():
            nodes.extend(_top_nodes(_load(script.text or "")))
    by_id: dict[str, Node] = {}
    for node in _walk(nodes, 0):
        key = node.get("@id")
        # The full node wins over the bare references to it that appear elsewhere.
        if isinstance(key, str) and len(node) > len(by_id.get(key, {})):
            by_id[key] = node
    linked = LinkedData(nodes=tuple(nodes), by_id=by_id)
    return replace(linked, main=_main_entity(linked))


def _load(text: str) -> object:
    for attempt in (text, _repair(text)):
        try:
            return json.loads(attempt, strict=False)
        except (ValueError, RecursionError):
            continue
    return None


def _repair(text: str) -> str:
    text = _CDATA.sub("", text)
    text = _LINE_COMMENT.sub("", text)
    return _TRAILING_COMMA.sub(r"\1", text)


def _top_nodes(value: object, depth: int = 0) -> Iterator[Node]:
    """Objects at the top of a block: the block itself, list members and ``@graph`` members."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(value, list):
        for item in value:
            yield from _top_nodes(item, depth + 1)
    elif isinstance(value, dict):
        graph = value.get("@graph")
        if "@type" in value or graph is None:
            yield value
        if graph is not None:
            yield from _top_nodes(graph, depth + 1)


def _walk(value: object, depth: int) -> Iterator[Node]:
    if depth > _MAX_DEPTH:
        return
    if isinstance(value, dict):
        yield value
        children: list[object] = list(value.values())
    elif isinstance(value, list):
        children = list(value)
    else:
        return
    for child in children:
        yield from _walk(child, depth + 1)


def _main_entity(linked: LinkedData) -> Node | None:
    """The first article-typed node, also looking one level into ``mainEntity`` of page nodes.

    ``itemListElement`` is not searched: a listing's teasers are articles, the page is not.
    """
    for node in linked.nodes:
        inner = linked.resolve(node.get("mainEntity"))
        for candidate in (node, inner):
            if isinstance(candidate, dict) and is_article(candidate):
                return candidate
    return None
