"""The topics an article page prints as a row of links below its headline ("Gazastreifen ·
Hamas · Israel"), for pages that declare no tags in their metadata.

Told by structure, not by names: a list of two or more short links, nothing but those links,
each to a topic or section page on the article's own host (two path segments or more, no
date, no id, no file name, no query, no author page), none labelled with the site's own name,
outside the page's navigation, header, footer and asides, after the headline. The first such
list wins: topic rows sit under the article, the site's own link rows further down. Account
and subscription buttons (another host, a redirect query) and a site's menu (its first link
is the site itself) are not topics.
"""

from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from newsbot.discovery.url_shape import url_shape
from newsbot.extraction.sitename import compact
from newsbot.extraction.vocabulary import markup
from newsbot.extraction.vocabulary.bylines import AUTHOR_PAGE_PATHS
from newsbot.text import clean_text
from newsbot.urls import is_http_url

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from newsbot.extraction.document import Page

_CONTAINERS = ("ul", "ol", "div", "section", "p")
_CHROME = frozenset({"nav", "header", "footer", "aside", "form"})
_MIN_LINKS = 2
_MAX_LINKS = 15
# A topic is a name of a few words; a longer label is a teaser's headline.
_MAX_WORDS = 5
_MAX_CHARS = 40
# Share of the list's text that is link text (a "Themen:" label may stand before them).
_MIN_LINK_SHARE = 0.8
# A topic page sits below a section: /politik/ampel-koalition/, /news/topics/c1vw6q14rzqt.
_MIN_DEPTH = 2


def topic_links(page: Page, site_names: set[str]) -> list[str]:
    """The texts of the first row of topic links after the headline, or none (``site_names``:
    the site's compacted names, ``newsbot.extraction.sitename.site_names``)."""
    headline = page.root.find(".//h1")
    after = headline is None
    for element in page.root.iter(*_CONTAINERS, "h1"):
        if element is headline:
            after = True
        elif after and element.tag != "h1":
            topics = _topics(element, page, site_names)
            if topics:
                return topics
    return []


def _topics(element: HtmlElement, page: Page, site_names: set[str]) -> list[str] | None:
    # One more than the most a row may hold is enough to rule a container out: a page's
    # wrappers hold hundreds, and every container after the headline is asked.
    links = list(islice((link for link in element.iter("a") if link.get("href")), _MAX_LINKS + 1))
    if not _MIN_LINKS <= len(links) <= _MAX_LINKS:
        return None
    texts = [clean_text(link.text_content()) for link in links]
    if not all(0 < len(text) <= _MAX_CHARS and len(text.split()) <= _MAX_WORDS for text in texts):
        return None
    if sum(map(len, texts)) < _MIN_LINK_SHARE * len(clean_text(element.text_content())):
        return None
    if any(compact(text) in site_names for text in texts):
        return None
    host = _host(page.url)
    if not all(_is_topic_page(page.absolute(link.get("href")), host) for link in links):
        return None
    return None if _in_page_chrome(element) else texts


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


def _is_topic_page(url: str | None, host: str) -> bool:
    if url is None or not is_http_url(url) or _host(url) != host or urlsplit(url).query:
        return False
    if AUTHOR_PAGE_PATHS.search(urlsplit(url).path):
        return False
    shape = url_shape(url)
    return (
        shape.depth >= _MIN_DEPTH
        and (shape.section_like or shape.listing_marker)
        and not (shape.page_extension or shape.file_like)
    )


def _in_page_chrome(element: HtmlElement) -> bool:
    """Inside navigation, a header or footer, an aside or a form, by tag or by class."""
    for each in (element, *element.iterancestors()):
        if each.tag in _CHROME or markup.PAGE_CHROME.search(each.get("class") or ""):
            return True
    return False
