"""A site's [request] table: credentials checked like every other key, a mistake named."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from newsbot.sites import Site, SiteConfigError
from newsbot.sites.model import parse_site

SITE = """
domains = ["example.com"]
[sections.asia_pacific]
pages = ["https://www.example.com/asia/"]
[request]
"""


def parse(request: str) -> Site:
    return parse_site("example", tomllib.loads(SITE + request), Path("example.toml"))


def test_headers_cookies_and_login_go_to_the_section_pages_host_by_default() -> None:
    site = parse('headers = { "X-Api-Key" = "k" }\ncookies = { a = "1", b = "2" }\nauth = "u:p"')
    assert site.credentials.hosts == {"www.example.com"}
    assert site.credentials.headers == (
        ("X-Api-Key", "k"),
        ("Cookie", "a=1; b=2"),
        ("Authorization", "Basic dTpw"),
    )
    assert "X-Api-Key" not in repr(site)  # secrets stay out of logs


@pytest.mark.parametrize(
    ("request_table", "message"),
    [
        ('token = "k"', "request.token: unknown key"),
        ('headers = { "X-Api-Key" = "k\\r\\nX-Evil: 1" }', "printable ASCII on one line"),
        ('headers = { "Bad Name" = "k" }', "must be a header name"),
        ('headers = { Cookie = "a=1" }', "say it with request.cookies"),
        ('headers = { authorization = "x" }', "say it with request.auth"),
        ('cookies = { a = "1; b=2" }', "a cookie value has no spaces"),
        ('auth = "no-password-colon"', 'must be "user:password"'),
        ('hosts = ["cdn.elsewhere.net"]', "no host on the site's domains"),
    ],
    ids=[
        "unknown",
        "header_crlf",
        "header_name",
        "cookie_header",
        "auth_header",
        "cookie",
        "auth",
        "host",
    ],
)
def test_a_bad_request_table_is_refused_naming_the_key(request_table: str, message: str) -> None:
    with pytest.raises(SiteConfigError, match=message.replace("(", r"\(")):
        parse(request_table)
