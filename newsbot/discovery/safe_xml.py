"""Reading untrusted feed and sitemap bodies: gzip, byte-order marks, XXE-safe lxml parsing.

Feeds and sitemaps are fetched from the open web and are often broken: gzip-compressed
whatever the headers say, prefixed with a BOM or blank lines, truncated, or an HTML error page.
Everything here returns what could be read and never raises on bad input.
"""

from __future__ import annotations

import re
import zlib

from lxml import etree
from w3lib.encoding import read_bom

# Sitemaps are capped at 50 MB uncompressed by the protocol; feeds are far smaller. Anything
# above is cut (and read as far as it goes) so a hostile body cannot exhaust memory.
MAX_XML_BYTES = 50_000_000
_GZIP_MAGIC = b"\x1f\x8b"
_GZIP_CHUNK = 16_384
_XML_WHITESPACE = b" \t\r\n"
_XML_DECLARATION = re.compile(r"^<\?xml[^>]*\?>")


def decompress(body: bytes) -> bytes:
    """The body, gunzipped when it starts with the gzip magic bytes; at most MAX_XML_BYTES.

    A truncated or corrupt gzip stream yields what was decompressed before the damage (to
    the last whole chunk), so a cut-off download still gives its first entries.
    """
    if not body.startswith(_GZIP_MAGIC):
        return body[:MAX_XML_BYTES]
    # wbits 16 + MAX_WBITS: expect a gzip header.
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    for start in range(0, len(body), _GZIP_CHUNK):
        room = MAX_XML_BYTES - len(out)
        if room <= 0 or inflater.eof:
            break
        try:
            # max_length stops a decompression bomb at the size guard.
            out += inflater.decompress(body[start : start + _GZIP_CHUNK], room)
        except zlib.error:
            break
    return bytes(out)


def normalize_body(body: bytes) -> bytes:
    """Decompressed body as UTF-8 when a BOM names another encoding, leading blanks removed.

    An XML declaration must start the document; blank lines before it make strict parsers
    fail, so they go.
    """
    data = decompress(body)
    encoding, bom = read_bom(data)
    if encoding is not None and bom is not None:
        text = data[len(bom) :].decode(encoding, "replace").lstrip()
        # The declaration still names the BOM's encoding (UTF-16...); the bytes are now UTF-8.
        return _XML_DECLARATION.sub("", text, count=1).encode("utf-8")
    return data.lstrip(_XML_WHITESPACE)


def parse_xml(data: bytes, url: str) -> etree._Element | None:
    """The root element of a ``normalize_body`` body, or None when nothing could be parsed.

    External entities, DTDs and network access are off (XXE-safe); ``recover`` keeps the
    elements before a syntax error. ``url`` is the document URL that xml:base resolves against.
    """
    if not data:
        return None
    parser = etree.XMLParser(
        recover=True,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        return etree.fromstring(data, parser, base_url=url)
    except etree.XMLSyntaxError:
        return None


def local_name(element: etree._Element) -> str:
    """The tag without namespace: feeds and sitemaps are read namespace-agnostic, because
    publishers get namespaces wrong (or leave them out) more often than not. A prefix whose
    namespace the feed never declares stays in the tag the recovering parser builds
    ("dc:creator"), and goes too."""
    tag = element.tag
    return tag.rpartition("}")[2].rpartition(":")[2] if isinstance(tag, str) else ""


def child_text(element: etree._Element, *names: str) -> str | None:
    """The stripped text of the first child named one of ``names`` (in that order)."""
    for name in names:
        for child in element:
            if local_name(child) == name:
                text = " ".join(element_text(child).split())
                if text:
                    return text
    return None


def element_text(element: etree._Element) -> str:
    """The text inside an element, without entity references left unresolved on purpose
    (itertext would return them as "&name;")."""
    parts = [element.text or ""] if isinstance(element.tag, str) else []
    for child in element:
        parts.extend((element_text(child), child.tail or ""))
    return "".join(parts)
