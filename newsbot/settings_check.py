"""Every NEWSBOT_* setting checked before a crawl starts: a bad value stops the run, not a part
of it.

Components read their settings in ``from_crawler``, one by one and at different moments: a bad
value there either disables a component with a mere warning (a run without dedupe exports
duplicates and exits 0) or ends in a traceback. ``check_settings`` runs first and turns any of
these into one UsageError line naming the setting, the value and what was expected.
"""

from __future__ import annotations

import difflib
import importlib.util
import ipaddress
import json
import math
import os
import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from numbers import Real
from typing import TYPE_CHECKING

from scrapy.exceptions import UsageError
from scrapy.settings import SETTINGS_PRIORITIES

from newsbot.demo.catalog import DAYS

if TYPE_CHECKING:
    from collections.abc import Callable

    from scrapy.settings import BaseSettings

#: NEWSBOT_BACKEND's choices: one process and SQLite, or a worker of a crawl shared in Redis.
BACKENDS = ("sqlite", "redis")
REDIS_URL_SCHEMES = ("redis://", "rediss://", "unix://")

#: Components a correct run cannot do without, as (setting, component); within one setting they
#: must run in the order listed. Users may add components to these settings, never drop these.
REQUIRED_COMPONENTS = (
    ("ITEM_PIPELINES", "newsbot.pipelines.normalize.NormalizePipeline"),
    ("ITEM_PIPELINES", "newsbot.pipelines.validate.ValidatePipeline"),
    ("ITEM_PIPELINES", "newsbot.pipelines.dedupe.DedupePipeline"),
    ("EXTENSIONS", "newsbot.exports.publication.PublishingFeedExporter"),
    ("EXTENSIONS", "newsbot.extensions.state.StateExtension"),
    ("EXTENSIONS", "newsbot.extensions.report.RunReportExtension"),
)

# Scrapy components newsbot's replace: both running would write every export file twice.
REPLACED_COMPONENTS = (("EXTENSIONS", "scrapy.extensions.feedexport.FeedExporter"),)

# Path templates are filled with ``% {"name": spider}``: "%%" is a literal percent sign.
_TEMPLATE_PARTS = re.compile(r"%%|%\(name\)s")
# What Scrapy's getbool() reads as a yes or a no (it would read 7 as yes, a likely mistake).
_BOOLEANS = ("True", "False", "true", "false", "1", "0", 1, 0)


@dataclass(frozen=True)
class Rule:
    """What one setting accepts: a test of its value, and the words for it in an error."""

    expected: str
    accepts: Callable[[object], bool]


def whole_number(minimum: int, maximum: int | None = None) -> Rule:
    """An int (or its digits, as ``-s`` gives them) within bounds; never a bool or 2.5."""

    def accepts(value: object) -> bool:
        number = _as_int(value)
        if number is None:
            return False
        return minimum <= number and (maximum is None or number <= maximum)

    bounds = f">= {minimum}" if maximum is None else f"from {minimum} to {maximum}"
    return Rule(f"a whole number {bounds}", accepts)


def number(minimum: float, maximum: float = math.inf, *, above: bool = False) -> Rule:
    """A finite number from ``minimum`` (or ``above`` it) up to ``maximum``."""

    def accepts(value: object) -> bool:
        real = _as_float(value)
        if real is None or real > maximum:
            return False
        return real > minimum if above else real >= minimum

    low = f"> {minimum:g}" if above else f">= {minimum:g}"
    return Rule(f"a number {low}" + (f" and <= {maximum:g}" if maximum < math.inf else ""), accepts)


def _is_key_prefix(value: object) -> bool:
    return isinstance(value, str) and bool(value) and ":" not in value


def one_of(*choices: str | int) -> Rule:
    """One of a few values; an int choice may arrive as its digits."""
    spelled = tuple(str(choice) for choice in choices)
    return Rule(
        f"one of {', '.join(spelled)}",
        lambda value: not isinstance(value, bool) and str(value) in spelled,
    )


def _as_int(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


def _as_float(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, Real | str):
        return None
    try:
        real = float(value)
    except ValueError:
        return None
    return real if math.isfinite(real) else None


def _is_boolean(value: object) -> bool:
    return isinstance(value, bool) or value in _BOOLEANS


def _is_folders(value: object) -> bool:
    return isinstance(value, str) or (
        isinstance(value, list | tuple) and all(isinstance(part, str) for part in value)
    )


def _is_day_or_empty(value: object) -> bool:
    if value is None or value == "":
        return True
    if not isinstance(value, str):
        return False  # the validate pipeline parses the text itself
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_path_template(value: object) -> bool:
    return isinstance(value, str) and bool(value) and "%" not in _TEMPLATE_PARTS.sub("", value)


def _is_importable(value: object) -> bool:
    """A class path whose module exists. Found, not imported: the store's module loads the
    MinHash libraries (~0.6 s), which would delay taking the run lock (see StateExtension)."""
    if not isinstance(value, str):
        return callable(value)  # a class given as itself in settings.py
    module, _, name = value.rpartition(".")
    try:
        return name.isidentifier() and importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False  # a parent package missing, or an empty module path


def _is_networks(value: object) -> bool:
    """Networks like 10.0.0.0/8 as a list, or comma-separated text (as ``-s`` gives them)."""
    parts = value.split(",") if isinstance(value, str) else value
    if not isinstance(parts, list | tuple) or not all(isinstance(p, str) for p in parts):
        return False
    for part in filter(None, (part.strip() for part in parts)):
        try:
            ipaddress.ip_network(part)
        except ValueError:
            return False
    return True


def _is_feeds(value: object) -> bool:
    """Scrapy's FEEDS shape: {uri: {"format": name, ...}}, as a dict or its JSON text."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return False
    return isinstance(value, dict) and all(
        isinstance(uri, str) and isinstance(opts, dict) and isinstance(opts.get("format"), str)
        for uri, opts in value.items()
    )


POSITIVE_INT = whole_number(1)
COUNT = whole_number(0)
# DedupePipeline's policies, spelled here so that checking settings does not load the MinHash
# libraries before the run lock is taken (a unit test keeps the two the same).
NEAR_DUPLICATE_POLICIES = ("link", "drop")
UPDATE_POLICIES = ("revise", "ignore")
PATH_TEMPLATE = Rule("a path whose only placeholder is %(name)s", _is_path_template)
# Empty: no run summaries (what read-only commands such as `scrapy parse` ask for).
PATH_TEMPLATE_OR_NONE = Rule(
    "a path whose only placeholder is %(name)s, or empty for none",
    lambda value: value == "" or _is_path_template(value),
)

#: Every NEWSBOT_* setting and what it accepts (tests/unit/test_settings_check.py fails when a
#: setting in newsbot/settings.py has no entry here).
SETTINGS: dict[str, Rule] = {
    "NEWSBOT_MAX_CRAWL_DELAY": number(0),
    "NEWSBOT_MAX_RETRY_AFTER": number(0),
    "NEWSBOT_DEFAULT_FEEDS": Rule('feeds as in FEEDS: {"uri": {"format": ...}}', _is_feeds),
    "NEWSBOT_SITES_PATH": Rule(f"folders separated by {os.pathsep!r}", _is_folders),
    "NEWSBOT_MAX_PAGES": POSITIVE_INT,
    "NEWSBOT_SINCE": Rule("a date as YYYY-MM-DD, or empty", _is_day_or_empty),
    "NEWSBOT_LIMIT": COUNT,
    "NEWSBOT_SITEMAP_DEPTH": POSITIVE_INT,
    "NEWSBOT_SITEMAP_MAX_CHILDREN": POSITIVE_INT,
    "NEWSBOT_SITEMAP_MAX_ENTRIES": POSITIVE_INT,
    "NEWSBOT_FEED_MAX_ENTRIES": POSITIVE_INT,
    "NEWSBOT_EXTRACTION_TIMEOUT": number(0, above=True),
    "NEWSBOT_EXTRACTION_PROCESSES": whole_number(-1),
    "NEWSBOT_EXTRACTION_MAX_TASKS": COUNT,
    "NEWSBOT_EXTRACTION_MEMORY_MB": COUNT,
    "NEWSBOT_DATASET_MEMORY_MB": whole_number(64),
    "NEWSBOT_VALIDATE_MIN_WORDS": COUNT,
    "NEWSBOT_STATE_PATH": PATH_TEMPLATE,
    "NEWSBOT_STATE_STORE": Rule("an importable class path (module.Class)", _is_importable),
    "NEWSBOT_RUNS_DIR": PATH_TEMPLATE_OR_NONE,
    "NEWSBOT_MAX_ERROR_RATE": number(0, 1),
    "NEWSBOT_NEAR_DUPLICATES": one_of(*NEAR_DUPLICATE_POLICIES),
    "NEWSBOT_NEAR_DUPLICATE_THRESHOLD": number(0, 1, above=True),
    "NEWSBOT_UPDATES": one_of(*UPDATE_POLICIES),
    "NEWSBOT_STOP_AT_KNOWN_PAGE": Rule("true or false", _is_boolean),
    "NEWSBOT_RECHECK_REJECTED_DAYS": COUNT,
    "NEWSBOT_STALE_AFTER_RUNS": POSITIVE_INT,
    "NEWSBOT_STATE_RETENTION_DAYS": COUNT,
    "NEWSBOT_DEMO_DAY": one_of(*DAYS),
    "NEWSBOT_DEMO_PORT": whole_number(0, 65535),
    "NEWSBOT_PRIVATE_NETWORKS": Rule("networks like 10.0.0.0/8, comma-separated", _is_networks),
    "NEWSBOT_BACKEND": one_of(*BACKENDS),
    "NEWSBOT_REDIS_PREFIX": Rule("a non-empty key prefix without ':'", _is_key_prefix),
    "NEWSBOT_REDIS_LEASE_SECONDS": number(1),
    "NEWSBOT_REDIS_IDLE_SECONDS": number(0),
}


def check_settings(settings: BaseSettings) -> None:
    """Raise UsageError (one line) for an unknown NEWSBOT_* name, a value its rule refuses, or
    a required component missing, disabled or out of order."""
    for name in sorted(settings):
        if name.startswith("NEWSBOT_"):
            _check_value(settings, name)
    for setting in dict.fromkeys(setting for setting, _ in REQUIRED_COMPONENTS):
        _check_components(settings, setting)
    _check_replaced(settings)
    _check_backend(settings)


def _check_backend(settings: BaseSettings) -> None:
    """A shared crawl needs its server: without REDIS_URL it must not run on alone."""
    if settings.get("NEWSBOT_BACKEND") != "redis":
        return
    url = settings.get("REDIS_URL") or ""
    if not url.startswith(REDIS_URL_SCHEMES):
        raise UsageError(
            f"NEWSBOT_BACKEND=redis needs REDIS_URL=redis://host:port/db (or rediss://, "
            f"unix://); got {url!r}"
        )


def _check_value(settings: BaseSettings, name: str) -> None:
    rule = SETTINGS.get(name)
    if rule is None:
        # Compared without the prefix all names share, which would make any name look close.
        known = {known.removeprefix("NEWSBOT_"): known for known in SETTINGS}
        close = difflib.get_close_matches(name.removeprefix("NEWSBOT_"), known, n=1)
        hint = f" (did you mean {known[close[0]]}?)" if close else ""
        raise UsageError(f"unknown setting {name}{hint}")
    value = settings[name]
    if not rule.accepts(value):
        given = "-s " if settings.getpriority(name) == SETTINGS_PRIORITIES["cmdline"] else ""
        raise UsageError(f"{given}{name}={value!r}: expected {rule.expected}")


def _check_components(settings: BaseSettings, setting: str) -> None:
    enabled = {_component_path(key): order for key, order in settings.getwithbase(setting).items()}
    required = [path for name, path in REQUIRED_COMPONENTS if name == setting]
    # A component switched off by name is what the user did; report it before those missing.
    for path in sorted(required, key=lambda path: path not in enabled):
        order = enabled.get(path)
        if path not in enabled:
            raise UsageError(
                f"{setting} lacks {path}: expected it with an order number (it is required; "
                f"a {setting} given with -s replaces the project's, so list it there too)"
            )
        if isinstance(order, bool) or not isinstance(order, Real):
            raise UsageError(
                f"{setting}[{path!r}]={order!r}: expected an order number (a required "
                "component cannot be disabled; others may be added)"
            )
    orders = [enabled[path] for path in required]
    if not all(first < then for first, then in pairwise(orders)):
        listed = ", ".join(
            f"{path}={order!r}" for path, order in zip(required, orders, strict=True)
        )
        raise UsageError(
            f"{setting}: {listed}: expected increasing numbers, the order they must run in"
        )


def _check_replaced(settings: BaseSettings) -> None:
    for setting, path in REPLACED_COMPONENTS:
        enabled = {_component_path(k): v for k, v in settings.getwithbase(setting).items()}
        if enabled.get(path) is not None:
            raise UsageError(
                f"{setting}[{path!r}]={enabled[path]!r}: expected None (newsbot replaces it; "
                f"an {setting} given with -s replaces the project's, so switch it off there too)"
            )


def _component_path(key: object) -> str:
    """A component as its dotted path, whether settings name it by path or by class."""
    if isinstance(key, str):
        return key
    return f"{getattr(key, '__module__', '')}.{getattr(key, '__qualname__', key)}"
