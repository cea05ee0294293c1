"""Imported by the process extraction workers fork from: loads what every worker needs once.

Workers forked after this share these pages of memory (the language model's 75 MB of arrays
above all) instead of each loading its own copy on its first page.
"""

from __future__ import annotations

from newsbot.extraction import extract_article
from newsbot.extraction.language import load_model

__all__ = ["extract_article"]

load_model()
