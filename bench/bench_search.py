"""Benchmark what "open on arrival" costs a search, against baselines in the same run.

Prints figures; asserts nothing. Run: .venv/bin/python bench/bench_search.py [--runs 300]

Loads the demo premises (real Greater Manchester pharmacies and Norwich shops) into a
temporary SQLite database and times, through the app's test client, interleaved:

- open now with arrival order (the code as it runs: over-fetch, then open-on-arrival first);
- open now without the over-fetch (fetch factor 1, no spare): what the order costs alone;
- open or closed (no open-now filter, no over-fetch): the plain search;
- the search page on a bank holiday, which also looks for unconfirmed places.
"""

from __future__ import annotations

import argparse
import time

from bench_core import demo_app, median_ms

from locator.search import service as services

TEATIME = "2026-12-02T17:50"  # a Wednesday: many pharmacies close around 18:00
OPEN_NOW = {"q": "M1", "open_now": "true", "limit": 20, "at": TEATIME}
ANY_STATE = {**OPEN_NOW, "open_now": "false"}
CHRISTMAS_PAGE = "/?q=M1&at=2026-12-25T12:00"
TEATIME_PAGE = f"/?q=M1&at={TEATIME}"


def timed(call) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()
    samples: dict[str, list[float]] = {
        "open now, arrival order (as shipped)": [],
        "open now, no over-fetch": [],
        "open or closed": [],
        "page at 17:50": [],
        "page on Christmas Day": [],
    }
    with demo_app("search") as (app, _service):
        client = app.test_client()

        def api(params):
            assert client.get("/api/v1/spaces", query_string=params).status_code == 200

        def page(path):
            assert client.get(path).status_code == 200

        def without_over_fetch():
            factor, spare = services.ARRIVAL_FETCH_FACTOR, services.ARRIVAL_SPARE
            services.ARRIVAL_FETCH_FACTOR, services.ARRIVAL_SPARE = 1, 0
            try:
                api(OPEN_NOW)
            finally:
                services.ARRIVAL_FETCH_FACTOR, services.ARRIVAL_SPARE = factor, spare

        calls = {
            "open now, arrival order (as shipped)": lambda: api(OPEN_NOW),
            "open now, no over-fetch": without_over_fetch,
            "open or closed": lambda: api(ANY_STATE),
            "page at 17:50": lambda: page(TEATIME_PAGE),
            "page on Christmas Day": lambda: page(CHRISTMAS_PAGE),
        }
        for call in calls.values():
            call()  # build the index and the open/closed windows once
        for _ in range(args.runs):
            for name, call in calls.items():  # interleaved: each sees the same machine state
                samples[name].append(timed(call))
        found = client.get("/api/v1/spaces", query_string=OPEN_NOW).get_json()["features"]
    baseline = median_ms(samples["open or closed"])
    print(f"{args.runs} runs each, demo premises, q=M1, limit 20, {TEATIME}")
    for name, values in samples.items():
        ratio = median_ms(values) / baseline
        print(f"  {name:<40} median {median_ms(values):6.2f} ms  ({ratio:.2f}× open or closed)")
    late = sum(not f["properties"]["open_on_arrival"] for f in found)
    print(f"  of the 20 open-now results, {late} close before you could walk there (listed last)")


if __name__ == "__main__":
    main()
