"""Choosing the sites a section crawl visits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.exceptions import UsageError

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from newsbot.sites import Site


def select_sites(
    declared: Mapping[str, Site], section: str, wanted: tuple[str, ...] | None
) -> tuple[Site, ...]:
    """The declared sites with ``section``, narrowed to ``wanted`` (``-a sites``) when given.

    Naming a site that is unknown or lacks the section is an error, never a silent no-op.
    """
    having = {key: site for key, site in declared.items() if section in site.sections}
    if wanted is None:
        if not having:
            raise UsageError(f"no declared site has a {section!r} section")
        return tuple(having.values())
    missing = [key for key in wanted if key not in having]
    if missing:
        raise UsageError(
            f"-a sites: {', '.join(missing)} not declared with a {section!r} section "
            f"(available: {', '.join(sorted(having)) or 'none'})"
        )
    return tuple(having[key] for key in wanted)


def site_for_url(sites: Iterable[Site], url: str) -> Site:
    """The site among ``sites`` whose domains own ``url``: how a callback called without its
    cb_kwargs (``scrapy parse -c parse_article URL``) learns which site it is reading.

    Scrapy's offsite filter never lets another site's page reach the spider's callbacks.
    """
    for site in sites:
        if site.owns(url):
            return site
    raise LookupError(f"{url}: no site of this crawl owns it")
