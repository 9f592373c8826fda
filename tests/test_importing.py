"""`flask --app locator import`: validation, reports, dry runs, re-imports, adapters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from locator.adapters.db.premises import PremisesRepository
from locator.importing import rows as rows_module
from locator.importing import service as imports

from builders import write_csv
from conftest import premises_row

DATA = Path(__file__).resolve().parent.parent / "locator" / "data" / "demo"
LEEDS = (53.7997, -1.5492)


def good(ref: str, **values) -> dict:
    row = premises_row(ref, LEEDS[0] + int(ref[-1]) * 0.001, LEEDS[1])
    row.update(values)
    return row


@pytest.fixture
def mixed_csv(tmp_path):
    rows = [
        good("s1", facilities="phone_charging;toilet"),
        good("s2", opening_hours="Mon 9-5"),
        good("s3", facilities="phone_charging;jacuzzi"),
        good("s4", lat="", lon="", postcode="LS1 4AP"),
        good("s5", lat="48.0"),
        good("s6", scheme="secret"),
        good("s7", name=""),
        good("s8", scheme="internal"),
        good("s1"),
        good("s9", website="javascript:alert(1)"),
    ]
    return write_csv(tmp_path / "estate.csv", rows)


def test_good_rows_go_in_and_every_bad_row_is_listed_with_line_and_reason(
    runner, locator, mixed_csv
):
    result = runner.invoke(args=["import", str(mixed_csv)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Rows read: 10" in out
    assert "Imported: 4 new, 0 updated, 0 unchanged" in out
    assert "Rejected: 6" in out
    assert "line 3 (ref s2): opening_hours:" in out
    assert "line 4 (ref s3): unknown facility 'jacuzzi'" in out
    assert "line 6 (ref s5): lat/lon 48.0" in out
    assert "line 7 (ref s6): scheme must be external or internal" in out
    assert "line 8 (ref s7): name is missing" in out
    assert "line 10 (ref s1): ref 's1' already appears at line 2" in out
    # A wrong optional field is left out with a warning, not the whole row.
    assert "line 11 (ref s9): website 'javascript:alert(1)' is not a web address: left out" in out
    assert "Placed by their postcode (no lat/lon given): 1" in out
    assert locator.store.premises.count() == 4
    assert locator.store.premises.count(ref="s9", website=None) == 1


def test_dry_run_reports_but_writes_nothing(runner, locator, mixed_csv):
    result = runner.invoke(args=["import", str(mixed_csv), "--dry-run"])
    assert result.exit_code == 0
    assert "Would import: 4 (dry run: nothing written)" in result.output
    assert "Rejected: 6" in result.output
    assert locator.store.premises.count() == 0


def test_importing_the_same_file_again_changes_nothing(runner, locator, mixed_csv):
    runner.invoke(args=["import", str(mixed_csv), "--publish"])
    before = locator.store.data_version()
    again = runner.invoke(args=["import", str(mixed_csv), "--publish"])
    assert "Imported: 0 new, 0 updated, 4 unchanged" in again.output
    assert locator.store.premises.count() == 4
    assert locator.store.data_version() == before


def test_reimport_updates_rows_keyed_by_organisation_and_ref(runner, locator, tmp_path):
    path = write_csv(tmp_path / "a.csv", [good("s1"), good("s2")])
    runner.invoke(args=["import", str(path)])
    write_csv(path, [good("s1", name="Renamed"), good("s2"), good("s3")])
    result = runner.invoke(args=["import", str(path)])
    assert "Imported: 1 new, 1 updated, 1 unchanged" in result.output
    assert locator.store.premises.count() == 3
    assert locator.store.premises.count(name="Renamed") == 1
    other = runner.invoke(args=["import", str(path), "--organisation", "Other Ltd"])
    assert "Imported: 3 new" in other.output
    assert locator.store.premises.count() == 6


def test_publish_approves_external_rows_only(runner, locator, mixed_csv):
    runner.invoke(args=["import", str(mixed_csv), "--publish"])
    assert locator.store.premises.count(status="published") == 3
    assert locator.store.premises.count(scheme="internal", status="pending") == 1


def test_a_failure_part_way_leaves_the_database_as_it_was(runner, locator, mixed_csv, monkeypatch):
    def broken(self, connection):
        raise RuntimeError("disk full")

    # The last step of the write's transaction fails, after every row was sent.
    monkeypatch.setattr(PremisesRepository, "_bump_version", broken)
    with pytest.raises(RuntimeError):
        imports.import_file(locator, mixed_csv)
    monkeypatch.undo()
    assert locator.store.premises.count() == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "Cannot open"),
        (b"", "empty"),
        (b"\xff\xfe\x00bad", "not UTF-8"),
        (b"name,address\nA,B\n", "lacks the column(s) ref, opening_hours"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_whole(runner, locator, tmp_path, content, message):
    path = tmp_path / "estate.csv"
    if content is not None:
        path.write_bytes(content)
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert locator.store.premises.count() == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"type": "Feature"}', "one FeatureCollection"),
    ],
)
def test_bad_geojson_is_refused_whole(runner, tmp_path, content, message):
    path = tmp_path / "estate.geojson"
    path.write_text(content)
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code == 2
    assert message in result.output


def test_exit_status_is_non_zero_when_nothing_could_be_imported(runner, tmp_path):
    path = write_csv(tmp_path / "bad.csv", [good("s1", opening_hours="whenever")])
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code == 1
    assert "Rejected: 1" in result.output


def test_spec_geojson_is_imported_with_coordinates_from_the_geometry(runner, locator, tmp_path):
    feature = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [-1.5492, 53.7997]},
        "properties": {
            **{k: v for k, v in good("g1").items() if k not in ("lat", "lon")},
            "facilities": ["toilet", "seating"],
        },
    }
    path = tmp_path / "estate.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    result = runner.invoke(args=["import", str(path), "--publish"])
    assert "Format: geojson" in result.output
    assert "Imported: 1 new" in result.output
    assert locator.store.premises.count(facilities="toilet;seating") == 1


def test_osm_shop_extracts_are_mapped_from_tags(runner, locator, tmp_path):
    features = [
        {
            "type": "Feature",
            "id": "node/1",
            "geometry": {"type": "Point", "coordinates": [1.2930, 52.6280]},
            "properties": {
                "name": "Corner Shop",
                "shop": "convenience",
                "addr:housenumber": "1",
                "addr:street": "Elm Hill",
                "addr:city": "Norwich",
                "addr:postcode": "NR3 1HN",
                "opening_hours": "Mo-Sa 07:00-22:00; Su 10:00-16:00",
                "wheelchair": "yes",
                "toilets:wheelchair": "yes",
            },
        },
        {
            "type": "Feature",
            "id": "node/2",
            "geometry": {"type": "Point", "coordinates": [1.2931, 52.6281]},
            "properties": {"name": "No Hours", "shop": "books"},
        },
    ]
    path = tmp_path / "shops.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    result = runner.invoke(args=["import", str(path)])
    assert "Format: osm" in result.output
    assert "Imported: 1 new" in result.output
    assert "feature 2 (ref node/2): opening_hours is missing" in result.output
    assert locator.store.premises.count(ref="node/1", facilities="step_free;accessible_toilet") == 1
    assert locator.store.premises.count(address="1 Elm Hill, Norwich", area_code="E07000148") == 1


def test_the_nhs_pharmacy_list_imports_with_one_opening_hours_string(runner, locator):
    result = runner.invoke(args=["import", str(DATA / "gm_pharmacies.geojson"), "--publish"])
    assert "Format: nhs" in result.output
    assert "Imported: 631 new" in result.output
    assert locator.store.premises.count(status="published", nation="england") == 631
    assert (
        locator.store.premises.count(
            ref="FM664", opening_hours="Mo-Fr 08:30-13:00,14:00-17:30; Sa 09:00-12:30"
        )
        == 1
    )


def test_optional_fields_written_loosely_are_mended_or_left_out_and_the_row_still_goes_in(
    runner, locator, tmp_path
):
    rows = [
        good("w1", website="www.cornershop.co.uk"),
        good("w2", website="cornershop.co.uk/leeds", phone="call us!"),
        # A position and nothing else to say where: described by what is nearest.
        good("w3", address="", postcode="", lat="53.48448", lon="-2.24267"),
    ]
    result = runner.invoke(args=["import", str(write_csv(tmp_path / "loose.csv", rows))])
    assert "Imported: 3 new" in result.output, result.output
    assert "website 'www.cornershop.co.uk' read as https://www.cornershop.co.uk" in result.output
    assert "phone 'call us!' is not a phone number: left out" in result.output
    assert locator.store.premises.count(ref="w1", website="https://www.cornershop.co.uk") == 1
    assert locator.store.premises.count(ref="w2", phone=None) == 1
    assert (
        locator.store.premises.count(ref="w3", address="near Exchange Square tram stop, Manchester")
        == 1
    )


@pytest.mark.parametrize(
    ("written", "codes"),
    [
        ("Phone Charging", ["phone_charging"]),
        ("phone-charging", ["phone_charging"]),
        ("PHONE_CHARGING", ["phone_charging"]),
        ("Toilets", ["toilet"]),
        ("first aid", ["first_aid"]),
        ("A phone you can use", ["phone_use"]),
        ("Wi-Fi", ["wifi"]),
        ("Accessible toilets;Step free", ["step_free", "accessible_toilet"]),
        (["Somewhere to sit", "drinking water"], ["seating", "drinking_water"]),
    ],
)
def test_an_import_reads_a_facility_written_as_its_name_in_any_case_or_spacing(written, codes):
    assert rows_module.parse_facilities(written, forgiving=True) == codes


def test_an_unknown_facility_is_refused_with_every_name_it_may_be_given_as(
    runner, locator, tmp_path
):
    path = write_csv(
        tmp_path / "f.csv",
        [good("s1", facilities="Phone Charging; Toilets; first aid"), good("s2", facilities="USB")],
    )
    out = runner.invoke(args=["import", str(path)]).output
    assert "Imported: 1 new" in out
    assert (
        "line 3 (ref s2): unknown facility 'USB'; use phone_charging (Phone charging), "
        "phone_use (A phone you can use), wifi (Free wifi)," in out
    )
    assert locator.store.premises.count(ref="s1", facilities="phone_charging;first_aid;toilet")


@pytest.mark.parametrize(
    ("postcode", "lat", "outcome"),
    [
        ("LS99 9ZZ", "", "line 2 (ref s1): postcode LS99 9ZZ does not exist; check it, or give"),
        ("LS1 4AP", "", "Placed by their postcode (no lat/lon given): 1"),
        # Northern Ireland is not in the postcode directory: placed at its district, as before.
        ("BT1 1AA", "", "Placed by their postcode (no lat/lon given): 1"),
        # A position given is kept whatever the postcode.
        ("LS99 9ZZ", "53.8", "Imported: 1 new"),
    ],
)
def test_a_row_is_placed_by_its_postcode_only_when_the_postcode_exists(
    runner, locator, tmp_path, postcode, lat, outcome
):
    row = good("s1", postcode=postcode, lat=lat, lon="-1.55" if lat else "")
    out = runner.invoke(args=["import", str(write_csv(tmp_path / "p.csv", [row]))]).output
    assert outcome in out
    imported = locator.store.premises.count()
    assert imported == (0 if outcome.startswith("line") else 1)


OSM_FILES = Path(__file__).resolve().parent / "data" / "osm"


@pytest.mark.parametrize(
    "name",
    [
        "norwich_shops.overpass.json",
        "norwich_shops.osm",
        "norwich_shops.osmtogeojson.geojson",
        "norwich_shops.flat.geojson",
        "norwich_shops.osm.pbf",
    ],
)
def test_the_same_real_osm_extract_imports_in_every_form_partnerships_export_it(
    runner, locator, tmp_path, name
):
    # A neutral name: the format is read from the contents, not the file's name.
    path = tmp_path / "export.dat"
    path.write_bytes((OSM_FILES / name).read_bytes())
    result = runner.invoke(args=["import", str(path)])
    assert "Format: osm" in result.output, result.output
    # 40 named Norwich shops whose hours are valid: at least 95% go in.
    assert locator.store.premises.count() >= 38, result.output
    shop = locator.store.premises.count(ref="node/1210388862", name="Solutions Hair Salon")
    assert shop == 1


def test_osm_ways_are_placed_at_their_middle_and_an_element_without_a_position_is_named(
    runner, locator, tmp_path
):
    hours = '<tag k="opening_hours" v="Mo-Sa 09:00-17:30"/><tag k="shop" v="chemist"/>'
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6">
  <node id="1" lat="52.6300" lon="1.2900"/><node id="2" lat="52.6302" lon="1.2900"/>
  <node id="3" lat="52.6302" lon="1.2904"/><node id="4" lat="52.6300" lon="1.2904"/>
  <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="1"/>
    <tag k="name" v="Corner Chemist"/><tag k="addr:street" v="Elm Hill"/>{hours}</way>
  <way id="11"><nd ref="99"/><tag k="name" v="Lost Shop"/>{hours}</way>
</osm>"""
    path = tmp_path / "extract.osm"
    path.write_text(xml)
    result = runner.invoke(args=["import", str(path)])
    assert "Imported: 1 new" in result.output, result.output
    assert "way 11: it has no position" in result.output
    (space_id,) = locator.store.premises.ids_in_areas([])
    space = locator.store.premises.get(space_id)
    assert (space.lat, space.lon) == (52.6301, 1.2902)


def test_a_row_with_a_nul_byte_is_rejected_and_the_others_are_imported(runner, locator, tmp_path):
    path = write_csv(
        tmp_path / "estate.csv",
        [
            premises_row("good1", 53.48, -2.24),
            premises_row("bad", 53.49, -2.24, name="Shop\x00one"),
            premises_row("good2", 53.50, -2.24),
        ],
    )
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code == 0, result.output
    assert "line 3" in result.output and "control character" in result.output
    assert locator.store.premises.count() == 2


def test_a_file_with_nul_bytes_on_most_lines_is_refused_as_not_text(runner, locator, tmp_path):
    path = tmp_path / "utf16.csv"
    path.write_bytes("ref,name\nA1,Shop\nA2,Shop\n".encode("utf-16-le"))
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code == 2
    assert "not a text file" in result.output
    assert locator.store.premises.count() == 0


def test_a_second_import_while_one_runs_is_refused_and_writes_nothing(runner, locator, tmp_path):
    path = write_csv(tmp_path / "estate.csv", [premises_row("A1", 53.48, -2.24)])
    with locator.store.exclusive("import"):  # another process's import, holding the lock
        result = runner.invoke(args=["import", str(path)])
    assert result.exit_code == 2
    assert "An import is already running" in result.output
    assert locator.store.premises.count() == 0
    assert runner.invoke(args=["import", str(path)]).exit_code == 0
    assert locator.store.premises.count() == 1
