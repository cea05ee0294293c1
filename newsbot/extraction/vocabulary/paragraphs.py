"""Paragraphs that are page furniture or notices by their words: the phrase vocabularies.

An entry is one kind of notice ("a reading-time line"), written once for the languages of the
sites we crawl; its ``seen_on`` names corpus pages of different publishers where it fires
(``python -m benchmarks.rule_firing --write`` keeps them true), or ``generic`` says why it is a
structure rather than a remembered phrase. Entries are regular expressions matched
case-insensitively against a whole paragraph (signals: anywhere in one); ``template`` gives the
context a vocabulary's entries share.
"""

from __future__ import annotations

from newsbot.rules import Phrases, Words, rule

# A paragraph matching one of these is dropped on its own.
AD_LABELS = Phrases(
    "ad labels",
    [
        rule(
            "advertisement|advertising|anzeige|werbung|publicidad|publicité|pub|ad|sponsored",
            "fundus:at/KleineZeitung_2025_06_30",
            "fundus:at/SalzburgerNachrichten_2025_06_05",
            "fundus:be/PoliticoEu_2025_10_23",
        ),
        # Ad-skip links: "Passer la publicité", "Werbung überspringen".
        rule(
            "passer la publicité|saltar publicidad|werbung überspringen|skip (?:the )?ad(?:vert)?",
            "fundus:at/KleineZeitung_2025_06_30",
            "fundus:fr/LeFigaro_2024_11_22",
            "fundus:us/Reuters_2023_05_16",
        ),
        rule(
            "(?:order )?reprints?(?: (?:&|and) permissions)?",
            "fundus:us/BusinessInsider_2024_02_14",
            "fundus:us/LATimes_2023_06_26",
            "fundus:us/TheNation_2023_05_15",
        ),
    ],
)
CALLS_TO_ACTION = Phrases(
    "calls to action",
    [
        rule(
            r"(?:sign up|subscribe|register|join)\b.{0,80}\bnewsletters?\b.{0,120}|(?:get"
            r"|receive)\b.{0,60}\b(?:newsletter|in your inbox)\b.{0,80}|newsletter\s*:.{0,80}",
            "fundus:au/WestAustralian_2024_11_26",
            "fundus:ca/GlobalNews_2026_05_24",
            "fundus:ca/NationalPost_2025_05_08",
        ),
        rule(
            "subscribe(?: now| here| today| for free)?[.!]?|sign up(?: now| here)?[.!]?|newsletter",
            "fundus:at/SalzburgerNachrichten_2025_06_05",
            "fundus:au/WestAustralian_2024_11_26",
            "fundus:ca/CanadaCom_2026_06_06",
        ),
        rule(
            r"follow (?:us|me)\b.{0,60}",
            "fundus:ca/FinancialPost_2026_06_06",
            "fundus:ca/NationalPost_2025_05_08",
            "fundus:ind/TimesOfIndia_2026_04_16",
        ),
        rule(
            "(?:back|scroll|go) to top(?: button)?",
            "fundus:uk/Metro_2024_07_17",
            "fundus:uk/TheGuardian_2024_02_24",
            "fundus:uk/TheTelegraph_2023_08_30",
        ),
        # Headings of boxes inside the text ("Don't miss", "Auch interessant"): dropped alone.
        rule(
            r"(?:don['’]?t miss|auch interessant|more)\s*[:.!]?",
            "fundus:ca/CBCNews_2024_08_08",
            "fundus:ca/FinancialPost_2026_06_06",
            "fundus:ca/NationalPost_2025_05_08",
        ),
    ],
)
# WordPress core's comment form, the same words on every WordPress site.
COMMENT_FORMS = Phrases(
    "comment forms",
    [
        rule(
            "leave a (?:reply|comment).{0,40}|cancel reply",
            "fundus:ca/GlobalNews_2026_05_24",
            "fundus:us/TheNation_2023_05_15",
            "zyte:0e014df693f182824fe5e24030ddbe1d0b96ddb9685cf20d5766457ed32ffa2d",
        ),
        rule(
            "your email address will not be published.{0,120}",
            "zyte:8cad00dc22de45ba42e9540421b5f78333f7ac57b385d69acb27a53b9fd69f0c",
            "zyte:b0cf2bbf0192315eec95ede9c59bbf4ae58699275739d590edc24b012e3e8800",
        ),
        rule(
            "save my name, email, and website in this browser.{0,60}",
            "zyte:0e014df693f182824fe5e24030ddbe1d0b96ddb9685cf20d5766457ed32ffa2d",
            "zyte:8cad00dc22de45ba42e9540421b5f78333f7ac57b385d69acb27a53b9fd69f0c",
            "zyte:b0cf2bbf0192315eec95ede9c59bbf4ae58699275739d590edc24b012e3e8800",
        ),
    ],
)
CONSENT_NOTICES = Phrases(
    "cookie and consent notices",
    [
        rule(
            "(?:this|our) (?:web)?site uses cookies.{0,240}|we use cookies.{0,240}|(?:accept"
            "|reject|manage)(?: all)? cookies|cookie (?:settings|policy|preferences)",
            "fundus:au/WestAustralian_2024_11_26",
            "fundus:be/PoliticoEu_2025_10_23",
            "fundus:ca/CanadaCom_2026_06_06",
        ),
        # Placeholders of embedded content shown before the reader consents to load it.
        rule(
            "ich bin damit einverstanden, dass mir (?:der )?externe(?:r)? inhalte? angezeigt (?:w"
            "ird|werden).{0,300}|an dieser stelle finden sie einen .{0,60}externen inhalt.{0,300}"
            "|empfohlener redaktioneller inhalt|externer inhalt|ein klick für den datenschutz"
            r"|link zum [\w-]+-inhalt|(?:to (?:view|see) this content|this content is (?:blocked"
            "|not available)).{0,250}",
            "fundus:de/Gamestar_2024_04_28",
            "fundus:de/Tagesspiegel_2024_04_29",
            "fundus:de/ZDF_2024_04_22",
        ),
        rule(
            "embed",
            "fundus:de/TOnline_2026_01_07",
            "zyte:51d066b0602c9421d8d6410bc4b931700978409a3faa2a984e8fbde519ad7241",
        ),
    ],
)
END_MARKS = Phrases(
    "end marks",
    [
        rule(
            r"(?:©|copyright\s*(?:©|\(c\)|\d{4})).{0,150}",
            "fundus:at/DerStandard_2024_05_03",
            "fundus:at/KleineZeitung_2025_06_30",
            "fundus:au/NineNews_2024_05_02",
            generic="a copyright line",
        ),
        rule(
            r"[-\u2013\u2014=*\s]*(?:end of (?:message|story|article|transmission|release)"
            r"|end)[-\u2013\u2014=*\s]*|\(end\)|#{3,}|-30-",
            "fundus:ind/TimesOfIndia_2026_04_16",
            generic="the wire services' end-of-copy marks",
        ),
        # An agency credit standing alone after the text: "(Reuters)", "(Ledger Wire)".
        rule(
            r"\((?:[A-Z][\w.&'-]*\s?){1,4}\)",
            "fundus:de/Correctiv_2026_05_24",
            "fundus:de/FAZ_2023_04_28",
            "fundus:de/FreiePresse_2024_04_30",
            generic="a credit standing alone: a few words in parentheses",
        ),
    ],
)
# Headings of the blocks that follow an article: everything from one of these on is dropped
# when it sits in the last part of the text (in the middle it is a box, dropped alone).
TRAILING_BLOCKS = Phrases(
    "trailing block headings",
    [
        rule(
            "about the authors?",
            "fundus:ca/CBCNews_2024_08_08",
            "zyte:42aad16bde9288623543642a9ce1a396be83e2db44aa2ff8cbbfe46e14abd7cc",
            "zyte:5fa5679de56c43edf70685762c2d1f2de296432ae53aa46e075b552fee17cab8",
        ),
        # Further reading, in the languages of the sites we crawl (Japanese: related articles,
        # related keywords, read together).
        rule(
            "related (?:articles|posts|stories|content|coverage|news|reading|links|topics)"
            "|more stories|more news|read next|what to read next|explore further|mehr zum thema"
            "|weitere artikel|lesen sie auch|weiterführende links|noticias relacionadas"
            "|te puede interesar|à lire aussi|lire aussi|leggi anche|関連記事|関連キーワード"
            "|あわせて読みたい",
            "fundus:at/KleineZeitung_2025_06_30",
            "fundus:at/ORF_2024_11_22",
            "fundus:ca/CBCNews_2024_08_08",
        ),
        rule(
            "more (?:from|on|in) .{1,40}",
            "fundus:be/PoliticoEu_2025_10_23",
            "fundus:ca/GlobalNews_2026_05_24",
            "fundus:uk/BBC_2026_04_25",
        ),
        # Recommendations: "You might also like", "Das könnte Sie auch interessieren", おすすめ.
        rule(
            r"you (?:might|may|could) also (?:like|enjoy|be interested in)\.*"
            "|recommended(?: for you| stories| articles| reading| videos)?|das könnte (?:sie"
            "|dich) auch interessieren|おすすめ(?:情報|記事)?",
            "fundus:ca/TheProvince_2026_06_06",
            "fundus:de/BR_2024_08_27",
            "fundus:de/FreiePresse_2024_04_30",
        ),
        rule(
            r"\d* ?comments?|(?:join|show) (?:the )?(?:conversation|discussion|comments)",
            "fundus:au/WestAustralian_2024_11_26",
            "fundus:ca/CanadaCom_2026_06_06",
            "fundus:ca/FinancialPost_2026_06_06",
        ),
        rule(
            "most (?:popular|read|viewed)|most read in .{1,40}|popular on .{1,30}"
            "|trending(?: now| stories)?|latest (?:news|stories|posts)",
            "fundus:be/PoliticoEu_2025_10_23",
            "fundus:ca/CanadaCom_2026_06_06",
            "fundus:ca/FinancialPost_2026_06_06",
        ),
        rule(
            "share this(?: article| story| post)?",
            "fundus:uk/EuronewsEN_2024_04_30",
            "fundus:us/WashingtonPost_2024_04_26",
            "zyte:16c30add7e96315e9cc957d85aa876ccb6b70055f0ddab51547a586117cc1f56",
        ),
    ],
    template=r"{}\s*[:.!]?",
)

# Share bars flattened to text: short and made only of these words, one of them a trigger.
SHARE_WORDS = Words(
    "share bar words",
    [
        rule(
            "share|sharing|shares|this|article|story|post|page|on|via|to|with|the|your|friends"
            "|facebook|twitter|x|whatsapp|linkedin|reddit|email|e-mail|mail|telegram|pinterest"
            "|flipboard|messenger|print|copy|link|url|clipboard|tweet|pin|opens|in|new|window"
            "|tab|click|and|or",
            "fundus:au/NineNews_2024_05_02",
            "fundus:au/WestAustralian_2024_11_26",
            "fundus:be/PoliticoEu_2025_10_23",
            generic="the words a share bar is made of: a bar is such words only, with a trigger",
        ),
    ],
)
SHARE_TRIGGERS = Words(
    "share bar triggers",
    [
        rule(
            "share|facebook|twitter|whatsapp|linkedin|tweet|copy|print",
            "fundus:au/NineNews_2024_05_02",
            "fundus:au/WestAustralian_2024_11_26",
            "fundus:be/PoliticoEu_2025_10_23",
        ),
    ],
)

# Notices, whole paragraphs. Reporting credits: "Reporting by A; Editing by B", "Additional
# reporting from PA", "- AP writer C in Paris contributed to this report.", "SDA/sep".
REPORTING_CREDITS = Phrases(
    "reporting credits",
    [
        rule(
            "(?:additional |with )?(?:reporting|writing|editing|fact[- ]checking) (?:by"
            r"|from)\b(?:[^.]{0,300}|.{0,300}\b(?:editing|additional reporting) by\b.{0,200})",
            "fundus:ca/NationalPost_2025_05_08",
            "fundus:uk/iNews_2023_08_30",
            "fundus:us/Reuters_2023_05_16",
        ),
        rule(
            r".{0,300}\bcontributed (?:reporting )?to this (?:report|story|article)\.?",
            "fundus:ca/GlobalNews_2026_05_24",
            "fundus:us/APNews_2024_09_03",
        ),
        rule(
            r"\(?[a-zäöü]{2,6}(?:\s*/\s*[a-zäöü]{2,6}){1,3}\)?",
            "fundus:ch/SRF_2024_04_15",
            "fundus:ch/TagesAnzeiger_2024_09_04",
            "fundus:de/BoersenZeitung_2024_10_23",
            generic="initials of agencies and editors joined by slashes",
        ),
        # "mit dpa", "with AFP and Reuters": an agency the text credits as a source.
        rule(
            "(?:mit|with|von|avec|con|met|med) (?:material (?:von|der) )?(?:dpa|afp|ap|apa"
            r"|reuters|sda|kna|epd|efe|ansa|ats|belga|anp|ntb|ritzau)(?:\s*(?:,|/|und|and"
            r"|&)\s*\w+){0,4}\.?",
            "fundus:de/MitteldeutscheZeitung_2024_04_30",
            "fundus:de/WAZ_2025_09_10",
        ),
    ],
)
# Photo credits and captions: "Image: A", "Quelle: AFP", "The wall at dawn. Foto: Eva Lind".
CREDITS = Phrases(
    "credit labels",
    [
        rule(
            "(?:images?|photos?|pictures?|fotos?|bilder?|quellen?|sources?|credits?|crédits?"
            r"|fuente|fonte|фото|zdjęcie)(?: credit)?\s*:.{0,100}",
            "fundus:au/WestAustralian_2024_11_26",
            "fundus:ch/TagesAnzeiger_2024_09_04",
            "fundus:cz/SeznamZpravy_2025_12_10",
        ),
        rule(
            r"[^:]{0,300}\s\(?(?:foto|photo|bild|image|credit|quelle)\s*:\s*[^.:]{1,60}\)?",
            "fundus:au/WestAustralian_2024_11_26",
            "fundus:ch/SRF_2024_04_15",
            "fundus:ch/TagesAnzeiger_2024_09_04",
        ),
    ],
)
PROMPTS = Phrases(
    "prompts",
    [
        rule(
            r"(?:got|have|do you have) a (?:story|tip|news tip)\b.{0,250}",
            "fundus:uk/Metro_2024_07_17",
            "fundus:uk/TheMirror_2024_04_28",
            "fundus:us/LATimes_2023_06_26",
        ),
        # "Like this story? Share it", "Hat Ihnen dieser Artikel gefallen?".
        rule(
            r"(?:like|liked|enjoy|enjoyed) this (?:story|article)\?.{0,200}|if you (?:enjoyed"
            "|liked|value) this (?:article|story).{0,400}|hat ihnen (?:dieser|der) (?:artikel"
            r"|beitrag) gefallen\?.{0,300}",
            "fundus:de/FreiePresse_2024_11_29",
            "fundus:il/IsraelNachrichten_2025_04_16",
            "fundus:us/RestOfWorld_2025_10_21",
        ),
        # "Fehler gefunden?": a call to report a mistake.
        rule(
            r"(?:haben sie einen )?fehler (?:gefunden|entdeckt)\??.{0,200}"
            "|bitte markieren sie die entsprechenden wörter.{0,200}",
            "fundus:ch/TagesAnzeiger_2024_09_04",
            "fundus:de/Focus_2023_04_28",
            "fundus:li/Landesspiegel_2026_01_27",
        ),
        rule(
            r"follow\b.{0,80}\b(?:on|at|via) (?:twitter|x|facebook|instagram|linkedin|threads"
            r"|tiktok|youtube|bluesky)\b.{0,300}",
            "fundus:uk/Metro_2024_07_17",
            "zyte:04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34",
            "zyte:16c30add7e96315e9cc957d85aa876ccb6b70055f0ddab51547a586117cc1f56",
        ),
        # A contact address standing alone (a URL alone is a reference, often part of the text).
        rule(
            r"[\w.+-]+@[\w-]+\.[\w.-]+|@\w+",
            "fundus:au/NineNews_2024_05_02",
            "fundus:ca/FinancialPost_2026_06_06",
            "fundus:ca/NationalPost_2025_05_08",
            generic="an e-mail address or handle alone",
        ),
    ],
)
# Links to other pages: "Read more: ...", "Lesen Sie auch: ...", "[Related: ...]", ">> ...".
LINKS = Phrases(
    "links to other stories",
    [
        rule(
            r"(?:read|see) (?:more|also)\b\s*[:»>|\u203a\u2013-]?.{0,160}",
            "fundus:au/NineNews_2024_05_02",
            "fundus:ca/FinancialPost_2026_06_06",
            "fundus:ca/GlobalNews_2026_05_24",
        ),
        rule(
            r"\[?(?:also read|read more|see also|related|more|also|also on \S+|lesen sie (?:auch"
            "|mehr|hier)|mehr zum thema|zum artikel|weiterlesen|lees ook|läs också|les også"
            "|leia (?:também|mais)|lea (?:también|más)|(?:à )?lire aussi|leggi anche"
            r"|czytaj (?:więcej|też|także))\s*[:|»>\u203a\u2013-]\s*.{0,200}",
            "fundus:at/KleineZeitung_2025_06_30",
            "fundus:au/NineNews_2024_05_02",
            "fundus:ca/GlobalNews_2026_05_24",
        ),
        rule(
            r"(?:>>|→|►|▶|➤|⇒)\s*.{0,200}",
            "fundus:de/BerlinerMorgenpost_2025_09_09",
            "fundus:jp/NikkanGeadai_2025_01_31",
            "zyte:042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856",
            generic="a line led by an arrow: a link",
        ),
    ],
)
PAYWALLS = Phrases(
    "paywall notices",
    [
        rule(
            r"il vous reste \d+(?:[.,]\d+)? ?% de cet article à lire.{0,100}|(?:this"
            "|the rest of this) (?:article|story|content) is (?:only )?(?:available|reserved"
            "|exclusive) (?:to|for) (?:subscribers|members).{0,100}|(?:dieser|der) (?:artikel"
            "|beitrag|inhalt) ist (?:nur )?(?:für|exklusiv für) (?:abonnenten|abonnentinnen"
            "|abonnierende|mitglieder).{0,100}|この記事は(?:有料)?会員限定です。?.{0,50}"
            "|有料会員になると.{0,80}",
            "fundus:ca/FinancialPost_2026_06_06",
            "fundus:ca/NationalPost_2025_05_08",
            "fundus:ca/OttawaCitizen_2026_05_26",
        ),
    ],
)
# Datelines: "Stand: 26.04.2024, 20:44 Uhr", "UPDATED: Tue., Nov. 19, 2019".
DATELINES = Phrases(
    "dateline labels",
    [
        rule(
            "(?:stand|updated?|published|posted|aktualisiert|veröffentlicht|erstveröffentlichung"
            "|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|gepubliceerd"
            "|opublikowano|uppdaterad|publicerad|oppdatert|publisert|opdateret|udgivet"
            "|päivitetty|julkaistu|обновлено|опубликовано|기사입력"
            r"|입력)\b(?=.{0,80}$).*(?:\d{1,2}[:.h]\d{2}|\d{1,4}[./-]\d{1,2}[./-]\d{2,4}"
            r"|\d{1,2}\.? [^\W\d]+\.? \d{4}|[^\W\d]+\.? \d{1,2},? \d{4}).*",
            "fundus:ca/CBCNews_2024_08_08",
            "fundus:ca/CanadaCom_2026_06_06",
            "fundus:ca/FinancialPost_2026_06_06",
        ),
    ],
)
# Taxonomy lines: "Tags: a, b", "Filed under: News |", "Schlagworte: ...".
TAXONOMY = Phrases(
    "taxonomy labels",
    [
        rule(
            "(?:tags?|tagged(?: with)?|filed under|posted in|categor(?:y|ies)|schlagw(?:ö"
            "|oe)rter|schlagworte|stichw(?:ö|oe)rter|étiquettes|mots-clés|etiquetas|argomenti"
            r"|tagi)\s*:\s*[^.!?]{1,200}",
            "fundus:de/FAZ_2024_04_17",
            "fundus:id/MediaIndonesia_2026_01_20",
            "zyte:34a7328535ad4e60b059f81d37eec5d25c2bc8de759ce9a7b5e47ac7dc6fd1b0",
        ),
    ],
)
# Reading time: "5 min read", "Lesezeit: 3 Minuten", "Tempo de leitura: 2 minutos".
READING_TIMES = Phrases(
    "reading times",
    [
        rule(
            "(?:reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura"
            "|tempo de leitura|tempo di lettura|leestijd|lästid|lesetid|læsetid"
            r"|czas czytania)\s*:?\s*(?:ca\.?|approx\.?|about|environ|cerca de"
            r"|unos)?\s*\d+\s*[^\W\d]{0,8}\.?|(?:\d+|one|two|three|four|five)[- ](?:min(?:ute)?s?"
            r"|minuten|minutos|minuti)\.?(?:\s+(?:read|reading|lesen|lesezeit|de leitura"
            "|de lectura|di lettura|de lecture))",
            "fundus:be/PoliticoEu_2025_10_23",
            "fundus:ca/CanadaCom_2026_06_06",
            "fundus:ca/FinancialPost_2026_06_06",
        ),
    ],
)

# Signals inside a paragraph: a prompt needs two (a newsletter *and* a sign-up verb, a network
# *and* "follow"), so an article sentence that mentions a newsletter or Instagram is kept.
PROMPT_SUBJECTS = Phrases(
    "prompt subjects",
    [
        rule(
            "newsletter",
            "fundus:ca/CanadaCom_2026_06_06",
            "fundus:ca/FinancialPost_2026_06_06",
            "fundus:ca/GlobalNews_2026_05_24",
        ),
        rule(
            "click(?:ing)? here|hier klicken|klicken sie hier",
            "fundus:us/FoxNews_2023_04_28",
            "fundus:us/Reuters_2024_03_07",
            "fundus:us/TheGatewayPundit_2023_04_28",
        ),
    ],
)
SIGN_UP_VERBS = Phrases(
    "sign-up verbs",
    [
        rule(
            r"sign(?:ing)? up|subscrib|regist|inbox|anmeld|abonn|inscri|suscri|iscri|\bhier\b"
            r"|\bhere\b|click|klick|download|herunterladen|\bget\b",
            "fundus:ca/CanadaCom_2026_06_06",
            "fundus:ca/FinancialPost_2026_06_06",
            "fundus:ca/GlobalNews_2026_05_24",
        ),
    ],
)
NETWORKS = Phrases(
    "social networks",
    [
        rule(
            r"\b(?:facebook|twitter|instagram|whatsapp|tiktok|youtube|linkedin|telegram|threads"
            r"|bluesky)\b",
            "fundus:ca/FinancialPost_2026_06_06",
            "fundus:ca/NationalPost_2025_05_08",
            "fundus:ca/OttawaCitizen_2026_05_26",
        ),
    ],
)
FOLLOW_VERBS = Phrases(
    "follow verbs",
    [
        rule(
            r"\bfollow\b|\bfolg(?:e|t|st|en sie)\b|\babonnier|\bsubscribe\b|\bjoin us\b"
            r"|\bfind us\b|\bauch bei\b|\bsocial media\b|\blike us\b",
            "fundus:ca/FinancialPost_2026_06_06",
            "fundus:ca/NationalPost_2025_05_08",
            "fundus:ca/OttawaCitizen_2026_05_26",
        ),
    ],
)
AFFILIATE_NOTICES = Phrases(
    "affiliate notices",
    [
        rule(
            "affiliate[- ](?:links?|commission|partner)|(?:may|might) earn (?:us )?(?:a"
            "|an)? ?(?:small )?(?:affiliate )?commission|earn us a commission",
            "fundus:ca/CanadaCom_2026_06_06",
            "fundus:ca/TheProvince_2026_06_06",
            "fundus:de/Focus_2023_04_28",
        ),
    ],
)
