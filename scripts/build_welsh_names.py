"""Derive the Welsh names of places from OS Open Names, for pages and replies in Welsh.

Writes data/gazetteer/welsh_names_osnames.csv: one row per place OS names in both Welsh and
English (Caerdydd / Cardiff), with where it is, and one per Welsh council ("Caerdydd - Cardiff").
A name is only ever shown in Welsh near that point: Newport on the Isle of Wight stays Newport.

    .venv/bin/python scripts/build_welsh_names.py --source /path/to/data/places
"""

from __future__ import annotations

import argparse
import csv
import gzip
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "locator" / "data" / "gazetteer" / "welsh_names_osnames.csv"
# How far from its OS point a place's English name still means the Welsh-named place.
PLACE_KM = {"City": 12.0, "Town": 8.0, "Suburban Area": 3.0}
OTHER_PLACE_KM = 2.0


def main() -> None:
    """Read OS Open Names populated places and write the Welsh names file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, required=True, help="the data/places folder")
    source = parser.parse_args().source / "os_open_names_populated_places.csv.gz"
    rows: list[tuple[str, str, str, float, float, float]] = []
    councils: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    with gzip.open(source, "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            lat, lon = float(row["lat"]), float(row["lon"])
            languages = {row["name1_lang"]: row["name1"].strip(), row["name2_lang"]: row["name2"]}
            english, welsh = languages.get("eng", "").strip(), languages.get("cym", "").strip()
            if english and welsh and english != welsh:
                km = PLACE_KM.get(row["local_type"], OTHER_PLACE_KM)
                rows.append(("place", english, welsh, lat, lon, km))
            for column in ("district_borough", "county_unitary"):
                welsh_council, _, english_council = row[column].partition(" - ")
                if english_council and welsh_council != english_council:
                    councils[(english_council, welsh_council)].append((lat, lon))
    for (english, welsh), points in councils.items():
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        # A council reaches as far as its furthest place from the middle.
        reach = max(_km(lat, lon, *p) for p in points)
        rows.append(("council", english, welsh, lat, lon, round(reach + 2.0, 1)))
    rows.sort(key=lambda r: (r[0], r[1], r[3]))
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["kind", "english", "welsh", "lat", "lon", "reach_km"])
        for kind, english, welsh, lat, lon, km in rows:
            writer.writerow([kind, english, welsh, f"{lat:.5f}", f"{lon:.5f}", km])
    print(f"{len(rows)} names written to {OUT.relative_to(ROOT)}")


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the distance between two points in km (equirectangular; fine within Wales)."""
    import math

    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371.0 * math.hypot(x, y)


if __name__ == "__main__":
    main()
