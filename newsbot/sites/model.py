"""Site declarations as frozen, validated values.

A site is data (one TOML file a site, see README "Adding a site"); everything below is built
from that file once, and any unknown key or bad value raises ``SiteConfigError`` naming the
file and the key, so a typo never silently turns a rule off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, tzinfo
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cssselect import SelectorError
from lxml import etree
from lxml.cssselect import CSSSelector
from w3lib.http import basic_auth_header

from newsbot.urls import host_of, is_http_url, is_on_domains

if TYPE_CHECKING:
    from collections.abc import Mapping
    from importlib.resources.abc import Traversable


class SiteConfigError(ValueError):
    """A site declaration is invalid; the message names the file and the key."""


@dataclass(frozen=True)
class Section:
    """Where a section's articles are listed: section pages, feeds and news sitemaps."""

    pages: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleUrlRules:
    """Optional hints on article URLs: an allowed link must match one ``allow`` pattern
    (when any are given) and no ``deny`` pattern. Generic link classification still applies."""

    allow: tuple[re.Pattern[str], ...] = ()
    deny: tuple[re.Pattern[str], ...] = ()

    def permits(self, url: str) -> bool:
        """Whether the rules let ``url`` through (no rules permit everything)."""
        if any(p.search(url) for p in self.deny):
            return False
        return not self.allow or any(p.search(url) for p in self.allow)


@dataclass(frozen=True)
class ExtractionHints:
    """Optional per-site help for extraction; generic extraction works without any of it."""

    title: str | None = None  # CSS selector of the headline
    body: str | None = None  # CSS selector of the element holding the article text
    drop: tuple[str, ...] = ()  # CSS selectors of boilerplate blocks to remove first
    timezone: tzinfo = UTC  # how to read dates written without an offset
    language: str | None = None  # ISO 639-1, when pages do not say


@dataclass(frozen=True)
class RequestCredentials:
    """What the site's ``[request]`` table says its requests carry (an API key header, session
    cookies, a login), as the headers to send, and the only hosts they are sent to."""

    headers: tuple[tuple[str, str], ...] = field(default=(), repr=False)  # secrets: not logged
    hosts: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Site:
    """One news site: its domains, its sections, and optional hints and credentials."""

    key: str
    name: str
    domains: tuple[str, ...]
    sections: Mapping[str, Section]
    article_urls: ArticleUrlRules = field(default_factory=ArticleUrlRules)
    hints: ExtractionHints = field(default_factory=ExtractionHints)
    credentials: RequestCredentials = field(default_factory=RequestCredentials)

    def owns(self, url: str) -> bool:
        """Whether ``url`` is on one of the site's domains."""
        return is_on_domains(url, self.domains)

    @property
    def listing_hosts(self) -> frozenset[str]:
        """The hosts of every section page, feed and sitemap the declaration names."""
        return _listing_hosts(self.sections)


def _listing_hosts(sections: Mapping[str, Section]) -> frozenset[str]:
    listings = (url for s in sections.values() for url in (*s.pages, *s.feeds, *s.sitemaps))
    return frozenset(host_of(url) for url in listings)


_TOP_KEYS = {
    "name",
    "domains",
    "timezone",
    "language",
    "sections",
    "articles",
    "selectors",
    "request",
}
_REQUEST_KEYS = {"headers", "cookies", "auth", "hosts"}
# RFC 9110 field names and RFC 6265 cookie names and values: nothing that could end a header
# or smuggle another one in.
_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_COOKIE_VALUE = re.compile(r"[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*")
_FIELD_VALUE = re.compile(r"[\x20-\x7e\t]*")
# Said with their own keys (cookies, auth), which Scrapy strips on redirects too.
_OWN_KEYS = {"cookie": "cookies", "authorization": "auth"}
_SECTION_KEYS = {"pages", "feeds", "sitemaps"}
_ARTICLE_KEYS = {"allow", "deny"}
_SELECTOR_KEYS = {"title", "body", "drop"}
_SITE_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_SECTION_KEY = re.compile(r"^[a-z][a-z0-9_]*$")


class _Reader:
    """Reads one declaration, raising errors that name the file and the dotted key."""

    def __init__(self, path: Traversable) -> None:
        self.path = path

    def fail(self, key: str, problem: str) -> SiteConfigError:
        return SiteConfigError(f"{self.path}: {key}: {problem}")

    def check_keys(self, table: Mapping[str, object], allowed: set[str], where: str) -> None:
        for key in table:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                raise self.fail(f"{where}{key}", f"unknown key (known keys: {known})")

    def table(self, value: object, key: str) -> Mapping[str, object]:
        if not isinstance(value, dict):
            raise self.fail(key, "must be a table")
        return value

    def string(self, value: object, key: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "must be a non-empty string")
        return value.strip()

    def strings(self, value: object, key: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise self.fail(key, "must be a list of strings")
        return tuple(self.string(item, f"{key}[{i}]") for i, item in enumerate(value))

    def urls(self, value: object, key: str, domains: tuple[str, ...]) -> tuple[str, ...]:
        urls = self.strings(value, key)
        for i, url in enumerate(urls):
            if not is_http_url(url):
                raise self.fail(f"{key}[{i}]", f"not an absolute http(s) URL: {url!r}")
            if not is_on_domains(url, domains):
                raise self.fail(f"{key}[{i}]", f"{url!r} is not on the site's domains")
        return urls

    def patterns(self, value: object, key: str) -> tuple[re.Pattern[str], ...]:
        compiled = []
        for i, text in enumerate(self.strings(value, key)):
            try:
                compiled.append(re.compile(text))
            except re.error as exc:
                raise self.fail(f"{key}[{i}]", f"bad regular expression: {exc}") from exc
        return tuple(compiled)

    def css(self, value: object, key: str) -> str:
        """A CSS selector that selects elements: one that cannot compile would match nothing
        on every page, silently. cssselect's own translator, not parsel's (which applies the
        selectors): parsel accepts ``h1::text`` and ``::attr()``, which select no element."""
        css = self.string(value, key)
        try:
            CSSSelector(css, translator="html")
        except (SelectorError, etree.XPathError) as exc:
            raise self.fail(key, f"bad CSS selector {css!r}: {exc}") from exc
        return css

    def timezone(self, value: object, key: str) -> tzinfo:
        name = self.string(value, key)
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise self.fail(key, f"unknown IANA timezone {name!r}") from exc

    def language(self, value: object, key: str) -> str:
        code = self.string(value, key).lower()
        if not re.fullmatch(r"[a-z]{2}", code):
            raise self.fail(key, f"must be an ISO 639-1 code like 'en', not {code!r}")
        return code


def parse_site(key: str, data: Mapping[str, object], path: Traversable) -> Site:
    """Build a ``Site`` from a parsed TOML table; ``path`` is only used in error messages."""
    reader = _Reader(path)
    if not _SITE_KEY.match(key):
        raise reader.fail(
            "(file name)", f"site key {key!r} must be lower-case letters, digits, - or _"
        )
    reader.check_keys(data, _TOP_KEYS, "")
    if "domains" not in data:
        raise reader.fail("domains", "required")
    domains = tuple(
        d.lower().removeprefix("www.") for d in reader.strings(data["domains"], "domains")
    )
    for i, domain in enumerate(domains):
        if "/" in domain or ":" in domain or urlsplit(f"//{domain}").hostname != domain:
            raise reader.fail(f"domains[{i}]", f"must be a bare host name, not {domain!r}")
    if not domains:
        raise reader.fail("domains", "must name at least one domain")
    sections = _parse_sections(reader, data.get("sections"), domains)
    return Site(
        key=key,
        name=reader.string(data.get("name", key), "name"),
        domains=domains,
        sections=sections,
        article_urls=_parse_article_rules(reader, data.get("articles", {})),
        hints=_parse_hints(reader, data),
        credentials=_parse_credentials(reader, data.get("request", {}), domains, sections),
    )


def _parse_sections(reader: _Reader, value: object, domains: tuple[str, ...]) -> dict[str, Section]:
    if value is None:
        raise reader.fail("sections", "required: at least one section with a page, feed or sitemap")
    sections = {}
    for name, raw in reader.table(value, "sections").items():
        where = f"sections.{name}"
        if not _SECTION_KEY.match(name):
            raise reader.fail(where, "section keys are lower_snake_case, like asia_pacific")
        table = reader.table(raw, where)
        reader.check_keys(table, _SECTION_KEYS, f"{where}.")
        section = Section(
            **{k: reader.urls(table.get(k, []), f"{where}.{k}", domains) for k in _SECTION_KEYS}
        )
        if not (section.pages or section.feeds or section.sitemaps):
            raise reader.fail(where, "needs at least one of pages, feeds or sitemaps")
        sections[name] = section
    if not sections:
        raise reader.fail("sections", "declare at least one section")
    return sections


def _parse_article_rules(reader: _Reader, value: object) -> ArticleUrlRules:
    table = reader.table(value, "articles")
    reader.check_keys(table, _ARTICLE_KEYS, "articles.")
    return ArticleUrlRules(
        allow=reader.patterns(table.get("allow", []), "articles.allow"),
        deny=reader.patterns(table.get("deny", []), "articles.deny"),
    )


def _parse_hints(reader: _Reader, data: Mapping[str, object]) -> ExtractionHints:
    selectors = reader.table(data.get("selectors", {}), "selectors")
    reader.check_keys(selectors, _SELECTOR_KEYS, "selectors.")
    title, body = selectors.get("title"), selectors.get("body")
    drop = reader.strings(selectors.get("drop", []), "selectors.drop")
    return ExtractionHints(
        title=reader.css(title, "selectors.title") if title is not None else None,
        body=reader.css(body, "selectors.body") if body is not None else None,
        drop=tuple(reader.css(css, f"selectors.drop[{i}]") for i, css in enumerate(drop)),
        timezone=reader.timezone(data["timezone"], "timezone") if "timezone" in data else UTC,
        language=reader.language(data["language"], "language") if "language" in data else None,
    )


def _parse_credentials(
    reader: _Reader, value: object, domains: tuple[str, ...], sections: Mapping[str, Section]
) -> RequestCredentials:
    """``[request]``: headers, cookies and ``auth = "user:password"`` (HTTP Basic), sent only
    to ``hosts`` (exact names on the site's domains; by default the section pages' hosts)."""
    table = reader.table(value, "request")
    reader.check_keys(table, _REQUEST_KEYS, "request.")
    headers = _parse_headers(reader, table.get("headers", {}))
    cookies = reader.table(table.get("cookies", {}), "request.cookies")
    for name, text in cookies.items():
        where = f"request.cookies.{name}"
        if not _TOKEN.fullmatch(name) or not isinstance(text, str):
            raise reader.fail(where, "must be a cookie name set to a string")
        if not _COOKIE_VALUE.fullmatch(text):
            raise reader.fail(where, "a cookie value has no spaces, quotes, commas, ; or \\")
    if cookies:
        headers.append(("Cookie", "; ".join(f"{k}={v}" for k, v in cookies.items())))
    if "auth" in table:
        user, colon, password = str(table["auth"]).partition(":")
        if not isinstance(table["auth"], str) or not (user and colon):
            raise reader.fail("request.auth", 'must be "user:password"')
        headers.append(("Authorization", basic_auth_header(user, password).decode("ascii")))
    hosts = [h.lower() for h in reader.strings(table.get("hosts", []), "request.hosts")]
    for i, host in enumerate(hosts):
        if not is_on_domains(f"//{host}", domains) or urlsplit(f"//{host}").hostname != host:
            raise reader.fail(f"request.hosts[{i}]", f"{host!r} is no host on the site's domains")
    return RequestCredentials(tuple(headers), frozenset(hosts) or _listing_hosts(sections))


def _parse_headers(reader: _Reader, value: object) -> list[tuple[str, str]]:
    headers = []
    for name, text in reader.table(value, "request.headers").items():
        where = f"request.headers.{name}"
        if name.lower() in _OWN_KEYS:
            raise reader.fail(where, f"say it with request.{_OWN_KEYS[name.lower()]}")
        if not _TOKEN.fullmatch(name) or not isinstance(text, str):
            raise reader.fail(where, "must be a header name set to a string")
        if not _FIELD_VALUE.fullmatch(text):
            raise reader.fail(where, "a header value is printable ASCII on one line")
        headers.append((name, text))
    return headers
