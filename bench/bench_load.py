"""Benchmark the search endpoint under load: gunicorn, 2 sync workers, wrk, SQLite and PostgreSQL.

Prints figures; asserts nothing. Needs gunicorn (pip install -e '.[serve]') and wrk (Debian:
apt-get install wrk). Run:

    .venv/bin/python bench/bench_load.py                      # 1k and 100k premises, SQLite
    .venv/bin/python bench/bench_load.py --postgres postgresql+psycopg://postgres@127.0.0.1/test

For each backend and size it fills a throwaway database (a temporary SQLite file, or a schema of
its own in PostgreSQL, dropped afterwards) with synthetic GB premises, starts gunicorn with 2
sync workers on bench/load_app.py, and then, in alternating rounds, drives with wrk:

- the ceiling: GET /bench/static.json, about 2 KB of fixed JSON through the same Flask stack
  (limits off, compression, security headers);
- the search: GET /api/v1/spaces?lat&lon&radius_km=50&open_now=true&facilities=phone_charging
  &limit=5 around central Manchester (now, so what is open is what is open as it runs).

Each round is wrk with 32 connections for throughput and p99, then 2 connections for p99 when
the server is not queueing. Figures are medians of the rounds; errors are non-2xx responses
and socket errors, summed. No Accept-Encoding is sent (as wrk does by default), so neither
route is compressed.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import numpy as np
from bench_core import store_rows, synthetic_premises

from locator.adapters.db.store import Store
from locator.geo.areas import default_areas

BENCH = Path(__file__).resolve().parent
CEILING = "/bench/static.json"
SEARCH = (
    "/api/v1/spaces?lat=53.4808&lon=-2.2426&radius_km=50&open_now=true"
    "&facilities=phone_charging&limit=5"
)


@contextlib.contextmanager
def sqlite_database(n: int, rng: np.random.Generator):
    """Yield the URL of a temporary SQLite database holding n published premises."""
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/load.sqlite3"
        fill(url, n, rng)
        yield url


@contextlib.contextmanager
def postgres_database(base_url: str, n: int, rng: np.random.Generator):
    """Yield the URL of a throwaway PostgreSQL schema holding n published premises."""
    import sqlalchemy as sa

    schema = f"bench_load_{os.getpid()}_{secrets.token_hex(4)}"
    engine = sa.create_engine(base_url)
    with engine.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    url = sa.make_url(base_url).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        url_text = url.render_as_string(hide_password=False)
        fill(url_text, n, rng)
        yield url_text
    finally:
        with engine.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


def fill(url: str, n: int, rng: np.random.Generator) -> None:
    """Migrate a database and store n synthetic published premises with their districts."""
    store = Store(url)
    store.migrate()
    store.premises.write_rows(store_rows(synthetic_premises(n, rng), default_areas()), publish=True)
    store.dispose()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


SYNC_WORKERS = ("--workers=2", "--worker-class=sync")


@contextlib.contextmanager
def gunicorn(database_url: str, folder: str, options: tuple[str, ...] = SYNC_WORKERS):
    """Run gunicorn (2 sync workers unless told) on the bench app; yield its base URL once up."""
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "RATELIMIT_ENABLED": "false",
        "INSTANCE_PATH": folder,
        "SECRET_KEY": "bench",
        "PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
        "BIND": f"127.0.0.1:{port}",
    }
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        *options,
        f"--bind=127.0.0.1:{port}",
        f"--chdir={BENCH}",
        "--log-level=warning",
        "load_app:app",
    ]
    server = subprocess.Popen(command, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(base + CEILING, timeout=5):  # noqa: S310 (http only)
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    sys.exit("gunicorn did not start")
                time.sleep(0.2)
        yield base
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def wrk(url: str, connections: int, seconds: float) -> dict:
    """Run wrk once; return requests/s, p99 in ms and the number of errors."""
    done = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{connections}",
            f"-d{round(seconds)}s",
            "--latency",
            "--timeout=10s",
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    text = done.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p99 = _ms(re.search(r"99%\s+([\d.]+)(us|ms|s)\b", text).groups())
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", text))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", text))
    return {"rps": rps, "p99": p99, "errors": errors}


def _ms(value_unit: tuple[str, str]) -> float:
    value, unit = value_unit
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def measure(base: str, rounds: int, seconds: float) -> dict:
    """Warm both workers, then alternate ceiling and search rounds at 32 and 2 connections."""
    # Each worker builds its index on its first search: warm both before measuring.
    for path in (CEILING, SEARCH):
        wrk(base + path, 4, 3)
    runs = {(path, c): [] for path in (CEILING, SEARCH) for c in (32, 2)}
    for _ in range(rounds):
        for connections in (32, 2):
            for path in (CEILING, SEARCH):
                runs[(path, connections)].append(wrk(base + path, connections, seconds))
    return runs


def summary(runs: list[dict]) -> tuple[float, float, int]:
    return (
        statistics.median(r["rps"] for r in runs),
        statistics.median(r["p99"] for r in runs),
        sum(r["errors"] for r in runs),
    )


def report(backend: str, n: int, runs: dict) -> float:
    """Print one backend and size; return the search's median requests/s at 32 connections."""
    ceiling_rps, ceiling_p99, ceiling_errors = summary(runs[(CEILING, 32)])
    search_rps, search_p99, search_errors = summary(runs[(SEARCH, 32)])
    _, ceiling_p99_2, _ = summary(runs[(CEILING, 2)])
    _, search_p99_2, search_errors_2 = summary(runs[(SEARCH, 2)])
    rounds = len(runs[(SEARCH, 32)])
    print(f"\n== {backend}, {n:,} premises: median of {rounds} rounds")
    lines = (("static 2 KB JSON", ceiling_rps, ceiling_p99), ("search", search_rps, search_p99))
    for name, rps, p99 in lines:
        print(f"{name + ':':24} {rps:8,.0f} req/s, p99 {p99:6.1f} ms at 32 connections")
    print(f"search / static:         {search_rps / ceiling_rps:8.1%}")
    print(
        f"p99 at 2 connections:    search {search_p99_2:.2f} ms, static {ceiling_p99_2:.2f} ms "
        f"= {search_p99_2 / ceiling_p99_2:.2f}×"
    )
    errors = search_errors + search_errors_2
    print(f"errors:                  search {errors}, static {ceiling_errors}")
    rates = ", ".join(f"{r['rps']:,.0f}" for r in runs[(SEARCH, 32)])
    print(f"(search rounds, req/s: {rates})")
    return search_rps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,100000")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument("--postgres", metavar="URL", help="also measure a throwaway schema here")
    parser.add_argument("--no-sqlite", action="store_true", help="measure PostgreSQL only")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed: apt-get install wrk")
    sizes = [int(size) for size in args.sizes.split(",")]
    backends = [] if args.no_sqlite else [("SQLite", sqlite_database)]
    if args.postgres:
        backends.append(("PostgreSQL", lambda n, rng: postgres_database(args.postgres, n, rng)))
    for backend, database in backends:
        rates = {}
        for n in sizes:
            rng = np.random.default_rng(args.seed)
            with (
                database(n, rng) as url,
                tempfile.TemporaryDirectory() as folder,
                gunicorn(url, folder) as base,
            ):
                rates[n] = report(backend, n, measure(base, args.rounds, args.seconds))
        if len(sizes) > 1:
            smallest, largest = min(sizes), max(sizes)
            print(
                f"\n{backend}: search at {smallest:,} / at {largest:,} premises: "
                f"{rates[smallest] / rates[largest]:.2f}×"
            )


if __name__ == "__main__":
    main()
