"""SectionSpiderLoader: every section a site file declares is a spider, without Python."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.spiderloader import SpiderLoader

from newsbot.sites import SiteConfigError, load_sites, sites_path_dirs
from newsbot.spiders.section import SectionSpider

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings


class SectionSpiderLoader(SpiderLoader):
    """Scrapy's loader plus one generated SectionSpider per declared section that no spider
    crawls yet (``[sections.world]`` in a site file: ``scrapy crawl world``). The spiders in
    SPIDER_MODULES win: ``asia_pacific`` stays the class of its module. Reads
    NEWSBOT_SITES_PATH.

    Broken site files generate nothing here (``scrapy sites --check`` must still start);
    ``site_error`` keeps why, for the crawl command to say.
    """

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.site_error: SiteConfigError | None = None
        try:
            declared = load_sites(sites_path_dirs(settings.get("NEWSBOT_SITES_PATH")))
        except SiteConfigError as exc:
            self.site_error = exc
            return
        crawled = {getattr(cls, "section", None) for cls in self._spiders.values()}
        sections = {name for site in declared.values() for name in site.sections}
        for section in sorted(sections - crawled - set(self._spiders)):
            self._spiders[section] = _section_spider(section)


def _section_spider(section: str) -> type[SectionSpider]:
    """What ``newsbot/spiders/asia_pacific.py`` writes by hand, for ``section``."""
    class_name = "".join(part.title() for part in section.split("_")) + "Spider"
    attributes = {
        "name": section,
        "section": section,
        "__module__": __name__,
        "__doc__": f"``scrapy crawl {section}`` (generated from the site files).",
    }
    return type(class_name, (SectionSpider,), attributes)
