"""The main town of a district: the most populous gazetteer place inside it."""

from __future__ import annotations

import pytest

from locator.geo import towns
from locator.geo.areas import default_areas
from locator.geo.towns import Town, main_town, most_populous_by_district


@pytest.mark.parametrize(
    ("slug", "town"),
    [
        ("leeds", "Leeds"),
        ("kirklees", "Huddersfield"),
        ("calderdale", "Halifax"),
        ("westminster", "London"),
        ("isle-of-wight", "Newport"),
        ("newport", "Newport"),
        ("highland", "Inverness"),
        ("belfast", "Belfast"),
    ],
)
def test_the_main_town_of_a_district_is_its_most_populous_place(slug, town):
    areas = default_areas()
    assert main_town(areas, areas.by_slug(slug).code).name == town


def test_every_district_has_a_main_town():
    areas = default_areas()
    assert [area.name for area in areas.all() if main_town(areas, area.code) is None] == []


def test_the_larger_town_wins_and_towns_outside_every_district_are_left_out():
    areas = default_areas()
    found = most_populous_by_district(
        areas,
        [
            Town("Small", 53.90, -1.69, 1_000),  # Otley, in Leeds
            Town("Large", 53.80, -1.55, 9_000),  # Leeds
            Town("Sea", 54.00, -3.80, 99_000),  # the Irish Sea
        ],
    )
    assert found == {areas.by_slug("leeds").code: Town("Large", 53.80, -1.55, 9_000)}


def test_the_main_towns_are_worked_out_once(monkeypatch):
    areas = default_areas()
    main_town(areas, "E08000035")

    def fail(*args, **kwargs):
        raise AssertionError("the places were read again")

    monkeypatch.setattr(towns, "read_towns", fail)
    assert main_town(areas, "E08000035").name == "Leeds"
