"""PrivateAddressMiddleware: a page on the web cannot send the crawler into its own network."""

from __future__ import annotations

import socket
from ipaddress import IPv4Address, IPv6Address, ip_address, ip_network
from typing import TYPE_CHECKING, Self

from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.threads import deferToThread

from newsbot.downloadermiddlewares.refused import RequestRefused

if TYPE_CHECKING:
    from collections.abc import Iterable
    from ipaddress import IPv4Network, IPv6Network

    from scrapy import Request
    from scrapy.crawler import Crawler

    from newsbot.sites import Site

Address = IPv4Address | IPv6Address


class PrivateAddressMiddleware:
    """Refuses a request whose host is, or resolves to, an address in NEWSBOT_PRIVATE_NETWORKS
    (loopback, private, link-local with the cloud metadata service 169.254.169.254, ...):
    a redirect or a link there would let any page make the crawler query this machine or its
    network, and export the answer. A host that a declared section page, feed or sitemap is on
    is the operator's choice and always allowed (the demo and tests run on 127.0.0.1).
    Counted as ``newsbot/fetch/failed/private_address``. Reads NEWSBOT_PRIVATE_NETWORKS (empty:
    off); off for commands without declared sites (``scrapy fetch URL``: the user's own URL).
    """

    def __init__(
        self, networks: list[IPv4Network | IPv6Network], allowed_hosts: frozenset[str]
    ) -> None:
        self.networks = networks
        self.allowed_hosts = allowed_hosts
        # host -> the private address it resolves to, or None: one lookup a host a run.
        self.verdicts: dict[str, Address | None] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        sites: tuple[Site, ...] | None = getattr(crawler.spider, "sites", None)
        texts = [t.strip() for t in crawler.settings.getlist("NEWSBOT_PRIVATE_NETWORKS")]
        networks = [ip_network(text) for text in texts if text]
        if sites is None or not networks:
            raise NotConfigured
        return cls(networks, frozenset().union(*(site.listing_hosts for site in sites)))

    async def process_request(self, request: Request) -> None:
        host = urlparse_cached(request).hostname or ""
        if host in self.allowed_hosts:
            return
        if host not in self.verdicts:
            self.verdicts[host] = self.first_private(await _addresses(host))
        address = self.verdicts[host]
        if address is not None:
            raise RequestRefused(
                "private_address",
                f"private address ({host} is {address}, in NEWSBOT_PRIVATE_NETWORKS, and no"
                " section page, feed or sitemap of a declared site is on it)",
            )

    def first_private(self, addresses: Iterable[Address]) -> Address | None:
        """The first of ``addresses`` in a private network (an IPv4 address written as IPv6,
        ::ffff:10.0.0.1, is judged as the IPv4 one it is)."""
        for address in addresses:
            plain = getattr(address, "ipv4_mapped", None) or address
            if any(plain in network for network in self.networks):
                return address
        return None


async def _addresses(host: str) -> list[Address]:
    """What ``host`` resolves to, every address of it; none when the lookup fails (the
    download then fails on it and is counted as that)."""
    try:
        return [ip_address(host)]
    except ValueError:
        pass
    try:
        found = await maybe_deferred_to_future(
            deferToThread(socket.getaddrinfo, host, None, type=socket.SOCK_STREAM)
        )
    except OSError:
        return []
    return [ip_address(info[4][0]) for info in found]
