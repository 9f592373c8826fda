"""Benchmark the import command end to end: `flask --app locator import` as a user runs it.

Prints figures; asserts nothing. Run: .venv/bin/python bench/bench_import.py [--rows 100000,300000]

Writes a seeded CSV of synthetic GB premises in the import format for each size, then times,
as wall-clock of a fresh process (start-up included), median of --runs, each run on a fresh
temporary SQLite database and instance folder:

- start: `flask --app locator import --help` (the process start and app creation alone);
- first: `flask --app locator import FILE` into the empty database;
- again: the same file again (every row unchanged).

Each command's peak resident memory is read from the kernel when it ends (`wait4`): the
largest of the process and the processes it started and waited for, so a forked helper counts.
Commands are started by a small helper process, not by this one: Linux counts in a new
program's peak the memory of the process it was started from, and this one holds the CSV's
data.

With --baseline DIR (a copy of the code to compare with, e.g. `git archive COMMIT | tar -x -C
DIR`) the same commands run in that tree too, interleaved with this one's, and the ratios are
this tree's figures to the baseline's. With --postgres URL, the imports also run in a throwaway
schema of that PostgreSQL database (dropped afterwards).
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from bench_core import synthetic_premises, write_estate_csv

ROOT = Path(__file__).resolve().parent.parent
FLASK = [sys.executable, "-m", "flask", "--app", "locator"]
# Runs a command, then writes its wall-clock seconds and peak memory (KiB) to a file.
MEASURE = """
import os, subprocess, sys, time
start = time.perf_counter()
process = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(process.pid, 0)
elapsed = time.perf_counter() - start
with open(sys.argv[1], "w") as out:
    out.write(f"{elapsed} {usage.ru_maxrss}")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def write_csv(path: Path, rows: int, seed: int) -> None:
    """Write `rows` synthetic premises in the import format (one organisation)."""
    write_estate_csv(path, synthetic_premises(rows, np.random.default_rng(seed)))


@dataclass
class Runs:
    """Seconds and peak memory (MiB) of each run of one command."""

    seconds: list[float] = field(default_factory=list)
    peak_mib: list[float] = field(default_factory=list)
    summary: str = ""

    def add(self, seconds: float, peak_mib: float) -> None:
        self.seconds.append(seconds)
        self.peak_mib.append(peak_mib)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak(self) -> float:
        return statistics.median(self.peak_mib)


def timed(args: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, str]:
    """Run a command; return its wall-clock seconds, peak memory (MiB) and output."""
    with tempfile.NamedTemporaryFile("r") as measured:
        done = subprocess.run(
            [sys.executable, "-c", MEASURE, measured.name, *args],
            check=False,
            env=env,
            cwd=cwd,
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            tail = done.stderr[-2000:]
            sys.exit(f"{' '.join(args[2:])} in {cwd} failed ({done.returncode}):\n{tail}")
        elapsed, peak_kib = measured.read().split()
    return float(elapsed), int(peak_kib) / 1024, done.stdout


def summary_line(output: str) -> str:
    return next((line for line in output.splitlines() if line.startswith("Imported:")), "?")


def run_imports(csv_path: Path, trees: dict[str, Path], url_for_run, runs: int) -> dict:
    """Time start-up, first import and import again in each tree, runs interleaved."""
    results = {name: {"start": Runs(), "first": Runs(), "again": Runs()} for name in trees}
    for tree in trees.values():  # compiled once, so that no timed run writes .pyc files
        with tempfile.TemporaryDirectory() as folder:
            env = {**os.environ, "INSTANCE_PATH": f"{folder}/instance"}
            env["DATABASE_URL"] = f"sqlite:///{folder}/warm.sqlite3"
            timed([*FLASK, "import", "--help"], env, tree)
    for run in range(runs):
        for name, tree in trees.items():
            measured = results[name]
            with tempfile.TemporaryDirectory() as folder, url_for_run(folder, run) as url:
                env = {**os.environ, "DATABASE_URL": url, "INSTANCE_PATH": f"{folder}/instance"}
                seconds, peak, _ = timed([*FLASK, "import", "--help"], env, tree)
                measured["start"].add(seconds, peak)
                for phase in ("first", "again"):
                    seconds, peak, output = timed([*FLASK, "import", str(csv_path)], env, tree)
                    measured[phase].add(seconds, peak)
                    measured[phase].summary = summary_line(output)
    return results


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


def report(backend: str, rows: int, results: dict) -> None:
    runs = len(next(iter(results.values()))["first"].seconds)
    print(f"\n== {backend}: {rows:,}-row CSV, median of {runs} fresh databases")
    for name, measured in results.items():
        start, first, again = (measured[phase] for phase in ("start", "first", "again"))
        print(f"-- {name}")
        print(f"start (import --help): {start.median:.2f} s, peak {start.peak:.0f} MiB")
        print(
            f"first import:          {first.median:.2f} s = {rows / first.median:,.0f} rows/s, "
            f"peak {first.peak:.0f} MiB   [{first.summary}]"
        )
        print(
            f"same file again:       {again.median:.2f} s = {rows / again.median:,.0f} rows/s, "
            f"peak {again.peak:.0f} MiB   [{again.summary}]"
        )
        print(f"(runs: start {fmt(start)}; first {fmt(first)}; again {fmt(again)})")
    if "baseline" in results:
        this, baseline = results["this tree"], results["baseline"]
        ratios = ", ".join(
            f"{phase} {this[phase].median / baseline[phase].median:.2f}× the time, "
            f"{this[phase].peak / baseline[phase].peak:.2f}× the memory"
            for phase in ("first", "again")
        )
        print(f"this tree / baseline: {ratios}")


def fmt(runs: Runs) -> str:
    return ", ".join(f"{s:.2f}" for s in runs.seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="100000", help="sizes, comma-separated")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20261129)
    parser.add_argument("--baseline", type=Path, metavar="DIR", help="code to compare with")
    parser.add_argument("--postgres", metavar="URL", help="also time a throwaway schema here")
    args = parser.parse_args()
    trees = {"this tree": ROOT}
    if args.baseline:
        trees["baseline"] = args.baseline.resolve()
    with tempfile.TemporaryDirectory() as folder:
        for rows in (int(size) for size in args.rows.split(",")):
            csv_path = Path(folder) / f"estate-{rows}.csv"
            write_csv(csv_path, rows, args.seed)
            report("SQLite", rows, run_imports(csv_path, trees, _SqliteUrl, args.runs))
            if args.postgres:
                factory = _postgres_url_factory(args.postgres)
                report("PostgreSQL", rows, run_imports(csv_path, trees, factory, args.runs))
            csv_path.unlink()


if __name__ == "__main__":
    main()
