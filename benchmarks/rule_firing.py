"""Where each vocabulary rule fires on the shared corpora, and the provenance written from it.

    python -m benchmarks.rule_firing [--write]

A rule fires on a page when extraction applies it there (recorded with
``newsbot.rules.recording``), or when it matches a whole block of the page's text (a phrase) or
one of its class names (a class-name word): other layers (trafilatura, boilerplate markup)
often remove a notice before the phrase rules see it, and on a declared site's selector path
the phrase rules are all there is. Then it prints, per vocabulary, each rule with the publishers it
fired on, and the rules that fire on fewer than two publishers and are not generic: fitted to
a page, to be generalised or removed. ``--write`` rewrites the ``seen_on`` provenance of every
rule in the data modules (``newsbot/extraction/vocabulary/``) with pages of up to
``EVIDENCE`` different publishers, so the data says where each entry was seen, and formats
them with ruff.
"""

from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.corpora import CORPUS_ROOT, Page, load_suite
from benchmarks.folds import MIN_PUBLISHERS, fired_on, publishers_of
from newsbot.extraction import extract_article
from newsbot.extraction.bylines import is_byline, split_names
from newsbot.extraction.document import decode, parse
from newsbot.extraction.people import is_agency, is_person
from newsbot.extraction.phrases import is_furniture
from newsbot.extraction.vocabulary import bylines, labels, markup, paragraphs
from newsbot.extraction.vocabulary.bylines import BYLINE_CLASSES
from newsbot.rules import Rule, defined_in
from newsbot.text import clean_text

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from types import ModuleType

ARTICLE_SUITES = ("article-extraction-benchmark", "fundus-publishers")
#: The data modules whose provenance ``--write`` keeps.
DATA_MODULES: tuple[ModuleType, ...] = (paragraphs, labels, markup, bylines)
#: The vocabularies extraction uses (measured on the article corpora).
EXTRACTION_VOCABULARIES = defined_in(*DATA_MODULES)
# Longer text is article prose, never a notice (newsbot.extraction.notices reads no further).
_MAX_BLOCK_CHARS = 500
# A credit standing alone ("AFP", "(Reuters)") is a few words; brackets are no part of it.
_MAX_CREDIT_CHARS = 40
_BRACKETS = "()[] "
_NOT_TEXT = frozenset({"script", "style", "noscript", "template", "head", "title", "meta"})
_LINE = 100
#: Pages of this many publishers are named as a rule's evidence.
EVIDENCE = 3


@dataclass(frozen=True)
class Firing:
    """Where the rules fired: pages per rule, and each page's publisher."""

    pages: dict[Rule, set[str]]
    publisher: dict[str, str]

    @property
    def publishers(self) -> dict[Rule, set[str]]:
        return publishers_of(self.pages, self.publisher)

    def evidence(self, rule: Rule) -> tuple[str, ...]:
        """One page each of up to ``EVIDENCE`` publishers, the same every run."""
        chosen: dict[str, str] = {}
        for ref in sorted(self.pages.get(rule, ())):
            chosen.setdefault(self.publisher[ref], ref)
        return tuple(sorted(chosen.values())[:EVIDENCE])


@cache
def article_pages(root: Path = CORPUS_ROOT) -> tuple[Page, ...]:
    """Every page of the article corpora that exist under ``root``."""
    pages: list[Page] = []
    for folder in ARTICLE_SUITES:
        if (root / folder).is_dir():
            pages.extend(load_suite(root / folder)[1])
    return tuple(pages)


def measure(pages: Iterable[Page]) -> Firing:
    """Extract each page, and judge each of its blocks and class names, with recording on."""
    by_ref = {page.ref: page for page in pages}
    fired = fired_on(
        ((ref, page.publisher) for ref, page in by_ref.items()),
        lambda ref: apply_rules(by_ref[ref]),
    )
    return Firing(dict(fired), {ref: page.publisher for ref, page in by_ref.items()})


def apply_rules(page: Page) -> None:
    """Read a page as newsbot does, then put each short text block and class name of it to
    the vocabularies that judge such things, so a rule fires wherever it would apply."""
    extract_article(page.html, page.url)
    root = parse(decode(page.html))
    texts: set[str] = set()
    names: set[str] = set()
    byline_texts: set[str] = set()
    hrefs = {link.get("href") or "" for link in root.iter("a")}
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in _NOT_TEXT:
            continue
        text = clean_text(element.text_content())
        if 0 < len(text) <= _MAX_BLOCK_CHARS:
            texts.add(text)
        tokens = {*(element.get("class") or "").lower().split(), (element.get("id") or "").lower()}
        names.update(tokens)
        if text and any(BYLINE_CLASSES.test(token) for token in tokens):
            byline_texts.add(text)
    for text in texts:
        is_furniture(text)
        paragraphs.TRAILING_BLOCKS.fullmatch(text)
        labels.PUBLISHED_LABELS.fullmatch(text)
        labels.MODIFIED_LABELS.fullmatch(text)
        bylines.AUTHOR_LABELS.fullmatch(text)
        if is_byline(text):
            _credit(text)
        if len(text) <= _MAX_CREDIT_CHARS:
            is_agency(text.strip(_BRACKETS))
    for text in byline_texts:
        _credit(text)
    for href in hrefs:
        bylines.AUTHOR_PAGE_PATHS.search(href)
    for name in names:
        markup.PAGE_CHROME.search(name)
        markup.HIDDEN_CLASSES.search(name)
        markup.OFF_PAGE_HEADINGS.search(name)
        markup.KICKER_CLASSES.search(name)
        if bylines.BYLINE_CLASSES.search(name):
            bylines.NOT_BYLINE_CLASSES.search(name)
        for word in {name, *re.split(r"[-_]", name)}:
            markup.BOILERPLATE_TOKENS.note(word)
            markup.BOILERPLATE_PARTS.note(word)


def _credit(byline: str) -> None:
    for name in split_names(byline):
        is_person(name, set())


def report(firing: Firing) -> list[Rule]:
    """Print each vocabulary's rules with their publishers; return the unjustified ones."""
    publishers = firing.publishers
    unjustified = []
    for vocabulary in EXTRACTION_VOCABULARIES:
        print(f"\n== {vocabulary.name} ({len(vocabulary.rules)} rules)")
        for rule in vocabulary.rules:
            seen = publishers.get(rule, set())
            flag = ""
            if rule.generic:
                flag = "  generic"
            elif len(seen) < MIN_PUBLISHERS:
                flag = "  FITTED"
                unjustified.append(rule)
            names = ", ".join(sorted(seen)[:4]) + (" ..." if len(seen) > 4 else "")
            print(f"  {len(seen):>3}  {rule.text[:60]!r:<64}{flag}  {names}")
    print(f"\n{len(unjustified)} rules fire on fewer than {MIN_PUBLISHERS} publishers:")
    for rule in unjustified:
        print(f"  [{rule.vocabulary}] {rule.text!r}")
    return unjustified


def write_provenance(module: ModuleType, firing: Firing) -> None:
    """Rewrite the rule list of every vocabulary defined in ``module`` as one ``rule(...)``
    line per entry with its evidence, keeping everything else in the file as it is."""
    path = Path(str(module.__file__))
    source = path.read_text(encoding="utf-8")
    defined = {v.name: v for v in defined_in(module)}
    edits = []
    for call in ast.walk(ast.parse(source)):
        name = _vocabulary_name(call)
        if name in defined and isinstance(call, ast.Call) and len(call.args) > 1:
            listing = call.args[1]
            indent = " " * (listing.col_offset + 4)
            notes = _comments(source, listing)
            lines = [
                "".join(f"{indent}{note}\n" for note in notes.get(rule.text, ()))
                + _rule_source(rule, firing.evidence(rule), indent)
                for rule in defined[name].rules
            ]
            text = "[\n" + "".join(lines) + " " * listing.col_offset + "]"
            edits.append(
                (
                    _offset(source, listing.lineno, listing.col_offset),
                    _offset(source, listing.end_lineno or 0, listing.end_col_offset or 0),
                    text,
                )
            )
    for start, end, text in sorted(edits, reverse=True):
        source = source[:start] + text + source[end:]
    path.write_text(source, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "ruff", "format", "--quiet", str(path)], check=True)


def _comments(source: str, listing: ast.expr) -> dict[str, list[str]]:
    """The comment lines above each ``rule(...)`` of a list, by the rule's text, so that
    rewriting the provenance keeps them."""
    notes: dict[str, list[str]] = {}
    if not isinstance(listing, ast.List):
        return notes
    start = _offset(source, listing.lineno, listing.col_offset) + 1
    for element in listing.elts:
        begin = _offset(source, element.lineno, element.col_offset)
        between = source[start:begin].splitlines()
        comments = [line.strip() for line in between if line.strip().startswith("#")]
        if comments and isinstance(element, ast.Call) and element.args:
            text = ast.literal_eval(element.args[0])
            notes[text] = comments
        start = _offset(source, element.end_lineno or 0, element.end_col_offset or 0)
    return notes


def _vocabulary_name(node: ast.AST) -> str | None:
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in {"Phrases", "Words"}
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ):
        return node.args[0].value
    return None


def _rule_source(rule: Rule, evidence: Sequence[str], indent: str) -> str:
    args = [_string(rule.text), *map(_string, evidence)]
    if rule.generic:
        args.append(f"generic={_string(rule.generic)}")
    one_line = f"{indent}rule({', '.join(args)}),\n"
    if _width(one_line) <= _LINE + 1:
        return one_line
    inner = indent + "    "
    width = _LINE - len(inner) - 4
    lines = [f"{inner}{piece}\n" for piece in _pieces(rule.text, width)]
    lines[-1] = lines[-1].rstrip("\n") + ",\n"
    lines += [f"{inner}{arg},\n" for arg in args[1:]]
    return f"{indent}rule(\n" + "".join(lines) + f"{indent}),\n"


def _pieces(text: str, width: int) -> list[str]:
    """``text`` as string literals of at most ``width`` characters, cut before a "|" where
    one is near (never after a backslash, which would end a raw literal)."""
    pieces = []
    while _width(text) > width:
        fits = max(n for n in range(len(text) + 1) if _width(text[:n]) <= width)
        cut = text.rfind("|", fits // 2, fits)
        if cut <= 0:
            cut = fits
            while text[cut - 1] == "\\":
                cut -= 1
        pieces.append(_string(text[:cut]))
        text = text[cut:]
    return [*pieces, _string(text)]


def _width(text: str) -> int:
    """Columns ``text`` takes (East Asian wide characters take two, as ruff counts them)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _string(text: str) -> str:
    """A raw string literal where one can hold ``text``, else repr."""
    if "\\" in text and '"' not in text and not text.endswith("\\"):
        return f'r"{text}"'
    return repr(text) if '"' in text or "\\" in text else f'"{text}"'


def _offset(source: str, line: int, column: int) -> int:
    """The character offset of a (1-based line, UTF-8 byte column) position."""
    lines = source.splitlines(keepends=True)
    prefix = "".join(lines[: line - 1])
    return len(prefix) + len(lines[line - 1].encode()[:column].decode())


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="rewrite the rules' provenance")
    args = parser.parse_args(argv)
    pages = article_pages()
    print(f"{len(pages)} pages of {len({p.publisher for p in pages})} publishers")
    firing = measure(pages)
    report(firing)
    if args.write:
        for module in DATA_MODULES:
            write_provenance(module, firing)
        print(f"\nprovenance written to {', '.join(m.__name__ for m in DATA_MODULES)}")


if __name__ == "__main__":
    main()
