"""Person names out of byline text: "By Jane Doe, Staff Writer and John Roe | May 3" -> 2 names."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsbot.extraction.people import without_agency_place
from newsbot.extraction.vocabulary.bylines import AUTHOR_LABELS, BY_WORDS, JOB_TITLES, ROLE_WORDS
from newsbot.text import clean_text

if TYPE_CHECKING:
    from newsbot.rules import Words

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
# The colon after a label, also full-width (Chinese "作者\uff1a").
_COLON = re.compile(r"[:\uff1a]\s*")
_CONTACT = re.compile(r"\S+@\S+|@\w+|https?://\S+|www\.\S+")
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
    text = _TAIL.sub("", _without_opener(_ANNOTATION.sub(" ", text)))
    # "AFP, Manila": the place an agency reported from is no second name.
    names = (_strip(part) for part in _BETWEEN.split(without_agency_place(text)))
    return [name for name in names if _is_name(name)]


def is_byline(text: str) -> bool:
    """Whether a whole paragraph is a byline: short, opening with "By"/"Von"/..., naming someone.

    "By the time the ferry docked, ..." opens the same way, but what follows is no capitalised
    name.
    """
    text = _unbracket(clean_text(text))
    if len(text.split()) > _MAX_BYLINE_WORDS or not _opener(text):
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
    return inner if text.startswith(_BRACKETS) and _opener(inner) else text


def _opener(text: str) -> int:
    """How many characters of ``text`` open a byline: "By ", "Written by ", "Author: " (a
    label needs its colon here: "Text of the treaty" opens none)."""
    found = BY_WORDS.match(text)
    if found is not None:
        return found.end()
    colon = _COLON.search(text)
    if colon is not None and AUTHOR_LABELS.fullmatch(text[: colon.start()]):
        return colon.end()
    return 0


def _without_opener(text: str) -> str:
    return text[_opener(text) :]


def _strip(part: str) -> str:
    return _without_opener(part.strip()).strip(_PUNCTUATION)


def _is_name(part: str) -> bool:
    """Short, letters, no digits, no "label:", and not a role: opening with a role word
    ("Staff Writer", "Senior Editor at ...") or ending in a job title ("River Correspondent")."""
    words = part.split()
    if not words or len(words) > _MAX_NAME_WORDS or len(part) > _MAX_NAME_CHARS:
        return False
    if not any(ch.isalpha() for ch in part) or any(ch.isdigit() or ch == ":" for ch in part):
        return False
    opens_role = _is_in(words[0], JOB_TITLES) or _is_in(words[0], ROLE_WORDS)
    return not (opens_role or _is_in(words[-1], JOB_TITLES))


def _is_in(word: str, vocabulary: Words) -> bool:
    """Membership ignoring case, edge punctuation and a plural "s" ("Editors")."""
    word = word.casefold().strip(".,")
    return word in vocabulary or word.removesuffix("s") in vocabulary
