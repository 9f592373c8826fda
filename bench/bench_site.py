"""Benchmark the public page: bytes over the wire and time until markers show, by data size.

Prints figures; asserts nothing. Run: .venv/bin/python bench/bench_site.py [--sizes 1000,100000]

For each size it fills a temporary SQLite database with synthetic GB premises, serves the app
on localhost and loads `/?q=M1` (a Wednesday afternoon) in headless Chromium, no map tiles:
  - gzip bytes of the page and of everything it loads (CSS, JavaScript, the API's marker data);
  - the time from navigation start until the first markers are on the map.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import logging
import statistics
import tempfile
import threading
import urllib.request

import numpy as np
from bench_core import store_rows, synthetic_premises
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from locator import create_app

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAGE = "/?q=M1&at=2026-12-02T14:00"  # a Wednesday afternoon: most premises open


def fill(app, n: int, rng: np.random.Generator) -> None:
    """Store n synthetic published premises."""
    rows = store_rows(synthetic_premises(n, rng))
    app.extensions["locator"].store.premises.write_rows(rows, publish=True)


def measure(n: int, runs: int, rng: np.random.Generator) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            {
                "DATABASE_URL": f"sqlite:///{folder}/site.sqlite3",
                "TILE_URL": "",
                "RATELIMIT_ENABLED": False,
            }
        )
        app.extensions["locator"].store.migrate()
        fill(app, n, rng)
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        base = f"http://127.0.0.1:{server.server_port}"
        # Warm the index so every run measures the page, not the first build.
        urllib.request.urlopen(f"{base}/api/v1/spaces?q=M1").read()  # noqa: S310 - our own server
        times, sizes = [], []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 390, "height": 844})
                page = context.new_page()
                bodies: dict[str, int] = {}

                def record(response, bodies=bodies):
                    # A redirect or an aborted request has no body to measure.
                    if response.url.startswith(base):
                        with contextlib.suppress(Exception):
                            bodies[response.url] = len(gzip.compress(response.body(), 6))

                page.on("response", record)
                page.goto(base + PAGE)
                page.wait_for_function(
                    "() => (document.querySelector('#map')?.dataset.markers|0) > 0",
                    timeout=60_000,
                )
                times.append(page.evaluate("performance.now()"))
                page.wait_for_load_state("networkidle")
                sizes.append(bodies)
                context.close()
            browser.close()
        server.shutdown()
    last = sizes[-1]
    data_bytes = sum(v for k, v in last.items() if "/api/" in k)
    return {
        "median_ms": statistics.median(times),
        "page_bytes": sum(last.values()),
        "data_bytes": data_bytes,
        "html_bytes": last.get(base + PAGE, 0),
        "requests": len(last),
    }


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,100000")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    rng = np.random.default_rng(20261129)
    results = {}
    for n in (int(s) for s in args.sizes.split(",") if s):
        results[n] = measure(n, args.runs, rng)
        r = results[n]
        print(
            f"{n:>9,} premises: markers after {r['median_ms']:.0f} ms (median of {args.runs}); "
            f"gzip {r['page_bytes']:,} B in {r['requests']} requests "
            f"(HTML {r['html_bytes']:,} B, marker data {r['data_bytes']:,} B)"
        )
    if len(results) >= 2:
        small, large = min(results), max(results)
        a, b = results[small], results[large]
        print(
            f"ratio {large:,} / {small:,}: time {b['median_ms'] / a['median_ms']:.2f}×, "
            f"bytes {b['page_bytes'] / a['page_bytes']:.2f}×"
        )


if __name__ == "__main__":
    main()
