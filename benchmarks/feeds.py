"""newsbot's feed parsing (newsbot.discovery.feeds) beside feedparser, the well-kept library.

    pip install feedparser && python -m benchmarks.feeds [../shared/corpus]

Prints, for each parser: on every corpus feed, the entries found and how many of them are
correct (an absolute http(s) article link; the corpus' truth is its item count); on our
fixture feeds, whether the article URLs are exactly the expected ones; on hostile bodies
(external entities, an entity bomb, a cut-off or gzipped feed, an HTML page, script links),
what each gives; and ms and peak RSS on a 20,000-item feed (the budget test's).
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from benchmarks.corpora import CORPUS_ROOT
from newsbot.discovery import parse_feed
from newsbot.urls import is_http_url

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "discovery" / "feeds"
Parser = Callable[[bytes, str], list[str]]


def newsbot_links(body: bytes, url: str) -> list[str]:
    """Article links as newsbot reads them."""
    return [entry.url for entry in parse_feed(body, url)]


def feedparser_links(body: bytes, url: str) -> list[str]:
    """Article links as feedparser reads them (relative ones resolved against ``url``)."""
    import feedparser  # noqa: PLC0415 (optional peer, like the extraction benchmark's)

    parsed: Any = feedparser.parse(
        body,
        response_headers={"content-location": url},
        resolve_relative_uris=False,
        sanitize_html=False,
    )
    return [str(entry.get("link") or "") for entry in parsed.entries]


PARSERS: dict[str, Parser] = {"newsbot": newsbot_links, "feedparser": feedparser_links}


@dataclass(frozen=True)
class Outcome:
    """What one parser made of one body."""

    links: list[str]
    ms: float

    @property
    def correct(self) -> int:
        return sum(is_http_url(link) for link in self.links)


def run(parser: Parser, body: bytes, url: str) -> Outcome:
    """Parse once, timed; an exception counts as no entries (newsbot must never raise)."""
    start = time.perf_counter()
    try:
        links = parser(body, url)
    except Exception:
        links = ["<raised>"]
    return Outcome(links, (time.perf_counter() - start) * 1000)


def corpus_feeds(corpus: Path) -> None:
    """Entries found / correct per corpus feed against its item count, and ms."""
    folder = corpus / "feeds"
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    print(f"== corpus feeds ({folder}): found / correct of expected, ms")
    print(f"  {'file':<24}{'format':<15}{'expected':>9}" + "".join(f"{n:>24}" for n in PARSERS))
    for name, meta in sorted(index.items()):
        body = (folder / name).read_bytes()
        cells = []
        for parser in PARSERS.values():
            result = run(parser, body, meta["url"])
            cells.append(f"{len(result.links)} / {result.correct}  {result.ms:6.1f} ms")
        line = f"  {name:<24}{meta['format']:<15}{meta['expected_items']:>9}"
        print(line + "".join(f"{cell:>24}" for cell in cells))


def fixture_feeds() -> None:
    """Whether each parser gives exactly the expected article URLs of our fixture feeds."""
    print("== fixture feeds (tests/fixtures/discovery/feeds): exact URL list")
    for expected_path in sorted(FIXTURES.glob("*.expected.json")):
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        stem = expected_path.name.removesuffix(".expected.json")
        feed = next(p for p in FIXTURES.glob(f"{stem}.*") if p != expected_path)
        want = [entry["url"] for entry in expected["entries"]]
        cells = []
        for name, parser in PARSERS.items():
            got = run(parser, feed.read_bytes(), expected["url"]).links
            cells.append(f"{name} {'exact' if got == want else f'{len(got)} links, differ'}")
        print(f"  {feed.name:<20}" + ";  ".join(cells))


class _Fetches(BaseHTTPRequestHandler):
    """Counts requests: an external entity resolved over HTTP shows up here."""

    hits = 0

    def do_GET(self) -> None:
        type(self).hits += 1
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"https://attacker.example/fetched")

    def log_message(self, *args: object) -> None:
        """Quiet."""


def _rss(items: str, doctype: str = "") -> bytes:
    return f'<?xml version="1.0"?>{doctype}<rss><channel>{items}</channel></rss>'.encode()


def hostile_bodies(secret: Path, port: int) -> dict[str, bytes]:
    """The hostile cases of tests/unit/discovery/test_feeds.py, and an entity fetched by HTTP."""
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    good = "<item><title>t</title><link>https://x.example/a</link></item>"
    plain = _rss(good * 2)
    return {
        "xxe-file": _rss(
            "<item><title>t</title><link>&xxe;</link></item>",
            f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>',
        ),
        "xxe-http": _rss(
            "<item><title>t</title><link>&xxe;</link></item>",
            f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "http://127.0.0.1:{port}/x">]>',
        ),
        "entity-bomb": _rss(
            "<item><title>&l9;</title><link>https://x.example/a</link></item>",
            f'<!DOCTYPE rss [<!ENTITY l0 "lol">{lol}]>',
        ),
        "cut-off": plain[: plain.index(b"<item>", 60) + 30],
        "gzipped": gzip.compress(plain),
        "html-page-with-item": b"<html><body><item><link>https://x.example/a</link></item>"
        b"</body></html>",
        "script-links": _rss(
            "<item><link>javascript:alert(1)</link></item><item><link>https://x.example/ok"
            "</link></item>"
        ),
    }


def hostile() -> None:
    """What each parser gives for each hostile body (links, shortened), and HTTP fetches."""
    print("== hostile bodies: links returned (want: no leaked or fetched URL, no expansion)")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Fetches)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with TemporaryDirectory() as tmp:
        secret = Path(tmp) / "secret.txt"
        secret.write_text("https://attacker.example/leaked", encoding="utf-8")
        bodies = hostile_bodies(secret, server.server_address[1])
        for case, body in bodies.items():
            cells = []
            for name, parser in PARSERS.items():
                before = _Fetches.hits
                links = [link[:40] for link in run(parser, body, "https://x.example/feed").links]
                fetched = _Fetches.hits - before
                cells.append(f"{name} {links}" + (f" FETCHED {fetched}x" if fetched else ""))
            print(f"  {case:<20}" + ";  ".join(cells))
    server.shutdown()


def _big_body(items: int) -> bytes:
    """The budget test's feed: ``items`` relative links with dates."""
    body = "".join(
        f"<item><link>/2026/11/20/feed-story-{n}/</link>"
        f"<pubDate>Fri, 20 Nov 2026 00:{n % 60:02d}:00 +0000</pubDate></item>"
        for n in range(items)
    )
    return f"<?xml version='1.0'?><rss><channel>{body}</channel></rss>".encode()


_BIG_URL = "http://127.0.0.1:8000/feed.xml"


def _peak_rss_mb(parser_name: str, items: int) -> float:
    """Max RSS of a fresh process that builds the feed and parses it with ``parser_name``
    ("none": only builds it). tracemalloc would miss lxml's C allocations; a child forked
    from this large process would inherit its RSS, so benchmarks.peak_memory forks it."""
    command = ["-m", "benchmarks.feeds", "--parse-only", parser_name, "--items", str(items)]
    measure = [sys.executable, "-m", "benchmarks.peak_memory", sys.executable, *command]
    done = subprocess.run(measure, capture_output=True, text=True, check=True)
    return float(done.stdout)


def big_feed(items: int) -> None:
    """ms, and peak RSS above the process that only builds it, on a feed of ``items``."""
    data = _big_body(items)
    print(f"== {items:,}-item feed ({len(data) / 1e6:.1f} MB): entries, ms, peak RSS added")
    baseline = _peak_rss_mb("none", items)
    for name, parser in PARSERS.items():
        result = run(parser, data, _BIG_URL)
        added = _peak_rss_mb(name, items) - baseline
        print(f"  {name:<12}{result.correct:>7}{result.ms:>10.0f} ms{added:>8.1f} MB")


def main() -> None:
    """Print every comparison (or, with --parse-only, parse the big feed once and exit)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS_ROOT)
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--parse-only", choices=[*PARSERS, "none"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.parse_only:
        import feedparser  # noqa: F401, PLC0415 (both children import the same modules)

        data = _big_body(args.items)
        if args.parse_only in PARSERS:
            PARSERS[args.parse_only](data, _BIG_URL)
        return
    corpus: Path = args.corpus
    if (corpus / "feeds" / "index.json").exists():
        corpus_feeds(corpus)
    fixture_feeds()
    hostile()
    big_feed(args.items)


if __name__ == "__main__":
    main()
