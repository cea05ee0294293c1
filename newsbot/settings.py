"""Scrapy settings for newsbot. Settings only: every NEWSBOT_* has its default and a comment.

Anything here can be overridden per run with ``-s NAME=VALUE``.
"""

from newsbot.items import EXPORT_FIELDS

BOT_NAME = "newsbot"
SPIDER_MODULES = ["newsbot.spiders"]
NEWSPIDER_MODULE = "newsbot.spiders"
# Adds a spider for every section declared in a site file that no spider module covers.
SPIDER_LOADER_CLASS = "newsbot.spiders.loader.SectionSpiderLoader"
COMMANDS_MODULE = "newsbot.commands"

# --- Politeness: identify ourselves, obey robots.txt, go slowly on every site -------------------
USER_AGENT = "newsbot/0.1 (+https://github.com/newsbot/newsbot; news section crawler)"
ROBOTSTXT_OBEY = True
DOWNLOADER_MIDDLEWARES = {
    # Replaced: a robots.txt answering 5xx or unreachable means "disallow all" this run (RFC
    # 9309), not "allow all"; an oversized one is read up to 500 KiB, not ignored.
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "newsbot.downloadermiddlewares.robotstxt.NewsbotRobotsTxtMiddleware": 100,
    # Replaced: a 429/503's Retry-After holds the whole host (see NEWSBOT_MAX_RETRY_AFTER).
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "newsbot.downloadermiddlewares.retry_after.RetryAfterMiddleware": 550,
    # Replaced: an offsite request is a lost page, counted and logged like any other.
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "newsbot.downloadermiddlewares.offsite.OffsiteAccountedMiddleware": 50,
    "newsbot.downloadermiddlewares.private_addresses.PrivateAddressMiddleware": 60,
    "newsbot.downloadermiddlewares.site_credentials.SiteCredentialsMiddleware": 450,
    # Replaced: a page is decoded on the reactor thread only if it may hold a meta refresh.
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "newsbot.downloadermiddlewares.meta_refresh.CheapMetaRefreshMiddleware": 580,
}
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
# What one response's callback yields is handled this many at a time. Scrapy's default (100)
# starts 100 asyncio tasks per response, whatever it yields; the pipelines do not wait on I/O,
# so more than a few only cost the reactor thread time (a tenth of its CPU in a crawl).
CONCURRENT_ITEMS = 4
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
# A robots.txt Crawl-delay is obeyed as the least delay between requests to that site, up to
# this many seconds (CrawlDelayExtension; a larger one is capped and logged).
NEWSBOT_MAX_CRAWL_DELAY = 30.0
# A 429/503 Retry-After up to this many seconds holds that host's requests; a longer one defers
# the host's remaining pages to the next run (RetryAfterMiddleware).
NEWSBOT_MAX_RETRY_AFTER = 300.0
DOWNLOAD_TIMEOUT = 30
# A name that takes longer than this to resolve fails (Scrapy waits 60 s).
DNS_TIMEOUT = 20
# A news article page is well under 2 MB; anything past 10 MB is not one (or is hostile).
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
RETRY_TIMES = 2
REDIRECT_MAX_TIMES = 5
COOKIES_ENABLED = False
# No control ports: an unattended crawler from cron must not listen on the network.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
# Only http(s) is fetched: a link or redirect must not read local files (file:), and data:,
# ftp: and s3: are no news site's pages. Set one back in DOWNLOAD_HANDLERS to use it.
DOWNLOAD_HANDLERS = {"file": None, "data": None, "ftp": None, "s3": None}
# A run whose memory grows past the limit is stopped (exit 1) instead of taking the machine
# down; the demo crawl peaks at ~140 MB, so a warning means something is wrong.
MEMUSAGE_ENABLED = True
MEMUSAGE_WARNING_MB = 512
MEMUSAGE_LIMIT_MB = 1024

# Scrapy's offsite filter drops a redirect to another domain silently: newsbot's counts it.
# Then private addresses are refused (before robots.txt is asked for), then a site's
# credentials are set on requests to its hosts and taken off any other.
# Requests to hosts in these networks are refused unless a declared section page, feed or
# sitemap is on that host: loopback, private, shared, link-local (cloud metadata at
# 169.254.169.254), reserved and multicast ranges, IPv4 and IPv6 (empty: no check).
NEWSBOT_PRIVATE_NETWORKS = [
    "0.0.0.0/8",
    "10.0.0.0/8",
    "100.64.0.0/10",
    "127.0.0.0/8",
    "169.254.0.0/16",
    "172.16.0.0/12",
    "192.0.0.0/24",
    "192.168.0.0/16",
    "198.18.0.0/15",
    "224.0.0.0/4",
    "240.0.0.0/4",
    "::/128",
    "::1/128",
    "fc00::/7",
    "fe80::/10",
    "ff00::/8",
]

# --- Pipelines: normalize -> validate -> dedupe (the order is the data flow) -------------------
# Scrapy's pipeline manager, timing the items (newsbot.timing's "pipelines" stage).
ITEM_PROCESSOR = "newsbot.pipelines.timed.TimedItemPipelineManager"
ITEM_PIPELINES = {
    "newsbot.pipelines.normalize.NormalizePipeline": 100,
    "newsbot.pipelines.validate.ValidatePipeline": 200,
    # Claims each article; it counts as exported once every pipeline after it let it through.
    "newsbot.pipelines.dedupe.DedupePipeline": 900,
}

# --- Export: without -o/-O, every run writes a timestamped JSONL and CSV under data/<spider>/ -----
# (applied by DefaultFeedsAddon only when no feed is given: -O/-o replace them, not add to them).
# A run that exports nothing writes no file: an hourly cron job would otherwise leave two empty
# files an hour for analysts to wade through (its run summary still records the run).
NEWSBOT_DEFAULT_FEEDS = {
    "data/%(name)s/%(time)s.jsonl": {"format": "jsonlines", "store_empty": False},
    "data/%(name)s/%(time)s.csv": {"format": "csv", "store_empty": False},
}
ADDONS = {"newsbot.addons.BackendAddon": 0, "newsbot.addons.DefaultFeedsAddon": 10}
# The run's components (see newsbot/signals.py for how they hand over): the state's owner, the
# publisher of export files (Scrapy's feed exporter, replaced), and the run report.
EXTENSIONS = {
    "scrapy.extensions.feedexport.FeedExporter": None,
    "newsbot.exports.publication.PublishingFeedExporter": 0,
    "newsbot.extensions.state.StateExtension": 500,
    "newsbot.extensions.report.RunReportExtension": 520,
    "newsbot.extensions.quiet_robots.QuietRobotsLogExtension": 530,
    "newsbot.extensions.crawl_delay.CrawlDelayExtension": 540,
    "newsbot.extensions.timing.StageTimingExtension": 550,
}
FEED_EXPORT_FIELDS = list(EXPORT_FIELDS)
FEED_EXPORT_ENCODING = "utf-8"
# FEED_EXPORT_ENCODING = "utf-8-sig" (the byte-order mark Excel wants) reaches CSV files only:
# JSON and JSONL stay plain UTF-8, which every JSON reader requires.
FEED_EXPORTERS = {
    "csv": "newsbot.exports.csv.ArticleCsvItemExporter",
    "jsonlines": "newsbot.exports.json.PlainJsonLinesItemExporter",
    "jsonl": "newsbot.exports.json.PlainJsonLinesItemExporter",
    "json": "newsbot.exports.json.PlainJsonItemExporter",
}

# scrapy dataset keeps at most this much in memory (MB); the rest spills to a temporary folder
# beside the output, so an archive of millions of articles needs only room on disk.
NEWSBOT_DATASET_MEMORY_MB = 1024

# --- newsbot ----------------------------------------------------------------------------------
# Extra folder(s) of site declarations (*.toml), os.pathsep-separated, added to the bundled ones;
# a file with the same name as a bundled one replaces it.
NEWSBOT_SITES_PATH = ""
# Section pages followed per section listing (page 1 plus "next" links), unless -a max_pages=N.
NEWSBOT_MAX_PAGES = 5
# Articles published before this day (YYYY-MM-DD) are skipped; empty: none (-a since=... sets it).
NEWSBOT_SINCE = ""
# Stop after this many exported articles; 0: no limit (-a limit=N sets it).
NEWSBOT_LIMIT = 0
# Sitemap indexes are followed this many levels deep (index -> sitemap is one level).
NEWSBOT_SITEMAP_DEPTH = 2
# Per site and run, only the newest sitemaps of its indexes (by lastmod) are read: 20 days of a
# daily index, 20 months of a monthly one, where a section crawl finds its news.
NEWSBOT_SITEMAP_MAX_CHILDREN = 20
# Per site and run, only the newest sitemap entries (by lastmod) are followed: archives list years
# of articles; 500 is more than a site publishes between two hourly runs, or in a day.
NEWSBOT_SITEMAP_MAX_ENTRIES = 500
# Per site and run, only the newest feed entries (by date) are followed: real feeds hold 10-100.
NEWSBOT_FEED_MAX_ENTRIES = 200
# Seconds one page's extraction may take (in a worker) before the crawl gives up on it.
NEWSBOT_EXTRACTION_TIMEOUT = 20.0
# Worker processes extracting pages: -1, one per core the crawl may use; 0, threads of the
# crawl's own process instead (one core for everything: small crawls, debugging).
NEWSBOT_EXTRACTION_PROCESSES = -1
# A worker is replaced by a fresh one after this many pages (0: never), so that what
# parsing leaves behind cannot grow over a long crawl.
NEWSBOT_EXTRACTION_MAX_TASKS = 200
# Address space a worker may take, in MB (0: no cap): a page that needs more fails alone.
NEWSBOT_EXTRACTION_MEMORY_MB = 2048
# Articles with fewer body words than this are dropped as "short_body" (teasers, paywall stubs).
NEWSBOT_VALIDATE_MIN_WORDS = 50
# --- State and cron-grade runs ------------------------------------------------------------------
# The state file (%(name)s = spider): what was exported, under which URLs, page validators.
# ":memory:" keeps nothing between runs (every run starts afresh, no lock).
NEWSBOT_STATE_PATH = "data/state/%(name)s.sqlite3"
# The StateStore implementation (built with the path above).
NEWSBOT_STATE_STORE = "newsbot.state.sqlite.SQLiteStateStore"
# --- Shared crawls (several worker processes, one Redis; README "Scaling out") ----------------
# "sqlite": one process, its state in NEWSBOT_STATE_PATH. "redis": this process is one worker of
# a shared crawl: its frontier and duplicate filter (scrapy-redis) and its state (the Redis
# state store) live in REDIS_URL, shared with every worker started the same way.
NEWSBOT_BACKEND = "sqlite"
# NEWSBOT_BACKEND=redis: the server, e.g. redis://127.0.0.1:6379/0 (rediss:// for TLS; give the
# password in the URL or bind Redis to loopback: whoever can write to it steers the crawl).
REDIS_URL = ""
# Prefix of every key the shared crawl keeps ("<prefix>:<spider>:…").
NEWSBOT_REDIS_PREFIX = "newsbot"
# A worker holds a lease while it lives; this many seconds after it stopped renewing (killed,
# its machine gone) its fetched-but-unexported pages are queued again for the other workers.
NEWSBOT_REDIS_LEASE_SECONDS = 30.0
# A worker exits once the shared queue has been empty this long (more than the lease, so that
# a killed worker's pages are taken over before the others leave).
NEWSBOT_REDIS_IDLE_SECONDS = 60.0
# One JSON summary per run lands here (empty: none, as for read-only commands).
NEWSBOT_RUNS_DIR = "data/runs/%(name)s"
# A site whose failed article pages exceed this share of its article pages is reported as
# failed (exit code 4; 1 when every site failed).
NEWSBOT_MAX_ERROR_RATE = 0.5
# A site that exported articles before and none in this many runs in a row is reported stale.
NEWSBOT_STALE_AFTER_RUNS = 24
# URL keys, near-duplicate bands and page validators not seen for this many days are pruned
# from the state (0: never). Body fingerprints are kept forever.
NEWSBOT_STATE_RETENTION_DAYS = 180
# Near-duplicates (the same story on another site, a light rewrite): "link" exports them with
# the first copy's story_id; "drop" drops them (reason near_duplicate).
NEWSBOT_NEAR_DUPLICATES = "link"
# Estimated 5-word-shingle similarity from which two bodies count as near-duplicates (on the
# labelled pairs of `python -m benchmarks.neardup`: copies and edits >= 0.45, distinct <= 0.2).
NEWSBOT_NEAR_DUPLICATE_THRESHOLD = 0.35
# An exported article met again with a changed body: "revise" exports it again with revision+1,
# "ignore" drops it (reason update_ignored). Known articles are only re-fetched when a sitemap
# says they changed.
NEWSBOT_UPDATES = "revise"
# Stop following a section's pages once a page brings no article the state does not know.
NEWSBOT_STOP_AT_KNOWN_PAGE = True
# Pages rejected as not articles are not fetched again for this many days.
NEWSBOT_RECHECK_REJECTED_DAYS = 7
# Which day of its news cycle `scrapy demo` serves the demo site as (day 2 adds and updates).
NEWSBOT_DEMO_DAY = 1
# The port `scrapy demo` serves on (a free one if it is taken); fixed so URLs repeat across runs.
NEWSBOT_DEMO_PORT = 8765

LOG_LEVEL = "INFO"
# Drops log one line with reason and URL (not the whole article).
LOG_FORMATTER = "newsbot.logformatter.NewsbotLogFormatter"
# Export files are written under a hidden name and renamed when complete (see newsbot/exports).
FEED_STORAGES = {
    "": "newsbot.exports.storage.AtomicFileFeedStorage",
    "file": "newsbot.exports.storage.AtomicFileFeedStorage",
}
