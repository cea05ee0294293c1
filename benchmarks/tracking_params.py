"""newsbot's tracking-parameter stripping beside w3lib's ``url_query_cleaner``.

    python -m benchmarks.tracking_params [../shared/corpus]

Runs both on every URL literal of the URL unit tests and every labelled article link of the
listing-page corpus, and prints how many agree and the URLs where they differ. w3lib is given
our exact parameter names (``remove=True``); it has no prefixes (``utm_*``) and matches names
case-sensitively, which is what the differences show.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from w3lib.url import safe_url_string, url_query_cleaner

from benchmarks.corpora import CORPUS_ROOT
from newsbot.urls import SESSION_PARAMS, TRACKING_PARAMS, strip_tracking

_TESTS = ("tests/unit/test_text_urls_dates.py", "tests/unit/test_url_key.py")
_URL = re.compile(r"""https?://[^\s"'<>\\]+""")


def with_w3lib(url: str) -> str:
    """Tracking parameters removed by w3lib alone (our names, no prefix or case rules)."""
    names = sorted(TRACKING_PARAMS | SESSION_PARAMS)
    cleaned = url_query_cleaner(safe_url_string(url.strip()), names, remove=True, unique=False)
    parts = urlsplit(cleaned)
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", parts.query, ""))


def urls(corpus: Path) -> list[str]:
    """The URL literals of the URL tests and the labelled article links of the corpus."""
    found: list[str] = []
    for test in _TESTS:
        found += _URL.findall(Path(test).read_text(encoding="utf-8"))
    labels = corpus / "listing-pages" / "labels.json"
    if labels.exists():
        for page in json.loads(labels.read_text(encoding="utf-8")).values():
            found += page["article_links"]
    return list(dict.fromkeys(found))


def main() -> None:
    """Print agreement and every disagreement."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS_ROOT)
    corpus: Path = parser.parse_args().corpus
    found = urls(corpus)
    differ = [(u, strip_tracking(u), with_w3lib(u)) for u in found]
    differ = [d for d in differ if d[1] != d[2]]
    print(f"URLs: {len(found)}, same result: {len(found) - len(differ)}, differ: {len(differ)}")
    for url, ours, theirs in differ:
        print(f"  {url}\n    newsbot: {ours}\n    w3lib:   {theirs}")


if __name__ == "__main__":
    main()
