"""Vocabulary rules as data: every phrase, label and class-name entry with its evidence.

A rule fitted to one page is memorisation, not extraction. So each entry of a vocabulary is a
``Rule`` that names the corpus pages it was seen on (its provenance), or says why it is a
generic pattern (a structure such as "a date and nothing else") that needs no such evidence.
``benchmarks.rule_firing`` measures where each rule fires on the shared corpora, rewrites the
provenance, and a corpus test insists every phrase rule fires on pages of two publishers.

Two vocabulary kinds cover what the extractors use:

- ``Phrases``: regular expressions, one per rule, joined into one pattern that matches a whole
  paragraph (``fullmatch``) or a signal inside one (``search``);
- ``Words``: literal words (class-name parts, URL segments, agency names) tested by membership.

The matching hot path is one compiled pattern or one frozenset lookup, as before; which rule
fired is worked out only while ``recording()`` is on, and rules are switched off only inside
``disabled()``: both exist so the benchmarks can measure the rules on publishers they were not
written for.
"""

from __future__ import annotations

import itertools
import re
import weakref
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable, Iterator
    from types import ModuleType

_FLAGS = re.IGNORECASE | re.UNICODE
# Rules that fired while recording() is on; None (the default) costs one lookup per match.
_CREATED = itertools.count()
_FIRED: ContextVar[set[Rule] | None] = ContextVar("newsbot_rules_fired", default=None)


@dataclass(frozen=True)
class Rule:
    """One vocabulary entry.

    ``text`` is a regular expression (``Phrases``) or a literal word (``Words``). ``seen_on``
    names corpus pages the rule fires on, as ``<suite>:<page key>`` (written by
    ``python -m benchmarks.rule_firing --write``). ``generic`` says why a rule is a structure
    rather than a remembered phrase; such a rule needs no evidence from two publishers.
    """

    text: str
    seen_on: tuple[str, ...] = ()
    generic: str = ""
    vocabulary: str = ""


def rule(text: str, *seen_on: str, generic: str = "") -> Rule:
    """A rule as the data modules write it: ``rule(r"pattern", "fundus:de/X_2024", ...)``."""
    return Rule(text, tuple(seen_on), generic)


class Vocabulary:
    """A named set of rules that can be switched off for a measurement and recorded."""

    name: str
    rules: tuple[Rule, ...]

    def __init__(self, name: str, rules: Iterable[Rule]) -> None:
        self.name = name
        self.rules = tuple(replace(r, vocabulary=name) for r in dict.fromkeys(rules))
        self._active = self.rules
        _VOCABULARIES[next(_CREATED)] = self

    @property
    def active(self) -> tuple[Rule, ...]:
        return self._active

    def _activate(self, rules: tuple[Rule, ...]) -> None:
        self._active = rules

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}: {len(self._active)}/{len(self.rules)} rules>"


class Phrases(Vocabulary):
    """Regular expressions joined into one pattern. ``template`` places each rule in the
    context all of them share ("{}" stands for the rule): ``"{}\\s*:.{0,100}"`` makes every
    label of a credit vocabulary match "<label>: <anything short>"."""

    def __init__(
        self, name: str, rules: Iterable[Rule], *, template: str = "{}", flags: int = _FLAGS
    ) -> None:
        if template.count("{}") != 1:
            raise ValueError(f"{name}: the template must hold one {{}}: {template!r}")
        self._template = template
        self._flags = flags
        super().__init__(name, rules)
        self._activate(self.rules)

    def _activate(self, rules: tuple[Rule, ...]) -> None:
        super()._activate(rules)
        self._one = self._compile(rules)
        self._each = {r: self._compile((r,)) for r in rules}

    def _compile(self, rules: Iterable[Rule]) -> re.Pattern[str]:
        joined = "|".join(
            "(?:" + self._template.replace("{}", f"(?:{r.text})") + ")" for r in rules
        )
        # No active rule: a pattern that never matches.
        return re.compile(joined or r"(?!)", self._flags)

    def fullmatch(self, text: str) -> bool:
        """Whether one of the rules matches the whole of ``text``."""
        return self._fired(text, self._one.fullmatch, lambda p: p.fullmatch)

    def search(self, text: str) -> bool:
        """Whether one of the rules matches somewhere in ``text``."""
        return self._fired(text, self._one.search, lambda p: p.search)

    def match(self, text: str) -> re.Match[str] | None:
        """The match of one of the rules at the start of ``text`` (a label opening a line)."""
        found = self._one.match(text)
        if found is not None:
            self._record(text, lambda p: p.match)
        return found

    def test(self, text: str) -> bool:
        """Whether one of the rules matches somewhere in ``text``, without recording it: for
        a signal that decides only with another (``search`` it once the decision holds)."""
        return self._one.search(text) is not None

    def _fired(
        self,
        text: str,
        test: Callable[[str], re.Match[str] | None],
        method: Callable[[re.Pattern[str]], Callable[[str], re.Match[str] | None]],
    ) -> bool:
        if test(text) is None:
            return False
        self._record(text, method)
        return True

    def _record(
        self, text: str, method: Callable[[re.Pattern[str]], Callable[[str], re.Match[str] | None]]
    ) -> None:
        fired = _FIRED.get()
        if fired is not None:
            fired.update(r for r, pattern in self._each.items() if method(pattern)(text))


class Words(Vocabulary):
    """Literal words, compared as written (the data modules write them lower-case). One rule
    may spell its word several ways, "|" between them: "sharedaddy|shariff|addtoany" is one
    entry (the containers of share plugins), fired by any of its spellings."""

    def __init__(self, name: str, rules: Iterable[Rule]) -> None:
        super().__init__(name, rules)
        self._activate(self.rules)

    def _activate(self, rules: tuple[Rule, ...]) -> None:
        super()._activate(rules)
        self._by_word = {spelling: r for r in rules for spelling in r.text.split("|")}
        self._words = frozenset(self._by_word)

    @property
    def words(self) -> frozenset[str]:
        """The active words, for building patterns (matches found with them are ``note``d)."""
        return self._words

    def __contains__(self, word: object) -> bool:
        if word not in self._words:
            return False
        self.note(str(word))
        return True

    def note(self, word: str) -> None:
        """Record that ``word`` fired, where a caller matched it by other means (a pattern)."""
        fired = _FIRED.get()
        if fired is not None and word in self._by_word:
            fired.add(self._by_word[word])


def recording_active() -> bool:
    """Whether ``recording()`` is on: callers skip the work of naming what fired when not."""
    return _FIRED.get() is not None


# Weak, so that a vocabulary made for a test is gone with the test; the data modules' own
# vocabularies live as long as their modules. Keyed by creation order.
_VOCABULARIES: weakref.WeakValueDictionary[int, Vocabulary] = weakref.WeakValueDictionary()


def vocabularies() -> tuple[Vocabulary, ...]:
    """Every vocabulary defined so far (import the modules that define them first)."""
    return tuple(vocabulary for _, vocabulary in sorted(_VOCABULARIES.items()))


def defined_in(*modules: ModuleType) -> tuple[Vocabulary, ...]:
    """The vocabularies the data ``modules`` define, in their order."""
    return tuple(
        value
        for module in modules
        for value in vars(module).values()
        if isinstance(value, Vocabulary)
    )


@contextmanager
def recording() -> Iterator[set[Rule]]:
    """Collect the rules that fire inside the block into the yielded set."""
    fired: set[Rule] = set()
    token = _FIRED.set(fired)
    try:
        yield fired
    finally:
        _FIRED.reset(token)


@contextmanager
def disabled(rules: Collection[Rule]) -> Iterator[None]:
    """Switch ``rules`` off inside the block (for measuring rules on pages they were not
    written for); every vocabulary is restored after it."""
    saved = [(v, v.active) for v in vocabularies()]
    try:
        for vocabulary, active in saved:
            kept = tuple(r for r in active if r not in rules)
            if len(kept) != len(active):
                vocabulary._activate(kept)
        yield
    finally:
        for vocabulary, active in saved:
            if vocabulary.active is not active:
                vocabulary._activate(active)
