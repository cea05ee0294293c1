"""``-a NAME=VALUE`` values shared by the project commands that take them."""

from __future__ import annotations

from scrapy.exceptions import UsageError

_YES, _NO = frozenset({"1", "true", "yes"}), frozenset({"0", "false", "no", ""})


def flag(name: str, value: str | None) -> bool:
    """A yes/no ``-a`` value (1/true/yes, 0/false/no or empty); anything else is refused."""
    text = (value or "").strip().lower()
    if text not in _YES | _NO:
        raise UsageError(f"-a {name}={value!r}: expected 1 or 0", print_help=False)
    return text in _YES
