"""A page cannot send the crawler to a private address: refused, counted, never requested.

127.0.0.1 and 127.0.0.2 stand for two hosts. The site's section page is on 127.0.0.1 (declared:
allowed even though it is loopback, as the demo is); 127.0.0.2 is on the site's domains but no
section page is there, so it stands for an internal host a redirect or link points at.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.integration.conftest import crawl
from tests.integration.guarded_site import GOOD, MOVED, declaration, serve_host

if TYPE_CHECKING:
    from pathlib import Path

    from tests.integration.conftest import CrawlResult
    from tests.integration.guarded_site import Host

pytestmark = pytest.mark.integration
INTERNAL = "/2026/12/01/internal-report/"


def crawl_both(tmp_path: Path, **settings: object) -> tuple[Host, Host, CrawlResult]:
    """The site on 127.0.0.1 redirecting one article to 127.0.0.2 and linking another there."""
    with serve_host("127.0.0.2") as internal, serve_host("127.0.0.1") as site:
        site.redirects[MOVED] = f"{internal.base}{MOVED}"
        site.links.append(f"{internal.base}{INTERNAL}")
        result = crawl(tmp_path, declaration=declaration(site, "127.0.0.2"), settings=settings)
    return site, internal, result


def test_a_redirect_and_a_link_to_a_private_address_are_refused_and_counted(
    tmp_path: Path,
) -> None:
    site, internal, result = crawl_both(tmp_path)
    assert [item["url"] for item in result.items] == [f"{site.base}{GOOD}"]
    assert internal.paths() == []  # not even robots.txt
    assert result.stats["newsbot/fetch/failed/private_address"] == 2
    assert result.stats["newsbot/site/pacific_ledger/articles_failed"] == 2
    for path in (MOVED, INTERNAL):
        assert f"Failed {internal.base}{path}: private address (127.0.0.2 is 127.0.0.2" in (
            result.log
        )


def test_which_networks_are_private_is_a_setting(tmp_path: Path) -> None:
    # Only 127.0.0.2 private: the site's own host counts as public, nothing changes for it.
    _, internal, result = crawl_both(tmp_path, NEWSBOT_PRIVATE_NETWORKS=["127.0.0.2/32"])
    assert result.stats["newsbot/fetch/failed/private_address"] == 2
    assert internal.paths() == []
    # No private networks: the check is off, both pages are fetched from 127.0.0.2.
    _, internal, result = crawl_both(tmp_path, NEWSBOT_PRIVATE_NETWORKS=[])
    assert "newsbot/fetch/failed/private_address" not in result.stats
    assert sorted(internal.paths()) == sorted(["/robots.txt", MOVED, INTERNAL])
    assert len(result.items) == 2  # the internal page is 404: only the moved one is an article


def test_a_host_name_is_judged_by_the_addresses_it_resolves_to(tmp_path: Path) -> None:
    with serve_host("127.0.0.1") as site:
        # "localhost" is one of the site's domains, resolves to loopback, and no section page
        # is on it by that name.
        named = site.base.replace("127.0.0.1", "localhost")
        site.redirects[MOVED] = f"{named}{GOOD}"
        result = crawl(tmp_path, declaration=declaration(site, "localhost"))
    assert result.stats["newsbot/fetch/failed/private_address"] == 1
    assert f"Failed {named}{GOOD}: private address (localhost is " in result.log
    assert site.paths().count(GOOD) == 1  # by its declared name only
