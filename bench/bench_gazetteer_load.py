"""Benchmark `flask gazetteer load` on a generated OS Open Names file: rows/s and peak memory.

Prints figures; asserts nothing. Run:

    .venv/bin/python bench/bench_gazetteer_load.py [--rows 200000] [--database-url URL]

The file has the real product's 34 columns and mix: about six rows in ten are Postcode rows
(left out), a third Named Roads, the rest populated places and landmarks, in 10 km squares
across Great Britain. It is loaded twice into a new SQLite database (or the URL given), the
second time replacing the first, as an operator's monthly reload would. Peak memory is the
process's resident set (ru_maxrss) before and after, so a load that kept its rows would show.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import resource
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from locator.adapters.db.store import Store
from locator.geo import loading
from locator.geo.gazetteer import default_gazetteer
from locator.geo.layered import LayeredGazetteer

ROW_KINDS = [
    ("other", "Postcode", 0.60),
    ("transportNetwork", "Named Road", 0.33),
    ("populatedPlace", "Suburban Area", 0.02),
    ("populatedPlace", "Hamlet", 0.02),
    ("other", "Hospital", 0.01),
    ("hydrography", "River", 0.01),
    ("landform", "Hill Or Mountain", 0.01),
]
STREET_WORDS = ("Road", "Street", "Lane", "Avenue", "Close", "Way", "Drive", "Gardens")
NAME_WORDS = (
    "Albert Birch Castle Church Elm Fox Granby Hawthorn Kings Lime Mill Oak Park Queens Rose "
    "Station Victoria Willow York Abbey Beech Cedar Dale"
).split()


def open_names_row(rng: random.Random, index: int) -> list[str]:
    """Return one 34-column row with a name and a position in Great Britain."""
    kinds, weights = zip(*((k[:2], k[2]) for k in ROW_KINDS), strict=True)
    type_, local = rng.choices(kinds, weights)[0]
    x, y = rng.uniform(200_000, 650_000), rng.uniform(50_000, 950_000)
    if local == "Postcode":
        name = f"{rng.choice('BMLSN')}{rng.randint(1, 40)} {rng.randint(1, 9)}AB"
    elif local == "Named Road":
        name = f"{rng.choice(NAME_WORDS)} {rng.choice(STREET_WORDS)}"
    else:
        name = f"{rng.choice(NAME_WORDS)}{rng.choice(('ton', 'ley', 'bury', 'field'))}"
    row = [""] * 34
    row[0], row[2], row[6], row[7] = f"osgb{4_000_000_000_000_000 + index}", name, type_, local
    row[8], row[9] = f"{x:.0f}", f"{y:.0f}"
    row[16], row[18], row[21] = "XX1", "Sometown", "Somedistrict"
    row[27], row[29] = "Somewhere", "England"
    return row


def write_file(folder: Path, rows: int, seed: int = 7) -> Path:
    """Write a zip like opname_csv_gb.zip: Data/<square>.csv files of about 5,000 rows."""
    rng = random.Random(seed)
    path = folder / "opname_csv_gb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for start in range(0, rows, 5000):
            with archive.open(f"Data/SQ{start // 5000:04d}.csv", "w") as raw:
                text = (line for line in _csv_lines(rng, start, min(rows, start + 5000)))
                raw.write("".join(text).encode())
    return path


def _csv_lines(rng: random.Random, start: int, end: int):
    class Line:
        def write(self, text: str) -> str:
            return text

    writer = csv.writer(Line(), lineterminator="\r\n")
    for index in range(start, end):
        yield writer.writerow(open_names_row(rng, index))


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def print_request_costs(store: Store) -> None:
    """Print what a search box query costs through the layered gazetteer, loaded or not."""
    shipped = default_gazetteer()
    # Names the shipped gazetteer knows and a postcode: no fuzzy search to drown the difference.
    queries = ("Ancoats", "M4 3AQ", "Manchester Piccadilly", "Leeds", "Deansgate")
    empty = Store(f"sqlite:///{Path(tempfile.mkdtemp()) / 'empty.sqlite3'}")
    empty.migrate()
    for name, gazetteer in (
        ("shipped gazetteer alone", shipped),
        ("layered, nothing loaded", LayeredGazetteer(shipped, empty.places)),
        ("layered, places loaded", LayeredGazetteer(shipped, store.places)),
    ):
        for query in queries:
            gazetteer.find(query)  # warm
        best = math.inf
        for _ in range(5):  # the best of five passes: the least disturbed
            started = time.perf_counter()
            for _ in range(200):
                for query in queries:
                    gazetteer.find(query)
            best = min(best, time.perf_counter() - started)
        each_us = best / (200 * len(queries)) * 1e6
        print(f"find() through the {name}: {each_us:,.0f} µs a query")
    empty.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--database-url", help="default: a new SQLite file in a temporary folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        path = write_file(Path(folder), args.rows)
        print(
            f"Generated {args.rows:,} Open Names rows ({path.stat().st_size / 2**20:.1f} MiB zip)"
            f" in {time.perf_counter() - started:.1f} s"
        )
        store = Store(args.database_url or f"sqlite:///{folder}/bench.sqlite3")
        store.migrate()
        print(f"Database: {store.backend}; peak RSS before loading: {peak_rss_mib():.0f} MiB")
        for attempt in ("first load", "reload (replaces)"):
            started = time.perf_counter()
            with loading.PlaceFile(path) as places:
                report = loading.LoadReport(places.format)
                written = store.places.replace(
                    "bench-open-names", places.format, path.name, places.batches(report)
                )
            seconds = time.perf_counter() - started
            print(
                f"{attempt}: {report.rows_read:,} rows read, {written:,} places written, "
                f"{sum(report.skipped.values()):,} left out in {seconds:.1f} s = "
                f"{report.rows_read / seconds:,.0f} rows/s; peak RSS {peak_rss_mib():.0f} MiB"
            )
        started = time.perf_counter()
        for _ in range(1000):
            store.places.named({"oak road"})
        print(f"Looking up a name loaded many times: {(time.perf_counter() - started):.2f} ms each")
        print_request_costs(store)
        if args.database_url:
            store.places.clear("bench-open-names")
        store.dispose()
    sys.stdout.flush()


if __name__ == "__main__":
    main()
