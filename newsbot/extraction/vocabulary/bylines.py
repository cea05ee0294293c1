"""Words of bylines and credits: who wrote a story, and what only looks like a name.

An entry is one concept ("by", "a reporter's job title", "a national news agency") written
once for the languages and spellings of the sites we crawl ("|" between spellings); its
``seen_on`` names corpus pages of different publishers where it fires
(``python -m benchmarks.rule_firing --write`` keeps them true). Byline text is matched
case-insensitively; class tokens and URL paths as written.
"""

from __future__ import annotations

from newsbot.rules import Phrases, Words, rule

# "By" opening a byline, optionally after "Story"/"Text"/"Written": "Written by Jane Doe".
BY_WORDS = Phrases(
    "byline openers",
    [
        rule(
            "by|von|por|par|door|av|af|przez",
            "fundus:at/KleineZeitung_2025_06_30",
            "fundus:at/SalzburgerNachrichten_2025_06_05",
            "fundus:au/NineNews_2024_05_02",
        ),
    ],
    template=(
        r"(?:(?:words|text|texto|story|written|reporting|report|posted|published)\s+)?"
        r"{}\b[\s:]*"
    ),
)
# A label naming who wrote what follows: "Author: Jane Doe", "Autorin/Autor", "作者" (with a
# full-width colon).
AUTHOR_LABELS = Phrases(
    "author labels",
    [
        # Chinese: 作者 author, 记者 reporter, 责编 / 责任编辑 / 编辑 editor in charge (the only
        # credit many Chinese news pages print).
        rule(
            "authors?|autor(?:in|en)?(?:/autor(?:in)?)?|auteurs?|autore|autores|作者|记者|责编"
            "|责任编辑|编辑",
            "fundus:at/KleineZeitung_2025_06_30",
            "fundus:ch/SRF_2025_01_05",
            "fundus:cn/People_2024_04_24",
        ),
        # "Text: Jane Doe", the credit magazines print.
        rule(
            "text|texto",
            "zyte:042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856",
            "zyte:291a8bf33ee49074f33dcff37544ac40506cae450db83b6cb63f02b9920b51c2",
        ),
    ],
    template=r"\s*{}\s*[:\uff1a]?\s*",
)
# The "Written by" label of link previews (twitter:label1), in the site's language.
WRITTEN_BY = Words(
    "link-preview author labels",
    [
        rule(
            "written by|verfasst von|geschrieben von|écrit par|escrito por|scritto da",
            "fundus:de/BoersenZeitung_2024_10_23",
            "fundus:li/Landesspiegel_2025_06_30",
            "fundus:mx/MexicoNewsDaily_2025_04_16",
        ),
    ],
)
# A byline segment ending in a job title ("River Correspondent") is a role, not a name.
JOB_TITLES = Words(
    "job titles",
    [
        rule(
            "writer|autor|autorin",
            "fundus:jp/TheJapanNews_2024_10_13",
            "fundus:uk/TheMirror_2024_04_28",
            "fundus:uk/iNews_2023_08_30",
        ),
        rule(
            "reporter|journalist|redakteur|redakteurin|redactor|correspondent|korrespondent"
            "|korrespondentin",
            "fundus:de/BerlinerMorgenpost_2025_09_09",
            "fundus:de/HamburgerAbendblatt_2025_09_09",
            "fundus:de/RheinischePost_2024_04_21",
        ),
        rule(
            "editor",
            "fundus:za/TimesLive_2025_05_22",
            "zyte:c00962aabe7bdd1fca78f5360ea7fa93cd7674863b05157e00827506a7aa58c4",
        ),
        # Who else a byline credits.
        rule(
            "contributor|columnist|photographer|producer|analyst|intern",
            "zyte:04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34",
            "zyte:3c5bf8db4272925bf1dd5713fc325e179fd0d1cc6fb8c77aa2d917cfd2518a32",
            "zyte:f344ca5fb36e130f4344235fa22726f3367e09c211c120f21d9ae92effe902db",
        ),
    ],
)
# Words that open a role or a label, never a name ("Staff Writer", "Follow on X"); a group
# name may *end* in one of these ("MND Staff").
ROLE_WORDS = Words(
    "role openers",
    [
        # A rank or a desk before a job title ("Senior Reporter", "Staff Writer").
        rule(
            "staff|team|desk|bureau|senior|chief|deputy|managing|executive|associate"
            "|contributing|special|guest",
            "zyte:a078b3656adc0295d0e37bd4f599342f4a0894da2451e0ef3038ac045434fef3",
            "zyte:bd673bd7988144f0ab7b9c5e19fed140fb5aaa30d8894cb045b72d3b79a7dc54",
        ),
        rule(
            "redaktion|redacción|redazione|rédaction",
            "fundus:de/Hessenschau_2024_04_27",
            "fundus:de/KlasseGegenKlasse_2026_01_07",
        ),
        # A link's label beside the name ("More by", "Follow", "Email").
        rule(
            "more|follow|email|twitter",
            "zyte:ea25dd7edff4d27973600f35728f20aed5a3eedcc23257d9c3afc3d3e840c3de",
            "zyte:f81c6c05d9cbc93316992fa23ef74ec405194e292611f2e94f6a814868903665",
        ),
    ],
)
# News agencies and wire services as bylines print them (compacted: lower case, no spaces or
# punctuation; see newsbot.extraction.sitename.compact).
AGENCIES = Words(
    "news agencies",
    [
        # The world's wire services.
        rule(
            "afp|agencefrancepresse|ap|associatedpress|reuters|thomsonreuters|bloomberg|upi|afpdpa",
            "fundus:at/ORF_2024_11_22",
            "fundus:au/NineNews_2024_05_02",
            "fundus:ca/NationalPost_2025_05_08",
        ),
        # German-language agencies.
        rule(
            "dpa|deutschepresseagentur|apa|sda|keystonesda|kna|epd|ddp|sid",
            "fundus:at/ORF_2024_11_22",
            "fundus:at/SalzburgerNachrichten_2025_06_05",
            "fundus:ch/TagesAnzeiger_2024_09_04",
        ),
        # National agencies of other countries.
        rule(
            "efe|europapress|ansa|agi|anp|belga|tt|ntb|ritzau|pap|ctk|mti|lusa|pa|pamedia"
            "|interfax|tass|rianovosti|ukrinform|anadolu|anadoluajansı|aa|xinhua|kyodo|jiji"
            "|yonhap|aap|ians|pti|ani",
            "fundus:es/ElDiario_2025_05_29",
            "fundus:es/LaVanguardia_2026_07_11",
            "fundus:id/MediaIndonesia_2026_01_20",
        ),
        # "Agencies" credited as such.
        rule(
            "agencias|agenturen|agences|agenzie|agencies|wires|wireservices",
            "fundus:at/ORF_2024_11_22",
            "fundus:es/ElDiario_2025_05_29",
            "fundus:uk/EuronewsEN_2024_04_30",
        ),
    ],
)
# Words that name an editorial team rather than a person ("Redaktion", "red." for it).
DESK_WORDS = Words(
    "desk words",
    [
        rule(
            "red|redaktion|redaktionen|redacción|redaccion|rédaction|redazione|redactie|redakcja",
            "fundus:at/ORF_2024_11_22",
            "fundus:de/StuttgarterZeitung_2025_10_25",
            "fundus:es/MallorcaMagazin_2025_04_16",
        ),
        # An organisation rather than a person.
        rule(
            "newsroom|newsdesk|desk|staff|team|editors|editorial|online|agency|agentur|agence"
            "|agencia",
            "fundus:de/WAZ_2025_11_06",
            "fundus:mx/MexicoNewsDaily_2025_04_16",
            "fundus:uk/TheGuardian_2024_02_24",
        ),
    ],
)
# Path segments of an author's page (/author/jane-doe, /autoren/name/max-kolter).
AUTHOR_PAGE_PATHS = Phrases(
    "author page paths",
    [
        rule(
            "authors?|autor(?:en|in)?|auteurs?|autores",
            "fundus:at/KleineZeitung_2025_06_30",
            "fundus:be/PoliticoEu_2025_10_23",
            "fundus:ca/CBCNews_2024_08_08",
        ),
        rule(
            "journalist(?:en|s)?|reporters?|redakteur(?:e|in)?",
            "fundus:de/DW_2023_04_28",
            "fundus:de/FreiePresse_2024_04_30",
            "fundus:jp/MainichiShimbun_2025_01_14",
        ),
    ],
    template="/{}/",
)
# Class tokens of byline elements: "byline", "c-byline__name", "author", "post-author",
# "metaInfoAuthorList".
BYLINE_CLASSES = Phrases(
    "byline class names",
    [
        rule(
            "byline",
            "fundus:at/DerStandard_2024_05_03",
            "fundus:at/KleineZeitung_2025_06_30",
            "fundus:at/ORF_2024_11_22",
        ),
        rule(
            "authors?(?:[-_]{0,2}(?:names?|list|item|link|info))?$",
            "fundus:at/SalzburgerNachrichten_2025_06_05",
            "fundus:au/NineNews_2024_05_02",
            "fundus:au/WestAustralian_2024_11_26",
        ),
    ],
)
# Parts of a byline-like class token that make it something else: an author's bio, photo,
# follow button, "more by", author box, or a commenter.
NOT_BYLINE_CLASSES = Phrases(
    "not-byline class parts",
    [
        rule(
            "bio|desc|about",
            "fundus:dk/JyllandsPosten_2025_02_02",
            "fundus:za/EyethuNews_2025_11_25",
            "fundus:za/TimesLive_2025_11_10",
        ),
        rule(
            "image|img|photo|avatar",
            "fundus:dk/JyllandsPosten_2025_02_02",
            "fundus:pl/Rzeczpospolita_2025_02_02",
            "fundus:se/Aftonbladet_2026_01_08",
        ),
        rule(
            "follow|social",
            "fundus:de/DieWelt_2024_08_27",
            "zyte:3c5bf8db4272925bf1dd5713fc325e179fd0d1cc6fb8c77aa2d917cfd2518a32",
            "zyte:5a822960e9a2cb1e664d334b6c936c5cb6e41fb5331877538c2c8339cb59d57e",
        ),
        rule(
            "more",
            "fundus:es/ElDiario_2025_05_29",
            "zyte:432362af0be43f6da757ea778bd7f2f000094a565bdebac5af7442987a5372f3",
        ),
        rule(
            "box",
            "fundus:de/Hessenschau_2024_04_27",
            "fundus:de/KlasseGegenKlasse_2026_01_07",
            "fundus:ua/Pravda_2026_01_08",
        ),
        rule(
            "comment|reply",
            "fundus:ca/GlobalNews_2026_05_24",
            "fundus:de/NetzpolitikOrg_2024_04_28",
            "fundus:es/MallorcaMagazin_2025_04_16",
        ),
    ],
)
