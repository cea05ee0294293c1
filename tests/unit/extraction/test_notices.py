"""Credits, prompts and notices a page adds to an article, told from article sentences."""

from __future__ import annotations

import pytest

from newsbot.extraction.phrases import drop_furniture, is_furniture


@pytest.mark.parametrize(
    "text",
    [
        "Reporting by Ann Lee in Lowmarsh; Editing by Bo Chen",
        "Additional reporting by Cy Diaz",
        "- Associated Press writer Dana Whitlock in Suva contributed to this report.",
        "mit dpa",
        "SDA/sep",
        "Image: Lowmarsh Harbour Board",
        "Quelle: AFP",
        "Фото: Иван Петров",
        "Pictured left, the harbour master with the new plans.",
        "The new wall at dawn. Foto: Eva Lind",
        "Got a story? Email news@ledger.example",
        "Like this story? Share it with a friend!",
        "Fehler gefunden? Jetzt melden.",
        "Follow The Ledger on Twitter and Facebook for the latest news.",
        "Lesen Sie auch: Der Hafen wird teurer",
        "MORE : Ferry timetable changes again",
        "[Related: Harbour wall plans unveiled]",
        ">> Hier finden Sie alle Termine im Überblick",
        "Il vous reste 57% de cet article à lire. La suite est réservée aux abonnés.",
        "Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden.",
        "This is a breaking news story - more to follow",
        "Stand: 26.04.2024, 20:44 Uhr",
        "UPDATED: Tue., Nov. 19, 2019",
        "Uppdaterad 15.59 | Publicerad 14.14",
        "Freitag, 28.04.2023, 19:25",
        "2025年1月14日 01時28分 (1月14日 01時40分更新)",
        "Monday, November 18, 2019",
        "18.11.2019",
        "5 min read",
        "Lesezeit: ca. 3 Min.",
        "Tempo de leitura: 2 minutos",
        "Tags: Fiji, harbour, ferries",
        "Filed under: Pacific |",
        "Posted in News | Tagged harbour, ferries",
        "Order Reprints",
        "Passer la publicité",
        "Sign up for the free daily newsletter delivered to your inbox.",
        "Der Ledger-Newsletter informiert Sie jeden Morgen. Hier geht's zur Anmeldung!",
        "Aktuelle Nachrichten aufs Handy? Hier geht es zur neuen Ledger-News-App.",
        "CLICK HERE TO GET THE LEDGER APP",
        "Die Ledger auch bei Social Media – ob WhatsApp, Instagram oder Facebook.",
        "Write to Jane Doe at jane.doe@ledger.example",
        "We may earn a commission from purchases made through links on this page.",
        "jane.doe@ledger.example",
    ],
)
def test_notices_are_furniture(text: str) -> None:
    assert is_furniture(text)


@pytest.mark.parametrize(
    "text",
    [
        "Reporting by the Ledger revealed that the council had known about the cracks.",
        "Published in 1998, the harbour guide sold a million copies.",
        "The final kicked off at 20:00 in front of 2,000 fans.",
        "The video spread on TikTok and Instagram within hours.",
        "She has two million followers on Instagram.",
        "The newsletter, sent to 40,000 readers, was the first to report the closure.",
        "The app lets fishermen report damage to the harbour wall.",
        "Pictures of the storm show the wall breached in three places, officials said.",
        "More than 300 residents signed the petition.",
        "http://harbour.example/plans",
        "2025年に港の新しい防波堤が完成する予定だ。",
        "2024年1月1日午後4時10分ごろ、能登で地震があった。",
        "November 2019",
        "It takes 5 min to read the report.",
        "Posted in 2019, the video went viral.",
        "Categories of harm",
        "Tagged as a risk, the wall was rebuilt.",
        "Reading time is falling among teenagers, the survey found.",
    ],
)
def test_article_sentences_that_look_like_notices_stay(text: str) -> None:
    assert not is_furniture(text)


def test_box_headings_mid_article_go_alone_but_trailing_sections_cut_the_rest() -> None:
    long = "A long paragraph of the article that keeps going for a while. " * 5
    assert drop_furniture([long, "Don't miss", long, long]) == [long, long, long]
    assert drop_furniture([long, long, "Most read in world news", "Teaser"]) == [long, long]
    assert drop_furniture([long, long, "関連キーワード", "防波堤"]) == [long, long]
