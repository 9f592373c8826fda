"""Derive the shipped full-postcode file from OS Code-Point Open.

Reads the unmodified Code-Point Open zip (Data/CSV/<area>.csv, no header row, British National
Grid eastings and northings) and writes data/gazetteer/postcodes_gb_codepointopen.npz: every GB
postcode with a position, sorted so that a district and a sector ("M4 3") are each one run, with
WGS84 positions to six decimal places. Postcodes without a position (quality 90) are left out.

Eastings and northings become WGS84 through OS's OSTN15 (locator.geo.bng, convertbng), to within
centimetres of OS's own positions. Run from the repository:

    .venv/bin/python scripts/build_postcodes.py /path/to/codepo_gb.zip
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import time
import zipfile
from pathlib import Path

import numpy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from locator.geo import bng  # noqa: E402  (the repository is not installed here)
from locator.geo.postcodes import FILE_NAME, pack  # noqa: E402

NO_POSITION = "90"


def read_codepoint(path: Path) -> tuple[list[str], list[float], list[float]]:
    """Return the postcodes with a position and their eastings and northings."""
    codes, eastings, northings = [], [], []
    with zipfile.ZipFile(path) as archive:
        for name in sorted(archive.namelist()):
            if not (name.startswith("Data/CSV/") and name.endswith(".csv")):
                continue
            with archive.open(name) as raw:
                for row in csv.reader(io.TextIOWrapper(raw, encoding="utf-8")):
                    if len(row) < 4 or row[1] == NO_POSITION:
                        continue
                    codes.append(row[0])
                    eastings.append(float(row[2]))
                    northings.append(float(row[3]))
    return codes, eastings, northings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("codepoint", type=Path, help="the Code-Point Open zip")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "locator" / "data" / "gazetteer" / FILE_NAME
    )
    arguments = parser.parse_args()
    start = time.perf_counter()
    codes, eastings, northings = read_codepoint(arguments.codepoint)
    lats, lons = bng.to_wgs84(numpy.array(eastings), numpy.array(northings))
    missing = numpy.isnan(lats) | numpy.isnan(lons)
    if missing.any():
        raise SystemExit(f"{int(missing.sum())} postcodes fall outside OSTN15: check the file")
    keys = numpy.array([pack(code) for code in codes], dtype=numpy.int64)
    order = numpy.argsort(keys, kind="stable")
    keys = keys[order]
    micro_lat = numpy.round(numpy.asarray(lats)[order] * 1e6).astype(numpy.int32)
    micro_lon = numpy.round(numpy.asarray(lons)[order] * 1e6).astype(numpy.int32)
    # Neighbours in postcode order are neighbours on the ground: differences compress well.
    numpy.savez_compressed(
        arguments.out,
        key_steps=numpy.diff(keys, prepend=0),
        lat_steps=numpy.diff(micro_lat, prepend=0),
        lon_steps=numpy.diff(micro_lon, prepend=0),
    )
    size = arguments.out.stat().st_size / 2**20
    took = time.perf_counter() - start
    print(f"{len(keys):,} postcodes -> {arguments.out} ({size:.1f} MiB) in {took:.1f} s")


if __name__ == "__main__":
    main()
