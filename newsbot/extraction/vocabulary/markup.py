"""Class and id names of markup that is never article text: the class-name vocabularies.

Matching is by class/id *token* and by the hyphen/underscore-separated *parts* of a class
token (see ``newsbot.extraction.boilerplate``). An entry names one kind of block, spelled as
the platforms and plugins that print it spell it ("|" between spellings); its ``seen_on``
names corpus pages of different publishers where one of the spellings occurs.
"""

from __future__ import annotations

from newsbot.rules import Phrases, Words, rule

# Whole class/id tokens (WordPress core, Jetpack and common plugins, generic names).
BOILERPLATE_TOKENS = Words(
    "boilerplate class tokens",
    [
        rule(
            "author-box|author-bio|authorbox|about-author|about-the-author|author-info"
            "|author-card|author-details|author-profile|abh_box|saboxplugin-wrap|post-author-box",
            "fundus:de/DW_2023_06_13",
            "fundus:de/FAZ_2024_04_17",
            "fundus:de/Taz_2024_10_23",
        ),
        rule(
            "jp-relatedposts|yarpp-related|crp_related",
            "fundus:il/IsraelNachrichten_2025_04_16",
            "fundus:py/Wochenblatt_2025_04_16",
            "zyte:7837c9d66c815b9a21dd669a3dc21677c3f084b1b7dd603d56e87867d8970dd3",
        ),
        rule(
            "sharedaddy|sd-sharing|addtoany|a2a_kit|shariff|ssba|sharethis",
            "fundus:de/MotorSportMagazin_2024_04_24",
            "fundus:de/Taz_2024_10_23",
            "fundus:py/Wochenblatt_2025_04_16",
        ),
        rule(
            "comment-respond|respond|comments-area|commentlist|comment-list|disqus_thread",
            "fundus:ca/CanadaCom_2026_06_06",
            "fundus:ca/FinancialPost_2026_06_06",
            "fundus:ca/GlobalNews_2026_05_24",
        ),
        rule(
            "reply-title",
            "fundus:ca/GlobalNews_2026_05_24",
            "fundus:de/NetzpolitikOrg_2024_04_28",
            "fundus:li/Landesspiegel_2025_06_30",
        ),
        rule(
            "adsbygoogle",
            "fundus:de/FreiePresse_2024_04_30",
            "fundus:id/MediaIndonesia_2026_01_20",
            "fundus:il/IsraelNachrichten_2025_04_16",
        ),
        rule(
            "widget|widget-area",
            "fundus:at/ORF_2024_11_22",
            "fundus:au/NineNews_2024_05_02",
            "fundus:ca/CanadaCom_2026_06_06",
        ),
        rule(
            "secondary",
            "fundus:at/DerStandard_2024_05_03",
            "fundus:at/KleineZeitung_2025_06_30",
            "fundus:at/SalzburgerNachrichten_2025_06_05",
        ),
        rule(
            "back-to-top|backtotop|scroll-to-top|go-to-top",
            "fundus:at/KleineZeitung_2025_06_30",
            "fundus:ca/GlobalNews_2026_05_24",
            "fundus:ch/TagesAnzeiger_2024_09_04",
        ),
        rule(
            "gdpr|cmplz-cookiebanner",
            "fundus:fr/LeMonde_2023_09_01",
            "fundus:it/Tageszeitung_2025_04_16",
            "fundus:us/BusinessInsider_2024_02_14",
        ),
        rule(
            "pagination|nav-links|post-navigation",
            "fundus:fr/LeFigaro_2024_11_22",
            "fundus:kr/MBN_2025_06_03",
            "fundus:li/Landesspiegel_2025_06_30",
        ),
        rule(
            "skip-link|screen-reader-text|sr-only|visually-hidden",
            "fundus:at/ORF_2024_11_22",
            "fundus:be/PoliticoEu_2025_10_23",
            "fundus:ca/CanadaCom_2026_06_06",
        ),
    ],
)
# Words that mark boilerplate wherever they appear as a part of a token ("entry-share-bar").
BOILERPLATE_PARTS = Words(
    "boilerplate class parts",
    [
        rule(
            "share|shares|sharing",
            "fundus:at/DerStandard_2024_05_03",
            "fundus:at/ORF_2024_11_22",
            "fundus:at/SalzburgerNachrichten_2025_06_05",
        ),
        rule(
            "social",
            "fundus:at/SalzburgerNachrichten_2025_06_05",
            "fundus:au/NineNews_2024_05_02",
            "fundus:be/PoliticoEu_2025_10_23",
        ),
        rule(
            "related",
            "fundus:ch/SRF_2024_04_15",
            "fundus:de/BoersenZeitung_2025_11_06",
            "fundus:de/Correctiv_2026_05_24",
        ),
        rule(
            "newsletter|newsletters",
            "fundus:ca/CanadaCom_2026_06_06",
            "fundus:ca/FinancialPost_2026_06_06",
            "fundus:ca/GlobalNews_2026_05_24",
        ),
        rule(
            "subscribe|subscription",
            "fundus:ca/FinancialPost_2026_06_06",
            "fundus:ca/GlobalNews_2026_05_24",
            "fundus:ca/NationalPost_2025_05_08",
        ),
        rule(
            "sidebar",
            "fundus:at/DerStandard_2024_05_03",
            "fundus:au/WestAustralian_2024_11_26",
            "fundus:be/PoliticoEu_2025_10_23",
        ),
        rule(
            "advert|advertisement|ad|ads|adv",
            "fundus:at/DerStandard_2024_05_03",
            "fundus:at/KleineZeitung_2025_06_30",
            "fundus:at/ORF_2024_11_22",
        ),
        rule(
            "cookie|cookies|consent",
            "fundus:at/KleineZeitung_2025_06_30",
            "fundus:ca/CanadaCom_2026_06_06",
            "fundus:ca/FinancialPost_2026_06_06",
        ),
        rule(
            "breadcrumb|breadcrumbs",
            "fundus:at/DerStandard_2024_05_03",
            "fundus:at/KleineZeitung_2025_06_30",
            "fundus:au/NineNews_2024_05_02",
        ),
        rule(
            "comments",
            "fundus:at/SalzburgerNachrichten_2025_06_05",
            "fundus:ca/CanadaCom_2026_06_06",
            "fundus:ca/FinancialPost_2026_06_06",
        ),
        rule(
            "promo",
            "fundus:ch/SRF_2024_04_15",
            "fundus:de/Golem_2024_04_28",
            "fundus:uk/Metro_2024_07_17",
        ),
        rule(
            "sponsored",
            "fundus:de/Golem_2025_09_09",
            "fundus:de/MotorSportMagazin_2024_04_24",
            "fundus:de/NetzpolitikOrg_2024_04_28",
        ),
        rule(
            "nav|navbar|navigation|menu",
            "fundus:at/DerStandard_2024_05_03",
            "fundus:at/KleineZeitung_2025_06_30",
            "fundus:at/ORF_2024_11_22",
        ),
        rule(
            "footer",
            "fundus:at/DerStandard_2024_05_03",
            "fundus:at/ORF_2024_11_22",
            "fundus:at/SalzburgerNachrichten_2025_06_05",
        ),
        rule(
            "tags",
            "fundus:au/NineNews_2024_05_02",
            "fundus:be/PoliticoEu_2025_10_23",
            "fundus:de/BR_2024_08_27",
        ),
        rule(
            "outbrain|taboola",
            "fundus:at/KleineZeitung_2025_06_30",
            "fundus:au/NineNews_2024_05_02",
            "fundus:au/WestAustralian_2024_11_26",
        ),
        rule(
            "recommended",
            "fundus:at/DerStandard_2024_05_03",
            "fundus:au/NineNews_2024_05_02",
            "fundus:fr/LeFigaro_2024_11_22",
        ),
        rule(
            "popular|trending",
            "fundus:ca/CBCNews_2024_08_08",
            "fundus:ca/CanadaCom_2026_06_06",
            "fundus:ca/FinancialPost_2026_06_06",
        ),
        rule(
            "caption|credit|credits",
            "fundus:at/ORF_2024_11_22",
            "fundus:au/NineNews_2024_05_02",
            "fundus:au/WestAustralian_2024_11_26",
        ),
    ],
)
# Class names of the page's own furniture around an article: navigation and menus, breadcrumb
# trails, header and footer, share bars, author boxes. Matched anywhere in a class attribute.
PAGE_CHROME = Phrases(
    "page chrome classes",
    [
        rule(
            "nav|menu",
            "fundus:at/DerStandard_2024_05_03",
            "fundus:at/KleineZeitung_2025_06_30",
            "fundus:at/ORF_2024_11_22",
        ),
        rule(
            "breadcrumb",
            "fundus:at/DerStandard_2024_05_03",
            "fundus:at/KleineZeitung_2025_06_30",
            "fundus:au/NineNews_2024_05_02",
        ),
        rule(
            "header|footer",
            "fundus:at/DerStandard_2024_05_03",
            "fundus:at/KleineZeitung_2025_06_30",
            "fundus:at/ORF_2024_11_22",
        ),
        rule(
            "share|social",
            "fundus:at/DerStandard_2024_05_03",
            "fundus:at/ORF_2024_11_22",
            "fundus:at/SalzburgerNachrichten_2025_06_05",
        ),
        rule(
            "author|byline",
            "fundus:at/DerStandard_2024_05_03",
            "fundus:at/KleineZeitung_2025_06_30",
            "fundus:at/ORF_2024_11_22",
        ),
    ],
)
# Class tokens of text hidden from sight that only screen readers hear (a brand label in a
# byline, a copy of the headline).
HIDDEN_CLASSES = Phrases(
    "hidden-text class names",
    [
        rule(
            "visually-?hidden|sr-only|screen-reader|offscreen",
            "fundus:at/ORF_2024_11_22",
            "fundus:be/PoliticoEu_2025_10_23",
            "fundus:ca/CanadaCom_2026_06_06",
        ),
    ],
)
# Class and id names of a heading's surroundings that make it a trail of links, not the
# printed headline.
OFF_PAGE_HEADINGS = Phrases(
    "off-page heading class names",
    [
        rule(
            "crumb",
            "fundus:at/DerStandard_2024_05_03",
            "fundus:at/KleineZeitung_2025_06_30",
            "fundus:au/NineNews_2024_05_02",
        ),
    ],
)
# Class tokens naming the line above a headline, in the vocabularies seen across CMSs.
KICKER_CLASSES = Phrases(
    "kicker class names",
    [
        rule(
            "kicker|overline|topline|dachzeile|roofline|eyebrow|spitzmarke",
            "fundus:at/DerStandard_2024_05_03",
            "fundus:at/KleineZeitung_2025_06_30",
            "fundus:au/WestAustralian_2024_11_26",
        ),
        rule(
            "catchline|overtitle|supertitle|pretitle|titleheader",
            "fundus:at/SalzburgerNachrichten_2025_06_05",
            "fundus:ch/TagesAnzeiger_2024_09_04",
            "fundus:de/MitteldeutscheZeitung_2024_04_30",
        ),
        rule(
            "subline|rubric",
            "fundus:de/Kicker_2024_04_26",
            "fundus:de/LTO_2025_10_20",
            "fundus:de/Taz_2024_10_23",
        ),
    ],
)
