"""End-to-end fixtures: the demo site on a real localhost port."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from newsbot.demo.server import serve_demo_site

if TYPE_CHECKING:
    from collections.abc import Iterator

    from newsbot.demo.server import DemoServer


@pytest.fixture(scope="module")
def demo() -> Iterator[DemoServer]:
    with serve_demo_site() as server:
        yield server
