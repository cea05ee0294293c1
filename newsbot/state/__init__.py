"""The state that outlives a run: what was exported, under which URLs, and page validators.

``StateStore`` is the interface (SQLite by default, see ``sqlite.py``; ``redis.py`` is the
store several workers share, NEWSBOT_BACKEND=redis). A run's changes form one
transaction: ``begin`` at the start, ``finish(commit=True)`` only after the export files are
complete, so a crashed or failed run leaves the store as it was before it.

The export files are renamed into place only after that commit, and the commit records them
(``Publication``): a process that dies between the two has its files published by the next
run. Articles are thus marked exported exactly when their files appear, never one without the
other, whenever the process dies.

Within the run, an accepted article is first *claimed* (a pending version: later articles of the
run already see it), then *confirmed* once it went through every pipeline to the exports, or
*released* when something after dedupe dropped it. Every exported version's fingerprint is kept
for good, so an old text is never exported again under another URL or as a "revision".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Protocol

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from contextlib import AbstractContextManager


class StateError(RuntimeError):
    """The state cannot be used: the run stops before it starts, with this one line."""


class StateSchemaError(StateError):
    """The state file cannot be used by this code (e.g. written by a newer newsbot)."""


class StateUnavailableError(StateError):
    """The state cannot be opened for want of room (disk full, quota): the run exits 3, as
    when its exports cannot be written, not 2 with a traceback."""


@dataclass(frozen=True)
class KnownArticle:
    """An article the store has exported or claimed (in an earlier run, or earlier in this one),
    with the version that matched (a URL matches the latest one)."""

    id: int
    url: str
    fingerprint: str
    story_id: str
    revision: int
    version_at: str | None  # when the exported version was last modified (else published)


@dataclass(frozen=True)
class ArticleRecord:
    """What the store keeps of an exported article."""

    url: str
    other_urls: tuple[str, ...]
    fingerprint: str
    signature: bytes | None
    story_id: str
    revision: int
    version_at: str | None


@dataclass(frozen=True)
class Validators:
    """HTTP validators of a listing page, feed or sitemap, for conditional requests."""

    etag: str | None
    last_modified: str | None


@dataclass(frozen=True)
class Publication:
    """A complete export file waiting under its part name, and the manifest to write beside it
    once it is renamed to its final name."""

    part: str
    final: str
    manifest: str  # JSON text


class StateStore(Protocol):
    """Persistent memory of a spider's runs. Every write belongs to the current run."""

    #: Whether runs of several processes use the store at once (no run lock is taken; each
    #: run's claims are seen by the others at once).
    shared: ClassVar[bool]

    def deciding(self) -> AbstractContextManager[None]:
        """Held around one article's lookups and claim, so that no other run claims the same
        article between them (a no-op where one run at a time uses the store)."""

    def begin(self, run_id: str, spider: str, started_at: str) -> None:
        """Start the run's transaction and prune what was not seen within the retention."""

    def finish(
        self,
        *,
        commit: bool,
        summary: str = "",
        publications: Sequence[Publication] = (),
        site_exports: Mapping[str, int] | None = None,
    ) -> None:
        """Commit the run (claims still pending dropped) with its files and per-site export
        counts, or roll all of it back."""

    def site_history(self, site: str, runs: int) -> list[int]:
        """Articles exported from ``site`` in its last ``runs`` committed runs, newest first."""

    def run_summary(self, run_id: str) -> str | None:
        """The summary (JSON) a committed run stored with its state; None if it did not commit."""

    def unpublished(self) -> list[Publication]:
        """Files a committed run recorded and may not have published (it died first)."""

    def forget_publications(self) -> None:
        """Forget the recorded files: they are published."""

    def close(self) -> None:
        """Release the connection."""

    def find_url(self, urls: tuple[str, ...]) -> KnownArticle | None:
        """The exported article known under any of these URLs (any spelling), if any."""

    def find_fingerprint(self, fingerprint: str) -> KnownArticle | None:
        """The article any of whose versions had exactly this body, if any."""

    def find_near(self, signature: bytes, threshold: float) -> tuple[KnownArticle, float] | None:
        """The most similar version at or above ``threshold``, with its similarity."""

    def claim(self, record: ArticleRecord) -> int:
        """Record a pending version (a new article, or a revision of a known URL); its id."""

    def confirm(self, version_id: int) -> None:
        """The claimed version reached the exports: it counts as exported once committed."""

    def release(self, version_id: int) -> None:
        """Forget a claimed version that was not exported (and its article, if it has no other);
        the run's page validators are then not kept, so the next run finds the article again."""

    def add_urls(self, article: KnownArticle, urls: tuple[str, ...]) -> None:
        """Remember more URLs under which a known article was met (not to fetch them again)."""

    def is_known(self, url: str) -> KnownArticle | None:
        """The article known under ``url``, for deciding whether to fetch it (a hit is seen)."""

    def reject(self, url: str, reason: str) -> None:
        """Remember a page that is not an article, so it is not fetched on every run."""

    def rejected_since(self, url: str, cutoff: str) -> bool:
        """Whether ``url`` was rejected at or after ``cutoff`` (ISO time)."""

    def validators(self, url: str) -> Validators | None:
        """The validators the page had when it was last fetched in a committed run."""

    def set_validators(self, url: str, validators: Validators) -> None:
        """Remember a page's validators (committed with the run)."""
