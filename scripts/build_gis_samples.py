"""Write tests/data/gis/: the 40 real Norwich shops of tests/data/osm/ as a council's GIS files.

Each shop becomes a row of the import format (ref from its OpenStreetMap id, its name, address,
postcode, hours, phone and website as tagged) and is written as a GeoPackage and a Shapefile
(zipped, and as a folder) in British National Grid, a KML in WGS84, and a GeoJSON in British
National Grid with an old-style `crs` member. The WGS84 positions are the extract's; eastings and
northings come from them through OS's OSTN15 (convertbng). Run from the repository:

    .venv/bin/python scripts/build_gis_samples.py
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from pathlib import Path

import geopandas
from convertbng.cutil import convert_bng
from shapely.geometry import Point

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "tests" / "data" / "osm" / "norwich_shops.flat.geojson"
OUT = ROOT / "tests" / "data" / "gis"


def premises() -> list[dict]:
    """Return the shops as import rows, with their WGS84 positions."""
    rows = []
    for feature in json.loads(SOURCE.read_text())["features"]:
        tags = feature["properties"]
        street = " ".join(filter(None, (tags.get("addr:housenumber"), tags.get("addr:street"))))
        lon, lat = feature["geometry"]["coordinates"]
        rows.append(
            {
                "ref": tags["@id"],
                "name": tags["name"],
                "organisation": "Norwich City Council",
                "address": ", ".join(filter(None, (street, tags.get("addr:city")))) or None,
                "postcode": tags.get("addr:postcode"),
                "opening_hours": tags["opening_hours"],
                "phone": tags.get("phone"),
                "website": tags.get("website"),
                "scheme": "external",
                "lat": lat,
                "lon": lon,
            }
        )
    return rows


def main() -> None:
    rows = premises()
    eastings, northings = convert_bng([r["lon"] for r in rows], [r["lat"] for r in rows])
    attributes = [{k: v for k, v in r.items() if k not in ("lat", "lon")} for r in rows]
    bng = geopandas.GeoDataFrame(
        attributes,
        geometry=[Point(e, n) for e, n in zip(eastings, northings, strict=True)],
        crs="EPSG:27700",
    )
    wgs84 = geopandas.GeoDataFrame(
        attributes,
        geometry=[Point(r["lon"], r["lat"]) for r in rows],
        crs="EPSG:4326",
    )
    OUT.mkdir(parents=True, exist_ok=True)
    bng.to_file(OUT / "norwich_premises_bng.gpkg", layer="safe_spaces", driver="GPKG")
    folder = OUT / "norwich_premises_shp"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    bng.to_file(folder / "norwich_premises.shp", driver="ESRI Shapefile")
    with zipfile.ZipFile(OUT / "norwich_premises_shp.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for part in sorted(folder.iterdir()):
            archive.write(part, f"norwich_premises/{part.name}")
    wgs84.to_file(OUT / "norwich_premises.kml", driver="KML")
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "bng.geojson"
        bng.to_file(path, driver="GeoJSON")
        document = json.loads(path.read_text())
    document["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}}
    (OUT / "norwich_premises_bng.geojson").write_text(json.dumps(document, indent=1) + "\n")
    truth = [{"ref": r["ref"], "lat": r["lat"], "lon": r["lon"]} for r in rows]
    (OUT / "norwich_premises_positions.json").write_text(json.dumps(truth, indent=1) + "\n")
    print(f"wrote {len(rows)} premises in each form to {OUT}")


if __name__ == "__main__":
    main()
