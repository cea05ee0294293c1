"""Vocabulary rules as data: matching, recording what fired, switching rules off."""

from __future__ import annotations

import pytest

from newsbot.rules import Phrases, Words, disabled, recording, rule


@pytest.fixture
def notices() -> Phrases:
    return Phrases(
        "test notices",
        [rule(r"lesezeit|reading time", "suite:a", "suite:b"), rule(r"tags?")],
        template=r"{}\s*:\s*.{1,20}",
    )


def test_a_template_places_every_rule(notices: Phrases) -> None:
    assert notices.fullmatch("Reading time: 3 min")
    assert notices.fullmatch("Tags: harbour, ferries")
    assert not notices.fullmatch("Reading time is falling among teenagers")
    assert notices.search("see Tags: harbour")


def test_recording_names_the_rules_that_fired(notices: Phrases) -> None:
    reading, tags = notices.rules
    with recording() as fired:
        notices.fullmatch("Lesezeit: 3 Minuten")
        notices.fullmatch("An article sentence")
    assert fired == {reading}
    with recording() as fired:
        assert notices.test("Tags: harbour")
    assert fired == set(), "test() decides nothing, so records nothing"
    assert tags.vocabulary == "test notices"
    assert reading.seen_on == ("suite:a", "suite:b")


def test_disabled_rules_do_not_match_inside_the_block_only(notices: Phrases) -> None:
    reading, _ = notices.rules
    with disabled({reading}):
        assert not notices.fullmatch("Reading time: 3 min")
        assert notices.fullmatch("Tags: harbour")
    assert notices.fullmatch("Reading time: 3 min")


def test_a_vocabulary_with_every_rule_off_matches_nothing(notices: Phrases) -> None:
    with disabled(set(notices.rules)):
        assert not notices.fullmatch("")
        assert not notices.search("Tags: harbour")


def test_words_spell_one_rule_several_ways() -> None:
    plugins = Words("test share plugins", [rule("sharedaddy|shariff"), rule("outbrain")])
    shares, _ = plugins.rules
    with recording() as fired:
        assert "shariff" in plugins
        assert "share" not in plugins
        plugins.note("sharedaddy")
        plugins.note("not-a-word")
    assert fired == {shares}
    assert plugins.words == frozenset({"sharedaddy", "shariff", "outbrain"})
    with disabled({shares}):
        assert plugins.words == frozenset({"outbrain"})


def test_same_text_in_two_vocabularies_is_two_rules() -> None:
    first = Words("test first", [rule("share")])
    second = Words("test second", [rule("share")])
    with disabled(set(first.rules)):
        assert "share" not in first
        assert "share" in second


def test_a_template_without_a_place_for_the_rule_is_refused() -> None:
    with pytest.raises(ValueError, match="template"):
        Phrases("test broken", [rule("x")], template=r"\s*:")
