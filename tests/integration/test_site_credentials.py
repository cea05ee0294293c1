"""A site's API key, cookies and login reach its own host and never the host it redirects to.

127.0.0.1 is the site; 127.0.0.2 (one of its domains, as a CDN would be) is where one of its
articles redirects. Private addresses are not checked here (NEWSBOT_PRIVATE_NETWORKS empty).
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

import pytest

from tests.integration.conftest import crawl
from tests.integration.guarded_site import GOOD, MOVED, SECTION, declaration, serve_host

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.integration
REQUEST = """
[request]
headers = { "X-Api-Key" = "key-4242" }
cookies = { session = "s3cr3t", consent = "yes" }
auth = "reader:pass:word"
"""
LOGIN = "Basic " + base64.b64encode(b"reader:pass:word").decode()
SECRETS = ("key-4242", "s3cr3t", LOGIN)


def test_credentials_go_to_the_sites_host_only_and_are_withheld_after_a_redirect(
    tmp_path: Path,
) -> None:
    with serve_host("127.0.0.2") as cdn, serve_host("127.0.0.1") as site:
        site.redirects[MOVED] = f"{cdn.base}{MOVED}"
        result = crawl(
            tmp_path,
            declaration=declaration(site, "127.0.0.2", request=REQUEST),
            settings={"NEWSBOT_PRIVATE_NETWORKS": []},
        )
    assert sorted(item["url"] for item in result.items) == [
        f"{site.base}{GOOD}",
        f"{cdn.base}{MOVED}",
    ]
    sent = dict(site.seen)
    for path in (SECTION, GOOD, MOVED):
        assert sent[path]["X-Api-Key"] == "key-4242"
        assert sent[path]["Cookie"] == "session=s3cr3t; consent=yes"
        assert sent[path]["Authorization"] == LOGIN
    assert cdn.paths() == ["/robots.txt", MOVED]
    for path, headers in cdn.seen:
        leaked = [s for s in SECRETS if any(s in value for value in headers.values())]
        assert leaked == [], path
    assert result.stats["newsbot/credentials/withheld"] == 1
    assert f"Credentials withheld from {cdn.base}{MOVED}" in result.log
    assert not any(secret in result.log for secret in SECRETS)
