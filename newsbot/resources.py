"""Data files shipped inside the newsbot package, read alike from a checkout and from a zip.

scrapyd runs newsbot from a zipped egg, where a package's folder is no directory on disk: data
beside the code is reached through ``importlib.resources`` (a ``Traversable``), which has no glob.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


def toml_files(folder: Traversable) -> list[Traversable]:
    """The ``*.toml`` files in ``folder`` by name, as ``sorted(Path.glob("*.toml"))`` lists them."""
    return sorted((f for f in folder.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)


def toml_key(file: Traversable) -> str:
    """The name a data file declares: its file name without ``.toml`` (a Path's ``stem``)."""
    return file.name.removesuffix(".toml")
