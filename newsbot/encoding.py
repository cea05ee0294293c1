"""The charset of a page that declares none, guessed the way a browser guesses it."""

from __future__ import annotations

# chardetng-py ships stubs (.pyi) but no py.typed marker.
from chardetng_py import detect  # type: ignore[import-untyped]
from w3lib.encoding import resolve_encoding

_ASCII_BYTES = bytes(range(0x80))


def detect_encoding(content: bytes) -> str | None:
    """The charset ``content`` is in, for a page that declares none (no header, BOM, <meta>).

    chardetng is Firefox's detector for exactly this case: it tells the legacy charsets of
    undeclared pages apart (cp1252 from cp1250, GBK from Big5, Shift_JIS, windows-1251), at
    about 25 KB a millisecond. charset-normalizer, which Scrapy's ``response.text`` asks,
    reads a cp1252 French page as cp1250 ("Aprčs"). ``None`` for ASCII, which every
    candidate reads alike.

    A page in UTF-8 but for a few stray bytes (a template in UTF-8 around a snippet pasted
    from a Latin-1 source) stays UTF-8, its stray bytes replaced: a browser would read the
    whole page in a legacy charset and garble every other non-ASCII character.
    """
    if content.isascii():
        return None
    if _mostly_utf8(content):
        return "utf-8"
    # Under the name a declared charset would get: WHATWG's Shift_JIS is Python's cp932,
    # its GBK is gb18030.
    return resolve_encoding(str(detect(content, allow_utf8=False)))


def _mostly_utf8(content: bytes) -> bool:
    """Twice as many valid multi-byte UTF-8 characters as invalid bytes in ``content``.

    Legacy-charset text forms valid UTF-8 sequences only by accident: GBK and Shift_JIS text
    about one for every four invalid bytes, cp1252 and windows-1251 text next to never.
    """
    text = content.decode("utf-8", "replace")
    ascii_chars = len(content) - len(content.translate(None, _ASCII_BYTES))
    invalid = text.count("\ufffd")
    valid = len(text) - ascii_chars - invalid
    return valid > 2 * invalid
