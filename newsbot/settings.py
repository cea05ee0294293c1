"""Scrapy settings for newsbot. Settings only: every NEWSBOT_* has its default and a comment.

Anything here can be overridden per run with ``-s NAME=VALUE``.
"""

from newsbot.items import EXPORT_FIELDS

BOT_NAME = "newsbot"
SPIDER_MODULES = ["newsbot.spiders"]
NEWSPIDER_MODULE = "newsbot.spiders"
COMMANDS_MODULE = "newsbot.commands"

# --- Politeness: identify ourselves, obey robots.txt, go slowly on every site -------------------
USER_AGENT = "newsbot/0.1 (+https://github.com/newsbot/newsbot; news section crawler)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
# A news article page is well under 2 MB; anything past 10 MB is not one (or is hostile).
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
RETRY_TIMES = 2
REDIRECT_MAX_TIMES = 5
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

# --- Pipelines: normalize -> validate -> dedupe -> limit (the order is the data flow) ---------
ITEM_PIPELINES = {
    "newsbot.pipelines.normalize.NormalizePipeline": 100,
    "newsbot.pipelines.validate.ValidatePipeline": 200,
    "newsbot.pipelines.dedupe.DedupePipeline": 300,
    "newsbot.pipelines.limit.LimitPipeline": 400,
}

# --- Export: without -o/-O, every run writes a timestamped JSONL and CSV under data/<spider>/ -----
# (applied by DefaultFeedsAddon only when no feed is given: -O/-o replace them, not add to them)
NEWSBOT_DEFAULT_FEEDS = {
    "data/%(name)s/%(time)s.jsonl": {"format": "jsonlines"},
    "data/%(name)s/%(time)s.csv": {"format": "csv"},
}
ADDONS = {"newsbot.addons.DefaultFeedsAddon": 0}
FEED_EXPORT_FIELDS = list(EXPORT_FIELDS)
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORTERS = {"csv": "newsbot.exporters.ArticleCsvItemExporter"}

# --- newsbot ----------------------------------------------------------------------------------
# Extra folder(s) of site declarations (*.toml), os.pathsep-separated, added to the bundled ones;
# a file with the same name as a bundled one replaces it.
NEWSBOT_SITES_PATH = ""
# Section pages followed per section listing (page 1 plus "next" links), unless -a max_pages=N.
NEWSBOT_MAX_PAGES = 5
# Sitemap indexes are followed this many levels deep (index -> sitemap is one level).
NEWSBOT_SITEMAP_DEPTH = 2
# Only the newest entries of one sitemap (by lastmod) are followed: archives list years of articles.
NEWSBOT_SITEMAP_MAX_ENTRIES = 500
# Articles with fewer body words than this are dropped as "short_body" (teasers, paywall stubs).
NEWSBOT_VALIDATE_MIN_WORDS = 50
# Where the dedupe pipeline remembers what it has seen (an import path to a SeenStore class);
# the default remembers within one run only.
NEWSBOT_DEDUPE_STORE = "newsbot.seen.MemorySeenStore"
# Which day of its news cycle `scrapy demo` serves the demo site as (day 2 adds and updates).
NEWSBOT_DEMO_DAY = 1

LOG_LEVEL = "INFO"
# Drops log one line with reason and URL (not the whole article).
LOG_FORMATTER = "newsbot.logformatter.NewsbotLogFormatter"
