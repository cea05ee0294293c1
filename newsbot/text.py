"""Plain-text normalization shared by extraction and the normalize pipeline."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from w3lib.html import replace_entities

# Zero-width and BOM characters carry no text; soft hyphens break word matching.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# C0/C1 control characters other than tab and newline (which mean structure here).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_WORD = re.compile(r"\w+", re.UNICODE)
# Kana, CJK ideographs, Hangul: each character is a word.
_CJK_RANGES = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
_CJK = re.compile(f"[{_CJK_RANGES}]")
# A whitespace-separated token with a letter or digit ([^\W_]: what str.isalnum accepts)
# and no CJK character (those count one by one).
_NON_CJK_WORD = re.compile(rf"(?<!\S)(?!\S*[{_CJK_RANGES}])\S*?[^\W_]\S*")


def clean_text(value: str) -> str:
    """One-line text: entities decoded, NFC, invisible/control characters gone, spaces collapsed."""
    value = _clean_characters(value)
    return " ".join(value.split())


def clean_body(value: str) -> str:
    """Paragraph text: each paragraph cleaned as a line, paragraphs separated by one blank line."""
    value = _clean_characters(value)
    paragraphs = (" ".join(part.split()) for part in _BLANK_LINES.split(value.replace("\r", "")))
    return "\n\n".join(p for p in paragraphs if p)


def _clean_characters(value: str) -> str:
    value = replace_entities(value)
    value = unicodedata.normalize("NFC", value)
    value = _INVISIBLE.sub("", value)
    value = value.replace("\t", " ").replace("\u00a0", " ")
    return _CONTROL.sub("", value)


def word_count(body: str) -> int:
    """Words as a reader counts them: whitespace-separated tokens with a letter or digit in
    them ("Japan's", "3:30" are one word each); CJK text counts characters, as counters there do.
    """
    return len(_CJK.findall(body)) + len(_NON_CJK_WORD.findall(body))


def body_fingerprint(body: str) -> str:
    """A hash of the body that ignores case, punctuation and spacing.

    Two pages whose article text differs only in markup, quotes or whitespace (the AMP twin,
    a re-published copy) get the same fingerprint.
    """
    words = _WORD.findall(unicodedata.normalize("NFKC", body).casefold())
    return hashlib.sha256(" ".join(words).encode()).hexdigest()[:32]
