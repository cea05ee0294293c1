"""The Asia & Pacific section of every declared site."""

from newsbot.spiders.section import SectionSpider


class AsiaPacificSpider(SectionSpider):
    """``scrapy crawl asia_pacific``."""

    name = "asia_pacific"
    section = "asia_pacific"
