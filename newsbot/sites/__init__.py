"""Loading site declarations: the bundled ones plus the user's folder(s)."""

from __future__ import annotations

import logging
import os
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

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

#: The declarations shipped with newsbot.
BUNDLED_SITES_DIR = Path(__file__).resolve().parent


def load_site_file(path: Path) -> Site:
    """One declaration file; the site key is the file name without ``.toml``."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise SiteConfigError(f"{path}: not valid TOML: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise SiteConfigError(f"{path}: cannot read: {exc}") from exc
    return parse_site(path.stem, data, path)


def sites_path_dirs(value: str | Iterable[str] | None) -> list[Path]:
    """The folders named by NEWSBOT_SITES_PATH (a list, or ``os.pathsep``-separated text)."""
    if not value:
        return []
    parts = value.split(os.pathsep) if isinstance(value, str) else list(value)
    return [Path(p).expanduser() for p in parts if p]


def declaration_files(extra_dirs: Iterable[Path] = (), *, bundled: bool = True) -> list[Path]:
    """Every declaration file, bundled first, in the order later ones override earlier ones.

    A missing user folder is an error, not an empty result: a typo in the path must not turn
    into a crawl of nothing.
    """
    dirs = ([BUNDLED_SITES_DIR] if bundled else []) + list(extra_dirs)
    files: list[Path] = []
    for folder in dirs:
        if not folder.is_dir():
            raise SiteConfigError(f"{folder}: sites folder does not exist")
        files.extend(sorted(folder.glob("*.toml")))
    return files


def load_sites(extra_dirs: Iterable[Path] = (), *, bundled: bool = True) -> dict[str, Site]:
    """All declared sites by key. A user's file overrides a bundled one with the same key."""
    sites: dict[str, Site] = {}
    for path in declaration_files(extra_dirs, bundled=bundled):
        site = load_site_file(path)
        if site.key in sites:
            logger.info("Site %s from %s overrides an earlier declaration", site.key, path)
        sites[site.key] = site
    return sites
