"""Page-level evidence: what the links of one listing page, taken together, say about each.

A single link says little about itself; the page says more. A CMS mints every page of one
kind with one URL pattern, and a page links its topic and place hubs as chips (one or two
words) but its articles with headlines, so a pattern whose links are all chips is a hub
pattern. And a site that publishes its articles on the listing's own host runs its shop,
deals and services on other subdomains, which hold few article-like links.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from newsbot.discovery.page import HEADLINE_WORDS

if TYPE_CHECKING:
    from collections.abc import Iterable

# A pattern needs this many links before the page says what kind of page it mints.
PATTERN_MIN_LINKS = 3
# Chips: labels under HEADLINE_WORDS words on this share of a pattern's links, headlines on
# at most CHIP_HEADLINE_SHARE (a topic page sometimes gets a headline-like label).
CHIP_SHARE = 0.6
CHIP_HEADLINE_SHARE = 0.2
# The listing's own host is the article host when it holds more than this share of the
# likely articles; another subdomain with under OTHER_HOST_SHARE of its count is a side line.
OWN_HOST_MAJORITY = 0.5
OTHER_HOST_SHARE = 0.25


def chip_patterns(links: Iterable[tuple[str, int]]) -> set[str]:
    """The URL patterns whose links are labelled as chips, from (pattern, most label words
    of the link) pairs, one pair per distinct link."""
    totals: Counter[str] = Counter()
    short: Counter[str] = Counter()
    headlines: Counter[str] = Counter()
    for pattern, words in links:
        totals[pattern] += 1
        short[pattern] += 0 < words < HEADLINE_WORDS
        headlines[pattern] += words >= HEADLINE_WORDS
    return {
        pattern
        for pattern, total in totals.items()
        if total >= PATTERN_MIN_LINKS
        and short[pattern] >= CHIP_SHARE * total
        and headlines[pattern] <= CHIP_HEADLINE_SHARE * total
    }


def minor_hosts(likely_hosts: Iterable[str], page_host: str) -> set[str]:
    """Hosts (``www.`` removed) other than the page's that hold few of the likely articles,
    when the page's own host holds most of them; none on a portal whose articles all live on
    subdomains."""
    counts = Counter(host.removeprefix("www.") for host in likely_hosts)
    own_host = page_host.removeprefix("www.")
    own = counts.pop(own_host, 0)
    if own <= OWN_HOST_MAJORITY * (own + sum(counts.values())):
        return set()
    return {host for host, count in counts.items() if count < OTHER_HOST_SHARE * own}
