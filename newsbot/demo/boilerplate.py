"""Phrases that appear on article pages but never in article text.

Integration tests assert that none of them reaches an exported body; a unit test asserts each
one really is on the pages (so the list cannot go stale) and in no article's own text.
"""

from __future__ import annotations

from newsbot.demo.templates.chrome import COOKIE_NOTICE, NEWSLETTER_PITCH
from newsbot.demo.templates.parts import COMMENT_POOL

BOILERPLATE_PHRASES: tuple[str, ...] = (
    # page chrome
    "Skip to content",
    COOKIE_NOTICE,
    "Independent news from Asia and the Pacific",
    "All rights reserved",
    "Back to top button",
    "Trending searches",
    # wire: share bar, author box, related posts, newsletter, comments, trailers
    "Share on Facebook",
    "Share on X",
    "WhatsApp",
    "Copy link",
    "About the author",
    "Related Articles",
    NEWSLETTER_PITCH,
    "Leave a Reply",
    "Your email address will not be published.",
    "Required fields are marked",
    "Post Comment",
    "— END OF MESSAGE —",
    "(Ledger Wire)",
    *(text for _who, text in COMMENT_POOL),
    # magazine: inline links, box and rail
    "Read more:",
    "The Morning Ledger",
    "Trending",
    # minimal: entry footer and post navigation
    "Posted in",
    "Tagged",
    "Previous post",
    "Next post",
    # longform: ad slot and recirculation block
    "Advertisement",
    "You might also like",
    "Long read",
    # AMP twin
    "Leave a Comment",
)

# Per template, which phrases its article pages must show (used by tests).
TEMPLATE_PHRASES: dict[str, tuple[str, ...]] = {
    "wire": ("Share on Facebook", "Related Articles", "Leave a Reply", NEWSLETTER_PITCH),
    "magazine": ("Read more:", NEWSLETTER_PITCH, "Trending"),
    "minimal": ("Posted in", "Tagged", "Leave a Reply"),
    "longform": ("Advertisement", "You might also like"),
}
