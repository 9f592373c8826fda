import math

import numpy as np
import pytest

from locator.geo.areas import Areas, default_areas, slugify


@pytest.fixture(scope="module")
def areas() -> Areas:
    return default_areas()


@pytest.mark.parametrize(
    ("lat", "lon", "name", "nation"),
    [
        (53.7997, -1.5492, "Leeds", "england"),
        (51.4816, -3.1791, "Cardiff", "wales"),
        (54.5973, -5.9301, "Belfast", "northern_ireland"),
        (55.9533, -3.1883, "City of Edinburgh", "scotland"),
        (51.4975, -0.1357, "Westminster", "england"),
        (53.4794, -2.2453, "Manchester", "england"),
        (52.6309, 1.2974, "Norwich", "england"),
        (51.4545, -2.5879, "Bristol, City of", "england"),
        (57.4778, -4.2247, "Highland", "scotland"),
    ],
)
def test_locate_finds_the_district_containing_the_point(areas, lat, lon, name, nation):
    area = areas.locate(lat, lon)
    assert area is not None
    assert (area.name, area.nation) == (name, nation)
    assert areas.nation_at(lat, lon) == nation


@pytest.mark.parametrize(
    ("lat", "lon", "name"),
    [
        (50.8196, -0.1372, "Brighton and Hove"),  # seafront, just inside the coastline
        (50.8150, -0.1370, "Brighton and Hove"),  # Palace Pier, just offshore
        (53.4045, -3.0130, "Wirral"),  # Mersey shore, clipped off by 500 m generalisation
    ],
)
def test_points_just_off_the_coast_snap_to_the_nearest_district(areas, lat, lon, name):
    assert areas.locate(lat, lon).name == name
    assert [area.name for area in areas.locate_many([lat], [lon])] == [name]


@pytest.mark.parametrize(
    ("lat", "lon"),
    [
        (54.5, 1.0),  # North Sea, ~100 km off Whitby
        (50.0, -8.0),  # Atlantic
        (48.8566, 2.3522),  # Paris
        (float("nan"), -1.5),
    ],
)
def test_points_far_from_any_district_are_not_located(areas, lat, lon):
    assert areas.locate(lat, lon) is None
    assert areas.nation_at(lat, lon) == "england"


def test_locate_many_agrees_with_locate_on_random_gb_points(areas):
    rng = np.random.default_rng(20230501)
    lats = rng.uniform(49.9, 58.7, 500)
    lons = rng.uniform(-8.2, 1.8, 500)
    expected = [areas.locate(lat, lon) for lat, lon in zip(lats, lons, strict=True)]
    assert areas.locate_many(lats, lons) == expected
    assert sum(area is not None for area in expected) > 150


def test_locate_many_returns_one_answer_per_point(areas):
    rng = np.random.default_rng(7)
    lats = rng.uniform(49.9, 58.7, 20_000)
    lons = rng.uniform(-8.2, 1.8, 20_000)
    located = areas.locate_many(lats, lons)
    assert len(located) == 20_000


@pytest.mark.parametrize(("lats", "lons"), [([], []), ((), ())])
def test_locate_many_with_no_points_returns_an_empty_list(areas, lats, lons):
    assert areas.locate_many(lats, lons) == []


def test_locate_many_rejects_mismatched_inputs(areas):
    with pytest.raises(ValueError):
        areas.locate_many([53.8, 53.9], [-1.5])


def test_slugs_are_unique_lowercase_and_hyphenated(areas):
    slugs = [area.slug for area in areas.all()]
    assert len(set(slugs)) == len(slugs) == 361
    assert all(slug == slugify(slug) and slug for slug in slugs)


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("King's Lynn and West Norfolk", "kings-lynn-and-west-norfolk"),
        ("St. Helens", "st-helens"),
        ("Bristol, City of", "bristol-city-of"),
        ("Ynys Môn", "ynys-mon"),
    ],
)
def test_slugify_drops_punctuation_and_accents(name, slug):
    assert slugify(name) == slug


@pytest.mark.parametrize(
    ("slug", "code"),
    [
        ("manchester", "E08000003"),
        ("leeds", "E08000035"),
        ("city-of-edinburgh", "S12000036"),
        ("kings-lynn-and-west-norfolk", "E07000146"),
    ],
)
def test_by_slug_and_by_code_find_the_same_area(areas, slug, code):
    assert areas.by_slug(slug).code == code
    assert areas.by_code(code).slug == slug


@pytest.mark.parametrize("key", ["", "atlantis", "E99999999"])
def test_unknown_slugs_and_codes_return_none(areas, key):
    assert areas.by_slug(key) is None
    assert areas.by_code(key) is None
    assert areas.geometry(key) is None


def test_all_lists_361_areas_sorted_by_name(areas):
    everything = areas.all()
    assert len(everything) == 361
    assert [area.name for area in everything] == sorted(area.name for area in everything)
    nations = {nation: 0 for nation in ("england", "wales", "scotland", "northern_ireland")}
    for area in everything:
        nations[area.nation] += 1
    assert nations == {"england": 296, "wales": 22, "scotland": 32, "northern_ireland": 11}


@pytest.mark.parametrize("code", ["E06000024", "E08000003", "S12000017"])
def test_geometry_is_a_valid_wgs84_area(areas, code):
    geometry = areas.geometry(code)
    assert geometry.is_valid
    assert geometry.area > 0
    west, south, east, north = geometry.bounds
    assert -9 < west < east < 2 and 49 < south < north < 61
    assert math.isfinite(geometry.area)
