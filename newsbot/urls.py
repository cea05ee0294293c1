"""URL helpers: one canonical spelling per article, and which site a URL belongs to."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from tldextract import TLDExtract
from w3lib.url import canonicalize_url, safe_url_string

# Query parameters that identify a campaign or a click, never the page itself.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "msclkid",
        "yclid",
        "twclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "ref",
        "ref_src",
        "cmpid",
        "ocid",
        "ito",
        "at_medium",
        "at_campaign",
        "at_custom1",
        "at_custom2",
        "at_custom3",
        "at_custom4",
        "CMP",
        "share",
        "smid",
        "sr_share",
        "ns_mchannel",
        "ns_source",
        "ns_campaign",
        "ns_linkname",
        "ns_fee",
        "soc_src",
        "soc_trk",
        "mkt_tok",
        "spm",
        "s_cid",
        "WT.mc_id",
        "xtor",
        "amp",
    }
)
_DEFAULT_PORTS = {"http": ":80", "https": ":443"}
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "__hs", "_hs", "vero_")
# Server session ids (Java, PHP, ASP, ColdFusion, osCommerce/Zen Cart), any case: a new one per
# visit would make every crawl see every article under a new URL. Not "sid", which PHP news
# scripts use for the story id (article.php?sid=1234).
SESSION_PARAMS = frozenset(
    {"jsessionid", "phpsessid", "sessionid", "session_id", "sessid", "cfid", "cftoken",
     "oscsid", "zenid"}
)  # fmt: skip
# A Java session id travels in the path too: /story-1;jsessionid=0A1B2C
_PATH_SESSION = re.compile(r";jsessionid=[^/?#;]*", re.IGNORECASE)


def is_tracking_param(name: str) -> bool:
    """Whether a query parameter only tracks the visitor (a campaign, a click, a session)."""
    lowered = name.lower()
    return (
        name in TRACKING_PARAMS
        or lowered.startswith(TRACKING_PREFIXES)
        or lowered in SESSION_PARAMS
        or lowered.startswith("aspsessionid")
    )


# URLs normalized lately: discovery spells each link several ways (to key it, to match it, to
# follow it) and the same menu and teaser links recur on every page of a site. Bounded: a few MB.
_RECENT_URLS = 16_384


@lru_cache(maxsize=_RECENT_URLS)
def strip_tracking(url: str) -> str:
    """The URL without tracking and session parameters and fragment; everything else kept as
    written."""
    parts = urlsplit(safe_url_string(url.strip()))
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not is_tracking_param(k)
    ]
    netloc = parts.netloc.lower()
    if netloc.endswith(_DEFAULT_PORTS.get(parts.scheme, "\0")):
        netloc = netloc.rsplit(":", 1)[0]
    path = _PATH_SESSION.sub("", parts.path) or "/"
    return urlunsplit((parts.scheme, netloc, path, urlencode(query), ""))


@lru_cache(maxsize=_RECENT_URLS)
def canonical_url(url: str) -> str:
    """The one spelling of an article URL used for export and de-duplication.

    Tracking parameters and the fragment go, the host is lower-cased, default ports and
    percent-encoding are normalized and remaining query arguments sorted (w3lib).
    """
    return canonicalize_url(strip_tracking(url), keep_fragments=False)


# The public-suffix snapshot shipped with tldextract: no network, no cache files written.
_SUFFIXES = TLDExtract(suffix_list_urls=(), cache_dir=None)


def registrable_domain(url: str) -> str:
    """The site a URL belongs to: ``uk.news.yahoo.com`` -> ``yahoo.com``, ``bbc.co.uk`` stays.

    A host under no known public suffix (an internal or ``.example`` name) keeps its last two
    labels; an IP address or a one-label host (localhost) is its own site.
    """
    found = _SUFFIXES(url).top_domain_under_public_suffix
    if found:
        return str(found)
    host = host_of(url)
    if "." not in host or host.replace(".", "").isdigit() or ":" in host:
        return host
    return ".".join(host.split(".")[-2:])


def host_of(url: str) -> str:
    """The lower-cased host name of a URL, without port."""
    return (urlsplit(url).hostname or "").lower()


def is_on_domains(url: str, domains: tuple[str, ...] | frozenset[str]) -> bool:
    """Whether the URL's host is one of ``domains`` or a subdomain of one."""
    host = host_of(url)
    return any(host == d or host.endswith("." + d) for d in domains)


def is_http_url(url: str) -> bool:
    """Whether the URL is an absolute http(s) URL (not mailto:, javascript:, data: ..., nor
    one too malformed to parse)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises for "http://host:oops/")
    except ValueError:  # that, or "http://[oops": an unclosed IPv6 bracket
        return False
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def resolve_url(base: str, href: str) -> str | None:
    """``href`` made absolute against ``base``, if that gives an http(s) URL; None for another
    scheme or a link too malformed to parse (pages are full of both), such as a host with
    characters no host may have, which w3lib (2.6 on) refuses to spell safely."""
    try:
        absolute = urljoin(base, href.strip())
        if not is_http_url(absolute):
            return None
        if not _is_plain(absolute):  # most links are: no need to check them
            safe_url_string(absolute)
    except ValueError:
        return None
    return absolute


def _is_plain(url: str) -> bool:
    """An http(s) URL of unreserved characters whose host is a name: one w3lib spells as is.
    (A host ending in a number is read as an IPv4 address, which may be invalid.)"""
    plain = _PLAIN.fullmatch(url)
    return plain is not None and _NUMERIC_LABEL.fullmatch(plain["host"].rpartition(".")[2]) is None


_NUMERIC_LABEL = re.compile(r"\d+|0x[0-9a-f]*")
# Ways sites spell the AMP twin of an article: a trailing /amp segment or .amp suffix, an
# amp. host, or an amp/outputType=amp query (removed with the tracking parameters).
_AMP_SEGMENT = re.compile(r"/amp(?:/|\.html?)?$")
_AMP_SUFFIX = re.compile(r"\.amp(\.html?)?$")
_AMP_QUERY = frozenset({"amp", "outputtype", "output"})
_TWIN_HOST = re.compile(r"^(?:www\d?|m|mobile|amp)\.")
# A URL already spelled as canonical_url spells it, as most links are: http(s), a lower-case
# host, a path of unreserved characters only, no query, no fragment. Its key needs none of
# the parsing and re-encoding (~30 us of every state lookup); _UNUSUAL_PATH sends the rest,
# and dot segments or double slashes, the long way.
_PLAIN = re.compile(
    r"https?://(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::\d+)?(?P<path>/[A-Za-z0-9._~/-]*)?"
)
_UNUSUAL_PATH = re.compile(r"//|/\.")


def url_key(url: str) -> str:
    """The identity of the page behind a URL, for recognising it under any of its spellings.

    Beyond ``canonical_url``: the scheme, the port, a leading ``www.``/``m.``/``amp.`` host
    label, a trailing slash and AMP markers are ignored, so http/https, desktop/mobile/AMP twins
    and ``/story`` vs ``/story/`` all give the same key. It is a key, not a URL to fetch.

    The port is transport, like the scheme (http/https already differ by port): a site is
    declared by its domains, never a port, and a page served through another port (the demo
    moved off a taken port, an origin port leaking into a link) is still the same article. A
    key with the port made such a run take every known article for a new one.
    """
    plain = _PLAIN.fullmatch(url)
    if plain is not None and not _UNUSUAL_PATH.search(plain["path"] or ""):
        return _key(plain["host"], plain["path"] or "/", [])
    parts = urlsplit(canonical_url(url))
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in _AMP_QUERY
    ]
    return _key((parts.hostname or "").lower(), parts.path, query)


def _key(host: str, path: str, query: list[tuple[str, str]]) -> str:
    host = _TWIN_HOST.sub("", host)
    path = _AMP_SUFFIX.sub(r"\1", _AMP_SEGMENT.sub("", path)).rstrip("/") or "/"
    return f"{host}{path}" + (f"?{urlencode(query)}" if query else "")
