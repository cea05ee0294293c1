"""The language of the article text, for pages whose markup does not say."""

from __future__ import annotations

import py3langid

# Below this much text a language guess is a coin toss between close languages.
_MIN_CHARS = 200
# The classifier reads this much; more text only costs time.
_SAMPLE_CHARS = 3000


def detect_language(body: str) -> str | None:
    """ISO 639-1 code of ``body`` by py3langid's bundled model, or None for short texts."""
    if len(body) < _MIN_CHARS:
        return None
    code, _score = py3langid.classify(body[:_SAMPLE_CHARS])
    return str(code) if code else None


def load_model() -> None:
    """Load the classifier's model now rather than on the first page (see ``preload``)."""
    py3langid.classify("")
