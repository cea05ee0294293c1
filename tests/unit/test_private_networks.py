"""Which addresses NEWSBOT_PRIVATE_NETWORKS' default counts as private (never requested)."""

from __future__ import annotations

from ipaddress import ip_address, ip_network

import pytest

from newsbot.downloadermiddlewares.private_addresses import PrivateAddressMiddleware
from newsbot.settings import NEWSBOT_PRIVATE_NETWORKS

GUARD = PrivateAddressMiddleware([ip_network(n) for n in NEWSBOT_PRIVATE_NETWORKS], frozenset())


@pytest.mark.parametrize(
    "address",
    [
        "169.254.169.254",  # cloud metadata service
        "127.0.0.1",
        "10.1.2.3",
        "172.20.0.1",
        "192.168.1.1",
        "100.64.0.1",  # carrier-grade NAT
        "0.0.0.0",
        "::1",
        "fe80::1",
        "fd00:ec2::254",  # AWS metadata over IPv6
        "::ffff:10.0.0.1",  # IPv4 written as IPv6
    ],
)
def test_private_addresses_are_refused(address: str) -> None:
    assert GUARD.first_private([ip_address(address)]) == ip_address(address)


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:4700::1111"])
def test_public_addresses_are_not(address: str) -> None:
    assert GUARD.first_private([ip_address(address)]) is None


def test_a_name_with_one_private_address_among_public_ones_is_private() -> None:
    addresses = [ip_address("93.184.215.14"), ip_address("10.0.0.5")]
    assert GUARD.first_private(addresses) == ip_address("10.0.0.5")
