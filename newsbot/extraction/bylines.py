"""Person names out of byline text: "By Jane Doe, Staff Writer and John Roe | May 3" -> 2 names."""

from __future__ import annotations

import re

from newsbot.extraction.people import without_agency_place
from newsbot.text import clean_text

# "By", in the languages of the sites we crawl, optionally after "Story"/"Text"/"Written";
# or a label with a colon ("Author:", "Autorin:", Chinese 作者 author and 责编 editor in
# charge, the only credit many Chinese news pages print, with a full-width colon).
_BY_PREFIX = re.compile(
    r"^(?:(?:words|text|texto|story|written|reporting|report|posted|published)\s+)?"
    r"(?:by|von|por|par|door|av|af|przez)\b[\s:]*"
    r"|^(?:authors?|autor(?:in|en)?|auteur|text|texto|作者|记者|责编|责任编辑|编辑)\s*[:\uff1a]\s*",
    re.IGNORECASE,
)
# What follows a name in a byline and ends it: an update note, a date ("May 3", "3 May",
# "2024-05-03", "on Monday"), anything with a digit.
_TAIL = re.compile(
    r"(?:^|\s+)(?:updated|published|posted|aktualisiert|veröffentlicht|publicado|publié)\b.*$"
    r"|\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-zä]*\.?\s+\d.*$"
    r"|\s+(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*$"
    r"|\s+\S*\d.*$",
    re.IGNORECASE,
)
# Between names: punctuation, "and" in several languages, and separators before dates/roles.
_BETWEEN = re.compile(
    r"\s*(?:[,;|•·/\n、]|\s[-\u2013]\s|&)\s*|\s+(?:and|und|y|et|e|og|och|ve|és)\s+",
    re.IGNORECASE,
)
_BRACKETS = ("(", "\uff08")
# What a byline adds in brackets after a name: the author's initials ("Jane Doe (jdo)"), an
# agency, a role. It is no part of the name, and a comma inside it separates no names.
_ANNOTATION = re.compile(r"\s*[(\uff08][^()\uff08\uff09]*[)\uff09]")
_CONTACT = re.compile(r"\S+@\S+|@\w+|https?://\S+|www\.\S+")
# Job titles: a byline segment ending in one ("River Correspondent") is a role, not a name.
_JOB_TITLES = frozenset(
    {
        "writer", "reporter", "correspondent", "editor", "contributor", "columnist",
        "photographer", "producer", "analyst", "intern", "journalist", "redakteur",
        "redakteurin", "korrespondent", "korrespondentin", "autor", "autorin", "redactor",
    }
)  # fmt: skip
# Words that open a role or a label, never a name ("Staff Writer", "Follow on X"); a group
# name may *end* in one of these ("MND Staff").
_ROLE_OPENERS = _JOB_TITLES | frozenset(
    {
        "staff", "senior", "chief", "contributing", "associate", "deputy", "managing",
        "executive", "special", "guest", "bureau", "desk", "team", "updated", "more", "follow",
        "email", "twitter", "photo", "photos", "video", "graphics", "redaktion", "redacción",
        "redazione", "rédaction",
    }
)  # fmt: skip
# Around a name, none of these belong to it (dashes and quotes of several typographies).
_PUNCTUATION = " .:;,-\u2013\u2014()[]\"'\u201c\u201d\u00ab\u00bb"
# Longer than this is a sentence that happens to sit in a byline element.
_MAX_NAME_WORDS = 5
_MAX_BYLINE_WORDS = 16
_MAX_NAME_CHARS = 60


def split_names(text: str) -> list[str]:
    """The names in one byline or author string, in order (roles, dates and handles dropped)."""
    text = _unbracket(_CONTACT.sub(" ", clean_text(text)))
    if text.startswith(_BRACKETS):
        return []  # "(Image: Getty Images)": a credit, not a byline
    text = _TAIL.sub("", _BY_PREFIX.sub("", _ANNOTATION.sub(" ", text)))
    # "AFP, Manila": the place an agency reported from is no second name.
    names = (_strip(part) for part in _BETWEEN.split(without_agency_place(text)))
    return [name for name in names if _is_name(name)]


def is_byline(text: str) -> bool:
    """Whether a whole paragraph is a byline: short, opening with "By"/"Von"/..., naming someone.

    "By the time the ferry docked, ..." opens the same way, but what follows is no capitalised
    name.
    """
    text = _unbracket(clean_text(text))
    if len(text.split()) > _MAX_BYLINE_WORDS or _BY_PREFIX.match(text) is None:
        return False
    names = split_names(text)
    return bool(names) and not any(name[0].islower() for name in names)


def unique(names: list[str]) -> list[str]:
    """``names`` without repeats (compared case-insensitively), first spelling and order kept."""
    seen: set[str] = set()
    kept = []
    for name in names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return kept


def _unbracket(text: str) -> str:
    """A byline printed in brackets ("(Autor: Jan Roe)") without them; other text as it is."""
    inner = text.strip("()\uff08\uff09 ")
    return inner if text.startswith(_BRACKETS) and _BY_PREFIX.match(inner) else text


def _strip(part: str) -> str:
    return _BY_PREFIX.sub("", part.strip()).strip(_PUNCTUATION)


def _is_name(part: str) -> bool:
    """Short, letters, no digits, no "label:", and not a role: opening with a role word
    ("Staff Writer", "Senior Editor at ...") or ending in a job title ("River Correspondent")."""
    words = part.split()
    if not words or len(words) > _MAX_NAME_WORDS or len(part) > _MAX_NAME_CHARS:
        return False
    if not any(ch.isalpha() for ch in part) or any(ch.isdigit() or ch == ":" for ch in part):
        return False
    return not (_is_in(words[0], _ROLE_OPENERS) or _is_in(words[-1], _JOB_TITLES))


def _is_in(word: str, vocabulary: frozenset[str]) -> bool:
    """Membership ignoring case, edge punctuation and a plural "s" ("Editors")."""
    word = word.casefold().strip(".,")
    return word in vocabulary or word.removesuffix("s") in vocabulary
