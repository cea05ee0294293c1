"""Notices a page adds to an article's text, in the languages of the sites we crawl: agency and
reporting credits, photo credits, calls to action (newsletters, apps, social accounts, tips),
affiliate, paywall and consent notices, "read more" links, datelines, publication notes.

``is_notice`` judges one whole paragraph. Patterns that match only part of one are capped in
length and need two signals (a newsletter *and* a sign-up verb, a network *and* "follow"), so
an article sentence that mentions a newsletter or Instagram is kept.
"""

from __future__ import annotations

import re

from newsbot.dates import parse_datetime

_FLAGS = re.IGNORECASE | re.UNICODE


def _whole(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), _FLAGS)


# Whole paragraphs.
_NOTICES = _whole(
    # Reporting credits: "Reporting by A; Editing by B", "Additional reporting from PA",
    # "- AP writer C in Paris contributed to this report.", "mit dpa", "SDA/sep".
    r"(?:additional |with )?(?:reporting|writing|editing|fact[- ]checking) (?:by|from)\b"
    r"(?:[^.]{0,300}|.{0,300}\b(?:editing|additional reporting) by\b.{0,200})",
    r".{0,300}\bcontributed (?:reporting )?to this (?:report|story|article)\.?",
    r"(?:mit|with|von|avec|con|met|med) (?:material (?:von|der) )?"
    r"(?:dpa|afp|ap|apa|reuters|sda|kna|epd|efe|ansa|ats|belga|anp|ntb|ritzau)"
    r"(?:\s*(?:,|/|und|and|&)\s*\w+){0,4}\.?",
    r"\(?[a-zäöü]{2,6}(?:\s*/\s*[a-zäöü]{2,6}){1,3}\)?",
    # Photo credits and captions: "Image: A", "Quelle: AFP", "Pictured left, ...".
    r"(?:images?|photos?|pictures?|fotos?|bilder?|quellen?|sources?|credits?|crédits?|fuente|"
    r"fonte|фото|zdjęcie)(?: credit)?\s*:.{0,100}",
    r"pictured\b.{0,300}",
    r"[^:]{0,300}\s\(?(?:foto|photo|bild|image|credit|quelle)\s*:\s*[^.:]{1,60}\)?",
    # Follow-up prompts: "Got a story?", "Like this story? Share it", "Fehler gefunden?".
    r"(?:got|have|do you have) a (?:story|tip|news tip)\b.{0,250}",
    r"newsletter\s*:.{0,80}",
    r"(?:like|liked|enjoy|enjoyed) this (?:story|article)\?.{0,200}",
    r"if you (?:enjoyed|liked|value) this (?:article|story).{0,400}",
    r"hat ihnen (?:dieser|der) (?:artikel|beitrag) gefallen\?.{0,300}",
    r"(?:haben sie einen )?fehler (?:gefunden|entdeckt)\??.{0,200}",
    r"bitte markieren sie die entsprechenden wörter.{0,200}",
    r"follow\b.{0,80}\b(?:on|at|via) (?:twitter|x|facebook|instagram|linkedin|threads|tiktok|"
    r"youtube|bluesky)\b.{0,300}",
    # Links to other pages: "Lesen Sie auch: ...", "MORE : ...", "[Related: ...]", ">> ...".
    r"(?:lesen sie (?:auch|mehr|hier)|mehr zum thema|zum artikel|weiterlesen|lees ook|"
    r"läs också|les også|leia (?:também|mais)|lea (?:también|más)|lire aussi|à lire aussi|"
    r"leggi anche|czytaj (?:więcej|też|także)|also on \S+|also|more|related)"
    r"\s*[:|»>\u203a\u2013-]\s*.{0,200}",
    r"\[(?:related|see also|read more|also read)\s*:.{0,200}\]",
    r"(?:>>|→|►|▶|➤|⇒)\s*.{0,200}",
    # Paywalls and consent placeholders of embedded content.
    r"il vous reste \d+(?:[.,]\d+)? ?% de cet article à lire.{0,100}",
    r"(?:this|the rest of this) (?:article|story|content) is (?:only )?(?:available|reserved|"
    r"exclusive) (?:to|for) (?:subscribers|members).{0,100}",
    r"(?:dieser|der) (?:artikel|beitrag|inhalt) ist (?:nur )?(?:für|exklusiv für) "
    r"(?:abonnenten|abonnentinnen|abonnierende|mitglieder).{0,100}",
    r"この記事は(?:有料)?会員限定です。?.{0,50}|有料会員になると.{0,80}",
    r"ich bin damit einverstanden, dass mir (?:der )?externe(?:r)? inhalte? angezeigt "
    r"(?:wird|werden).{0,300}",
    r"an dieser stelle finden sie einen .{0,60}externen inhalt.{0,300}",
    r"empfohlener redaktioneller inhalt|externer inhalt|ein klick für den datenschutz|"
    r"link zum [\w-]+-inhalt|embed",
    r"(?:to (?:view|see) this content|this content is (?:blocked|not available)).{0,250}",
    # Notes on a story still being written: "This is a breaking news story - more to follow".
    r"this (?:is a )?(?:breaking|developing) (?:news )?(?:story|new story|report)\b.{0,120}",
    r"this (?:story|article) (?:is developing|will be updated)\b.{0,150}",
    # Datelines: "Stand: 26.04.2024, 20:44 Uhr", "UPDATED: Tue., Nov. 19, 2019".
    r"(?:stand|updated?|published|posted|aktualisiert|veröffentlicht|erstveröffentlichung|"
    r"publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|"
    r"opublikowano|uppdaterad|publicerad|oppdatert|publisert|opdateret|udgivet|päivitetty|"
    r"julkaistu|обновлено|опубликовано|기사입력|입력)\b(?=.{0,80}$)"
    r".*(?:\d{1,2}[:.h]\d{2}|\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\.? [^\W\d]+\.? \d{4}|"
    r"[^\W\d]+\.? \d{1,2},? \d{4}).*",
    # Taxonomy lines: "Tags: a, b", "Filed under: News |", "Posted in News | Tagged harbour".
    r"(?:tags?|tagged(?: with)?|filed under|posted in|categor(?:y|ies)|schlagw(?:ö|oe)rter|"
    r"schlagworte|stichw(?:ö|oe)rter|étiquettes|mots-clés|etiquetas|argomenti|tagi)"
    r"\s*:\s*[^.!?]{1,200}",
    r"posted in [^.!?|]{1,80}\|\s*tagged\b[^.!?]{0,200}",
    # Reading time: "5 min read", "Lesezeit: 3 Minuten", "Tempo de leitura: 2 minutos".
    r"(?:reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura|"
    r"tempo de leitura|tempo di lettura|leestijd|lästid|lesetid|læsetid|czas czytania)"
    r"\s*:?\s*(?:ca\.?|approx\.?|about|environ|cerca de|unos)?\s*\d+\s*[^\W\d]{0,8}\.?",
    r"(?:\d+|one|two|three|four|five)[- ](?:min(?:ute)?s?|minuten|minutos|minuti)\.?"
    r"(?:\s+(?:read|reading|lesen|lesezeit|de leitura|de lectura|di lettura|de lecture))",
    # A contact address standing alone (a URL alone is a reference, often part of the text).
    r"[\w.+-]+@[\w-]+\.[\w.-]+|@\w+",
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
_NEWSLETTER = re.compile(r"newsletter", _FLAGS)
_APP = re.compile(r"news-?app|\b(?:our|unsere[rn]?|notre|nuestra) app\b", _FLAGS)
_SIGN_UP = re.compile(
    r"sign(?:ing)? up|subscrib|regist|inbox|anmeld|abonn|inscri|suscri|iscri|\bhier\b|\bhere\b|"
    r"click|klick|download|herunterladen|\bget\b",
    _FLAGS,
)
_CLICK_HERE = re.compile(r"click(?:ing)? here|hier klicken|klicken sie hier", _FLAGS)
_NETWORK = re.compile(
    r"\b(?:facebook|twitter|instagram|whatsapp|tiktok|youtube|linkedin|telegram|threads|"
    r"bluesky)\b",
    _FLAGS,
)
_FOLLOW = re.compile(
    r"\bfollow\b|\bfolg(?:e|t|st|en sie)\b|\babonnier|\bsubscribe\b|\bjoin us\b|\bfind us\b|"
    r"\bauch bei\b|\bsocial media\b|\blike us\b",
    _FLAGS,
)
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[a-z]{2,}", _FLAGS)
_AFFILIATE = re.compile(
    r"affiliate[- ](?:links?|commission|partner)|(?:may|might) earn (?:us )?(?:a|an)? ?"
    r"(?:small )?(?:affiliate )?commission|earn us a commission|for your personal, "
    r"non-commercial use only",
    _FLAGS,
)
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
    if _NOTICES.fullmatch(text) or (len(text) <= _DATELINE_CHARS and _DATELINE.fullmatch(text)):
        return True
    if _is_date_alone(text):
        return True
    if len(text) > _PROMPT_CHARS:
        return False
    lowered = text.casefold()
    if not any(word in lowered for word in _TRIGGERS):
        return False
    prompt = _NEWSLETTER.search(text) or _APP.search(text) or _CLICK_HERE.search(text)
    return bool(
        (prompt and _SIGN_UP.search(text))
        or (_NETWORK.search(text) and _FOLLOW.search(text))
        or (len(text) <= _CONTACT_CHARS and _CONTACT.search(text))
        or _AFFILIATE.search(text)
    )
