"""GIS files in (GeoPackage, Shapefile, KML, GeoJSON in any CRS) and the GeoPackage export out."""

from __future__ import annotations

import json
import math
import shutil
import warnings
import zipfile
from pathlib import Path

import geopandas
import pytest
from shapely.geometry import Point, Polygon

from locator.importing import service as imports

from builders import add_premises
from conftest import premises_row

GIS_FILES = Path(__file__).resolve().parent / "data" / "gis"
TRUTH = {
    item["ref"]: (item["lat"], item["lon"])
    for item in json.loads((GIS_FILES / "norwich_premises_positions.json").read_text())
}
# Code-Point Open's eastings and northings of two postcodes, and OS's WGS84 positions of them
# (converted with OSTN15 by the data's publisher, not by us).
CODEPOINT = (
    ("M4 3AQ", 383998, 398641, 53.484256, -2.242609),
    ("NR1 3DD", 623173, 308310, 52.626668, 1.296060),
)


def metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    north = (a[0] - b[0]) * 111_195
    east = (a[1] - b[1]) * 111_195 * math.cos(math.radians(a[0]))
    return math.hypot(north, east)


def published_rows(locator) -> list:
    return [row for batch in locator.store.premises.public_in_batches(500) for row in batch]


def council_row(ref: str, **values) -> dict:
    row = premises_row(ref, 0, 0, organisation="Norwich City Council")
    row.pop("lat")
    row.pop("lon")
    row.update(values)
    return row


def write_layer(path: Path, rows: list[dict], shapes: list, crs: str | None) -> Path:
    frame = geopandas.GeoDataFrame(rows, geometry=shapes, crs=crs)
    with warnings.catch_warnings():
        # A Shapefile cuts "opening_hours" to "opening_ho", as a council's would: that is the point.
        warnings.simplefilter("ignore")
        frame.to_file(path, engine="pyogrio")
    return path


@pytest.mark.parametrize(
    "name",
    [
        "norwich_premises_bng.gpkg",  # British National Grid
        "norwich_premises_shp.zip",  # a zipped Shapefile, its long column names cut to ten
        "norwich_premises_shp",  # the same Shapefile as a folder
        "norwich_premises.kml",  # WGS84, the fields in ExtendedData
        "norwich_premises_bng.geojson",  # eastings and northings, named by an old crs member
    ],
)
def test_a_councils_gis_file_lands_every_premises_within_five_metres_of_where_it_is(
    runner, locator, tmp_path, name
):
    source = GIS_FILES / name
    path = tmp_path / "premises"  # no telling suffix: the content says what it is
    if source.is_dir():
        shutil.copytree(source, path)
    else:
        path.write_bytes(source.read_bytes())
    result = runner.invoke(args=["import", str(path), "--publish"])
    assert "Rejected: 0" in result.output, result.output
    stored = published_rows(locator)
    assert len(stored) == len(TRUTH) == 40
    for row in stored:
        assert metres((row.lat, row.lon), TRUTH[row.ref]) < 5, row.ref


def test_british_national_grid_is_converted_with_os_own_transform_to_within_a_metre(
    locator, tmp_path
):
    rows = [council_row(f"pc{i}", name=f"At {pc}") for i, (pc, *_) in enumerate(CODEPOINT)]
    shapes = [Point(easting, northing) for _, easting, northing, _, _ in CODEPOINT]
    path = write_layer(tmp_path / "codepoint.gpkg", rows, shapes, "EPSG:27700")
    imports.import_file(locator, path, publish=True)
    stored = {row.ref: (row.lat, row.lon) for row in published_rows(locator)}
    for i, (_, _, _, lat, lon) in enumerate(CODEPOINT):
        assert metres(stored[f"pc{i}"], (lat, lon)) < 1


def test_a_polygon_is_placed_at_a_point_inside_it_with_a_warning(locator, tmp_path):
    # An L-shaped store outline whose box centre lies outside the shape.
    outline = Polygon(
        [(623100, 308300), (623200, 308300), (623200, 308310), (623110, 308310), (623110, 308400),
         (623100, 308400)]
    )  # fmt: skip
    path = write_layer(tmp_path / "outlines.gpkg", [council_row("l1")], [outline], "EPSG:27700")
    result = imports.import_file(locator, path, dry_run=True)
    [row] = result.plan.rows
    assert [w.reason for w in result.plan.warnings] == ["a Polygon: placed at a point inside it"]
    back = geopandas.GeoSeries([Point(row["lon"], row["lat"])], crs="EPSG:4326")
    assert outline.contains(back.to_crs("EPSG:27700").iloc[0])


def test_a_shapefile_without_its_prj_is_read_as_british_national_grid_and_says_so(
    locator, tmp_path
):
    folder = tmp_path / "shp"
    folder.mkdir()
    _, easting, northing, lat, lon = CODEPOINT[1]
    write_layer(folder / "sites.shp", [council_row("n1")], [Point(easting, northing)], None)
    result = imports.import_file(locator, folder, dry_run=True)
    [row] = result.plan.rows
    assert metres((row["lat"], row["lon"]), (lat, lon)) < 1
    assert "British National Grid" in result.plan.warnings[0].reason


def test_a_feature_without_a_geometry_is_rejected_and_the_rest_go_in(locator, tmp_path):
    _, easting, northing, _, _ = CODEPOINT[1]
    rows = [council_row("g1"), council_row("g2")]
    path = write_layer(tmp_path / "gaps.gpkg", rows, [Point(easting, northing), None], "EPSG:27700")
    result = imports.import_file(locator, path)
    assert result.inserted == 1
    assert [(r.where, r.reason) for r in result.plan.rejected] == [
        ("feature 2", "it has no position (an empty geometry)")
    ]


def test_an_openstreetmap_layer_saved_from_qgis_is_read_by_its_tags(locator, tmp_path):
    tags = {
        "full_id": "n1210388862",
        "name": "Solutions Hair Salon",
        "shop": "hairdresser",
        "opening_hours": "Mo-Fr 09:00-17:00",
        "addr:street": "Ipswich Road",
        "addr:postcode": "NR2 2LJ",
    }
    path = write_layer(
        tmp_path / "quickosm.gpkg", [tags], [Point(1.286143, 52.6167955)], "EPSG:4326"
    )
    result = imports.import_file(locator, path, dry_run=True)
    [row] = result.plan.rows
    assert (row["ref"], row["address"], row["scheme"]) == (
        "n1210388862",
        "Ipswich Road",
        "external",
    )


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\x00" * 52 + b"GPKG" + b"\x00" * 99),
         "cannot be read"),
        (lambda p: zipfile.ZipFile(p, "w").writestr("notes.txt", "hello"),
         "is not a GeoPackage, Shapefile (zipped or a folder) or KML file"),
        (lambda p: p.write_text('<?xml version="1.0"?><kml><Document>'),
         "cannot be read"),
    ],
    ids=["a truncated GeoPackage", "a zip with no GIS file", "a broken KML"],
)  # fmt: skip
def test_a_gis_file_that_cannot_be_read_is_refused_whole_with_a_reason(
    runner, locator, tmp_path, make, message
):
    path = tmp_path / "upload.dat"
    make(path)
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert locator.store.premises.count() == 0


def test_a_layer_without_the_import_fields_names_the_fields_it_has(runner, tmp_path):
    path = write_layer(
        tmp_path / "other.gpkg", [{"SITE_NAME": "Library", "WARD": "Mancroft"}],
        [Point(623173, 308310)], "EPSG:27700",
    )  # fmt: skip
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code != 0
    assert "need the attributes ref, name and opening_hours" in result.output
    assert "site_name, ward" in result.output


def test_geojson_in_british_national_grid_without_a_crs_member_is_recognised(locator, tmp_path):
    _, easting, northing, lat, lon = CODEPOINT[0]
    feature = {
        "type": "Feature",
        "properties": council_row("m1"),
        "geometry": {"type": "Point", "coordinates": [easting, northing]},
    }
    path = tmp_path / "bng.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    [row] = imports.import_file(locator, path, dry_run=True).plan.rows
    assert metres((row["lat"], row["lon"]), (lat, lon)) < 1


# -- the export ------------------------------------------------------------------------------


@pytest.fixture
def published(locator):
    rows = [
        premises_row("e1", 52.626668, 1.296060, name="Jarrold"),
        premises_row("e2", 53.484256, -2.242609, name="Arndale", facilities="toilet;wifi"),
    ]
    add_premises(locator, rows)
    add_premises(locator, [premises_row("e3", 51.5, -0.1, name="Waiting")], publish=False)


def download(client, tmp_path, query: str = "") -> geopandas.GeoDataFrame:
    with client.get(f"/api/v1/export.gpkg{query}") as response:
        assert response.status_code == 200
        assert response.mimetype == "application/geopackage+sqlite3"
        path = tmp_path / "download.gpkg"
        path.write_bytes(response.data)
    return geopandas.read_file(path, layer="safe_spaces")


def test_the_geopackage_export_holds_every_public_premises_and_no_other(app, published, tmp_path):
    frame = download(app.test_client(), tmp_path)
    assert sorted(frame["name"]) == ["Arndale", "Jarrold"]
    assert frame.crs.to_epsg() == 4326
    arndale = frame[frame["name"] == "Arndale"].iloc[0]
    assert set(arndale["facilities"].split(";")) == {"toilet", "wifi"}
    assert arndale["url"].endswith(f"/spaces/{arndale['id']}")
    assert (round(arndale.geometry.y, 6), round(arndale.geometry.x, 6)) == (53.484256, -2.242609)


def test_the_geopackage_export_in_british_national_grid_matches_code_point(
    app, published, tmp_path
):
    frame = download(app.test_client(), tmp_path, "?crs=27700")
    assert frame.crs.to_epsg() == 27700
    by_name = {row["name"]: row.geometry for _, row in frame.iterrows()}
    for name, (_, easting, northing, _, _) in (
        ("Arndale", CODEPOINT[0]),
        ("Jarrold", CODEPOINT[1]),
    ):
        assert math.hypot(by_name[name].x - easting, by_name[name].y - northing) < 1


def test_an_unchanged_geopackage_is_not_sent_twice_and_a_change_makes_a_new_one(
    app, locator, published
):
    client = app.test_client()
    with client.get("/api/v1/export.gpkg") as first:
        etag = first.headers["ETag"]
    assert client.get("/api/v1/export.gpkg", headers={"If-None-Match": etag}).status_code == 304
    add_premises(locator, [premises_row("e4", 52.63, 1.29, name="New")])
    with client.get("/api/v1/export.gpkg", headers={"If-None-Match": etag}) as again:
        assert again.status_code == 200
        assert again.headers["ETag"] != etag


@pytest.mark.parametrize("crs", ["3857", "wgs84", "EPSG:", "27700x"])
def test_an_unknown_crs_for_the_geopackage_is_a_clear_400(app, crs):
    response = app.test_client().get(f"/api/v1/export.gpkg?crs={crs}")
    assert response.status_code == 400
    assert response.get_json()["error"]["field"] == "crs"
