"""Time the search route in-process against the static JSON route, in the same run.

Prints figures; asserts nothing. Run: .venv/bin/python bench/bench_route.py [--profile]

The app is bench/load_app.py's (what bench_load.py serves in gunicorn) on a throwaway SQLite
file with synthetic premises, called as WSGI without a server: what is left is the cost of our
own code and Flask's, which gunicorn's per-request work adds to equally for both routes. Rounds
alternate the two routes; each route's figure is the median over rounds of its mean per call.
With --profile, the search calls of one more round run under cProfile.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import tempfile
import time

import numpy as np
from bench_load import CEILING, SEARCH, fill
from werkzeug.test import EnvironBuilder

BASE_URL = "http://127.0.0.1:8000"


def caller(app, path: str):
    """Return a function that makes one request to `path` and reads its whole body."""
    environ = EnvironBuilder(path=path, base_url=BASE_URL).get_environ()
    statuses = []

    def start_response(status, *_headers_and_error):
        statuses.append(status)

    def call() -> None:
        body = app(dict(environ), start_response)
        try:
            b"".join(body)
        finally:
            if hasattr(body, "close"):
                body.close()
        status = statuses.pop()
        if not status.startswith("200"):
            raise SystemExit(f"{path} answered {status}")

    return call


def per_call(call, calls: int) -> float:
    """Return the mean processor seconds per call over `calls` calls."""
    # Processor time, not wall time: other sessions' work on this machine delays a round
    # without making it cost more.
    start = time.process_time()
    for _ in range(calls):
        call()
    return (time.process_time() - start) / calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--premises", type=int, default=100_000)
    parser.add_argument("--calls", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument("--profile", action="store_true", help="profile one round of searches")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/route.sqlite3"
        fill(url, args.premises, np.random.default_rng(args.seed))
        # The settings bench_load.py gives gunicorn; load_app builds its app from them.
        os.environ.update(
            {
                "DATABASE_URL": url,
                "RATELIMIT_ENABLED": "false",
                "INSTANCE_PATH": folder,
                "SECRET_KEY": "bench",
                "PUBLIC_BASE_URL": BASE_URL,
            }
        )
        from load_app import app

        routes = {"static": caller(app, CEILING), "search": caller(app, SEARCH)}
        for call in routes.values():
            per_call(call, 500)  # builds the index, the filter's tree, the window's statuses
        samples: dict[str, list[float]] = {name: [] for name in routes}
        for _ in range(args.rounds):
            for name, call in routes.items():
                samples[name].append(per_call(call, args.calls))
        static, search = (statistics.median(samples[name]) for name in ("static", "search"))
        print(f"{args.premises:,} premises, {args.calls:,} calls a round, median of {args.rounds}")
        for name, seconds in (("static", static), ("search", search)):
            rounds = ", ".join(f"{s * 1000:.3f}" for s in samples[name])
            print(f"{name:7} {seconds * 1000:.3f} ms a call (rounds: {rounds})")
        print(f"search / static (calls per second): {static / search:.0%}")
        print(f"search beyond static: {(search - static) * 1000:.3f} ms a call")
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(per_call, routes["search"], args.calls)
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(45)
            print(out.getvalue())


if __name__ == "__main__":
    main()
