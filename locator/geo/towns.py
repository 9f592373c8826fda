"""The main town of each local authority district: where a district's list starts from."""

from __future__ import annotations

import csv
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from locator.geo.areas import Areas
from locator.geo.gazetteer import DATA_DIR

PLACES_FILE = Path("gazetteer") / "geonames_gb_places_pop500.csv"


@dataclass(frozen=True)
class Town:
    """A populated place from the gazetteer."""

    name: str
    lat: float
    lon: float
    population: int


def read_towns(data_dir: Path | None = None) -> list[Town]:
    """Read the shipped GeoNames places (UK only) with their populations."""
    with ((data_dir or DATA_DIR) / PLACES_FILE).open(newline="", encoding="utf-8") as handle:
        # Rows without a nation code are Akrotiri and Dhekelia, in Cyprus.
        rows = [row for row in csv.DictReader(handle) if row["admin1code"]]
    return [
        Town(row["name"], float(row["latitude"]), float(row["longitude"]), int(row["population"]))
        for row in rows
    ]


def most_populous_by_district(areas: Areas, towns: Sequence[Town]) -> dict[str, Town]:
    """Return, by district code, the most populous town inside each district."""
    found = areas.locate_many([town.lat for town in towns], [town.lon for town in towns])
    best: dict[str, Town] = {}
    for town, area in zip(towns, found, strict=True):
        if area is None:
            continue
        current = best.get(area.code)
        if current is None or town.population > current.population:
            best[area.code] = town
    return best


def main_town(areas: Areas, code: str) -> Town | None:
    """Return the most populous gazetteer place in a district, or None when it has none."""
    return _main_towns(areas).get(code)


@functools.cache
def _main_towns(areas: Areas) -> dict[str, Town]:
    # Once per set of boundaries (one per process): 6,000 point-in-district tests.
    return most_populous_by_district(areas, read_towns())
