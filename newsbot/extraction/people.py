"""Whether an author name stands for a person, or for the publisher, a news agency or a desk.

A byline of "AFP", "Redaktion" or the site's own name credits nobody in particular: such a
source gives way to one that names people, and is kept, as written, only when none does.
"""

from __future__ import annotations

import re

from newsbot.extraction.sitename import compact, names_site
from newsbot.extraction.vocabulary.bylines import AGENCIES, DESK_WORDS

# "Reuters in Kyiv": an agency credited with the place it reported from.
_DATELINE = re.compile(r"\s+in\s+\S.*$")
# Between agencies joined in one credit ("dpa/AFP", "AFP, Reuters", "AP und dpa").
_JOINED = re.compile(r"[/,;&+]|\s(?:and|und|et|y)\s")
# A place name after a comma ("AFP, Manila", "Reuters, New York"): a few words, no digits.
_MAX_PLACE_WORDS = 3
# A site's name cut to fewer letters than this could be anyone's first name.
_MIN_STEM_CHARS = 3
_WORD = re.compile(r"[^\W\d_]+")
# Scripts written without spaces between words: one token there can be a full name.
_UNSPACED = re.compile("[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def is_person(name: str, site: set[str]) -> bool:
    """Whether ``name`` names someone: not the site (or an account named after it), an agency
    or a desk, and a full name (two words or more, or any name in a script written without
    spaces)."""
    if names_site(name, site) or is_site_account(name, site) or is_agency(name):
        return False
    words = [word.casefold() for word in _WORD.findall(name)]
    if any(word in DESK_WORDS for word in words):
        return False
    return len(words) >= 2 or bool(_UNSPACED.search(name))


def is_credit(name: str, site: set[str]) -> bool:
    """Whether ``name``, naming no person, still credits someone: an agency, or a desk or
    organisation of a few words other than the site's own name ("Telegraph Sport"). A bare
    site name or a single word ("admin", "LBCI") is what templates fill in."""
    if is_agency(name):
        return True
    words = _WORD.findall(name)
    return len(words) >= 2 and compact(name) not in site and not is_site_account(name, site)


def is_site_account(name: str, site: set[str]) -> bool:
    """Whether ``name`` is the site's name cut short with initials ("Lowmarsh C" on
    "Lowmarsh Courier"): the account a CMS was set up with, not a person's name."""
    words = _WORD.findall(name)
    stem = compact("".join(word for word in words if len(word) > 1))
    has_initials = any(len(word) == 1 for word in words)
    return has_initials and len(stem) >= _MIN_STEM_CHARS and any(n.startswith(stem) for n in site)


def is_agency(name: str) -> bool:
    """Whether ``name`` is a news agency, or several joined ("dpa/AFP", "AFP, Reuters"),
    maybe with the place it reported from ("Reuters in Kyiv", "AFP, Manila")."""
    return _all_agencies(without_agency_place(_DATELINE.sub("", name)))


def without_agency_place(credit: str) -> str:
    """``credit`` without the place after an agency's comma ("dpa/AFP, Berlin" -> "dpa/AFP",
    "Jane Doe, Reuters, New York" -> "Jane Doe, Reuters"); other text as it is."""
    head, comma, place = credit.rpartition(",")
    agency = re.split(r"[,;]", head)[-1]
    if comma and _is_place(place) and _all_agencies(agency) and not _all_agencies(place):
        return head.rstrip()
    return credit


def _all_agencies(credit: str) -> bool:
    parts = [compact(part) for part in _JOINED.split(credit)]
    parts = [part for part in parts if part]
    return bool(parts) and all(part in AGENCIES for part in parts)


def _is_place(text: str) -> bool:
    """A place name: a few words opening with a capital (or in a caseless script), no digits."""
    text = text.strip()
    words = text.split()
    return (
        0 < len(words) <= _MAX_PLACE_WORDS
        and not text[0].islower()
        and not any(ch.isdigit() for ch in text)
    )
