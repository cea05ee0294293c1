"""Author names printed on the page: rel="author" links, byline elements, author-page links."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from newsbot.extraction.bylines import is_byline, split_names
from newsbot.extraction.document import elements
from newsbot.extraction.labels import labelled
from newsbot.extraction.vocabulary.bylines import (
    AUTHOR_LABELS,
    AUTHOR_PAGE_PATHS,
    BYLINE_CLASSES,
    NOT_BYLINE_CLASSES,
)
from newsbot.extraction.vocabulary.markup import HIDDEN_CLASSES
from newsbot.text import clean_text

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from newsbot.extraction.document import Page

# A cheap XPath pre-filter; the rel tokens are checked in Python.
_REL_AUTHOR = "//a[contains(@rel, 'author')]"
_ITEMPROP_NAME = ".//*[contains(concat(' ', normalize-space(@itemprop), ' '), ' name ')]"
# Elements that may be bylines, found by XPath (fast) before their class tokens are checked;
# "uthor" and "yline" match "Author", "author", "Byline", "byline" alike.
_BYLINE_CANDIDATES = (
    ".//*[@itemprop='author' or contains(@class, 'uthor') or contains(@class, 'yline')"
    " or contains(@id, 'uthor') or contains(@id, 'yline')]"
)
# A credit inside a figure belongs to the photo, video or audio, not to the article; an
# "author" field in a form is the commenter's.
_NOT_BYLINE_CONTAINERS = frozenset({"figure", "figcaption", "form"})
# Elements that hold a byline line, and how small a byline line is.
_TEXT_BYLINE_TAGS = ("p", "div", "span", "li", "address", "em", "small")
_MAX_BYLINE_CHILDREN = 6
_MAX_BYLINE_CHARS = 80
# A name signed in bold as a text's first or last paragraph ("<p><b>Jane Doe</b></p>") is
# a byline when the text around it has this many paragraphs at least; a name is a few words.
_SIGNED_TEXT_PARAGRAPHS = 3
_MAX_SIGNATURE_WORDS = 4
_EMPHASIS = frozenset({"strong", "b"})


def from_rel_author(page: Page) -> list[str]:
    links = elements(page.scope.xpath("." + _REL_AUTHOR)) or elements(page.root.xpath(_REL_AUTHOR))
    links = [link for link in links if "author" in (link.get("rel") or "").lower().split()]
    return [name for link in links for name in split_names(_visible_text(link))]


def from_byline(page: Page) -> list[str]:
    """The first byline-looking element in the article: microdata author or a byline class."""
    for element in elements(page.scope.xpath(_BYLINE_CANDIDATES)):
        if element.get("itemprop") == "author" or _is_byline(element):
            names = split_names(_byline_text(element)) if _in_article_text(element) else []
            if names:
                return names
    return []


def from_author_links(page: Page) -> list[str]:
    """Names in the first link to an author page in the article."""
    for link in elements(page.scope.xpath(".//a[@href]")):
        if AUTHOR_PAGE_PATHS.search(link.get("href", "")):
            return split_names(_visible_text(link))
    return []


def from_labelled_byline(page: Page) -> list[str]:
    """Names printed after an "Author"/"Autorin/Autor" label element, anywhere on the page
    (a fact box beside the article is where some sites print it)."""
    for value in labelled(page.root, AUTHOR_LABELS):
        names = split_names(value)
        if names:
            return names
    return []


def from_text_byline(page: Page) -> list[str]:
    """A short line of the article that is a byline by its words ("By Jane Doe", "Autor: Jan
    Roe") though no markup says so."""
    for element in page.scope.iter(*_TEXT_BYLINE_TAGS):
        # A byline inside a link is a teaser's: the story it links to is another one.
        if len(element) > _MAX_BYLINE_CHILDREN or element.xpath("ancestor::a"):
            continue
        text = element.text_content()
        if len(text) <= _MAX_BYLINE_CHARS and is_byline(text):
            return split_names(text)
    return []


def from_signature(page: Page) -> list[str]:
    """A name printed in bold as the first or last paragraph of the article's text (the
    element holding most paragraphs), with no "By": the byline of CMSs whose editors type it
    into the text. A bold first line is otherwise a lead or a subhead, a bold last line a
    "read more" above links: only a name-shaped line counts, and a last one must end the text.
    """
    counts = Counter(p.getparent() for p in page.root.iter("p"))
    if not counts:
        return []
    text = counts.most_common(1)[0][0]
    paragraphs = [p for p in text.findall("p") if p.text_content().strip()]
    if len(paragraphs) < _SIGNED_TEXT_PARAGRAPHS:
        return []
    ends_text = paragraphs[-1].getnext() is None
    for paragraph in (paragraphs[0], paragraphs[-1]) if ends_text else (paragraphs[0],):
        name = _signed_name(paragraph)
        if name:
            return [name]
    return []


def _signed_name(paragraph: HtmlElement) -> str | None:
    """The paragraph's text when it is all in one bold element and shaped like a name."""
    if len(paragraph) != 1 or paragraph[0].tag not in _EMPHASIS:
        return None
    if clean_text(f"{paragraph.text or ''}{paragraph[0].tail or ''}"):
        return None
    name = clean_text(paragraph[0].text_content())
    words = name.split()
    shaped = all(word[0].isupper() and word.replace("-", "").isalpha() for word in words)
    return name if shaped and 2 <= len(words) <= _MAX_SIGNATURE_WORDS else None


def _in_article_text(element: HtmlElement) -> bool:
    return not any(
        node.tag in _NOT_BYLINE_CONTAINERS for node in (element, *element.iterancestors())
    )


def _is_byline(element: HtmlElement) -> bool:
    tokens = f"{element.get('class') or ''} {element.get('id') or ''}".lower().split()
    return any(BYLINE_CLASSES.search(t) and not NOT_BYLINE_CLASSES.search(t) for t in tokens)


def _byline_text(element: HtmlElement) -> str:
    """Names separated the way the page separates them visually (one per child link or line)."""
    names = elements(element.xpath(_ITEMPROP_NAME)) or elements(element.xpath(".//a"))
    if len(names) > 1:
        return "\n".join(_visible_text(name) for name in names)
    return _visible_text(element)


def _visible_text(element: HtmlElement) -> str:
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and not HIDDEN_CLASSES.search(child.get("class") or ""):
            parts.append(_visible_text(child))
        parts.append(child.tail or "")
    return " ".join(parts)
