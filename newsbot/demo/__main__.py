"""`python -m newsbot.demo`: serve the demo site in the foreground, to browse or crawl by hand."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading

from newsbot.demo.catalog import DAYS
from newsbot.demo.server import serve_demo_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsbot.demo", description=__doc__)
    parser.add_argument(
        "--host", default="127.0.0.1", help="interface to bind (default: %(default)s)"
    )
    parser.add_argument(
        "--port", type=int, default=8000, help="0 picks a free port (default: %(default)s)"
    )
    parser.add_argument("--day", type=int, choices=DAYS, default=1, help="crawl day to show")
    args = parser.parse_args(argv)
    with serve_demo_site(args.host, args.port, args.day) as server:
        sys.stdout.write(f"The Pacific Ledger (day {args.day}) at {server.url}/ - Ctrl+C to stop\n")
        sys.stdout.flush()
        stop = threading.Event()
        # SIGTERM (process managers, `kill`) stops as cleanly as Ctrl+C does.
        signal.signal(signal.SIGTERM, lambda _signum, _frame: stop.set())
        with contextlib.suppress(KeyboardInterrupt):
            stop.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
