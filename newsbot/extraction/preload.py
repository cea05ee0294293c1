"""Imported by the process extraction workers fork from: loads what every worker needs once.

Workers forked after this share these pages of memory (trafilatura, lxml, numpy and the
language model) instead of each loading its own copy on its first page. The objects loaded are
then frozen out of the garbage collector, whose passes would otherwise write to every one of
them in each worker and so copy their pages into it.
"""

from __future__ import annotations

import gc

from trafilatura.external import jt_stoplist_init

from newsbot.extraction import extract_article
from newsbot.extraction.language import load_model
from newsbot.neardup import signature

__all__ = ["extract_article"]

load_model()
# Signing an article (the workers do) loads numpy and makes the MinHash permutations once.
signature(" ".join(f"word{number}" for number in range(20)))
# trafilatura's last resort (jusText, on pages its own extractors miss) merges the stop words
# of every language on first use: 0.2 s of CPU that each renewed worker would spend again.
jt_stoplist_init()
gc.freeze()
