"""Escaping and date spellings shared by the templates.

Month names are spelt out here rather than with `%B` so pages never depend on the process locale.
"""

from __future__ import annotations

import functools
import html
import json
from importlib.resources import files
from string import Template
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_SHORT = (
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)
NOON = 12


def esc(text: str) -> str:
    """Text-node escaping (quotes may stay literal there)."""
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    """Attribute-value escaping."""
    return html.escape(text, quote=True)


def us_date(when: datetime) -> str:
    """November 3, 2026"""
    return f"{MONTHS[when.month - 1]} {when.day}, {when.year}"


def uk_date(when: datetime) -> str:
    """3 November 2026"""
    return f"{when.day} {MONTHS[when.month - 1]} {when.year}"


def ap_datetime(when: datetime) -> str:
    """Nov. 3, 2026, 12:30 a.m. (AP style, as magazine themes print it)"""
    hour = when.hour % NOON or NOON
    half = "a.m." if when.hour < NOON else "p.m."
    return f"{_SHORT[when.month - 1]} {when.day}, {when.year}, {hour}:{when.minute:02d} {half}"


def json_ld(data: object) -> str:
    """A JSON-LD script element; `</` is escaped so text can never close the script early."""
    payload = json.dumps(data, ensure_ascii=False, indent=None).replace("</", "<\\/")
    return f'<script type="application/ld+json">{payload}</script>'


def meta(prop: str, content: str, *, key: str = "property") -> str:
    return f'<meta {key}="{attr(prop)}" content="{attr(content)}">'


@functools.cache
def template(name: str) -> Template:
    """A markup file beside this module, read once (as a package resource: it may be in a zip)."""
    return Template((files("newsbot.demo.templates") / name).read_text(encoding="utf-8"))
