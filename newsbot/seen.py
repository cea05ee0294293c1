"""What the dedupe pipeline remembers, behind a small interface a persistent store can implement."""

from __future__ import annotations

from typing import Protocol


class SeenStore(Protocol):
    """Remembers accepted articles by canonical URL and by body fingerprint.

    The dedupe pipeline builds the store named by ``NEWSBOT_DEDUPE_STORE`` (via its
    ``from_crawler`` when it has one), calls ``open()`` when the spider opens and ``close()``
    when it closes. A store that outlives the run (SQLite, Redis) makes dedup cross-run.
    """

    def open(self) -> None:
        """Acquire resources (connections, files)."""

    def close(self) -> None:
        """Flush and release resources."""

    def first_url_with_url(self, url: str) -> str | None:
        """The URL of the article first accepted under ``url`` (canonical), if any."""

    def first_url_with_fingerprint(self, fingerprint: str) -> str | None:
        """The URL of the article first accepted with this body fingerprint, if any."""

    def add(self, url: str, fingerprint: str) -> None:
        """Remember an accepted article."""


class MemorySeenStore:
    """Remembers within one run only (the default)."""

    def __init__(self) -> None:
        self._urls: set[str] = set()
        self._fingerprints: dict[str, str] = {}

    def open(self) -> None:
        """Nothing to acquire."""

    def close(self) -> None:
        """Forget everything: the next run starts afresh."""
        self._urls.clear()
        self._fingerprints.clear()

    def first_url_with_url(self, url: str) -> str | None:
        """``url`` itself when it was accepted before."""
        return url if url in self._urls else None

    def first_url_with_fingerprint(self, fingerprint: str) -> str | None:
        """The URL first accepted with this fingerprint."""
        return self._fingerprints.get(fingerprint)

    def add(self, url: str, fingerprint: str) -> None:
        """Remember both keys."""
        self._urls.add(url)
        self._fingerprints.setdefault(fingerprint, url)
