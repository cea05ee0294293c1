"""Words that mark a URL, an element or a link label as something other than an article.

Kept apart from the scoring code so that adding a word never touches logic. All entries are
lower-case; English and German cover most of the sites we crawl, a few common French, Spanish
and Italian words are there because they cost nothing.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Path segments (or host labels like ``shop.`` / ``search.``) of pages that list, sell, explain
# or serve rather than report: taxonomy, media hubs, accounts, legal pages and tools.
NON_ARTICLE_SEGMENTS = _words(
    # taxonomy and listings
    "tag tags category categories kategorie topic topics thema themen author authors autor"
    " autoren archive archiv archives page seite sitemap schlagzeilen"
    # media that is not a text article
    " video videos mediathek gallery galleries galerie photos fotos bilder fotostrecke"
    " fotostrecken fotoserie fotoserien bildergalerie bildergalerien slideshow slideshows"
    " podcast podcasts audio live-tv"
    # search, accounts, commerce
    " search suche recherche buscar login logout signin sign-in signup register registration"
    " account accounts my-account profile auth subscribe subscription subscriptions abo"
    " abonnement newsletter newsletters shop store cart checkout gutscheine coupons angebote"
    " kaufberater deals marktplatz jobs karriere careers stellenmarkt dating partnersuche lotto"
    # about the publisher, legal and help
    " about about-us ueber-uns contact kontakt impressum imprint privacy privacy-policy"
    " datenschutz terms agb legal cookies help hilfe faq advertise mediadaten werbung"
    " barrierefreiheit accessibility mentions-legales contacto aviso-legal"
    # feeds and machine formats
    " feed feeds rss amp api wp-admin wp-login.php wp-json xmlrpc.php"
    # services and games
    " service services wetter weather spiele games raetsel puzzles horoskop horoskope"
    " horoscope horoscopes gewinnspiele quiz quizze epaper e-paper apps events"
)

# Names of the last path segment (without extension and trailing id) of a section's front page.
LISTING_PAGE_NAMES = _words("index home start startseite default overview uebersicht front")

# File name endings of things a listing links to that are never article pages.
NON_ARTICLE_EXTENSIONS = tuple(
    f".{ext}"
    for ext in _words(
        "jpg jpeg png gif webp svg avif ico pdf doc docx xls xlsx ppt zip gz mp3 mp4 m4a mov"
        " webm ogg css js json xml rss atom ics vcf txt csv exe dmg apk"
    )
)

# Query parameters that turn a URL into a search or a paginated/filtered listing.
LISTING_QUERY_PARAMS = _words("q s query search searchterm page paged tag cat author")

# Tokens of class/id/role values of page furniture: links inside are menus, not teasers.
BOILERPLATE_TOKENS = _words(
    "nav navi navbar navigation mainnav subnav menu menubar megamenu submenu footer breadcrumb"
    " breadcrumbs pagination pager skiplinks skiplink skip toolbar topbar share sharing social"
    " socials banner contentinfo search login tags tagcloud taglist byline author copyright"
    " legal cookie consent dropdown"
)

# Elements whose links are page furniture by definition.
BOILERPLATE_TAGS = _words("nav header footer menu form dialog")

# rel values of links that point to taxonomy or other listing pages, or to ads.
NON_ARTICLE_RELS = _words("tag author next prev previous category sponsored")

# Labels of links to a page already linked by its headline ("Read more", "Comments"): short,
# but no sign of a menu entry.
GENERIC_LABELS = frozenset(
    {
        "read more", "more", "continue reading", "weiterlesen", "mehr", "mehr lesen",
        "lire la suite", "leer más", "comments", "kommentare",
    }
)  # fmt: skip

# Labels of the link to the next (older) page of a listing, compared after punctuation and
# arrows are removed ("Older posts →" reads "older posts").
NEXT_LABELS = frozenset(
    {
        "next", "next page", "older", "older posts", "older entries", "older articles",
        "older stories", "load more", "show more", "more stories", "more articles", "weiter",
        "nächste", "nächste seite", "ältere beiträge", "ältere artikel", "ältere einträge",
        "mehr laden", "mehr anzeigen", "suivant", "page suivante", "siguiente", "successivo",
        "avanti", "volgende",
    }
)  # fmt: skip
# Labels that mean "next" only where a pager says so: inside a pagination block, or on a link
# to the next page number ("More" alone is often a link to a section). The angle quotes are
# meant: pagers print them.
WEAK_NEXT_LABELS = _words("more mehr plus » › → > >> »»")  # noqa: RUF001
# Class/id fragments of pagination blocks.
PAGINATION_MARKERS = (
    "pagination", "pager", "paging", "pagenav", "page-numbers", "nav-links", "load-more",
    "loadmore", "pagenavi",
)  # fmt: skip
