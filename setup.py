"""Builds newsbot's egg for ``scrapyd-deploy``; everything about the package is in pyproject.toml.

scrapyd-deploy (scrapyd-client 2.0.3) runs ``python setup.py bdist_egg`` with the setuptools of
its own environment, not in an isolated build environment, so pip never installs the backend
pinned in ``[build-system] requires`` for it. This file checks that pin itself and stops with one
line naming it, instead of the schema error an older setuptools gives on the PEP 639 license.
It exists rather than the setup.py scrapyd-deploy writes when there is none, because that one
packs every folder with an ``__init__.py`` (tests and benchmarks too) under the name "project".
"""

import sys
import tomllib
from pathlib import Path

import setuptools
from packaging.requirements import Requirement


def backend_pin() -> Requirement:
    """The setuptools requirement of ``[build-system] requires`` in pyproject.toml."""
    pyproject = tomllib.loads(Path(__file__).with_name("pyproject.toml").read_text("utf-8"))
    requirements = (Requirement(text) for text in pyproject["build-system"]["requires"])
    return next(r for r in requirements if r.name == "setuptools")


PIN = backend_pin()
if not PIN.specifier.contains(setuptools.__version__, prereleases=True):
    sys.exit(
        f"newsbot's egg is built with {PIN}; this Python has setuptools "
        f"{setuptools.__version__} ({sys.executable} -m pip install '{PIN}')"
    )
setuptools.setup()
