"""Words that mark a URL, an element or a link label as something other than an article.

Kept apart from the scoring code so that adding a word never touches logic. Every entry is a
``newsbot.rules`` rule naming the listing pages (``listing:<file>``) of different sites it
fires on, written by ``python -m benchmarks.discovery --write``; an entry that fires on fewer
than two sites stays only with a ``generic`` reason (a word every site of a kind uses, a file
format, an HTML element). All entries are lower-case.
"""

from __future__ import annotations

from newsbot.rules import Words, rule

# Path segments (or host labels like ``shop.`` / ``search.``) of pages that list, sell, explain
# or serve rather than report: taxonomy, media hubs, accounts, legal pages and tools.
NON_ARTICLE_SEGMENTS = Words(
    "discovery.non_article_segments",
    [
        # taxonomy and listings
        rule(
            "tag",
            "listing:wired_1",
            generic="WordPress's default URL base for tag pages (/tag/<name>/)",
        ),
        rule("tags", generic="plural of tag: the tag index of many CMSs (Drupal, Ghost)"),
        rule(
            "category",
            "listing:wired_1",
            generic="WordPress's default URL base for category pages (/category/<name>/)",
        ),
        rule("categories", generic="plural of category: the category index of many CMSs"),
        rule("thema", "listing:faz_1", "listing:fr_1", "listing:sueddeutsche_1"),
        rule("themen", "listing:bild_2", "listing:faz_1", "listing:welt_1"),
        rule("author", generic="WordPress's default URL base for author pages (/author/<name>/)"),
        rule("archive", "listing:daringfireball_1", "listing:wired_1"),
        rule(
            "archives",
            generic="archive listing of blog engines (Movable Type, WordPress date archives)",
        ),
        rule("page", generic="WordPress's default URL base for pagination (/page/2/)"),
        rule(
            "sitemap",
            "listing:web_1",
            generic="the sitemap every site publishes for search engines",
        ),
        rule("seite", generic="German for page: the pagination base of German CMSs (/seite-2)"),
        # media that is not a text article
        rule("video", "listing:bild_2", "listing:faz_1", "listing:volksstimme_1"),
        rule("videos", "listing:fr_1", "listing:web_1", "listing:welt_1"),
        rule("mediathek", "listing:bild_2", "listing:welt_1"),
        rule("podcasts", "listing:faz_1", "listing:welt_1", "listing:wired_1"),
        # search, accounts, commerce
        rule("search", "listing:wired_1", "listing:yahoo_1"),
        rule("suche", "listing:bild_2", "listing:faz_1", "listing:zeit_1"),
        rule("login", "listing:volksstimme_1", "listing:yahoo_1"),
        rule(
            "logout", "listing:volksstimme_1", generic="account page of every site with user logins"
        ),
        rule("signin", generic="account page of every site with user logins"),
        rule("sign-in", generic="account page of every site with user logins"),
        rule("signup", generic="account page of every site with user logins"),
        rule("register", "listing:wired_1", generic="account page of every site with user logins"),
        rule(
            "registration", "listing:yahoo_1", generic="account page of every site with user logins"
        ),
        rule("account", "listing:wired_1", generic="account page of every site with user logins"),
        rule("accounts", generic="account page of every site with user logins"),
        rule("my-account", generic="account page of every site with user logins"),
        rule("auth", "listing:volksstimme_1", "listing:wired_1"),
        rule(
            "subscribe",
            "listing:wired_1",
            generic="subscription sales page of every paywalled site",
        ),
        rule("subscription", generic="subscription sales page of every paywalled site"),
        rule(
            "subscriptions",
            "listing:wired_1",
            generic="subscription sales page of every paywalled site",
        ),
        rule("abo", "listing:faz_1", "listing:volksstimme_1", "listing:zeit_1"),
        rule("newsletter", "listing:bild_2", "listing:volksstimme_1", "listing:welt_1"),
        rule("shop", "listing:volksstimme_1", "listing:wired_1", "listing:zeit_1"),
        rule("cart", generic="shopping-cart step of every web shop"),
        rule("checkout", generic="checkout step of every web shop"),
        rule("jobs", "listing:bild_2", "listing:sueddeutsche_1", "listing:volksstimme_1"),
        # about the publisher, legal and help
        rule("about", "listing:wired_1", generic="the about-the-publisher page every site has"),
        rule("about-us", generic="the about-the-publisher page every site has"),
        rule("ueber-uns", "listing:fr_1", generic="German about-the-publisher page every site has"),
        rule("contact", "listing:daringfireball_1", generic="the contact page every site has"),
        rule("kontakt", "listing:fr_1", "listing:volksstimme_1", "listing:welt_1"),
        rule("impressum", "listing:bild_2", "listing:fr_1", "listing:sueddeutsche_1"),
        rule(
            "imprint",
            generic="English name of the Impressum, the legal notice every German site must have",
        ),
        rule(
            "privacy",
            "listing:yahoo_1",
            generic="privacy policy every site handling personal data must publish (GDPR, CCPA)",
        ),
        rule(
            "privacy-policy",
            generic="privacy policy every site handling personal data must publish (GDPR, CCPA)",
        ),
        rule("datenschutz", "listing:bild_2", "listing:fr_1", "listing:sueddeutsche_1"),
        rule("terms", generic="terms of use page of every site with accounts or subscriptions"),
        rule("agb", "listing:bild_2", "listing:faz_1", "listing:fr_1"),
        rule("legal", "listing:yahoo_1", generic="legal notice page of most sites"),
        rule(
            "cookies",
            "listing:yahoo_1",
            generic="cookie policy every EU site must publish (ePrivacy)",
        ),
        rule("help", "listing:yahoo_1", generic="help page of every site with accounts"),
        rule("hilfe", "listing:bild_2", "listing:faz_1", "listing:sueddeutsche_1"),
        rule("faq", "listing:welt_1", "listing:wired_1", "listing:zeit_2"),
        rule("barrierefreiheit", "listing:bild_2", "listing:faz_1", "listing:web_1"),
        rule(
            "accessibility",
            generic="accessibility statement EU sites must publish (Accessibility Act)",
        ),
        # feeds and machine formats
        rule("feed", generic="WordPress's default URL base for feeds (/feed/)"),
        rule("rss", generic="feed URL: a machine format, not a page"),
        rule("amp", generic="AMP copy of a page whose canonical URL is linked elsewhere"),
        rule("wp-admin", generic="WordPress admin endpoint"),
        rule("wp-login.php", generic="WordPress login endpoint"),
        rule("wp-json", generic="WordPress REST endpoint"),
        rule("xmlrpc.php", generic="WordPress XML-RPC endpoint"),
        # services and games
        rule("service", "listing:bild_2", "listing:fr_1", "listing:volksstimme_1"),
        rule("services", "listing:web_1", "listing:welt_1"),
        rule("wetter", "listing:bild_2", "listing:faz_1", "listing:web_1"),
        rule("spiele", "listing:bild_2", "listing:faz_1", "listing:welt_1"),
        rule("games", "listing:bild_2", "listing:web_1", "listing:yahoo_1"),
        rule("gewinnspiele", "listing:bild_2", "listing:volksstimme_1", "listing:welt_1"),
        rule("epaper", "listing:volksstimme_1", "listing:welt_1"),
        rule("apps", "listing:web_1", "listing:welt_1"),
    ],
)

# Names of the last path segment (without extension and trailing id) of a section's front page.
LISTING_PAGE_NAMES = Words(
    "discovery.listing_page_names",
    [
        rule(
            "index",
            "listing:zeit_1",
            generic="default document name of a directory on every web server (index.html)",
        ),
        rule(
            "home",
            "listing:bild_2",
            generic="common name of a site's or section's front page (home.html, /home)",
        ),
        rule("start", "listing:volksstimme_1", "listing:web_1"),
        rule("default", generic="default document name on IIS servers (default.aspx)"),
    ],
)

# File name extensions (after the last dot) of things a listing links to that are never
# article pages.
NON_ARTICLE_EXTENSIONS = Words(
    "discovery.non_article_extensions",
    [
        rule("jpg", generic="file format, never an HTML page: an image"),
        rule("jpeg", generic="file format, never an HTML page: an image"),
        rule("png", generic="file format, never an HTML page: an image"),
        rule("gif", generic="file format, never an HTML page: an image"),
        rule("webp", generic="file format, never an HTML page: an image"),
        rule("svg", generic="file format, never an HTML page: an image"),
        rule("avif", generic="file format, never an HTML page: an image"),
        rule("ico", generic="file format, never an HTML page: an image"),
        rule("pdf", generic="file format, never an HTML page: a document"),
        rule("doc", generic="file format, never an HTML page: a document"),
        rule("docx", generic="file format, never an HTML page: a document"),
        rule("xls", generic="file format, never an HTML page: a document"),
        rule("xlsx", generic="file format, never an HTML page: a document"),
        rule("ppt", generic="file format, never an HTML page: a document"),
        rule("zip", generic="file format, never an HTML page: a download"),
        rule("gz", generic="file format, never an HTML page: a download"),
        rule("mp3", generic="file format, never an HTML page: audio or video"),
        rule("mp4", generic="file format, never an HTML page: audio or video"),
        rule("m4a", generic="file format, never an HTML page: audio or video"),
        rule("mov", generic="file format, never an HTML page: audio or video"),
        rule("webm", generic="file format, never an HTML page: audio or video"),
        rule("ogg", generic="file format, never an HTML page: audio or video"),
        rule("css", generic="file format, never an HTML page: a web asset or data feed"),
        rule("js", generic="file format, never an HTML page: a web asset or data feed"),
        rule("json", generic="file format, never an HTML page: a web asset or data feed"),
        rule("xml", generic="file format, never an HTML page: a web asset or data feed"),
        rule("rss", generic="file format, never an HTML page: a web asset or data feed"),
        rule("atom", generic="file format, never an HTML page: a web asset or data feed"),
        rule("ics", generic="file format, never an HTML page: a web asset or data feed"),
        rule("vcf", generic="file format, never an HTML page: a web asset or data feed"),
        rule("txt", generic="file format, never an HTML page: a document"),
        rule("csv", generic="file format, never an HTML page: a document"),
        rule("exe", generic="file format, never an HTML page: a download"),
        rule("dmg", generic="file format, never an HTML page: a download"),
        rule("apk", generic="file format, never an HTML page: a download"),
    ],
)

# Query parameters that turn a URL into a search or a paginated/filtered listing.
LISTING_QUERY_PARAMS = Words(
    "discovery.listing_query_params",
    [
        rule("q", generic="search query parameter of most search forms"),
        rule("s", "listing:yahoo_1", generic="WordPress's search query parameter (?s=)"),
        rule("query", generic="search query parameter of many search forms"),
        rule("search", generic="search query parameter of many search forms"),
        rule("page", generic="pagination parameter of most CMSs (?page=2)"),
        rule("paged", generic="WordPress's pagination parameter (?paged=2)"),
        rule("tag", generic="WordPress's tag query variable (?tag=)"),
        rule("cat", generic="WordPress's category query variable (?cat=)"),
        rule("author", generic="WordPress's author query variable (?author=)"),
    ],
)

# Tokens of class/id/role values of page furniture: links inside are menus, not teasers.
BOILERPLATE_TOKENS = Words(
    "discovery.boilerplate_tokens",
    [
        rule("nav", "listing:bild_2", "listing:fr_1", "listing:volksstimme_1"),
        rule(
            "navi",
            "listing:bild_2",
            generic="German short for navigation, common in German CMS class names",
        ),
        rule("navbar", generic="Bootstrap's navigation bar component class"),
        rule("navigation", "listing:fr_1", "listing:sueddeutsche_1", "listing:welt_1"),
        rule(
            "subnav",
            "listing:bild_2",
            generic="sub-navigation: nav with a prefix, used by CMS themes of many sites",
        ),
        rule("menu", "listing:bild_2", "listing:faz_1", "listing:volksstimme_1"),
        rule("menubar", "listing:welt_1", generic="ARIA role of a menu bar"),
        rule(
            "submenu",
            "listing:bild_2",
            generic="sub-menu: menu with a prefix, used by WordPress menus (sub-menu) and others",
        ),
        rule("footer", "listing:bild_2", "listing:daringfireball_1", "listing:fr_1"),
        rule("breadcrumb", "listing:bild_2", "listing:fr_1", "listing:web_1"),
        rule("breadcrumbs", "listing:volksstimme_1", "listing:zeit_1"),
        rule(
            "pagination",
            "listing:web_1",
            generic="Bootstrap's and WordPress's pagination block class",
        ),
        rule("pager", generic="Drupal's pager block class"),
        rule("toolbar", generic="ARIA role of a toolbar"),
        rule("social", "listing:sueddeutsche_1", "listing:yahoo_1"),
        rule(
            "banner", "listing:fr_1", generic="ARIA landmark role of the page header (role=banner)"
        ),
        rule(
            "contentinfo",
            "listing:yahoo_1",
            generic="ARIA landmark role of the page footer (role=contentinfo)",
        ),
        rule(
            "search", "listing:yahoo_1", generic="ARIA landmark role of a search form (role=search)"
        ),
        rule("login", "listing:volksstimme_1", "listing:web_1", "listing:wired_1"),
        rule("dropdown", "listing:volksstimme_1", "listing:wired_1"),
    ],
)

# Elements whose links are page furniture by definition.
BOILERPLATE_TAGS = Words(
    "discovery.boilerplate_tags",
    [
        rule("nav", "listing:bild_2", "listing:faz_1", "listing:fr_1"),
        rule("header", "listing:bild_2", "listing:faz_1", "listing:fr_1"),
        rule("footer", "listing:bild_2", "listing:faz_1", "listing:fr_1"),
        rule("menu", generic="HTML element of a menu: its links are navigation by definition"),
        rule(
            "form",
            "listing:yahoo_1",
            generic="HTML form: its links belong to a search, login or consent form",
        ),
        rule(
            "dialog",
            "listing:faz_1",
            generic="HTML dialog: its links belong to an overlay (consent, login, menu)",
        ),
    ],
)

# Tokens of class/id values of teaser blocks: the link is a story's headline or image.
TEASER_TOKENS = Words(
    "discovery.teaser_tokens",
    [
        rule("teaser", "listing:bild_2", "listing:fr_1", "listing:sueddeutsche_1"),
        rule("article", "listing:bild_2", "listing:daringfireball_1", "listing:volksstimme_1"),
        rule(
            "summary",
            "listing:wired_1",
            generic="hAtom/WordPress class of a post's teaser text (entry-summary)",
        ),
        rule("post", generic="class of a post in WordPress themes (post, hentry)"),
        rule(
            "entry",
            "listing:zeit_1",
            generic="hAtom/WordPress class of a post and its title (entry, entry-title)",
        ),
    ],
)

# rel values of links that point to taxonomy or other listing pages, or to ads.
NON_ARTICLE_RELS = Words(
    "discovery.non_article_rels",
    [
        rule("tag", generic="HTML link type rel=tag: the link names a tag page"),
        rule("author", generic="HTML link type rel=author: the link names the author's page"),
        rule("next", generic="HTML link type rel=next: the next page of a listing"),
        rule("prev", generic="HTML link type rel=prev: the previous page of a listing"),
        rule("category", generic="WordPress marks category links rel=category tag"),
        rule("sponsored", generic="rel=sponsored marks paid links (search engines' convention)"),
    ],
)

# Labels of links to a page already linked by its headline ("Read more", "Comments"): short,
# but no sign of a menu entry.
GENERIC_LABELS = Words(
    "discovery.generic_labels",
    [
        rule("read more", generic="the more-link label of most blog and news themes"),
        rule("more", "listing:yahoo_1", generic="the short more-link label of many themes"),
        rule("continue reading", generic="WordPress's default more-link label"),
        rule("weiterlesen", generic="German more-link label of most German themes"),
        rule("mehr", generic="German short more-link label of many themes"),
        rule("comments", generic="label of the link to a post's comments in blog themes"),
        rule("kommentare", "listing:fr_1", generic="German label of the link to a post's comments"),
    ],
)

# Labels of the link to the next (older) page of a listing, compared after punctuation and
# arrows are removed ("Older posts →" reads "older posts").
NEXT_LABELS = Words(
    "discovery.next_labels",
    [
        rule("next", generic="the next-page label of most pagers"),
        rule("next page", generic="the next-page label of most pagers"),
        rule("older", generic="the older-posts label of blog pagers"),
        rule("older posts", generic="WordPress's default label of the older-posts link"),
        rule("older entries", generic="WordPress's classic label of the older-posts link"),
        rule("load more", generic="label of the load-more button of infinite-scroll listings"),
        rule("show more", generic="label of the load-more button of infinite-scroll listings"),
        rule("weiter", generic="German next-page label of most pagers"),
        rule("nächste", generic="German next-page label of most pagers"),
        rule("nächste seite", generic="German next-page label of most pagers"),
        rule("ältere beiträge", generic="WordPress's German label of the older-posts link"),
        rule("ältere einträge", generic="WordPress's German label of the older-entries link"),
        rule("mehr laden", generic="German label of the load-more button"),
        rule("mehr anzeigen", generic="German label of the show-more button"),
    ],
)

# Labels that mean "next" only where a pager says so: inside a pagination block, or on a link
# to the next page number ("More" alone is often a link to a section). The angle quotes are
# meant: pagers print them.
WEAK_NEXT_LABELS = Words(
    "discovery.weak_next_labels",
    [
        rule("more", generic="a pager's more link"),
        rule("mehr", generic="a pager's German more link"),
        rule("»", generic="arrow pagers print on the next link"),
        rule("\u203a", generic="arrow pagers print on the next link"),
        rule("→", generic="arrow pagers print on the next link"),
        rule(">", generic="arrow pagers print on the next link"),
        rule(">>", generic="arrow pagers print on the next link"),
        rule("»»", generic="arrow pagers print on the next link"),
    ],
)

# Class/id fragments of pagination blocks (matched inside the attribute value).
PAGINATION_MARKERS = Words(
    "discovery.pagination_markers",
    [
        rule("pagination", generic="Bootstrap's and WordPress's pagination block class"),
        rule("pager", generic="Drupal's pager block class"),
        rule("page-numbers", generic="WordPress's paginate_links class"),
        rule("nav-links", generic="WordPress's the_posts_pagination block class"),
        rule("load-more", generic="class of load-more buttons of infinite-scroll listings"),
        rule("pagenavi", generic="the WP-PageNavi plugin's class"),
    ],
)
