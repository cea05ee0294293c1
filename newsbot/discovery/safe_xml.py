"""Reading untrusted feed and sitemap bodies: gzip, byte-order marks, XXE-safe lxml parsing.

Feeds and sitemaps are fetched from the open web and are often broken: gzip-compressed
whatever the headers say, prefixed with a BOM or blank lines, truncated, or an HTML error page.
Everything here returns what could be read and never raises on bad input, but for a body
over the size cap (BodyTooLarge): a gzip bomb is refused, not read as far as it goes.
"""

from __future__ import annotations

import re
import struct
import zlib
from io import BytesIO
from typing import TYPE_CHECKING, TypedDict

from lxml import etree
from scrapy.utils.gz import gunzip
from w3lib.encoding import read_bom

if TYPE_CHECKING:
    from collections.abc import Iterator

# Sitemaps are capped at 50 MB uncompressed by the protocol; feeds are far smaller. A body that
# is (or inflates to) more is refused: a hostile body must not exhaust memory.
MAX_XML_BYTES = 50_000_000
_GZIP_MAGIC = b"\x1f\x8b"
_XML_WHITESPACE = b" \t\r\n"
_XML_DECLARATION = re.compile(r"^<\?xml[^>]*\?>")


class _ParserOptions(TypedDict):
    recover: bool
    resolve_entities: bool
    no_network: bool
    load_dtd: bool
    huge_tree: bool
    remove_comments: bool
    remove_pis: bool


# What both XXE-safe parsers below are built with: no external entities, DTDs or network;
# ``recover`` keeps the elements before a syntax error.
_SAFE_PARSING = _ParserOptions(
    recover=True,
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)


class BodyTooLarge(ValueError):
    """A body over the size cap, once decompressed."""


def decompress(body: bytes, max_bytes: int = MAX_XML_BYTES) -> bytes:
    """The body, gunzipped when it starts with the gzip magic bytes (whatever the headers said).

    Over ``max_bytes`` (decompressed) raises BodyTooLarge, as soon as decompression passes it:
    a gzip bomb costs at most ``max_bytes``. A truncated gzip stream yields what was
    decompressed before the damage, so a cut-off download still gives its first entries; a
    body that only claims to be gzip yields nothing.
    """
    if not body.startswith(_GZIP_MAGIC):
        data = body
    else:
        try:
            data = gunzip(body, max_size=max_bytes)
        except (OSError, EOFError, struct.error, zlib.error):
            return b""
        except ValueError as exc:  # Scrapy's size error is private; it is a ValueError
            raise BodyTooLarge(str(exc)) from exc
    if len(data) > max_bytes:
        raise BodyTooLarge(f"{len(data)} bytes, over {max_bytes}")
    return data


def normalize_body(body: bytes, max_bytes: int = MAX_XML_BYTES) -> bytes:
    """Decompressed body as UTF-8 when a BOM names another encoding, leading blanks removed.

    An XML declaration must start the document; blank lines before it make strict parsers
    fail, so they go. Raises BodyTooLarge as ``decompress`` does.
    """
    data = decompress(body, max_bytes)
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
    parser = etree.XMLParser(**_SAFE_PARSING)
    try:
        return etree.fromstring(data, parser, base_url=url)
    except etree.XMLSyntaxError:
        return None


def iter_xml(data: bytes) -> Iterator[tuple[str, etree._Element]]:
    """The start and end events of a ``normalize_body`` body, parsed as ``parse_xml`` parses,
    as they are read: the caller keeps what it needs and clears the rest, so memory does not
    grow with the document. Stops quietly where the XML cannot be read on."""
    events = etree.iterparse(BytesIO(data), events=("start", "end"), **_SAFE_PARSING)
    try:
        yield from events
    except etree.XMLSyntaxError:
        return


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
