"""Notices a page adds to an article's text, in the languages of the sites we crawl: agency and
reporting credits, photo credits, calls to action (newsletters, apps, social accounts, tips),
affiliate, paywall and consent notices, "read more" links, datelines, publication notes.

``is_notice`` judges one whole paragraph. Patterns that match only part of one are capped in
length and need two signals (a newsletter *and* a sign-up verb, a network *and* "follow"), so
an article sentence that mentions a newsletter or Instagram is kept.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsbot.dates import parse_datetime
from newsbot.extraction.vocabulary import paragraphs as vocab

if TYPE_CHECKING:
    from newsbot.rules import Phrases

_FLAGS = re.IGNORECASE | re.UNICODE
# Whole vocab.
_NOTICES = (
    vocab.REPORTING_CREDITS,
    vocab.CREDITS,
    vocab.PROMPTS,
    vocab.LINKS,
    vocab.PAYWALLS,
    vocab.DATELINES,
    vocab.TAXONOMY,
    vocab.READING_TIMES,
)
# A date with a clock time and nothing that ends a sentence: "Freitag, 28.04.2023, 19:25",
# "2025年1月14日 01時28分" (no word boundary between a CJK year and its 年).
_DATELINE = re.compile(
    r"(?=.*(?<!\d)(?:19|20)\d{2}(?!\d))"
    r"(?=.*(?:\b\d{1,2}:\d{2}|\b\d{1,2}\.\d{2} uhr|\b\d{1,2}h\d{2}|\d時))"
    r".{0,60}[^.。!?\uff01\uff1f]",
    _FLAGS,
)

# Parts of paragraphs, each needing a second signal or a short paragraph.
_PROMPT_CHARS = 350
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[a-z]{2,}", _FLAGS)
_CONTACT_CHARS = 250
_DATE_ALONE_CHARS = 40
_DATE_ALONE_WORDS = 3
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_WORDS = re.compile(r"\w+")
# No notice above is longer; most paragraphs are, and skip every pattern.
_NOTICE_CHARS = 500
_DATELINE_CHARS = 61
# Words any prompt holds one of: most paragraphs hold none and are done after a few substring
# tests (a regular expression search per pattern costs ten times more).
_TRIGGERS = (
    "newsletter", "app", "click", "klick", "@", "affiliate", "commission", "non-commercial",
    "facebook", "twitter", "instagram", "whatsapp", "tiktok", "youtube", "linkedin", "telegram",
    "threads", "bluesky",
)  # fmt: skip


def _is_date_alone(text: str) -> bool:
    """A date and nothing else ("Monday, November 18, 2019"): a year and two more words, all
    of it read as a date. A year alone or "November 2019" may head a section, and stays."""
    return (
        len(text) <= _DATE_ALONE_CHARS
        and _YEAR.search(text) is not None
        and len(_WORDS.findall(text)) >= _DATE_ALONE_WORDS
        and parse_datetime(text) is not None
    )


def is_notice(text: str) -> bool:
    """Whether a whole paragraph is a credit, a prompt, a notice or a dateline."""
    if len(text) > _NOTICE_CHARS:
        return False
    if any(vocabulary.fullmatch(text) for vocabulary in _NOTICES) or (
        len(text) <= _DATELINE_CHARS and _DATELINE.fullmatch(text)
    ):
        return True
    if _is_date_alone(text):
        return True
    if len(text) > _PROMPT_CHARS:
        return False
    lowered = text.casefold()
    if not any(word in lowered for word in _TRIGGERS):
        return False
    return (
        _two_signals(text, vocab.PROMPT_SUBJECTS, vocab.SIGN_UP_VERBS)
        or _two_signals(text, vocab.NETWORKS, vocab.FOLLOW_VERBS)
        or (len(text) <= _CONTACT_CHARS and _CONTACT.search(text) is not None)
        or vocab.AFFILIATE_NOTICES.search(text)
    )


def _two_signals(text: str, first: Phrases, second: Phrases) -> bool:
    """Whether ``text`` holds a signal of both kinds (recorded as fired only then)."""
    if first.test(text) and second.test(text):
        return first.search(text) and second.search(text)
    return False
