"""Operators load newer place files (`flask gazetteer load`); loaded places come first."""

from __future__ import annotations

import math
import zipfile
from pathlib import Path

import pytest

from locator.adapters.db.tables import loaded_places
from locator.geo import loading
from locator.geo.gazetteer import default_gazetteer
from locator.geo.layered import LayeredGazetteer
from locator.geo.loading import LoadedPlace

from builders import write_csv
from conftest import premises_row

DATA = Path(__file__).parent / "data" / "gazetteer_load"
ONSPD = DATA / "ONSPD_FEB_2025_UK_sample.csv"
ONSPD_NOV_2025 = DATA / "onspd_nov_2025_sample.zip"
CODEPOINT_ZIP = DATA / "codepo_gb_sample.zip"
CODEPOINT_CSV = DATA / "codepoint_m.csv"
OPEN_NAMES = DATA / "opname_csv_gb_sample.zip"
NAPTAN = DATA / "Stops_sample.csv"

# Where the sample files put things (README of tests/data/gazetteer_load).
MOVED_M4_3AQ = (53.4855, -2.236)
SHIPPED_M4_3AQ = (53.484256, -2.242609)
TIB_LANE = (53.48068, -2.24423)  # OS Open Names gives it as 383889 E, 398244 N


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def read(path: Path, fmt: str = "auto") -> tuple[loading.LoadReport, list[LoadedPlace]]:
    with loading.PlaceFile(path, fmt) as places:
        report = loading.LoadReport(places.format)
        return report, [place for batch in places.batches(report) for place in batch]


# ---- reading the files -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "fmt", "members"),
    [
        (ONSPD, "onspd", ["ONSPD_FEB_2025_UK_sample.csv"]),
        # Data/multi_csv/ repeats the whole file split by area: read once, not twice.
        (ONSPD_NOV_2025, "onspd", ["Data/ONSPD_NOV_2025_UK.csv"]),
        (CODEPOINT_ZIP, "codepoint", ["Data/CSV/m.csv", "Data/CSV/nr.csv"]),
        (CODEPOINT_CSV, "codepoint", ["codepoint_m.csv"]),
        # Doc/OS_Open_Names_Header.csv is documentation, not places.
        (OPEN_NAMES, "open-names", ["Data/SJ89.csv", "Data/SS98.csv"]),
        (NAPTAN, "naptan", ["Stops_sample.csv"]),
    ],
)
def test_the_format_and_the_csvs_to_read_are_told_from_the_file(path, fmt, members):
    with loading.PlaceFile(path) as places:
        assert places.format == fmt
        assert [member.name for member in places.members] == members


@pytest.mark.parametrize(
    ("path", "read_rows", "loaded", "skipped"),
    [
        (ONSPD, 5, 2, {"terminated postcode": 1, "no position given": 1, "not a full postcode": 1}),
        (ONSPD_NOV_2025, 1, 1, {}),
        (CODEPOINT_ZIP, 7, 6, {"no position given": 1}),
        (CODEPOINT_CSV, 6, 5, {"no position given": 1}),
        (
            OPEN_NAMES,
            8,
            4,
            {loading.NOT_KEPT: 3, "wrong number of columns": 1, "position is not a number": 1},
        ),
        # Nine stops, one inactive; the rest give a second key without "(Manchester
        # Metrolink)", and two a landmark beside them.
        (NAPTAN, 9, 15, {"stop not active": 1}),
    ],
)
def test_each_file_gives_its_places_and_counts_what_it_leaves_out(path, read_rows, loaded, skipped):
    report, places = read(path)
    assert (report.rows_read, report.loaded, len(places)) == (read_rows, loaded, loaded)
    assert dict(report.skipped) == skipped


def test_a_left_out_row_is_reported_with_its_file_and_line():
    report, _ = read(ONSPD)
    assert report.examples["terminated postcode"] == ["ONSPD_FEB_2025_UK_sample.csv line 3"]


@pytest.mark.parametrize(
    ("path", "kind", "key", "label", "place_kind", "expected"),
    [
        # Grid metres converted: the real Code-Point row lands where the README says.
        (CODEPOINT_ZIP, "postcode", "M43AQ", "M4 3AQ", "postcode", SHIPPED_M4_3AQ),
        (ONSPD, "postcode", "M43AQ", "M4 3AQ", "postcode", MOVED_M4_3AQ),
        (ONSPD_NOV_2025, "postcode", "M11AD", "M1 1AD", "postcode", (53.4841, -2.2442)),
        (OPEN_NAMES, "name", "tib lane", "Tib Lane, Manchester", "street", TIB_LANE),
        (OPEN_NAMES, "name", "ancoats", "Ancoats, Manchester", "suburb", (53.481175, -2.22787)),
        # NAME2, the English name of a Welsh place, is a second key for it.
        (
            OPEN_NAMES,
            "name",
            "coety",
            "Coity, Pen-y-bont ar Ogwr - Bridgend",
            "suburb",
            (51.524169, -3.554824),
        ),
        (
            NAPTAN,
            "name",
            "market street",
            "Market Street (Manchester Metrolink), Manchester City Centre",
            "stop",
            (53.481921, -2.238755),
        ),
        (
            NAPTAN,
            "name",
            "manchester arndale",
            "Manchester Arndale, Manchester City Centre",
            "landmark",
            (53.481921, -2.238755),
        ),
        # Norfolk gives only Easting and Northing: 622930 E, 308009 N.
        (
            NAPTAN,
            "name",
            "bus station",
            "Bus Station, Norwich City Centre",
            "stop",
            (52.624066, 1.292273),
        ),
    ],
)
def test_a_loaded_place_has_its_key_label_kind_and_position(
    path, kind, key, label, place_kind, expected
):
    _, places = read(path)
    found = next(p for p in places if (p.kind, p.key) == (kind, key))
    assert (found.label, found.place_kind) == (label, place_kind)
    assert km((found.lat, found.lon), expected) < 0.005


@pytest.mark.parametrize(
    ("path", "left_out"),
    [
        (OPEN_NAMES, ["m4 3aq", "river irwell", "a6", "spear street"]),
        (NAPTAN, ["wroxham", "layby"]),
        (ONSPD, ["M25DB", "M17ED"]),
    ],
)
def test_postcode_rows_water_numbered_roads_inactive_stops_and_terminated_postcodes_are_left_out(
    path, left_out
):
    _, places = read(path)
    assert not {place.key for place in places} & set(left_out)


@pytest.mark.parametrize(
    ("content", "fmt", "message"),
    [
        ("a,b\n1,2\n", "auto", "Could not tell the format"),
        ("pcds,doterm,latitude,long\nM4 3AQ,,53.4,-2.2\n", "auto", "no column named lat:"),
        ("CommonName\nSomewhere\n", "onspd", "no column named pcds, lat, long"),
        ('"M35 5AP",90,0,0\n', "auto", "No row of places.csv gave a place"),
    ],
)
def test_a_file_that_cannot_be_loaded_is_refused_with_a_reason(tmp_path, content, fmt, message):
    path = tmp_path / "places.csv"
    path.write_text(content)
    with pytest.raises(loading.PlaceFileError, match=message):
        read(path, fmt)


def test_a_zip_without_the_members_a_format_needs_is_refused(tmp_path):
    path = tmp_path / "names.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Doc/readme.txt", "no data here")
    with pytest.raises(loading.PlaceFileError, match="holds no CSV"):
        read(path)


# ---- precedence, without a database ------------------------------------------------------


class FakeLoaded:
    """Loaded places in a list, counting how often the gazetteer asks whether any exist."""

    def __init__(self, places: list[LoadedPlace]):
        self.places = places
        self.changes = 0
        self.asked = 0

    def any(self) -> bool:
        self.asked += 1
        return bool(self.places)

    def postcode(self, key):
        found = [p for p in self.places if (p.kind, p.key) == ("postcode", key)]
        return (found[-1].lat, found[-1].lon) if found else None

    def named(self, keys, within=None):
        south, west, north, east = within or (-90, -180, 90, 180)
        return [
            p
            for p in self.places
            if p.kind == "name"
            and p.key in keys
            and south <= p.lat <= north
            and west <= p.lon <= east
        ]


def layered(places: list[LoadedPlace], clock=lambda: 0.0) -> tuple[LayeredGazetteer, FakeLoaded]:
    loaded = FakeLoaded(places)
    return LayeredGazetteer(default_gazetteer(), loaded, clock), loaded


def named(key, label, place_kind, lat, lon) -> LoadedPlace:
    return LoadedPlace("name", key, label, place_kind, lat, lon)


MOVED = LoadedPlace("postcode", "M43AQ", "M4 3AQ", "postcode", *MOVED_M4_3AQ)
TIB = named("tib lane", "Tib Lane, Manchester", "street", *TIB_LANE)


@pytest.mark.parametrize(
    ("places", "question", "label", "expected"),
    [
        # A full postcode loaded is where the load put it, named as the shipped one is.
        ([MOVED], ("find", "m4 3aq"), "M4 3AQ, Manchester", MOVED_M4_3AQ),
        ([MOVED], ("find_in_text", "help I'm at M4 3AQ"), "M4 3AQ, Manchester", MOVED_M4_3AQ),
        ([MOVED], ("suggestions", "M43AQ"), "M4 3AQ, Manchester", MOVED_M4_3AQ),
        # A name the shipped gazetteer does not know is found before its guess ("Gib Lane",
        # 40 km away in Blackburn).
        ([TIB], ("find", "Tib Lane"), "Tib Lane, Manchester", TIB_LANE),
        ([TIB], ("find", "tib ln"), "Tib Lane, Manchester", TIB_LANE),
        ([TIB], ("find_in_text", "I'm on Tib Lane, please help"), "Tib Lane, Manchester", TIB_LANE),
        (
            [TIB],
            ("find_in_text", "near tib lane in manchester"),
            "Tib Lane, Manchester",
            TIB_LANE,
        ),
        # A shipped name keeps its label; a loaded one of its name within 2 km moves it.
        (
            [named("ancoats", "Ancoats, Manchester", "suburb", 53.4840, -2.2270)],
            ("find", "Ancoats"),
            "Ancoats, Manchester",
            (53.4840, -2.2270),
        ),
        (
            [named("ancoats", "Ancoats, Manchester", "suburb", 53.4840, -2.2270)],
            ("find_in_text", "I'm in Ancoats"),
            "Ancoats, Manchester",
            (53.4840, -2.2270),
        ),
        # One of the same name further away is another place: the shipped answer stands.
        (
            [named("ancoats", "Ancoats, Elsewhere", "street", 52.0, -1.0)],
            ("find", "Ancoats"),
            "Ancoats, Manchester",
            (53.48118, -2.22787),
        ),
    ],
)
def test_loaded_places_come_before_the_shipped_ones_where_they_know_better(
    places, question, label, expected
):
    gazetteer, _ = layered(places)
    method, text = question
    found = getattr(gazetteer, method)(text)
    place = found[0] if isinstance(found, list) else found
    assert place.label == label
    assert km((place.lat, place.lon), expected) < 0.01


def test_of_several_loaded_places_of_one_name_the_one_nearest_the_device_is_chosen():
    leeds = named("tib lane", "Tib Lane, Leeds", "street", 53.7997, -1.5492)
    gazetteer, _ = layered([leeds, TIB])
    assert gazetteer.find("Tib Lane", near=(53.80, -1.55)).label == "Tib Lane, Leeds"
    assert gazetteer.find("Tib Lane", near=(53.48, -2.24)).label == "Tib Lane, Manchester"
    assert gazetteer.find("Tib Lane, Leeds").label == "Tib Lane, Leeds"
    assert [p.label for p in gazetteer.candidates("Tib Lane")] == [
        "Tib Lane, Leeds",
        "Tib Lane, Manchester",
    ]


def test_with_nothing_loaded_answers_are_the_shipped_ones_and_the_database_is_asked_once_a_minute():
    now = [0.0]
    gazetteer, loaded = layered([], clock=lambda: now[0])
    shipped = default_gazetteer()
    for text in ("M4 3AQ", "Ancoats", "Tib Lane", "Piccadilly, London"):
        assert gazetteer.find(text) == shipped.find(text)
        assert gazetteer.candidates(text, 3) == shipped.candidates(text, 3)
    assert gazetteer.find_in_text("I'm near Piccadilly Gardens") == shipped.find_in_text(
        "I'm near Piccadilly Gardens"
    )
    assert loaded.asked == 1
    now[0] = 61.0
    gazetteer.find("Leeds")
    assert loaded.asked == 2
    loaded.changes += 1  # a load in this process is seen at once
    gazetteer.find("Leeds")
    assert loaded.asked == 3


def test_a_postcode_loaded_since_the_shipped_directory_is_known_to_exist():
    new = LoadedPlace("postcode", "LS999ZZ", "LS99 9ZZ", "postcode", 53.7656, -1.5008)
    assert layered([])[0].is_unknown_postcode("LS99 9ZZ")
    assert not layered([new])[0].is_unknown_postcode("ls99 9zz")


def test_the_shipped_gazetteer_is_read_only_when_a_place_is_first_asked_for():
    reads = []

    def shipped():
        reads.append(1)
        return default_gazetteer()

    gazetteer = LayeredGazetteer(shipped, FakeLoaded([]))
    assert reads == []
    gazetteer.find("Leeds")
    gazetteer.find("York")
    assert reads == [1]


# ---- through the command and the public API (SQLite and PostgreSQL) ----------------------


def location(client, q: str) -> dict | None:
    response = client.get("/api/v1/spaces", query_string={"q": q})
    return response.get_json().get("location") if response.status_code == 200 else None


def point(found: dict) -> tuple[float, float]:
    return (found["lat"], found["lon"])


def load(runner, path: Path, *args: str):
    return runner.invoke(args=["gazetteer", "load", str(path), *args])


def test_gazetteer_load_of_an_onspd_file_moves_a_postcode_and_skips_a_terminated_one(
    runner, client
):
    before = location(client, "M2 5DB")
    result = load(runner, ONSPD, "--format", "onspd")
    assert result.exit_code == 0, result.output
    assert "Rows read: 5" in result.output
    assert "Loaded: 2 places (source onspd)" in result.output
    assert "terminated postcode: 1 (e.g. ONSPD_FEB_2025_UK_sample.csv line 3)" in result.output
    moved = location(client, "M4 3AQ")
    assert moved["label"] == "M4 3AQ, Manchester"
    assert km(point(moved), MOVED_M4_3AQ) < 0.001
    # Terminated: the file's position (53.5, -2.2) is not taken; the shipped one stands.
    assert location(client, "M2 5DB") == before
    assert km(point(before), (53.5, -2.2)) > 2
    # New since the shipped data: no longer the centre of its district.
    new = location(client, "M4 9ZX")
    assert new["label"] == "M4 9ZX, Manchester"
    assert km(point(new), (53.4862, -2.2312)) < 0.001


def test_an_import_places_a_row_by_a_postcode_only_once_a_load_says_it_exists(
    runner, locator, tmp_path
):
    row = premises_row("n1", "", "", postcode="M4 9ZX")
    path = write_csv(tmp_path / "new-build.csv", [row])
    refused = runner.invoke(args=["import", str(path)]).output
    assert "postcode M4 9ZX does not exist" in refused
    assert load(runner, ONSPD, "--format", "onspd").exit_code == 0
    assert "Imported: 1 new" in runner.invoke(args=["import", str(path)]).output
    [space_id] = locator.store.premises.ids_in_areas([])
    stored = locator.store.premises.get(space_id)
    assert km((stored.lat, stored.lon), (53.4862, -2.2312)) < 0.001


def test_gazetteer_load_of_os_open_names_rows_finds_a_named_road_at_its_grid_position(
    runner, client
):
    result = load(runner, OPEN_NAMES)
    assert result.exit_code == 0, result.output
    assert "Format: open-names" in result.output
    assert "wrong number of columns: 1 (e.g. SJ89.csv line 3)" in result.output
    road = location(client, "Tib Lane")
    assert road["label"] == "Tib Lane, Manchester"
    assert km(point(road), TIB_LANE) < 0.005
    assert location(client, "Coety")["label"] == "Coity, Pen-y-bont ar Ogwr - Bridgend"


@pytest.mark.parametrize(
    ("path", "loaded"),
    [(CODEPOINT_ZIP, 6), (CODEPOINT_CSV, 5), (NAPTAN, 15), (ONSPD_NOV_2025, 1)],
)
def test_each_format_loads_through_the_command(runner, locator, path, loaded):
    result = load(runner, path)
    assert result.exit_code == 0, result.output
    assert f"Loaded: {loaded} places" in result.output
    assert sum(source.entries for source in locator.store.places.sources()) == loaded


def test_a_stop_only_the_loaded_naptan_knows_is_found_through_the_api(runner, client):
    assert load(runner, NAPTAN).exit_code == 0
    stop = location(client, "John Innes Institute")
    assert stop["label"] == "John Innes Institute, Norwich Research Park"
    assert km(point(stop), (52.622734, 1.223363)) < 0.005


def test_loading_a_source_again_replaces_it_and_status_and_clear_say_what_is_loaded(
    runner, locator, client
):
    assert "Nothing loaded" in runner.invoke(args=["gazetteer", "status"]).output
    assert load(runner, ONSPD).exit_code == 0
    assert load(runner, ONSPD).exit_code == 0
    assert load(runner, CODEPOINT_CSV, "--source", "codepoint-m").exit_code == 0
    status = runner.invoke(args=["gazetteer", "status"]).output
    assert "codepoint-m: 5 places from codepoint_m.csv (codepoint)" in status
    assert "onspd: 2 places from ONSPD_FEB_2025_UK_sample.csv (onspd)" in status
    # Both sources hold M4 3AQ: the later load's position is used.
    assert km(point(location(client, "M4 3AQ")), SHIPPED_M4_3AQ) < 0.005
    cleared = runner.invoke(args=["gazetteer", "clear", "--source", "codepoint-m"])
    assert "Removed 5 loaded places of codepoint-m." in cleared.output
    assert km(point(location(client, "M4 3AQ")), MOVED_M4_3AQ) < 0.001
    unknown = runner.invoke(args=["gazetteer", "clear", "--source", "nspl"])
    assert unknown.exit_code == 1
    assert "no source 'nspl' is loaded" in unknown.output
    assert "Removed 2 loaded places." in runner.invoke(args=["gazetteer", "clear"]).output
    assert not locator.store.places.any()


def broken_codepoint_zip(folder: Path) -> Path:
    """Return a Code-Point zip whose second CSV is corrupt, found only once it is read."""
    path = folder / "codepo_gb.zip"
    rows = CODEPOINT_CSV.read_bytes()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("Data/CSV/m.csv", rows)
        archive.writestr("Data/CSV/nr.csv", rows.replace(b"M4 3AQ", b"NR1 3DD"))
    data = bytearray(path.read_bytes())
    at = data.rindex(b"NR1 3DD")
    data[at : at + 7] = b"XX9 9XX"  # the stored CRC no longer matches
    path.write_bytes(bytes(data))
    return path


def test_a_file_broken_part_way_leaves_the_loaded_places_as_they_were(runner, locator, tmp_path):
    assert load(runner, CODEPOINT_ZIP).exit_code == 0
    with locator.store.engine.connect() as connection:
        before = connection.execute(loaded_places.select().order_by(loaded_places.c.id)).all()
    result = load(runner, broken_codepoint_zip(tmp_path))
    assert result.exit_code == 1
    assert "nr.csv breaks off" in result.output
    assert "Nothing was changed." in result.output
    assert "Traceback" not in result.output
    with locator.store.engine.connect() as connection:
        after = connection.execute(loaded_places.select().order_by(loaded_places.c.id)).all()
    assert after == before
    assert [s.entries for s in locator.store.places.sources()] == [6]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.csv", None, "is not a file"),
        ("notes.txt", "just some notes\n", "Could not tell the format"),
        ("broken.zip", "PK\x03\x04 not really a zip", "Could not tell the format"),
    ],
)
def test_a_file_that_cannot_be_loaded_gives_a_message_and_exit_code_1(
    runner, locator, tmp_path, name, content, message
):
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    result = load(runner, path)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert not locator.store.places.any()


def test_the_sample_files_are_the_ones_described_in_the_readme():
    readme = (DATA / "README.md").read_text()
    files = sorted(p.name for p in DATA.iterdir() if p.name != "README.md")
    assert [name for name in files if f"`{name}`" not in readme] == []
