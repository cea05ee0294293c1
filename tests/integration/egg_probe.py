"""Everything newsbot reads from its package data, fingerprinted: the bundled site declarations
and every kind of demo page. Run as a script (never imported by a test), so that the newsbot it
imports is the one on the PYTHONPATH it is given: a zipped egg or the checkout."""

from __future__ import annotations

import hashlib
import json
import sys

import newsbot
from newsbot.demo.context import SECTION_PATH, VIDEO_PATH
from newsbot.demo.site import DemoSite
from newsbot.demo.templates.pages import STATIC_PATHS
from newsbot.sites import load_sites

BASE_URL = "http://127.0.0.1:8000"
#: Beside every article, its AMP twin and duplicate: each template and data file is read.
PAGES = (
    "/",
    SECTION_PATH,
    f"{SECTION_PATH}page/2/",
    VIDEO_PATH,
    *STATIC_PATHS,
    "/wp-login.php",
    "/private/draft/",
    "/no-such-page/",
    "/?s=tea",
    "/feed/",
    "/sitemap.xml",
)


def _digest(value: object) -> str:
    return hashlib.sha256(repr(value).encode()).hexdigest()


def fingerprint() -> dict[str, object]:
    """Where newsbot was imported from, and digests of what it read from its package data."""
    site = DemoSite(2)
    paths = [p for a in site.articles for p in (a.path, a.amp_path)]
    paths += [a.duplicate_path for a in site.articles if a.duplicate]
    sites = load_sites()
    return {
        "imported_from": newsbot.__file__,
        "sites": sorted(sites),
        "sites_digest": _digest(sites),
        "articles": len(site.articles),
        "pages_digest": _digest([site.render(p, BASE_URL) for p in (*PAGES, *paths)]),
    }


if __name__ == "__main__":
    json.dump(fingerprint(), sys.stdout)
