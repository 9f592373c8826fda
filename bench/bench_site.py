"""Benchmark the public page on a poor phone connection: bytes, first result shown, markers.

Prints figures; asserts nothing. Run: .venv/bin/python bench/bench_site.py [--sizes 1000,100000]
[--runs 5] [--rtt 562.5]

For each size it fills a temporary SQLite database with synthetic GB premises, serves the app
on localhost (no map tiles) and loads pages in headless Chromium on a first visit (a new
browser context each time: nothing cached, no open connection), throttled as Lighthouse's
mobile preset is (150 ms round trip, 1,638.4 kbit/s down, 675 kbit/s up, CPU 4× slower) and,
as the baseline of the same run, unthrottled:
  - a 390×844 phone: `/`, then `/?q=M1` (a Wednesday afternoon), on which it then taps
    "Show map";
  - a 1280×800 screen: `/?q=M1`, whose map is in the first screen.
For each it reports the median over the runs of
  - bytes over the wire (Chromium's encodedDataLength: compressed as sent, headers included)
    for the page and everything it loads until the network is quiet, and the requests made;
  - "first result": the time from navigation start until the first item of the results list
    is painted on screen, from the Element Timing API (an init script marks the item's name
    heading with `elementtiming` as the parser adds it, since Chromium times text by its block;
    its entry's renderTime, when it intersects the viewport). Where Chromium reports no entry,
    a requestAnimationFrame poll of the item's getBoundingClientRect stands in, and the figure
    is marked with *;
  - markers: when the map's first markers are on it (the page sets #map[data-markers]), from
    navigation start on the wide screen, and from the tap on "Show map" on the phone.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
import threading
import urllib.request
from dataclasses import dataclass, field

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
SEARCH = "/?q=M1&at=2026-12-02T14:00"  # a Wednesday afternoon: most premises open
PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 800}
# Lighthouse's mobile preset (its "simulated" figures), applied by DevTools emulation. Like
# Lighthouse, kbit/s become bytes/s as × 1024 / 8.
RTT_MS = 150
DOWN_KBPS = 1638.4
UP_KBPS = 675
CPU_SLOWDOWN = 4
VENDOR = "/static/vendor/"  # Leaflet and its cluster plugin

# Runs in every page before its own scripts: notes when the first result is painted, when the
# map toggle is tapped and when the map first has markers (performance.now(): ms since the
# navigation started).
PROBE = """
(() => {
  const seen = (window.__bench = {});
  const note = (name, t) => { if (!(name in seen)) seen[name] = t; };
  const FIRST = "ol.results > li.result";
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.identifier === "first-result" && entry.intersectionRect.height > 0) {
          note("element", entry.renderTime || entry.loadTime);
        }
      }
    }).observe({ type: "element", buffered: true });
  } catch (error) {}
  new MutationObserver((records, observer) => {
    const name = document.querySelector(FIRST + " .result-name");
    if (name) {
      name.setAttribute("elementtiming", "first-result");
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  const poll = () => {
    const item = document.querySelector(FIRST);
    const box = item && item.getBoundingClientRect();
    if (box && box.height > 0 && box.top < innerHeight && box.bottom > 0) {
      note("frame", performance.now());
    } else {
      requestAnimationFrame(poll);
    }
  };
  requestAnimationFrame(poll);
  new MutationObserver(() => {
    const map = document.getElementById("map");
    if (map && (map.dataset.markers | 0) > 0) note("markers", performance.now());
  }).observe(document, { attributes: true, attributeFilter: ["data-markers"], subtree: true });
  document.addEventListener("click", (event) => {
    if (event.target.closest && event.target.closest("#view-toggle")) {
      note("tap", performance.now());
    }
  }, true);
})();
"""


@dataclass
class Load:
    """What one page load cost and when things showed."""

    sizes: dict[str, float]  # bytes by URL, until the network was quiet
    first_result_ms: float | None = None
    from_poll: bool = False  # the poll stood in for Element Timing
    markers_ms: float | None = None  # since navigation started
    tap_ms: float | None = None  # when "Show map" was tapped, since navigation started
    map_sizes: dict[str, float] = field(default_factory=dict)  # after "Show map" was tapped

    @property
    def bytes(self) -> float:
        return sum(self.sizes.values())

    @property
    def vendor_bytes(self) -> float:
        return sum(v for k, v in self.sizes.items() if VENDOR in k)


def fill(app, n: int, rng: np.random.Generator) -> None:
    """Store n synthetic published premises."""
    rows = store_rows(synthetic_premises(n, rng))
    app.extensions["locator"].store.premises.write_rows(rows, publish=True)


def visit(
    browser, url: str, viewport: dict, throttled: bool, *, markers=False, open_map=False, rtt=RTT_MS
):
    """Load a page on a first visit; return a Load."""
    context = browser.new_context(viewport=viewport)
    context.add_init_script(PROBE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    if throttled:
        cdp.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": rtt,
                "downloadThroughput": DOWN_KBPS * 1024 // 8,
                "uploadThroughput": UP_KBPS * 1024 // 8,
            },
        )
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
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
    if markers:
        page.wait_for_function("() => window.__bench.markers !== undefined", timeout=60_000)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    load = Load({urls.get(key, key): size for key, size in sizes.items()})
    if open_map:
        before = set(sizes)
        page.locator("#view-toggle").click()
        page.wait_for_function("() => window.__bench.markers !== undefined", timeout=60_000)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        load.map_sizes = {urls.get(k, k): v for k, v in sizes.items() if k not in before}
    seen = page.evaluate("window.__bench")
    context.close()
    load.first_result_ms = seen.get("element", seen.get("frame"))
    load.from_poll = "element" not in seen and "frame" in seen
    load.markers_ms = seen.get("markers")
    load.tap_ms = seen.get("tap")
    return load


def markers_after_tap(load: Load) -> float | None:
    """Return how long after the tap on "Show map" the map had markers (0: it had them)."""
    if load.markers_ms is None or load.tap_ms is None:
        return None
    return max(0.0, load.markers_ms - load.tap_ms)


def measure(
    n: int, runs: int, rng: np.random.Generator, rtt: float = RTT_MS
) -> dict[str, dict[str, list[Load]]]:
    """Return the loads of each kind, throttled and not, for n premises."""
    kinds = ("phone /", "phone /?q=M1", "wide /?q=M1")
    loads: dict[str, dict[str, list[Load]]] = {
        kind: {"throttled": [], "baseline": []} for kind in kinds
    }
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
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            for _ in range(runs):
                for condition in ("throttled", "baseline"):
                    throttled = condition == "throttled"
                    loads["phone /"][condition].append(
                        visit(browser, base + "/", PHONE, throttled, rtt=rtt)
                    )
                    loads["phone /?q=M1"][condition].append(
                        visit(browser, base + SEARCH, PHONE, throttled, open_map=True, rtt=rtt)
                    )
                    loads["wide /?q=M1"][condition].append(
                        visit(browser, base + SEARCH, WIDE, throttled, markers=True, rtt=rtt)
                    )
            browser.close()
        server.shutdown()
    return loads


def median(values) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def ms(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f} ms"


def kib(value: float) -> str:
    return f"{value / 1024:,.1f} KiB"


def report(kind: str, throttled: list[Load], baseline: list[Load]) -> str:
    """Say one kind of load's medians in a line."""
    parts = [
        f"{kib(median(x.bytes for x in throttled))} in "
        f"{median(len(x.sizes) for x in throttled):.0f} requests "
        f"(Leaflet {kib(median(x.vendor_bytes for x in throttled))})"
    ]
    if any(x.first_result_ms is not None for x in throttled):
        poll = "*" if any(x.from_poll for x in throttled + baseline) else ""
        parts.append(
            f"first result {ms(median(x.first_result_ms for x in throttled))}{poll} "
            f"(unthrottled {ms(median(x.first_result_ms for x in baseline))})"
        )
    if any(x.map_sizes for x in throttled):
        parts.append(
            f"Show map: +{kib(median(sum(x.map_sizes.values()) for x in throttled))} in "
            f"{median(len(x.map_sizes) for x in throttled):.0f} requests"
        )
    if any(x.tap_ms is not None for x in throttled):
        parts.append(
            f"markers {ms(median(markers_after_tap(x) for x in throttled))} after the tap "
            f"(unthrottled {ms(median(markers_after_tap(x) for x in baseline))}), "
            f"{ms(median(x.markers_ms for x in throttled))} after navigation"
        )
    elif any(x.markers_ms is not None for x in throttled):
        parts.append(
            f"markers {ms(median(x.markers_ms for x in throttled))} after navigation "
            f"(unthrottled {ms(median(x.markers_ms for x in baseline))})"
        )
    return f"  {kind:<13} " + "; ".join(parts)


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,100000")
    parser.add_argument("--runs", type=int, default=5)
    # 562.5 is what Lighthouse itself asks DevTools for (150 ms × 3.75), as DevTools adds the
    # latency once per request and not per connection set up.
    parser.add_argument("--rtt", type=float, default=RTT_MS, help="round trip in ms")
    args = parser.parse_args()
    rng = np.random.default_rng(20261129)
    print(
        f"throttled: {args.rtt:g} ms RTT, {DOWN_KBPS:,} kbit/s down, {UP_KBPS} kbit/s up, "
        f"CPU {CPU_SLOWDOWN}× slower; medians of {args.runs} runs"
    )
    results = {}
    for n in (int(s) for s in args.sizes.split(",") if s):
        results[n] = measure(n, args.runs, rng, args.rtt)
        print(f"{n:>9,} premises:")
        for kind, loads in results[n].items():
            print(report(kind, loads["throttled"], loads["baseline"]))
    if len(results) >= 2:
        small, large = min(results), max(results)
        for kind in results[small]:
            a, b = results[small][kind]["throttled"], results[large][kind]["throttled"]
            times = [
                (median(x.first_result_ms for x in a), median(x.first_result_ms for x in b)),
                (median(x.markers_ms for x in a), median(x.markers_ms for x in b)),
            ]  # markers: since navigation, the tap included on the phone
            said = [f"bytes {median(x.bytes for x in b) / median(x.bytes for x in a):.2f}×"]
            for name, (t_small, t_large) in zip(("first result", "markers"), times, strict=True):
                if t_small and t_large:
                    said.append(f"{name} {t_large / t_small:.2f}×")
            print(f"ratio {large:,} / {small:,}, {kind}: " + ", ".join(said))


if __name__ == "__main__":
    main()
