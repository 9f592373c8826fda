"""Benchmark searches while slow clients download the open-data export.

Prints figures; asserts nothing. Needs gunicorn (pip install -e '.[serve]') and wrk. Run:

    .venv/bin/python bench/bench_slow_clients.py [--premises 100000] [--seconds 10]

With a temporary SQLite database of synthetic premises, for two ways of running gunicorn:

- 2 sync workers (what the first audit measured: a slow download holds a whole worker);
- the shipped configuration, locator/gunicorn_config.py (2 workers of 8 threads);

it measures searches with wrk (8 connections, as in bench_load.py: open now, phone charging,
nearest 5) on their own, then again while two clients download /api/v1/export.geojson at
50 kB/s each (a phone on a poor connection), and prints requests/s, p99 and errors of each.
The export file is built before measuring (its first request after a change builds it).
"""

from __future__ import annotations

import argparse
import socket
import tempfile
import threading
import time
import urllib.request

import numpy as np
from bench_load import SEARCH, SYNC_WORKERS, gunicorn, sqlite_database, wrk

SHIPPED = ("--config=python:locator.gunicorn_config", "--access-logfile=/dev/null")
RATE = 50_000  # bytes per second each slow client reads
EXPORT = "/api/v1/export.geojson"


def slow_download(base: str, stop: threading.Event, read: list[int]) -> None:
    """Read the export at RATE bytes/s until told to stop."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=120) as connection:
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 16_384)
        request = f"GET {EXPORT} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n"
        connection.sendall(request.encode())
        while not stop.is_set():
            chunk = connection.recv(RATE // 10)
            if not chunk:
                return
            read[0] += len(chunk)
            time.sleep(0.1)


def measure(base: str, seconds: int) -> tuple[dict, dict, int]:
    """Return wrk figures alone, then beside two slow downloads, and the bytes they read."""
    alone = wrk(base + SEARCH, 8, seconds)
    stop, read = threading.Event(), [0]
    readers = [
        threading.Thread(target=slow_download, args=(base, stop, read), daemon=True)
        for _ in range(2)
    ]
    for reader in readers:
        reader.start()
    time.sleep(2)  # both downloads under way, their workers or threads held
    beside = wrk(base + SEARCH, 8, seconds)
    stop.set()
    return alone, beside, read[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--premises", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    rng = np.random.default_rng(20261201)
    with sqlite_database(args.premises, rng) as url:
        for name, options in (("2 sync workers", SYNC_WORKERS), ("shipped gthread", SHIPPED)):
            with tempfile.TemporaryDirectory() as folder, gunicorn(url, folder, options) as base:
                with urllib.request.urlopen(base + EXPORT, timeout=300) as built:  # noqa: S310
                    size = len(built.read())
                for path in (SEARCH, SEARCH):
                    wrk(base + path, 4, 3)  # warm every worker's index
                alone, beside, read = measure(base, args.seconds)
            print(f"\n== {name}, {args.premises:,} premises, export {size / 2**20:.1f} MiB")
            for label, run in (("searches alone", alone), ("beside 2 slow downloads", beside)):
                print(
                    f"{label:24} {run['rps']:8,.0f} req/s  p99 {run['p99']:8.1f} ms  "
                    f"errors {run['errors']}"
                )
            print(
                f"searches kept: {beside['rps'] / alone['rps']:.0%}; slow clients read {read:,} B"
            )


if __name__ == "__main__":
    main()
