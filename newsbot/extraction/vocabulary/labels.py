"""Labels a page prints before a value in fact boxes: "<strong>Datum</strong> 28.04.2023".

Each entry is one label in the languages of the sites we crawl; see ``newsbot.rules``.
"""

from __future__ import annotations

from newsbot.rules import Phrases, rule

# A label is its word, maybe a colon, and nothing else.
_LABEL = r"\s*{}\s*:?\s*"

PUBLISHED_LABELS = Phrases(
    "publication date labels",
    [
        rule(
            "date|published|datum|veröffentlicht|publié|publicado|pubblicato|fecha|data",
            "fundus:de/DW_2023_04_28",
            "fundus:de/NetzpolitikOrg_2024_04_28",
            "fundus:tz/DailyNewsTZ_2025_01_23",
        ),
    ],
    template=_LABEL,
)
MODIFIED_LABELS = Phrases(
    "modification date labels",
    [
        rule(
            "updated|modified|aktualisiert|mis à jour|actualizado|aggiornato",
            "fundus:es/ElPais_2024_10_15",
            "fundus:uk/Metro_2024_07_17",
            "zyte:51d066b0602c9421d8d6410bc4b931700978409a3faa2a984e8fbde519ad7241",
        ),
    ],
    template=_LABEL,
)
