"""Benchmark the core engine: filtered nearest-5, index build, and CSV import throughput.

Prints figures; asserts nothing. Run: .venv/bin/python bench/bench_core.py [--sizes 10000,100000]

For each size it builds synthetic GB premises around real towns (weighted by population),
with ~2,000 distinct opening-hours expressions and random facilities, then times, over the
same random query points:
  - the project's SpaceIndex.nearest (open now + one facility, k=5);
  - a brute-force numpy haversine over every premises with the eligibility mask given for free;
  - a floor: scipy cKDTree built over only the already-eligible points, k=5.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import gc
import random
import statistics
import tempfile
import time
import tracemalloc
from datetime import datetime
from pathlib import Path

import numpy as np
from scipy.spatial import cKDTree

from locator.domain.vocabulary import FACILITIES, facility_mask
from locator.geo.areas import default_areas
from locator.geo.gazetteer import default_gazetteer
from locator.hours.schedule import LONDON
from locator.importing import service as imports
from locator.importing.rows import SPEC_COLUMNS
from locator.search.features import safe_schedule
from locator.search.index import IndexFilter, SpaceIndex, haversine_m, to_unit_vectors

ROOT = Path(__file__).resolve().parent.parent
CODES = list(FACILITIES)
SHARE = {
    code: share
    for code, share in zip(
        CODES, [0.6, 0.4, 0.3, 0.5, 0.1, 0.6, 0.1, 0.25, 0.2, 0.6, 0.5], strict=True
    )
}
AT = datetime(2026, 12, 2, 14, 7, tzinfo=LONDON)  # a Wednesday afternoon


def hours_expressions() -> list[str]:
    """Return about 2,000 distinct realistic opening-hours expressions."""
    opens = [f"{h:02d}:{m:02d}" for h in range(6, 11) for m in (0, 30)][:9]
    closes = [f"{h:02d}:{m:02d}" for h in range(17, 24) for m in (0, 30)] + ["24:00"]
    sundays = ["Su off", "Su 10:00-16:00", "Su 11:00-17:00"]
    expressions = []
    for o in opens:
        for c in closes:
            for sunday in sundays:
                for saturday in ("Sa", "Sa 09:00-18:00"):
                    for ph in ("", "; PH off"):
                        sat = f"; {saturday}" if saturday != "Sa" else ""
                        days = "Mo-Fr" if sat else "Mo-Sa"
                        expressions.append(f"{days} {o}-{c}{sat}; {sunday}{ph}")
    expressions += ["24/7", "Mo-Su 18:00-02:00", "Fr-Sa 22:00-04:00", "Mo-Su 06:00-24:00"]
    return expressions[:2000]


def gb_towns() -> list[tuple[float, float, int]]:
    """Return (lat, lon, population) of the shipped GB places."""
    with (
        ROOT / "locator" / "data" / "gazetteer" / "geonames_gb_places_pop500.csv"
    ).open() as handle:
        return [
            (float(r["latitude"]), float(r["longitude"]), int(r["population"]))
            for r in csv.DictReader(handle)
            if r["admin1code"]
        ]


def synthetic_premises(n: int, rng: np.random.Generator) -> dict[str, np.ndarray | list]:
    """Return n premises clustered around real GB towns, weighted by population."""
    places = gb_towns()
    weights = np.array([p[2] for p in places], dtype=float)
    weights /= weights.sum()
    towns = rng.choice(len(places), size=n, p=weights)
    lats = np.array([places[t][0] for t in towns]) + rng.normal(0, 0.03, n)
    lons = np.array([places[t][1] for t in towns]) + rng.normal(0, 0.05, n)
    expressions = hours_expressions()
    hours = [expressions[i] for i in rng.integers(0, len(expressions), n)]
    bits = np.zeros(n, dtype=np.int64)
    has = {}
    for i, code in enumerate(CODES):
        has[code] = rng.random(n) < SHARE[code]
        bits |= has[code].astype(np.int64) << i
    distinct = {}
    facilities = []
    for b in bits.tolist():
        text = distinct.get(b)
        if text is None:
            text = ";".join(code for i, code in enumerate(CODES) if b >> i & 1)
            distinct[b] = text
        facilities.append(text)
    return {"lats": lats, "lons": lons, "hours": hours, "facilities": facilities, "bits": bits}


def store_rows(data: dict, areas=None) -> list[dict]:
    """Turn synthetic premises into rows for Store.write_premises (districts when given areas)."""
    n = len(data["lats"])
    found = areas.locate_many(data["lats"], data["lons"]) if areas is not None else [None] * n
    return [
        {
            "organisation": f"Bench Retail {i % 50}",
            "ref": f"B{i}",
            "name": f"Store {i}",
            "address": f"{i} High Street",
            "postcode": None,
            "lat": float(data["lats"][i]),
            "lon": float(data["lons"][i]),
            "opening_hours": data["hours"][i],
            "facilities": data["facilities"][i],
            "phone": "0161 496 0000" if i % 3 == 0 else None,
            "website": None,
            "how_to_ask": "Ask at the till",
            "scheme": "external",
            "area_code": found[i].code if found[i] else None,
            "nation": found[i].nation if found[i] else "england",
        }
        for i in range(n)
    ]


def median_ms(samples: list[float]) -> float:
    """Return the median of samples in seconds, in milliseconds."""
    return statistics.median(samples) * 1000


@contextlib.contextmanager
def demo_app(name: str):
    """Yield (app, locator) on a throwaway SQLite database holding the demo premises."""
    from locator import create_app
    from locator.importing.demo import load_demo

    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            {"DATABASE_URL": f"sqlite:///{folder}/{name}.sqlite3", "RATELIMIT_ENABLED": False}
        )
        service = app.extensions["locator"]
        service.store.migrate()
        load_demo(service)
        try:
            yield app, service
        finally:
            service.store.dispose()


def rss_mib() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * 4096 / 2**20


def median_us(samples: list[float]) -> float:
    return statistics.median(samples) * 1e6


def bench_size(n: int, queries: int, rng: np.random.Generator) -> None:
    data = synthetic_premises(n, rng)
    areas = default_areas()
    located = areas.locate_many(data["lats"], data["lons"])
    nations = [a.nation if a else "england" for a in located]
    area_codes = [a.code if a else None for a in located]
    ids = np.arange(1, n + 1)

    gc.collect()
    rss_before = rss_mib()
    tracemalloc.start()
    start = time.perf_counter()
    index = SpaceIndex(
        ids,
        data["lats"],
        data["lons"],
        data["facilities"],
        data["hours"],
        nations,
        area_codes,
        schedule_for=safe_schedule,
    )
    build_s = time.perf_counter() - start
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_after = rss_mib()

    start = time.perf_counter()
    open_mask = index._window_at(AT).open_mask.copy()
    window_s = time.perf_counter() - start

    # Query points: near premises (people search where shops are), jittered.
    picks = rng.integers(0, n, queries)
    q_lats = data["lats"][picks] + rng.normal(0, 0.02, queries)
    q_lons = data["lons"][picks] + rng.normal(0, 0.03, queries)
    q_codes = [CODES[i] for i in rng.integers(0, len(CODES), queries)]

    # Cold cost: the first query for each facility builds that filter's tree.
    cold = []
    for code in CODES:
        start = time.perf_counter()
        index.nearest(q_lats[0], q_lons[0], 5, IndexFilter(at=AT, facilities=facility_mask([code])))
        cold.append(time.perf_counter() - start)

    eligible = {code: open_mask & ((data["bits"] & facility_mask([code])) != 0) for code in CODES}
    xyz = to_unit_vectors(data["lats"], data["lons"])
    floor_trees = {code: (cKDTree(xyz[m]), np.flatnonzero(m)) for code, m in eligible.items()}

    # Each method runs in its own pass over the same queries, so none inherits the others'
    # CPU caches; the brute-force pass is thinned at 1M where each query takes ~20 ms.
    wheres = [IndexFilter(at=AT, facilities=facility_mask([code])) for code in q_codes]
    ours, floor, brute = [], [], []
    got = []
    for i in range(queries):
        start = time.perf_counter()
        hits = index.nearest(q_lats[i], q_lons[i], 5, wheres[i])
        ours.append(time.perf_counter() - start)
        got.append([h.id for h in hits])
    mismatches = 0
    for i in range(queries):
        tree, positions = floor_trees[q_codes[i]]
        start = time.perf_counter()
        point = to_unit_vectors([q_lats[i]], [q_lons[i]])[0]
        _, found = tree.query(point, k=5)
        floor.append(time.perf_counter() - start)
        mismatches += got[i] != [int(ids[positions[f]]) for f in found]
    brute_every = max(1, queries // 200) if n >= 1_000_000 else 1
    for i in range(0, queries, brute_every):
        mask = eligible[q_codes[i]]
        start = time.perf_counter()
        d = haversine_m(q_lats[i], q_lons[i], data["lats"], data["lons"])
        d = np.where(mask, d, np.inf)
        top = np.argpartition(d, 5)[:5]
        top = top[np.argsort(d[top])]
        brute.append(time.perf_counter() - start)

    share = float(np.mean([m.mean() for m in eligible.values()]))
    print(
        f"\n== {n:,} premises ({len(set(data['hours'])):,} distinct hours, "
        f"{share:.1%} eligible on average for open now + one facility)"
    )
    print(
        f"index build: {build_s:.2f} s; memory: {traced_peak / 2**20:.0f} MiB traced "
        f"(numpy), RSS +{rss_after - rss_before:.0f} MiB"
    )
    print(f"open-now window for all distinct expressions: {window_s * 1e3:.1f} ms")
    print(
        f"cold first query per facility (builds its tree): median {median_us(cold):,.0f} µs, "
        f"max {max(cold) * 1e3:.1f} ms"
    )
    p50_ours, p50_floor, p50_brute = median_us(ours), median_us(floor), median_us(brute)
    p90_ours = float(np.percentile(ours, 90) * 1e6)
    print(
        f"filtered nearest-5 p50: index {p50_ours:,.1f} µs (p90 {p90_ours:,.1f}), "
        f"floor {p50_floor:,.1f} µs, brute force {p50_brute:,.1f} µs "
        f"({len(ours)} / {len(floor)} / {len(brute)} queries)"
    )
    print(
        f"ratios: index/floor = {p50_ours / p50_floor:.2f}×, "
        f"brute/index = {p50_brute / p50_ours:,.0f}×; result mismatches vs floor: {mismatches}"
    )


def write_estate_csv(path: Path, data: dict) -> None:
    """Write synthetic premises as one retailer's estate in the import format."""
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(SPEC_COLUMNS)
        for i in range(len(data["hours"])):
            writer.writerow(
                [
                    f"S{i:06d}",
                    f"Store {i}",
                    "Bench Retail",
                    f"{i} High Street",
                    "",
                    f"{data['lats'][i]:.6f}",
                    f"{data['lons'][i]:.6f}",
                    data["hours"][i],
                    data["facilities"][i],
                    "0161 496 0000",
                    "https://example.org/store",
                    "Ask at the till",
                    "external",
                ]
            )


def bench_import(rows: int, rng: np.random.Generator) -> None:
    from locator.adapters.db.store import Store
    from locator.search.service import Locator

    data = synthetic_premises(rows, rng)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "estate.csv"
        write_estate_csv(path, data)
        store = Store(f"sqlite:///{folder}/bench.sqlite3")
        store.migrate()
        service = Locator(store, default_gazetteer(), default_areas())
        start = time.perf_counter()
        result = imports.import_file(service, path, "csv", publish=True)
        first_s = time.perf_counter() - start
        start = time.perf_counter()
        again = imports.import_file(service, path, "csv", publish=True)
        again_s = time.perf_counter() - start
        store.dispose()
    print(f"\n== import of a {rows:,}-row CSV into SQLite")
    print(
        f"first import: {result.inserted:,} rows in {first_s:.2f} s = "
        f"{result.inserted / first_s:,.0f} rows/s ({len(result.plan.rejected)} rejected)"
    )
    print(
        f"same file again: {again.unchanged:,} unchanged in {again_s:.2f} s = "
        f"{rows / again_s:,.0f} rows/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--import-rows", type=int, default=100_000)
    args = parser.parse_args()
    rng = np.random.default_rng(20261129)
    random.seed(20261129)
    for n in (int(s) for s in args.sizes.split(",") if s):
        bench_size(n, args.queries, rng)
    if args.import_rows:
        bench_import(args.import_rows, rng)


if __name__ == "__main__":
    main()
