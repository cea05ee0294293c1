"""A page redirected to another domain is lost like any failed page: one line, one stat."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.integration.conftest import crawl
from tests.integration.guarded_site import GOOD, MOVED, declaration, serve_host

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.integration


def test_a_redirect_off_the_sites_domains_is_a_failed_page_not_a_silent_loss(
    tmp_path: Path,
) -> None:
    with serve_host("127.0.0.1") as site:
        # "localhost" is this machine too, but no domain of the site: the request is refused.
        elsewhere = site.base.replace("127.0.0.1", "localhost")
        site.redirects[MOVED] = f"{elsewhere}/landing/"
        result = crawl(tmp_path, declaration=declaration(site))
    assert [item["url"] for item in result.items] == [f"{site.base}{GOOD}"]
    assert result.stats["newsbot/fetch/failed/offsite"] == 1
    assert result.stats["newsbot/site/pacific_ledger/articles_failed"] == 1
    assert (
        f"Failed {elsewhere}/landing/: offsite (localhost is not one of the spider's domains, "
        f"redirected from {site.base}{MOVED})"
    ) in result.log
    assert "/landing/" not in site.paths()
