"""Paragraphs that are page furniture by their words alone: share prompts, newsletter boxes,
comment-form labels, "Advertisement", bylines, "(END)" trailers, headings of trailing link
blocks, and the credits, prompts and notices of ``notices``.

The phrases are data (``newsbot.extraction.vocabulary.paragraphs``). Every rule matches a
*whole* paragraph, so an article sentence that mentions a newsletter or
says "read more" is kept.
"""

from __future__ import annotations

import re

from newsbot.extraction.bylines import is_byline
from newsbot.extraction.notices import is_notice
from newsbot.extraction.vocabulary import paragraphs as vocab

# A paragraph matching one of these is dropped on its own.
_FURNITURE = (
    vocab.AD_LABELS,
    vocab.CALLS_TO_ACTION,
    vocab.COMMENT_FORMS,
    vocab.CONSENT_NOTICES,
    vocab.END_MARKS,
)
_MAX_SHARE_WORDS = 10
_MAX_SHARE_CHARS = 120
# Longer than any byline ("By" and at most 16 words).
_MAX_BYLINE_CHARS = 200
_WORD = re.compile(r"[\w-]+")


def drop_furniture(paragraphs: list[str]) -> list[str]:
    """``paragraphs`` without furniture, cut before a trailing related/bio/comments block."""
    total = sum(len(p) for p in paragraphs)
    kept: list[str] = []
    seen = 0
    for paragraph in paragraphs:
        text = paragraph.strip()
        if vocab.TRAILING_BLOCKS.fullmatch(text):
            if seen >= total - seen - len(text):
                break
            continue
        seen += len(paragraph)
        if not is_furniture(text):
            kept.append(paragraph)
    return kept


def is_furniture(text: str) -> bool:
    """Whether a whole paragraph is page furniture rather than article text."""
    return (
        any(vocabulary.fullmatch(text) for vocabulary in _FURNITURE)
        or (len(text) <= _MAX_SHARE_CHARS and _is_share_bar(text))
        or (len(text) <= _MAX_BYLINE_CHARS and is_byline(text))
        or is_notice(text)
    )


def _is_share_bar(text: str) -> bool:
    words = _WORD.findall(text.casefold())
    share_words = vocab.SHARE_WORDS.words
    if not (
        0 < len(words) <= _MAX_SHARE_WORDS
        and all(word in share_words for word in words)
        and any(word in vocab.SHARE_TRIGGERS.words for word in words)
    ):
        return False
    for word in words:
        vocab.SHARE_WORDS.note(word)
        vocab.SHARE_TRIGGERS.note(word)
    return True
