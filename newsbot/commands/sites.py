"""``scrapy sites``: the declared sites and their sections; ``--check`` validates every file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from newsbot.runs import ExitCode
from newsbot.sites import (
    SiteConfigError,
    declaration_files,
    load_site_file,
    load_sites,
    sites_path_dirs,
)

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

    from newsbot.sites import Section, Site


class Command(ScrapyCommand):
    """Shows what a crawl would visit, from the bundled files and NEWSBOT_SITES_PATH."""

    requires_project = True
    default_settings = {"LOG_ENABLED": False}  # noqa: RUF012 (Scrapy's own attribute)

    def syntax(self) -> str:
        return "[--check]"

    def short_desc(self) -> str:
        return "List the declared sites and their sections (--check: validate every site file)"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument(
            "--check",
            action="store_true",
            help="validate every declared site file (one line per problem, exit code 2 if any)",
        )

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if args:
            raise UsageError("scrapy sites takes no arguments")
        assert self.settings is not None
        dirs = sites_path_dirs(self.settings.get("NEWSBOT_SITES_PATH"))
        problems = _check(dirs) if opts.check else _list(dirs)
        for problem in problems:
            print(problem)
        if problems:
            self.exitcode = int(ExitCode.USAGE)


def _list(dirs: list[Path]) -> list[str]:
    """Print every declared site; the problem that stops loading them, if any."""
    try:
        sites = load_sites(dirs)
    except SiteConfigError as exc:
        return [str(exc)]
    for site in sites.values():
        print(_describe(site))
    return []


def _check(dirs: list[Path]) -> list[str]:
    """One line per declaration file that a crawl would refuse (file and key named)."""
    try:
        files = declaration_files(dirs)
    except SiteConfigError as exc:
        return [str(exc)]
    problems = []
    for path in files:
        try:
            load_site_file(path)
        except SiteConfigError as exc:
            problems.append(str(exc))
    if not problems:
        print(f"{len(files)} site files OK")
    return problems


def _describe(site: Site) -> str:
    sections = "".join(
        f"\n  {name}: {_count(section)}" for name, section in sorted(site.sections.items())
    )
    return f"{site.key} ({site.name}; {', '.join(site.domains)}){sections}"


def _count(section: Section) -> str:
    kinds = {"page": section.pages, "feed": section.feeds, "sitemap": section.sitemaps}
    return ", ".join(f"{len(urls)} {kind}{'s' * (len(urls) != 1)}" for kind, urls in kinds.items())
