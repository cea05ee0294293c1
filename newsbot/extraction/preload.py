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

__all__ = ["WORKER_GC_THRESHOLDS", "extract_article"]

#: The workers' garbage collector thresholds (generation 0, 1, 2), inherited from this process.
WORKER_GC_THRESHOLDS = (20_000, 20, 20)

load_model()
# Signing an article (the workers do) loads numpy and makes the MinHash permutations once.
signature(" ".join(f"word{number}" for number in range(20)))
# trafilatura's last resort (jusText, on pages its own extractors miss) merges the stop words
# of every language on first use: 0.2 s of CPU that each renewed worker would spend again.
jt_stoplist_init()
gc.freeze()
# Extraction makes and drops hundreds of thousands of small containers a page (proxies,
# lists, tuples), almost none of them in reference cycles: at Python's default threshold
# (700) the collector ran every few hundred of them, 6 % of a worker's CPU; peak memory was
# the same at this one on the corpus's pages (benchmarks.crawl).
gc.set_threshold(*WORKER_GC_THRESHOLDS)
