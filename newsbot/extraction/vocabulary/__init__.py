"""Every phrase, label and class-name vocabulary extraction uses, as data with provenance.

See ``newsbot.rules`` for what an entry is and ``benchmarks.rule_firing`` for how the
provenance is measured and kept true.
"""
