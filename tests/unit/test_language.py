"""The language of bodies whose page declares none."""

from __future__ import annotations

import pytest

from newsbot.extraction.language import detect_language

GERMAN = (
    "Die Hafenbehörde hat am Freitag den nördlichen Kai nach vier Monaten Reparatur wieder "
    "geöffnet. Die Fischerboote kehrten im Morgengrauen zurück, und der erste Fang wurde vor "
    "sieben Uhr angelandet. Die Reparatur kostete weniger als geplant und war früher fertig."
)
JAPANESE = (
    "港湾局は金曜日、四か月にわたる修理を終えた北側の岸壁を再開した。漁船は夜明けとともに戻り、"
    "最初の水揚げは午前七時前に行われた。当局によると、修理費は予定を下回り、工事は二週間早く"
    "終わった。南側の岸壁は来月、同じ工事のため閉鎖される予定で、その間の船は北側に係留する。"
    "市場の業者は、供給の回復に伴って価格が下がると見込んでいる。"
)
ENGLISH = (
    "The harbour authority reopened the northern wharf on Friday after four months of repairs. "
    "Fishing boats returned at dawn, and the first catch was landed before seven o'clock. "
    "Officials said the repairs cost less than planned and finished two weeks early."
)


@pytest.mark.parametrize(
    ("body", "expected"),
    [(GERMAN, "de"), (JAPANESE * 2, "ja"), (ENGLISH, "en"), (ENGLISH * 40, "en")],
)
def test_the_language_of_a_body_is_its_two_letter_code(body: str, expected: str) -> None:
    assert detect_language(body) == expected


def test_short_bodies_are_not_guessed() -> None:
    assert detect_language("The wharf reopens.") is None
