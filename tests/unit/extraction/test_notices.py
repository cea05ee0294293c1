"""Credits, prompts and notices a page adds to an article, told from article sentences by
their structure: a label and a short value, a whole paragraph, two signals for a prompt.

Each kind is checked in every shape the vocabulary promises (its labels in several languages,
several values), and beside an article sentence that uses the same words in running prose.
"""

from __future__ import annotations

import itertools

import pytest

from newsbot.extraction.phrases import drop_furniture, is_furniture

PROSE = "the harbour board met on Tuesday and agreed to rebuild the wall before winter"
DATES = ("26.04.2024, 20:44 Uhr", "Tue., Nov. 19, 2019", "2024-04-26 08:15", "19 March 2024")


def _shapes(labels: tuple[str, ...], values: tuple[str, ...], separator: str) -> list[str]:
    return [f"{label}{separator}{value}" for label, value in itertools.product(labels, values)]


@pytest.mark.parametrize(
    "text",
    [
        # A credit label, a colon and a short name.
        *_shapes(("Image", "Photo", "Foto", "Quelle", "Source", "Фото"), ("Eva Lind",), ": "),
        # A caption that ends with its credit.
        *_shapes(("The new wall at dawn.",), ("Eva Lind", "Lowmarsh Harbour Board"), " Foto: "),
        # A date label and a date, in the languages the sites we crawl print.
        *_shapes(("Stand", "Updated", "Aktualisiert", "Publicado", "Uppdaterad"), DATES, ": "),
        # A taxonomy label and a list.
        *_shapes(("Tags", "Schlagworte", "Filed under", "Categories"), ("Fiji, ferries",), ": "),
        # A reading time.
        *_shapes(("Lesezeit", "Reading time", "Tempo de leitura"), ("3 Min.", "2 minutos"), ": "),
        *(f"{n} min read" for n in (1, 5, 12)),
        # A read-also label and a headline.
        *_shapes(
            ("Read more", "Lesen Sie auch", "Lire aussi", "Related", "More"),
            ("Ferry timetable changes again",),
            ": ",
        ),
        *_shapes(("[Related", "[See also"), ("Harbour wall plans unveiled]",), ": "),
        *(f"{arrow} Ferry timetable changes again" for arrow in (">>", "→", "►")),
        # Reporting credits and agencies the text credits.
        *_shapes(("Reporting by", "Additional reporting by", "Writing by"), ("Ann Lee",), " "),
        "Reporting by Ann Lee in Lowmarsh; Editing by Bo Chen",
        "- Ledger Wire writer Dana Whitlock in Suva contributed to this report.",
        *_shapes(("mit", "with", "avec"), ("dpa", "AFP", "Reuters", "dpa und AFP"), " "),
        "SDA/sep",
        "(Ledger Wire)",
        # A paywall's count of what is left to read.
        *(f"Il vous reste {n}% de cet article à lire." for n in (12, 57, 90)),
        # Prompts with two signals: a subject and a call, a network and "follow".
        "Sign up for the free Lowmarsh newsletter, delivered to your inbox every morning.",
        "Der Ledger-Newsletter informiert Sie jeden Morgen. Hier geht's zur Anmeldung!",
        "Click here to get the Ledger on your phone.",
        "Follow the Ledger on Instagram and Facebook for the latest from the harbour.",
        "Die Ledger auch bei Social Media – ob WhatsApp, Instagram oder Facebook.",
        "Got a story? Email news@ledger.example",
        "We may earn a commission from purchases made through links on this page.",
        # A contact alone, a date alone.
        "jane.doe@ledger.example",
        "Write to Jane Doe at jane.doe@ledger.example",
        "Monday, November 18, 2019",
        "18.11.2019",
    ],
)
def test_notices_are_furniture(text: str) -> None:
    assert is_furniture(text)


@pytest.mark.parametrize(
    "text",
    [
        # The same words in running prose: no label shape, or a second signal missing.
        f"Reporting by the Ledger revealed that {PROSE}.",
        f"Published in 1998, the harbour guide said {PROSE}.",
        f"Updated plans show that {PROSE}, officials said on Monday.",
        f"Tags on the boats showed that {PROSE}.",
        f"Pictures of the storm show that {PROSE}.",
        f"Related work in Suva found that {PROSE}.",
        f"More than 300 residents signed the petition after {PROSE}.",
        "The final kicked off at 20:00 in front of 2,000 fans.",
        "The video spread on TikTok and Instagram within hours.",
        "She has two million followers on Instagram.",
        "The newsletter, sent to 40,000 readers, was the first to report the closure.",
        "The app lets fishermen report damage to the harbour wall.",
        "http://harbour.example/plans",
        "2025年に港の新しい防波堤が完成する予定だ。",
        "November 2019",
        "It takes 5 min to read the report.",
        "Posted in 2019, the video went viral.",
        "Categories of harm",
        "Reading time is falling among teenagers, the survey found.",
    ],
)
def test_article_sentences_that_look_like_notices_stay(text: str) -> None:
    assert not is_furniture(text)


def test_a_long_paragraph_is_never_a_notice() -> None:
    assert not is_furniture(f"Foto: {PROSE}, " * 10)


def test_box_headings_mid_article_go_alone_but_trailing_sections_cut_the_rest() -> None:
    long = "A long paragraph of the article that keeps going for a while. " * 5
    assert drop_furniture([long, "Don't miss", long, long]) == [long, long, long]
    assert drop_furniture([long, long, "Most read in world news", "Teaser"]) == [long, long]
    assert drop_furniture([long, long, "関連キーワード", "防波堤"]) == [long, long]
