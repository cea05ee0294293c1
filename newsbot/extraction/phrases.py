"""Paragraphs that are page furniture by their words alone: share prompts, newsletter boxes,
comment-form labels, "Advertisement", bylines, "(END)" trailers, headings of trailing link
blocks, and the credits, prompts and notices of ``notices``.

Every rule matches a *whole* paragraph, so an article sentence that mentions a newsletter or
says "read more" is kept.
"""

from __future__ import annotations

import re

from newsbot.extraction.bylines import is_byline
from newsbot.extraction.notices import is_notice

_FLAGS = re.IGNORECASE | re.UNICODE


def _any_of(patterns: tuple[str, ...], suffix: str = "") -> re.Pattern[str]:
    """One pattern for many: a whole paragraph matches it when it matches one of them."""
    return re.compile("|".join(f"(?:{pattern}){suffix}" for pattern in patterns), _FLAGS)


# A paragraph matching one of these is dropped on its own.
_FURNITURE = _any_of(
    (
        r"(?:advertisement|advertising|anzeige|werbung|publicidad|publicité|pub|ad|sponsored)",
        # Ad-skip links and reprint buttons: "Passer la publicité", "Order Reprints".
        r"passer la publicité|saltar publicidad|werbung überspringen|skip (?:the )?ad(?:vert)?",
        r"(?:order )?reprints?(?: (?:&|and) permissions)?",
        r"(?:sign up|subscribe|register|join)\b.{0,80}\bnewsletters?\b.{0,120}",
        r"(?:get|receive)\b.{0,60}\b(?:newsletter|in your inbox)\b.{0,80}",
        r"subscribe(?: now| here| today| for free)?[.!]?|sign up(?: now| here)?[.!]?|newsletter",
        r"(?:read|see) (?:more|also)\b\s*[:»>|\u203a\u2013-]?.{0,160}",
        r"(?:also read|related)\s*[:»>|\u203a\u2013-].{0,160}",
        r"leave a (?:reply|comment).{0,40}|cancel reply|post comment|submit comment",
        r"your email address will not be published.{0,120}|required fields are marked.{0,20}",
        r"save my name, email, and website in this browser.{0,60}",
        r"you must be (?:logged|signed) in to post a comment.{0,20}",
        r"(?:back|scroll|go) to top(?: button)?",
        r"(?:this|our) (?:web)?site uses cookies.{0,240}|we use cookies.{0,240}",
        r"(?:accept|reject|manage)(?: all)? cookies|cookie (?:settings|policy|preferences)",
        r"follow (?:us|me)\b.{0,60}",
        r"(?:©|copyright\s*(?:©|\(c\)|\d{4})).{0,150}",
        r"[-\u2013\u2014=*\s]*(?:end of (?:message|story|article|transmission|release)|end)"
        r"[-\u2013\u2014=*\s]*",
        r"\(end\)|#{3,}|-30-",
        # Headings of boxes inside the text ("Don't miss", "Auch interessant"): dropped alone.
        r"(?:don['’]?t miss|auch interessant|more)\s*[:.!]?",
        # An agency credit standing alone after the text: "(Reuters)", "(Ledger Wire)".
        r"\((?:[A-Z][\w.&'-]*\s?){1,4}\)",
    )
)
# Share bars flattened to text: short and made only of these words.
_SHARE_WORDS = frozenset(
    {
        "share", "sharing", "shares", "this", "article", "story", "post", "page", "on", "via",
        "to", "with", "the", "your", "friends", "facebook", "twitter", "x", "whatsapp",
        "linkedin", "reddit", "email", "e-mail", "mail", "telegram", "pinterest", "flipboard",
        "messenger", "print", "copy", "link", "url", "clipboard", "tweet", "pin", "opens", "in",
        "new", "window", "tab", "click", "and", "or",
    }
)  # fmt: skip
_SHARE_TRIGGERS = frozenset(
    {"share", "facebook", "twitter", "whatsapp", "linkedin", "tweet", "copy", "print"}
)
_MAX_SHARE_WORDS = 10
_MAX_SHARE_CHARS = 120
# Longer than any byline ("By" and at most 16 words).
_MAX_BYLINE_CHARS = 200
# Headings of the blocks that follow an article: everything from one of these on is dropped
# when it sits in the last part of the text (in the middle it is a box, dropped alone).
_TRAILING_BLOCKS = _any_of(
    (
        r"about the authors?",
        r"related (?:articles|posts|stories|content|coverage|news|reading|links|topics)",
        r"you (?:might|may|could) also (?:like|enjoy|be interested in)",
        r"more (?:from|on|in) .{1,40}|more stories|more news",
        r"recommended(?: for you| stories| articles| reading)?|read next|what to read next",
        r"\d* ?comments?|(?:join|show) (?:the )?(?:conversation|discussion|comments)",
        r"most (?:popular|read|viewed)|trending(?: now| stories)?|latest (?:news|stories|posts)",
        r"share this(?: article| story| post)?",
        r"mehr zum thema|das könnte sie auch interessieren|weitere artikel|lesen sie auch",
        r"noticias relacionadas|te puede interesar|à lire aussi|lire aussi|leggi anche",
        r"you (?:may|might) also like\.*|popular on .{1,30}|most read in .{1,40}",
        r"recommended videos|explore further|something to consider|what to read next",
        r"weiterführende links|das könnte dich auch interessieren",
        # Japanese: related articles / keywords, recommended, read together.
        r"関連記事|関連キーワード|おすすめ(?:情報|記事)?|あわせて読みたい",
    ),
    suffix=r"\s*[:.!]?",
)


def drop_furniture(paragraphs: list[str]) -> list[str]:
    """``paragraphs`` without furniture, cut before a trailing related/bio/comments block."""
    total = sum(len(p) for p in paragraphs)
    kept: list[str] = []
    seen = 0
    for paragraph in paragraphs:
        text = paragraph.strip()
        if _TRAILING_BLOCKS.fullmatch(text):
            if seen >= total - seen - len(text):
                break
            continue
        seen += len(paragraph)
        if not is_furniture(text):
            kept.append(paragraph)
    return kept


def is_furniture(text: str) -> bool:
    """Whether a whole paragraph is page furniture rather than article text."""
    return (
        _FURNITURE.fullmatch(text) is not None
        or (len(text) <= _MAX_SHARE_CHARS and _is_share_bar(text))
        or (len(text) <= _MAX_BYLINE_CHARS and is_byline(text))
        or is_notice(text)
    )


def _is_share_bar(text: str) -> bool:
    words = re.findall(r"[\w-]+", text.casefold())
    return (
        0 < len(words) <= _MAX_SHARE_WORDS
        and all(word in _SHARE_WORDS for word in words)
        and any(word in _SHARE_TRIGGERS for word in words)
    )
