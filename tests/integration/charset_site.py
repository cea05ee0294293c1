"""A small site whose article pages declare no charset, served over real HTTP on localhost.

The section page links one article per legacy charset (tests/charset_pages.py); each is
served as plain ``text/html`` with no charset in the header, no ``<meta>`` and no BOM.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.charset_pages import PAGES, CharsetPage
from tests.integration.local_server import QuietHandler, serve

if TYPE_CHECKING:
    from contextlib import AbstractContextManager


def article_path(page: CharsetPage) -> str:
    return f"/2026/12/01/{page.slug}/"


def _section_page() -> bytes:
    links = "".join(
        f"<article><h2><a href='{article_path(page)}'>Story {page.slug}</a></h2></article>"
        for page in PAGES
    )
    return f"<html><body><main>{links}</main></body></html>".encode()


_ARTICLES = {article_path(page): page.encoded() for page in PAGES}


class _Handler(QuietHandler):
    def do_GET(self) -> None:
        if self.path == "/robots.txt":
            self.send(200, "text/plain", b"User-agent: *\nAllow: /\n")
        elif self.path == "/section/":
            self.send(200, "text/html", _section_page())
        elif self.path in _ARTICLES:
            self.send(200, "text/html", _ARTICLES[self.path])
        else:
            self.send(404, "text/html", b"<h1>Not found</h1>")


def serve_charset_site() -> AbstractContextManager[str]:
    """Serve the site on a free localhost port; yields its base URL."""
    return serve(_Handler)
