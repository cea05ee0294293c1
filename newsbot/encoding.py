"""The charset of a page that declares none, guessed the way a browser guesses it."""

from __future__ import annotations

# chardetng-py ships stubs (.pyi) but no py.typed marker.
from chardetng_py import detect  # type: ignore[import-untyped]
from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
    to_unicode,
)

_ASCII_BYTES = bytes(range(0x80))


def html_text(content: bytes, content_type: str | None = None) -> str:
    """``content`` decoded as a browser would: its BOM, else the charset of ``content_type``
    (the HTTP header), else its ``<meta>`` declaration, else ``detect_encoding``, else UTF-8.

    w3lib's html_to_unicode did this with our detector plugged in (``auto_detect_fun``) until
    w3lib 2.6 deprecated the hook; its own guess is not chardetng's. These are the same steps
    with w3lib's parts that stay.
    """
    encoding, bom = read_bom(content)
    if encoding is not None and bom is not None:
        return to_unicode(content[len(bom) :], encoding)
    encoding = (
        http_content_type_encoding(content_type)
        or html_body_declared_encoding(content)
        or detect_encoding(content)
        or "utf-8"
    )
    return to_unicode(content, encoding)


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
