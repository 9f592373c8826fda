"""The public HTTP API: search, one space, errors, OpenAPI, health."""

from __future__ import annotations

import itertools

import pytest

from locator.search.index import haversine_m

from builders import add_premises, ids_by_ref
from conftest import premises_row

MANCHESTER = (53.4794, -2.2453)
AT_NOON = "2026-12-02T12:00"  # a Wednesday
AT_NIGHT = "2026-12-02T23:30"


@pytest.fixture
def manchester(locator):
    """Five premises around Manchester centre with different hours and facilities."""
    lat, lon = MANCHESTER
    rows = [
        premises_row("near", lat + 0.001, lon, facilities="phone_charging;toilet"),
        premises_row("mid", lat + 0.01, lon, facilities="phone_charging"),
        premises_row("far", lat + 0.03, lon, opening_hours="24/7", facilities="toilet"),
        premises_row("night", lat + 0.005, lon, opening_hours="Mo-Su 18:00-02:00"),
        premises_row("leeds", 53.7997, -1.5492),
    ]
    add_premises(locator, rows)
    return ids_by_ref(locator)


def search(client, **params):
    response = client.get("/api/v1/spaces", query_string=params)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def refs(collection, ids):
    by_id = {v: k for k, v in ids.items()}
    return [by_id[feature["id"]] for feature in collection["features"]]


def test_search_by_point_returns_nearest_first_within_radius(client, manchester):
    found = search(client, lat=MANCHESTER[0], lon=MANCHESTER[1], at=AT_NOON)
    assert refs(found, manchester) == ["near", "night", "mid", "far"]
    distances = [f["properties"]["distance_m"] for f in found["features"]]
    assert distances == sorted(distances)
    assert 100 <= distances[0] <= 125


def test_open_now_leaves_out_spaces_closed_at_that_time(client, manchester):
    noon = search(client, lat=MANCHESTER[0], lon=MANCHESTER[1], at=AT_NOON, open_now="true")
    assert refs(noon, manchester) == ["near", "mid", "far"]
    night = search(client, lat=MANCHESTER[0], lon=MANCHESTER[1], at=AT_NIGHT, open_now="true")
    assert refs(night, manchester) == ["night", "far"]
    assert all(f["properties"]["open_now"] for f in night["features"])


def test_closed_spaces_are_listed_as_closed_when_open_now_is_off(client, manchester):
    found = search(client, lat=MANCHESTER[0], lon=MANCHESTER[1], at=AT_NIGHT)
    states = {f["properties"]["name"]: f["properties"]["open_now"] for f in found["features"]}
    assert states == {"Shop near": False, "Shop night": True, "Shop mid": False, "Shop far": True}
    near = found["features"][0]["properties"]
    assert near["next_change"].startswith("2026-12-03T08:00")


def test_every_requested_facility_is_required(client, manchester):
    both = search(client, lat=MANCHESTER[0], lon=MANCHESTER[1], facilities="toilet,phone_charging")
    assert refs(both, manchester) == ["near"]
    toilet = search(client, lat=MANCHESTER[0], lon=MANCHESTER[1], facilities="toilet")
    assert refs(toilet, manchester) == ["near", "far"]


def test_radius_and_limit_cut_the_list(client, manchester):
    assert refs(
        search(client, lat=MANCHESTER[0], lon=MANCHESTER[1], radius_km="1.5"), manchester
    ) == ["near", "night", "mid"]
    assert refs(search(client, lat=MANCHESTER[0], lon=MANCHESTER[1], limit=2), manchester) == [
        "near",
        "night",
    ]


@pytest.mark.parametrize(
    ("q", "label", "where", "within_m"),
    [
        # Code-Point Open's position of M4 3AQ, by the Arndale: not the middle of M4.
        ("M4 3AQ", "M4 3AQ, Manchester", (53.484256, -2.242609), 100),
        # A half-typed postcode is a sector of M4, never the district M43 nine kilometres east.
        ("M4 3", "M4 3 (postcode sector, Manchester)", (53.484256, -2.242609), 500),
    ],
)
def test_a_full_or_half_typed_postcode_is_searched_from_where_it_is(
    client, q, label, where, within_m
):
    found = search(client, q=q)["location"]
    assert (found["label"], found["source"]) == (label, "postcode")
    assert haversine_m(found["lat"], found["lon"], *where) < within_m


def test_a_postcode_district_is_resolved_and_reported(client, manchester):
    found = search(client, q="m1", radius_km=10)
    assert found["location"]["source"] == "district"
    assert found["location"]["label"].startswith("M1")
    assert set(refs(found, manchester)) == {"near", "mid", "far", "night"}


def test_bbox_returns_only_spaces_inside_the_box(client, manchester):
    lat, lon = MANCHESTER
    box = f"{lon - 0.01},{lat},{lon + 0.01},{lat + 0.007}"
    assert sorted(refs(search(client, bbox=box), manchester)) == ["near", "night"]


def test_area_limits_results_to_a_district(client, manchester):
    found = search(client, area="leeds")
    assert refs(found, manchester) == ["leeds"]
    assert "distance_m" not in found["features"][0]["properties"]


def test_features_follow_the_spec_contract(client, manchester):
    found = search(client, lat=MANCHESTER[0], lon=MANCHESTER[1], limit=1)
    assert found["type"] == "FeatureCollection"
    feature = found["features"][0]
    assert feature["type"] == "Feature"
    assert feature["id"] == feature["properties"]["id"] == manchester["near"]
    assert feature["geometry"]["coordinates"] == pytest.approx([MANCHESTER[1], 53.4804])
    expected = {
        "id",
        "name",
        "organisation",
        "address",
        "postcode",
        "facilities",
        "opening_hours",
        "open_now",
        "next_change",
        "distance_m",
        "phone",
        "website",
        "how_to_ask",
        "url",
    }
    assert expected <= set(feature["properties"])
    assert feature["properties"]["facilities"] == ["phone_charging", "toilet"]
    assert feature["properties"]["url"].endswith(f"/spaces/{manchester['near']}")


def test_one_space_is_returned_by_id(client, manchester):
    response = client.get(f"/api/v1/spaces/{manchester['far']}")
    assert response.status_code == 200
    assert response.get_json()["properties"]["name"] == "Shop far"
    assert response.get_json()["properties"]["open_now"] is True


@pytest.mark.parametrize(
    ("status", "scheme"),
    [
        ("pending", "external"),
        ("rejected", "external"),
        ("suspended", "external"),
        ("published", "internal"),
        ("pending", "internal"),
    ],
)
def test_only_external_published_spaces_are_ever_returned(client, locator, status, scheme):
    lat, lon = MANCHESTER
    add_premises(
        locator,
        [
            premises_row("public", lat, lon, opening_hours="24/7", facilities="toilet"),
            premises_row(
                "hidden", lat, lon, opening_hours="24/7", facilities="toilet", scheme=scheme
            ),
        ],
        publish=True,
    )
    ids = ids_by_ref(locator)
    locator.store.premises.set_status(ids["hidden"], status)
    combos = itertools.product(
        [
            {"lat": lat, "lon": lon},
            {"q": "M1"},
            {"bbox": f"{lon - 1},{lat - 1},{lon + 1},{lat + 1}"},
            {"area": "manchester"},
        ],
        [{}, {"open_now": "true"}, {"facilities": "toilet"}, {"at": AT_NIGHT}],
    )
    for where, extra in combos:
        found = search(client, **where, **extra, limit=200)
        assert [f["id"] for f in found["features"]] == [ids["public"]], (where, extra)
    response = client.get(f"/api/v1/spaces/{ids['hidden']}")
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "q"),
        ({"lat": "53.4"}, "lon"),
        ({"lon": "-2.2"}, "lat"),
        ({"lat": "north", "lon": "-2.2"}, "lat"),
        ({"lat": "91", "lon": "-2.2"}, "lat"),
        ({"lat": "nan", "lon": "-2.2"}, "lat"),
        ({"lat": "53.4", "lon": "inf"}, "lon"),
        ({"lat": "53.4", "lon": "-2.2", "q": "M1"}, "q"),
        ({"q": "x" * 201}, "q"),
        ({"q": "qwzxqwzx"}, "q"),
        ({"q": "M1", "radius_km": "0"}, "radius_km"),
        ({"q": "M1", "radius_km": "51"}, "radius_km"),
        ({"q": "M1", "radius_km": "five"}, "radius_km"),
        ({"q": "M1", "open_now": "maybe"}, "open_now"),
        ({"q": "M1", "at": "tomorrow"}, "at"),
        ({"q": "M1", "at": "1066-10-14T09:00"}, "at"),
        ({"q": "M1", "facilities": "phone_charging,jacuzzi"}, "facilities"),
        ({"bbox": "1,2,3"}, "bbox"),
        ({"bbox": "a,b,c,d"}, "bbox"),
        ({"bbox": "-2,54,-3,53"}, "bbox"),
        ({"bbox": "-2,53,-1,200"}, "bbox"),
        ({"area": "atlantis"}, "area"),
        ({"q": "M1", "limit": "0"}, "limit"),
        ({"q": "M1", "limit": "201"}, "limit"),
        ({"q": "M1", "limit": "2.5"}, "limit"),
    ],
)
def test_malformed_parameters_get_a_json_error_naming_the_field(client, params, field):
    response = client.get("/api/v1/spaces", query_string=params)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["field"] == field
    assert error["message"] and error["code"] in {"invalid_parameter", "unknown_place"}


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("GET", "/api/v1/nothing-here", 404, "not_found"),
        ("GET", "/api/v1/spaces/999999", 404, "not_found"),
        ("GET", "/api/v1/spaces/-5", 404, "not_found"),
        ("GET", "/api/v1/spaces/abc", 404, "not_found"),
        ("POST", "/api/v1/spaces", 405, "method_not_allowed"),
        ("DELETE", "/api/v1/spaces/1", 405, "method_not_allowed"),
        ("GET", "/api/v1/spaces/1?at=soon", 400, "invalid_parameter"),
    ],
)
def test_every_api_error_has_the_one_json_shape(client, method, path, status, code):
    response = client.open(path, method=method)
    assert response.status_code == status
    assert response.is_json
    assert set(response.get_json()["error"]) == {"code", "message", "field"}
    assert response.get_json()["error"]["code"] == code


def test_health_check_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json()["status"] == "ok"


def test_health_check_says_503_when_the_database_is_unreachable():
    from locator import create_app

    app = create_app({"DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:1/none"})
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["error"]["code"] == "unavailable"


def test_each_search_tells_the_state_at_its_own_moment_even_when_earlier_ones_were_kept(
    client, locator
):
    add_premises(
        locator, [premises_row("till_five", 53.4804, -2.2453, opening_hours="09:00-17:00")]
    )
    # In order, on one index: each answer may reuse what the searches before it worked out.
    moments = [
        ("2026-12-02T16:30:00", "open", "Closes in 30 min", "2026-12-02T17:00:00+00:00", None),
        (
            "2026-12-02T16:59:59",
            "open",
            "Closes in 1 min: you may not get there in time",
            "2026-12-02T17:00:00+00:00",
            None,
        ),
        (
            "2026-12-02T17:00:00",
            "closed",
            "Closed · opens 09:00 tomorrow",
            "2026-12-03T09:00:00+00:00",
            None,
        ),
        ("2026-12-02T16:50:00", "open", "Closes in 10 min", "2026-12-02T17:00:00+00:00", None),
        (
            "2026-12-25T12:00:00",
            "unknown",
            "Bank holiday: hours not confirmed, phone first",
            "2026-12-27T00:00:00+00:00",  # Boxing Day is a bank holiday too
            "Christmas Day",
        ),
    ]
    for at, state, status_text, next_change, holiday in moments:
        found = search(client, lat=MANCHESTER[0], lon=MANCHESTER[1], at=at)
        properties = found["features"][0]["properties"]
        assert (
            properties["state"],
            properties["status_text"],
            properties["next_change"],
            properties["holiday"],
        ) == (state, status_text, next_change, holiday), at


def test_search_results_are_served_as_geojson(client, manchester):
    response = client.get("/api/v1/spaces", query_string={"q": "M1"})
    assert response.mimetype == "application/geo+json"
    assert response.get_json()["type"] == "FeatureCollection"


def test_search_description_says_what_was_asked(client, manchester):
    found = search(client, q="M1", open_now="true", facilities="toilet", radius_km=3)
    assert "with toilet" in found["description"]
    assert "within 3 km of M1" in found["description"]


def test_listings_not_confirmed_for_a_year_sink_below_the_others(client, locator, manchester):
    from datetime import date

    locator.store.premises.change(
        manchester["near"], {"last_confirmed": date(2024, 1, 1)}, "test", "aged", {}
    )
    found = search(client, lat=MANCHESTER[0], lon=MANCHESTER[1], at=AT_NOON)
    assert refs(found, manchester) == ["night", "mid", "far", "near"]
    assert [f["properties"]["stale"] for f in found["features"]] == [False, False, False, True]


@pytest.mark.parametrize("space_id", ["2147483648", "99999999999999999999", "0", "-1"])
def test_an_id_beyond_what_the_database_holds_is_not_found(client, space_id):
    with client.get(f"/api/v1/spaces/{space_id}") as response:
        assert response.status_code == 404
        assert response.get_json()["error"]["code"] == "not_found"
    with client.get(f"/spaces/{space_id}") as response:
        assert response.status_code == 404
