"""Benchmark the gazetteer: load time, memory, and finding a place in a chat message.

Prints figures; asserts nothing. Run: .venv/bin/python bench/bench_gazetteer.py [--runs 300]

Loads the shipped gazetteer several times (each load is what a worker process pays once at
start), measures the memory one load keeps, then times find_in_text on 200-character messages,
with and without a place in them, and find on search box queries with and without typos,
streets among them.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
import tracemalloc

from bench_core import median_ms

from locator.config import DATA_DIR
from locator.geo.gazetteer import Gazetteer
from locator.geo.postcodes import FILE_NAME as POSTCODES_FILE
from locator.geo.postcodes import Postcodes

# Four chat messages of 200 characters: two name a place (one misspelt), two name none.
MESSAGES = [
    "hi, I've lost my friends somewhere near Deansgate and my phone is at 3%, it's getting dark"
    " and I don't know anyone here, where can I go that is open and has a charger please? thank"
    " you so much, lovely",
    "my phone is dead and I need to charge it, I am scared and someone has been following me"
    " since I left the pub, is there anywhere open where I can wait for a taxi to come? please"
    " help me right now xxxxx",
    "I need the toilet really badly and I can't find anywhere open, I'm by the big shopping"
    " centre with the fountain outside, which places near me are open now and have a toilet I"
    " can use please, thanks!!!",
    "im at picadilly gardens waiting for the tram, my phone is on 2% and some men keep shouting"
    " at me, is there a shop nearby that's open late where I can sit inside and charge it for a"
    " bit pls, thank you!",
]
QUERIES = [
    "Piccadilly Gardens",
    "picadilly gardens",
    "Manchster",
    "Shudehill",
    "LS1 4AP",
    "M4 3",
    "sauchiehall st",
    "broad st birmingham",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--loads", type=int, default=7)
    args = parser.parse_args()

    loads = []
    for _ in range(args.loads):
        gc.collect()
        start = time.perf_counter()
        gazetteer = Gazetteer.load()
        loads.append(time.perf_counter() - start)
    del gazetteer
    gc.collect()
    tracemalloc.start()
    gazetteer = Gazetteer.load()
    kept, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"Gazetteer.load(): median {median_ms(loads):.0f} ms (min {min(loads) * 1000:.0f}, "
        f"max {max(loads) * 1000:.0f}; {args.loads} loads); keeps {kept / 2**20:.1f} MiB "
        f"(peak {peak / 2**20:.1f} MiB, tracemalloc)"
    )

    # Full postcodes are read on the first postcode asked for, not at start: time that first
    # read (in a fresh Postcodes each time) and the memory it keeps.
    folder = DATA_DIR / "gazetteer" / POSTCODES_FILE
    first = []
    for _ in range(args.loads):
        gc.collect()
        postcodes = Postcodes(folder)
        start = time.perf_counter()
        postcodes.position("M4", "3AQ")
        first.append(time.perf_counter() - start)
    gc.collect()
    tracemalloc.start()
    postcodes = Postcodes(folder)
    count = len(postcodes)
    kept, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    samples = []
    for _ in range(args.runs):
        start = time.perf_counter()
        postcodes.position("NR1", "3DD")
        samples.append(time.perf_counter() - start)
    print(
        f"Full postcodes ({count:,}): first lookup reads them, median {median_ms(first):.0f} ms; "
        f"keeps {kept / 2**20:.1f} MiB (peak {peak / 2**20:.1f} MiB); then "
        f"{median_ms(samples) * 1000:.1f} µs a lookup"
    )

    everything = []
    for message in MESSAGES:
        samples = []
        for _ in range(args.runs):
            start = time.perf_counter()
            found = gazetteer.find_in_text(message)
            samples.append(time.perf_counter() - start)
        everything += samples
        label = found.label if found else None
        print(f"find_in_text, {len(message)} chars: median {median_ms(samples):.3f} ms → {label}")
    p95 = statistics.quantiles(everything, n=20)[-1] * 1000
    print(f"find_in_text, all: median {median_ms(everything):.3f} ms, p95 {p95:.3f} ms")

    for query in QUERIES:
        samples = []
        for _ in range(max(1, args.runs // 10)):
            start = time.perf_counter()
            found = gazetteer.find(query)
            samples.append(time.perf_counter() - start)
        label = found.label if found else None
        print(f"find({query!r}): median {median_ms(samples):.2f} ms → {label}")


if __name__ == "__main__":
    main()
