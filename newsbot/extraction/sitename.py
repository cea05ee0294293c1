"""How a page names its own site, to tell a headline or an author from the publisher's name."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from newsbot.extraction.document import Page

_NON_WORD = re.compile(r"\W+")
# Shorter compacted names ("de", "tv") would match inside anything.
_MIN_NAME_CHARS = 3


def compact(text: str) -> str:
    """Case, spacing and punctuation removed: "n-tv NACHRICHTEN" -> "ntvnachrichten"."""
    return _NON_WORD.sub("", text.casefold())


def site_names(page: Page) -> set[str]:
    """Compacted names of the site: og:site_name, application-name, publisher, host labels."""
    names = {page.meta.first("og:site_name"), page.meta.first("application-name")}
    publisher = page.linked.resolve((page.linked.main or {}).get("publisher"))
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
        names.add(str(publisher["name"]))
    host = (urlsplit(page.url).hostname or "").removeprefix("www.")
    names.update(host.split(".")[:-1])
    return {compact(name) for name in names if name and len(compact(name)) >= _MIN_NAME_CHARS}


def names_site(text: str, names: set[str]) -> bool:
    """Whether ``text`` is one of the site's names (or one of them is part of it, or it of one)."""
    compacted = compact(text)
    return bool(compacted) and any(name in compacted or compacted in name for name in names)
