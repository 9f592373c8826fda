"""Benchmark the public page: bytes over the wire and time until markers show, by data size.

Prints figures; asserts nothing. Run: .venv/bin/python bench/bench_site.py [--sizes 1000,100000]

For each size it fills a temporary SQLite database with synthetic GB premises, serves the app
on localhost and loads `/` and `/?q=M1` (a Wednesday afternoon) in headless Chromium on a
390×844 phone, no map tiles:
  - bytes over the wire (Chromium's encodedDataLength: compressed as sent, headers included)
    for each page and everything it loads (CSS, JavaScript, the API's marker data);
  - for `/?q=M1`, the time from navigation start until the first markers are on the map.
"""

from __future__ import annotations

import argparse
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
        times, sizes, homes = [], [], []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            for _ in range(runs):
                home = _transferred(browser, base + "/")
                sizes.append(_transferred(browser, base + PAGE, wait_for_markers=True))
                times.append(sizes[-1].pop("__markers_ms__"))
                homes.append(home)
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
        "home_bytes": sum(homes[-1].values()),
        "home_requests": len(homes[-1]),
    }


def _transferred(browser, url: str, wait_for_markers: bool = False) -> dict[str, float]:
    """Load a page on a first visit (nothing cached); return the bytes each URL took."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    urls: dict[str, str] = {}
    sizes: dict[str, float] = {}
    cdp.on(
        "Network.responseReceived", lambda e: urls.__setitem__(e["requestId"], e["response"]["url"])
    )
    cdp.on(
        "Network.loadingFinished",
        lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]),
    )
    page.goto(url)
    markers_ms = None
    if wait_for_markers:
        page.wait_for_function(
            "() => (document.querySelector('#map')?.dataset.markers|0) > 0", timeout=60_000
        )
        markers_ms = page.evaluate("performance.now()")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    found = {urls.get(key, key): size for key, size in sizes.items()}
    if wait_for_markers:
        found["__markers_ms__"] = markers_ms
    context.close()
    return found


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
            f"/?q=M1 {r['page_bytes'] / 1024:,.1f} KiB in {r['requests']} requests "
            f"(HTML {r['html_bytes']:,.0f} B, marker data {r['data_bytes']:,.0f} B); "
            f"/ {r['home_bytes'] / 1024:,.1f} KiB in {r['home_requests']} requests"
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
