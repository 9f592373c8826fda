"""Benchmark the open-data exports: time and peak memory of the streamed GeoJSON and HSDS files.

Prints figures; asserts nothing. Run: .venv/bin/python bench/bench_export.py [--sizes 10000,100000]

For each size it fills a temporary SQLite database with synthetic public GB premises (the same
generator as bench_core), then fetches /api/v1/export.geojson and /api/v1/export.hsds.json
through the app's test client, reading the streamed body chunk by chunk and keeping only its
length:
  - the time of a first (cold: hours conversions not yet cached) and a warm export
    (best of two);
  - the peak Python memory of a warm export (tracemalloc, in a separate run because tracing
    slows everything down) and the growth of the process's peak RSS during it.
If the export streams, peak memory stays about the same however many premises there are.
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
from bench_core import store_rows, synthetic_premises

from locator import create_app

EXPORTS = (("GeoJSON", "/api/v1/export.geojson"), ("HSDS", "/api/v1/export.hsds.json"))


def fill(app, n: int, rng: np.random.Generator) -> None:
    """Store n synthetic published premises, each in its district and nation."""
    locator = app.extensions["locator"]
    data = synthetic_premises(n, rng)
    rows = store_rows(data, locator.areas)
    locator.store.premises.write_rows(rows, publish=True)
    # One 100,000-row transaction leaves a large WAL; a live site checkpoints as it goes, so
    # measure reads from the main database file as it would.
    with locator.store.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def peak_rss_mib() -> float:
    """Return the process's peak resident memory (VmHWM) in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def reset_peak_rss() -> bool:
    """Reset VmHWM to the current RSS (Linux 4.0+); return False when not allowed."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def download(client, path: str) -> int:
    """Fetch one export, reading the streamed body chunk by chunk; return its size in bytes."""
    response = client.get(path)
    size = 0
    for chunk in response.iter_encoded():
        size += len(chunk)
    response.close()
    return size


def measure(n: int, rng: np.random.Generator) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            {"DATABASE_URL": f"sqlite:///{folder}/export.sqlite3", "RATELIMIT_ENABLED": False}
        )
        app.extensions["locator"].store.migrate()
        fill(app, n, rng)
        client = app.test_client()
        results = {}
        for label, path in EXPORTS:
            start = time.perf_counter()
            size = download(client, path)
            cold = time.perf_counter() - start
            warm = float("inf")
            for _ in range(2):
                start = time.perf_counter()
                download(client, path)
                warm = min(warm, time.perf_counter() - start)

            gc.collect()
            reset = reset_peak_rss()
            rss_before = peak_rss_mib()
            download(client, path)
            rss_growth = peak_rss_mib() - rss_before if reset else float("nan")

            gc.collect()
            tracemalloc.start()
            download(client, path)
            _, traced_peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            results[label] = {
                "bytes": size,
                "cold_s": cold,
                "warm_s": warm,
                "traced_peak_mib": traced_peak / 2**20,
                "rss_growth_mib": rss_growth,
            }
        app.extensions["locator"].store.dispose()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    args = parser.parse_args()
    rng = np.random.default_rng(20261129)
    results = {}
    for n in (int(s) for s in args.sizes.split(",") if s):
        results[n] = measure(n, rng)
        for label, r in results[n].items():
            print(
                f"{n:>9,} premises {label:<7}: {r['bytes'] / 2**20:7.1f} MiB body; "
                f"cold {r['cold_s']:6.2f} s, warm {r['warm_s']:6.2f} s "
                f"({n / r['warm_s']:,.0f} premises/s); peak traced memory "
                f"{r['traced_peak_mib']:.2f} MiB; peak RSS growth {r['rss_growth_mib']:.1f} MiB"
            )
    if len(results) >= 2:
        small, large = min(results), max(results)
        for label, _ in EXPORTS:
            a, b = results[small][label], results[large][label]
            print(
                f"{label}: {large // small}x the premises -> peak traced memory "
                f"x{b['traced_peak_mib'] / a['traced_peak_mib']:.2f}, body "
                f"x{b['bytes'] / a['bytes']:.1f}, warm time x{b['warm_s'] / a['warm_s']:.1f}"
            )


if __name__ == "__main__":
    main()
