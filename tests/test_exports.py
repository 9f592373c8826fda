"""The open-data exports: GeoJSON (RFC 7946) and HSDS 3.0, streamed, cached and CORS open."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import pytest

from locator.adapters.db.premises import PUBLIC_FIELDS
from locator.domain.premises import Premises
from locator.importing import service as imports
from locator.opendata import exports

from builders import add_premises, ids_by_ref
from conftest import premises_row

GEOJSON = "/api/v1/export.geojson"
HSDS = "/api/v1/export.hsds.json"
HIDDEN = ("internal", "pending", "rejected", "suspended")

# -- RFC 7946, written from the RFC -----------------------------------------------------------


def rfc7946_problems(document) -> list[str]:
    """Return what stops a document being an RFC 7946 FeatureCollection of Points."""
    problems = []
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        return ["top level is not an object of type FeatureCollection (3.3)"]
    if "crs" in document:
        problems.append("the crs member was removed in RFC 7946 (4)")
    features = document.get("features")
    if not isinstance(features, list):
        return [*problems, "features must be an array (3.3)"]
    for number, feature in enumerate(features):
        where = f"feature {number}"
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            problems.append(f"{where}: not an object of type Feature (3.2)")
            continue
        if "crs" in feature:
            problems.append(f"{where}: has crs (4)")
        if "id" in feature and (
            isinstance(feature["id"], bool) or not isinstance(feature["id"], str | int | float)
        ):
            problems.append(f"{where}: id must be a string or a number (3.2)")
        if "properties" not in feature or not isinstance(feature["properties"], dict | None):
            problems.append(f"{where}: properties must be an object or null (3.2)")
        geometry = feature.get("geometry")
        if not isinstance(geometry, dict) or geometry.get("type") != "Point":
            problems.append(f"{where}: geometry is not a Point (3.1.2)")
            continue
        position = geometry.get("coordinates")
        if (
            not isinstance(position, list)
            or len(position) != 2
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in position)
        ):
            problems.append(f"{where}: a position is two numbers, [lon, lat] here (3.1.1)")
            continue
        lon, lat = position
        if not -180 <= lon <= 180 or not -90 <= lat <= 90:
            problems.append(f"{where}: [{lon}, {lat}] is not longitude, latitude in WGS 84 (4)")
    return problems


# -- HSDS 3.0, written from openreferral/specification schema/*.json at commit 67e7b37 ----------
# `required` of organization.json, service.json, service_at_location.json, location.json,
# address.json, phone.json, schedule.json and accessibility.json (HSDS 3.0); the types are
# those files' "type" for every field this export fills ("number" is a JSON number).

HSDS_REQUIRED = {
    "organization": ("id", "name", "description"),
    "service": ("id", "name", "status"),
    "service_at_location": ("id",),
    "location": ("id", "location_type"),
    "address": (
        "id",
        "address_1",
        "city",
        "state_province",
        "postal_code",
        "country",
        "address_type",
    ),
    "phone": ("id", "number"),
    "schedule": ("id",),
    "accessibility": ("id",),
}
HSDS_TYPES = {
    "organization": {"id": str, "name": str, "description": str},
    "service": {
        "id": str,
        "organization_id": str,
        "name": str,
        "description": str,
        "url": str,
        "status": str,
        "application_process": str,
        "fees_description": str,
        "eligibility_description": str,
        "assured_date": str,
        "alert": str,
        "schedules": list,
        "service_at_locations": list,
        "organization": dict,
    },
    "service_at_location": {
        "id": str,
        "service_id": str,
        "location_id": str,
        "schedules": list,
        "location": dict,
    },
    "location": {
        "id": str,
        "location_type": str,
        "organization_id": str,
        "name": str,
        "latitude": float,
        "longitude": float,
        "addresss": list,
        "phones": list,
        "accessibilitys": list,
    },
    "address": {
        "id": str,
        "location_id": str,
        "address_1": str,
        "city": str,
        "region": str,
        "state_province": str,
        "postal_code": str,
        "country": str,
        "address_type": str,
    },
    "phone": {"id": str, "location_id": str, "number": str, "type": str},
    "schedule": {
        "id": str,
        "service_at_location_id": str,
        "freq": str,
        "interval": float,
        "byday": str,
        "opens_at": str,
        "closes_at": str,
        "description": str,
        "notes": str,
    },
    "accessibility": {"id": str, "location_id": str, "description": str},
}
HSDS_ENUMS = {
    ("service", "status"): {"active", "inactive", "defunct", "temporarily closed"},
    ("location", "location_type"): {"physical", "postal", "virtual"},
    ("address", "address_type"): {"physical", "postal", "virtual"},
    ("schedule", "freq"): {"WEEKLY", "MONTHLY"},
}
HH_MM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
BYDAY = re.compile(r"^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$")


def hsds_problems(kind: str, item: dict) -> list[str]:
    """Return how one HSDS object breaks the required fields and types of its schema."""
    problems = [f"{kind}: {name} is required" for name in HSDS_REQUIRED[kind] if name not in item]
    for name, value in item.items():
        expected = HSDS_TYPES[kind].get(name)
        if expected is None:
            problems.append(f"{kind}: {name} is not a field this test knows")
        elif expected is float:
            if isinstance(value, bool) or not isinstance(value, int | float):
                problems.append(f"{kind}: {name} must be a number")
        elif not isinstance(value, expected):
            problems.append(f"{kind}: {name} must be {expected.__name__}")
        allowed = HSDS_ENUMS.get((kind, name))
        if allowed is not None and value not in allowed:
            problems.append(f"{kind}: {name} {value!r} is not one of {sorted(allowed)}")
    return problems


def hsds_objects(document: dict):
    """Yield (kind, object) for every HSDS object nested in the export."""
    for service in document["contents"]:
        yield "service", service
        yield "organization", service["organization"]
        for link in service["service_at_locations"]:
            yield "service_at_location", link
            for schedule in link["schedules"]:
                yield "schedule", schedule
            location = link["location"]
            yield "location", location
            for kind, field in (
                ("address", "addresss"),
                ("phone", "phones"),
                ("accessibility", "accessibilitys"),
            ):
                for item in location[field]:
                    yield kind, item


# -- helpers ------------------------------------------------------------------------------------


def fetch(client, path: str) -> dict:
    with client.get(path) as response:
        assert response.status_code == 200, response.get_data(as_text=True)
        return json.loads(response.get_data())


def hide(locator, how: str) -> None:
    """Store premises "H" so that it is not public, in the way named."""
    if how == "pending":
        add_premises(locator, [premises_row("H", 53.47, -2.25)], publish=False)
        return
    scheme = "internal" if how == "internal" else "external"
    add_premises(locator, [premises_row("H", 53.47, -2.25, scheme=scheme)], publish=True)
    # An internal scheme stays hidden even when a moderator has published it.
    locator.store.premises.set_status(
        ids_by_ref(locator)["H"], "published" if how == "internal" else how
    )


def exported_ids(client, path: str) -> set[int]:
    document = fetch(client, path)
    if path == GEOJSON:
        return {feature["id"] for feature in document["features"]}
    return {int(service["url"].rsplit("/", 1)[1]) for service in document["contents"]}


# -- GeoJSON ------------------------------------------------------------------------------------


def test_the_geojson_export_is_a_valid_rfc_7946_feature_collection(client, locator):
    add_premises(
        locator,
        [
            premises_row("A", 53.48, -2.24, facilities="step_free;toilet", phone="0161 496 0000"),
            premises_row("B", 52.63, 1.29, opening_hours="Mo-Su 18:00-02:00"),
        ],
    )
    document = fetch(client, GEOJSON)
    assert rfc7946_problems(document) == []
    assert len(document["features"]) == 2
    feature = next(f for f in document["features"] if f["properties"]["name"] == "Shop A")
    assert feature["geometry"]["coordinates"] == [-2.24, 53.48]
    assert feature["id"] == feature["properties"]["id"]
    assert feature["properties"]["facilities"] == ["step_free", "toilet"]
    assert feature["properties"]["opening_hours"] == "Mo-Su 08:00-20:00"
    assert feature["properties"]["url"].endswith(f"/spaces/{feature['id']}")
    assert "last_confirmed" in feature["properties"]
    # Moment-dependent fields would go stale under the data-version ETag.
    assert "open_now" not in feature["properties"]


def test_the_rfc_7946_checker_rejects_what_the_rfc_forbids():
    point = {"type": "Point", "coordinates": [-2.24, 53.48]}
    good = {"type": "Feature", "id": 1, "geometry": point, "properties": {}}
    assert rfc7946_problems({"type": "FeatureCollection", "features": [good]}) == []
    for bad in (
        {**good, "geometry": {"type": "Point", "coordinates": [53.48, -200.0]}},
        {**good, "geometry": {"type": "Point", "coordinates": [1.0, 2.0, 3.0, 4.0]}},
        {**good, "id": True},
        {key: value for key, value in good.items() if key != "properties"},
    ):
        assert rfc7946_problems({"type": "FeatureCollection", "features": [bad]})
    assert rfc7946_problems({"type": "FeatureCollection", "features": [], "crs": {}})


@pytest.mark.parametrize("path", [GEOJSON, HSDS])
@pytest.mark.parametrize("how", HIDDEN)
def test_an_export_holds_exactly_the_public_premises(client, locator, path, how):
    add_premises(locator, [premises_row("P", 53.48, -2.24)], publish=True)
    hide(locator, how)
    ids = ids_by_ref(locator)
    assert exported_ids(client, path) == {ids["P"]}


def test_demo_premises_are_included_flagged_and_attributed(client, locator):
    row = premises_row("N1", 52.63, 1.29, organisation="Norwich shops (demo)")
    from locator.importing.rows import RawRow

    imports.import_rows(locator, "csv", [RawRow("line 2", row)], publish=True, demo=True)
    document = fetch(client, GEOJSON)
    (feature,) = document["features"]
    assert feature["properties"]["demo"] is True
    assert feature["properties"]["source"] == "osm"
    keys = {entry["key"]: entry for entry in document["attribution"]}
    assert keys["osm"]["licence"] == "Open Database License (ODbL) 1.0"
    assert "© OpenStreetMap contributors" in keys["osm"]["notice"]
    assert "nhsbsa" in keys
    assert document["licence"] == "Open Government Licence v3.0"
    (service,) = fetch(client, HSDS)["contents"]
    assert "not a real safe space" in service["alert"]


# -- HSDS ---------------------------------------------------------------------------------------


def test_every_hsds_object_carries_the_fields_hsds_3_requires(client, locator):
    add_premises(
        locator,
        [
            premises_row(
                "A",
                53.48,
                -2.24,
                facilities="step_free;accessible_toilet;toilet",
                phone="0161 496 0000",
                postcode="M1 1AE",
                opening_hours="Mo-Fr 09:00-17:30; Sa 10:00-16:00; PH off",
            ),
            premises_row("B", 52.63, 1.29, opening_hours="Mo-Fr 09:00-17:00; Sa 10:00+"),
        ],
    )
    document = fetch(client, HSDS)
    assert document["hsds_version"] == "3.0"
    assert document["total_items"] == document["size"] == 2
    kinds = {}
    for kind, item in hsds_objects(document):
        assert hsds_problems(kind, item) == []
        # HSDS 3.0 ids are UUIDs.
        assert str(uuid.UUID(item["id"])) == item["id"]
        kinds[kind] = kinds.get(kind, 0) + 1
    assert set(kinds) == set(HSDS_REQUIRED)
    assert kinds["accessibility"] == 2
    for kind, item in hsds_objects(document):
        if kind == "schedule" and "opens_at" in item:
            assert HH_MM.match(item["opens_at"]) and HH_MM.match(item["closes_at"])
            assert BYDAY.match(item["byday"])
        if kind == "address":
            assert re.fullmatch(r"[A-Z]{2}", item["country"])


def test_hsds_ids_are_stable_and_unique(client, locator):
    add_premises(locator, [premises_row("A", 53.48, -2.24), premises_row("B", 53.47, -2.25)])
    first = [item["id"] for _, item in hsds_objects(fetch(client, HSDS))]
    second = [item["id"] for _, item in hsds_objects(fetch(client, HSDS))]
    assert first == second
    organisations = [i["id"] for k, i in hsds_objects(fetch(client, HSDS)) if k == "organization"]
    # One organisation shared by both services; every other object has its own id.
    assert len(set(organisations)) == 1
    assert len(set(first)) == len(first) - 1


@pytest.mark.parametrize("key", [1, 42, 987654, "Test Retail", "Café Ünïcode"])
def test_hsds_ids_are_uuid5_from_the_fixed_namespace(key):
    expected = uuid.uuid5(exports.NAMESPACE, f"service:{key}")
    assert exports.hsds_id("service", key) == str(expected)
    assert expected.version == 5


def test_weekly_hours_become_hsds_weekly_rules():
    assert exports.weekly_rules("Mo-Fr 09:00-17:30; Sa 10:00-16:00; PH off", "england") == (
        ("MO,TU,WE,TH,FR", "09:00", "17:30"),
        ("SA", "10:00", "16:00"),
    )
    # A late night stays one opening on the day it starts.
    assert exports.weekly_rules("Fr-Sa 22:00-04:00", "england") == (("FR,SA", "22:00", "04:00"),)
    assert exports.weekly_rules("24/7", "england") == (("MO,TU,WE,TH,FR,SA,SU", "00:00", "00:00"),)


def a_public_premises(**values) -> Premises:
    shop = {"organisation": "Corner Shop", "ref": "web-1", "name": "Corner Shop"}
    where = {"lat": 52.63, "lon": 1.29, "opening_hours": "24/7"}
    public = {"scheme": "external", "status": "published"}
    return Premises(id=7, **{**shop, **where, **public, **values})


@pytest.mark.parametrize(
    "expression",
    ["Mo-Fr 09:00-17:00; Sa 10:00+", "Jun-Aug Mo-Fr 09:00-20:00; Sep-May Mo-Fr 09:00-17:00"],
)
def test_hours_that_are_not_weekly_rules_keep_only_the_osm_description(expression):
    assert exports.weekly_rules(expression, "england") is None
    row = a_public_premises(opening_hours=expression)
    (schedule,) = exports.hsds_schedules(row, "sal")
    assert "freq" not in schedule
    assert expression in schedule["description"]


# -- HTTP: CORS, caching, streaming ---------------------------------------------------------------


@pytest.mark.parametrize("path", [GEOJSON, HSDS])
def test_exports_are_cors_open_and_cached_by_data_version(client, locator, path):
    add_premises(locator, [premises_row("A", 53.48, -2.24)])
    with client.get(path) as response:
        json.loads(response.get_data())
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert response.headers["Cache-Control"] == "public, max-age=300"
        etag = response.headers["ETag"]
    with client.get(path, headers={"If-None-Match": etag}) as again:
        assert again.status_code == 304
        assert again.get_data() == b""
        assert again.headers["Access-Control-Allow-Origin"] == "*"
        assert again.headers["ETag"] == etag
    locator.store.premises.set_status(ids_by_ref(locator)["A"], "suspended")
    with client.get(path, headers={"If-None-Match": etag}) as changed:
        assert changed.status_code == 200
        assert changed.headers["ETag"] != etag


def test_cors_stays_closed_on_the_rest_of_the_api(client):
    response = client.get("/api/v1/openapi.json")
    assert "Access-Control-Allow-Origin" not in response.headers


@pytest.mark.parametrize(
    ("path", "mimetype"), [(GEOJSON, "application/geo+json"), (HSDS, "application/json")]
)
def test_exports_are_sent_from_a_file_that_a_broken_download_can_resume(
    client, locator, path, mimetype
):
    add_premises(locator, [premises_row("A", 53.48, -2.24)])
    with client.get(path) as response:
        assert response.mimetype == mimetype
        whole = response.get_data()
    json.loads(whole)
    with client.get(path, headers={"Range": "bytes=10-"}) as rest:
        assert rest.status_code == 206
        assert rest.get_data() == whole[10:]


def test_one_file_per_data_version_is_kept(app, client, locator):
    add_premises(locator, [premises_row("A", 53.48, -2.24)])
    fetch(client, GEOJSON)
    add_premises(locator, [premises_row("B", 53.49, -2.24)])
    assert len(fetch(client, GEOJSON)["features"]) == 2
    folder = Path(app.instance_path) / "exports"
    kept = sorted(path.name for path in folder.glob("geojson-*") if not path.name.endswith(".lock"))
    assert len(kept) == 2  # the newest version, plain and gzipped
    assert kept[0].endswith(".json") and kept[1].endswith(".json.gz")


def test_export_chunks_come_a_batch_at_a_time(locator):
    add_premises(locator, [premises_row(f"R{i}", 53.4 + i / 100, -2.2) for i in range(5)])
    chunks = list(exports.geojson_chunks(locator.store, str, batch_size=2))
    # Head, three batches (2 + 2 + 1) and the tail.
    assert len(chunks) == 5
    document = json.loads("".join(chunks))
    assert [f["id"] for f in document["features"]] == sorted(ids_by_ref(locator).values())
    hsds = json.loads(
        "".join(exports.hsds_chunks(locator.store, str, lambda _: None, batch_size=2))
    )
    assert hsds["total_items"] == 5


def test_an_empty_export_is_still_valid_json(client):
    assert fetch(client, GEOJSON)["features"] == []
    document = fetch(client, HSDS)
    assert document["contents"] == [] and document["empty"] is True


def test_the_openapi_document_lists_both_exports(client):
    paths = fetch(client, "/api/v1/openapi.json")["paths"]
    assert {GEOJSON, HSDS} <= set(paths)


def test_the_exports_never_carry_what_only_the_business_and_moderators_see():
    row = a_public_premises(
        contact_email="owner@example.org",
        checklist='{"staff_trained": true}',
        manage_token_hash="f" * 64,
        pending_changes='{"name": "A new name not yet approved"}',
        moderation_note="Spoke to the owner on the phone",
    )
    text = json.dumps(exports.geojson_feature(row, "u")) + json.dumps(
        exports.hsds_service(row, "u", lambda _code: None)
    )
    for secret in (
        "owner@example.org",
        "staff_trained",
        "f" * 64,
        "A new name not yet approved",
        "Spoke to the owner",
    ):
        assert secret not in text


def test_the_export_reads_only_the_columns_the_public_may_see():
    private = {
        "contact_email",
        "checklist",
        "manage_token_hash",
        "record_token_hash",
        "pending_changes",
    }
    assert private.isdisjoint(PUBLIC_FIELDS)
    assert "moderation_note" not in PUBLIC_FIELDS
