"""Loading site declarations: the bundled ones plus the user's folder(s)."""

from __future__ import annotations

import logging
import os
import tomllib
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from newsbot.resources import toml_files, toml_key
from newsbot.sites.model import (
    ArticleUrlRules,
    ExtractionHints,
    RequestCredentials,
    Section,
    Site,
    SiteConfigError,
    parse_site,
)

if TYPE_CHECKING:
    from collections.abc import Iterable
    from importlib.resources.abc import Traversable

__all__ = [
    "BUNDLED_SITES_DIR",
    "ArticleUrlRules",
    "ExtractionHints",
    "RequestCredentials",
    "Section",
    "Site",
    "SiteConfigError",
    "declaration_files",
    "load_site_file",
    "load_sites",
    "sites_path_dirs",
]

logger = logging.getLogger(__name__)

#: The declarations shipped with newsbot: a package resource, not a Path, so that they load from
#: the zipped egg scrapyd runs as well as from a checkout.
BUNDLED_SITES_DIR: Traversable = files(__name__)


def load_site_file(path: Traversable) -> Site:
    """One declaration file; the site key is the file name without ``.toml``."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise SiteConfigError(f"{path}: not valid TOML: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise SiteConfigError(f"{path}: cannot read: {exc}") from exc
    return parse_site(toml_key(path), data, path)


def sites_path_dirs(value: str | Iterable[str] | None) -> list[Path]:
    """The folders named by NEWSBOT_SITES_PATH (a list, or ``os.pathsep``-separated text)."""
    if not value:
        return []
    parts = value.split(os.pathsep) if isinstance(value, str) else list(value)
    return [Path(p).expanduser() for p in parts if p]


def declaration_files(
    extra_dirs: Iterable[Path] = (), *, bundled: bool = True
) -> list[Traversable]:
    """Every declaration file, bundled first, in the order later ones override earlier ones.

    A missing user folder is an error, not an empty result: a typo in the path must not turn
    into a crawl of nothing.
    """
    dirs: list[Traversable] = [BUNDLED_SITES_DIR] if bundled else []
    dirs.extend(extra_dirs)
    declared: list[Traversable] = []
    for folder in dirs:
        if not folder.is_dir():
            raise SiteConfigError(f"{folder}: sites folder does not exist")
        declared.extend(toml_files(folder))
    return declared


def load_sites(extra_dirs: Iterable[Path] = (), *, bundled: bool = True) -> dict[str, Site]:
    """All declared sites by key. A user's file overrides a bundled one with the same key."""
    sites: dict[str, Site] = {}
    for path in declaration_files(extra_dirs, bundled=bundled):
        site = load_site_file(path)
        if site.key in sites:
            logger.info("Site %s from %s overrides an earlier declaration", site.key, path)
        sites[site.key] = site
    return sites
