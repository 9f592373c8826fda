"""Benchmark the import command end to end: `flask --app locator import` as a user runs it.

Prints figures; asserts nothing. Run: .venv/bin/python bench/bench_import.py [--rows 100000]

Writes a seeded CSV of synthetic GB premises in the import format once, then times, as
wall-clock of a fresh process (start-up included), median of --runs, each run on a fresh
temporary SQLite database and instance folder:

- start: `flask --app locator import --help` (the process start and app creation alone);
- first: `flask --app locator import FILE` into the empty database;
- again: the same file again (every row unchanged).

With --postgres URL, the first import and the same file again also run in a throwaway schema
of that PostgreSQL database (dropped afterwards).
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from bench_core import synthetic_premises, write_estate_csv

ROOT = Path(__file__).resolve().parent.parent
FLASK = [sys.executable, "-m", "flask", "--app", "locator"]


def write_csv(path: Path, rows: int, seed: int) -> None:
    """Write `rows` synthetic premises in the import format (one organisation)."""
    write_estate_csv(path, synthetic_premises(rows, np.random.default_rng(seed)))


def timed(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Run a command; return its wall-clock seconds and its output (fail loudly on error)."""
    start = time.perf_counter()
    done = subprocess.run(args, check=False, env=env, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(args[2:])} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return elapsed, done.stdout


def summary_line(output: str) -> str:
    return next((line for line in output.splitlines() if line.startswith("Imported:")), "?")


def run_imports(csv_path: Path, url_for_run, runs: int) -> tuple[list, list, list, str, str]:
    """Time start-up, first import and import again, each run on a fresh database."""
    starts, firsts, agains = [], [], []
    first_out = again_out = ""
    for run in range(runs):
        with tempfile.TemporaryDirectory() as folder, url_for_run(folder, run) as url:
            env = {**os.environ, "DATABASE_URL": url, "INSTANCE_PATH": f"{folder}/instance"}
            starts.append(timed([*FLASK, "import", "--help"], env)[0])
            seconds, first_out = timed([*FLASK, "import", str(csv_path)], env)
            firsts.append(seconds)
            seconds, again_out = timed([*FLASK, "import", str(csv_path)], env)
            agains.append(seconds)
    return starts, firsts, agains, summary_line(first_out), summary_line(again_out)


class _SqliteUrl:
    def __init__(self, folder: str, _run: int):
        self.url = f"sqlite:///{folder}/bench.sqlite3"

    def __enter__(self) -> str:
        return self.url

    def __exit__(self, *_exc) -> None:
        return None


def _postgres_url_factory(base_url: str):
    import sqlalchemy as sa

    class _PostgresUrl:
        def __init__(self, _folder: str, _run: int):
            self.schema = f"bench_import_{os.getpid()}_{secrets.token_hex(4)}"
            self.engine = sa.create_engine(base_url)

        def __enter__(self) -> str:
            with self.engine.begin() as connection:
                connection.execute(sa.text(f'CREATE SCHEMA "{self.schema}"'))
            url = sa.make_url(base_url).update_query_dict(
                {"options": f"-csearch_path={self.schema}"}
            )
            return url.render_as_string(hide_password=False)

        def __exit__(self, *_exc) -> None:
            with self.engine.begin() as connection:
                connection.execute(sa.text(f'DROP SCHEMA "{self.schema}" CASCADE'))
            self.engine.dispose()

    return _PostgresUrl


def report(backend: str, rows: int, results) -> None:
    starts, firsts, agains, first_line, again_line = results
    start, first, again = (statistics.median(s) for s in (starts, firsts, agains))
    print(f"\n== {backend}: {rows:,}-row CSV, median of {len(firsts)} fresh databases")
    print(f"start (import --help): {start:.2f} s")
    print(f"first import:          {first:.2f} s = {rows / first:,.0f} rows/s   [{first_line}]")
    print(f"same file again:       {again:.2f} s = {rows / again:,.0f} rows/s   [{again_line}]")
    print(f"first import / start:  {first / start:.1f}×")
    print(f"(runs: start {fmt(starts)}; first {fmt(firsts)}; again {fmt(agains)})")


def fmt(samples: list[float]) -> str:
    return ", ".join(f"{s:.2f}" for s in samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20261129)
    parser.add_argument("--postgres", metavar="URL", help="also time a throwaway schema here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        csv_path = Path(folder) / "estate.csv"
        write_csv(csv_path, args.rows, args.seed)
        report("SQLite", args.rows, run_imports(csv_path, _SqliteUrl, args.runs))
        if args.postgres:
            factory = _postgres_url_factory(args.postgres)
            report("PostgreSQL", args.rows, run_imports(csv_path, factory, args.runs))


if __name__ == "__main__":
    main()
