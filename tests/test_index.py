"""The spatial index agrees with a brute-force reference, and stays in step with the data."""

from __future__ import annotations

import random
from datetime import timedelta

import numpy as np
import pytest

from locator.domain.vocabulary import FACILITIES, facility_mask
from locator.hours.schedule import parse_hours
from locator.search.features import safe_schedule
from locator.search.index import IndexFilter, SpaceIndex, haversine_m

from builders import add_premises, ids_by_ref
from conftest import london, premises_row

HOURS = [
    "24/7",
    "Mo-Fr 09:00-17:30",
    "Mo-Sa 08:00-22:00; Su 10:00-16:00",
    "Mo-Su 18:00-02:00",
    "Mo-Fr 07:00-23:00; Sa-Su 09:00-18:00; PH off",
    "Tu,Th 10:00-12:00,13:00-15:00",
    "Fr-Sa 22:00-04:00",
    "Mo-Su 06:00-24:00",
]
NATIONS = ["england", "wales", "scotland", "northern_ireland"]
CODES = list(FACILITIES)


def random_premises(rng: random.Random, n: int, spread: float = 2.0) -> list[tuple]:
    """Return index rows clustered around Birmingham (some duplicates of position)."""
    rows = []
    for i in range(n):
        lat = 52.48 + rng.uniform(-spread, spread)
        lon = -1.90 + rng.uniform(-spread, spread)
        if i and rng.random() < 0.05:
            lat, lon = rows[-1][1], rows[-1][2]  # same building, ties in distance
        facilities = ";".join(code for code in CODES if rng.random() < 0.4)
        rows.append(
            (i + 1, lat, lon, facilities, rng.choice(HOURS), rng.choice(NATIONS), f"A{i % 7}")
        )
    return rows


def reference(rows, lat, lon, at, facilities, radius_m, area):
    """Return every eligible premises as (distance, id), nearest first, checking one by one."""
    wanted = facility_mask(facilities)
    found = []
    is_open = {}  # memo per distinct hours, so the reference stays quick
    for rid, rlat, rlon, rfac, rhours, rnation, rarea in rows:
        if at is not None:
            key = (rhours, rnation)
            if key not in is_open:
                is_open[key] = parse_hours(rhours, rnation).is_open(at)
            if not is_open[key]:
                continue
        if wanted and facility_mask(c for c in rfac.split(";") if c) & wanted != wanted:
            continue
        if area is not None and rarea != area:
            continue
        distance = float(haversine_m(lat, lon, rlat, rlon))
        if radius_m is not None and distance > radius_m:
            continue
        found.append((distance, rid))
    found.sort()
    return found


@pytest.mark.parametrize("size", [300, 12_000])
def test_nearest_agrees_with_brute_force_over_random_points_times_and_facilities(size):
    rng = random.Random(size)
    rows = random_premises(rng, size)
    index = SpaceIndex.from_rows(rows, schedule_for=safe_schedule)
    start = london("2026-03-27 00:00")  # spans the spring clock change and Easter
    for trial in range(120):
        lat = 52.48 + rng.uniform(-2.5, 2.5)
        lon = -1.90 + rng.uniform(-2.5, 2.5)
        at = start + timedelta(minutes=rng.randrange(0, 60 * 24 * 14)) if trial % 4 else None
        facilities = rng.sample(CODES, rng.choice([0, 0, 1, 1, 2]))
        radius = rng.choice([None, 2_000, 20_000, 80_000])
        area = rng.choice([None, None, None, "A3"])
        k = rng.choice([1, 5, 20])
        where = IndexFilter(at=at, facilities=facility_mask(facilities), area_code=area)
        got = index.nearest(lat, lon, k, where, radius_m=radius)
        want = reference(rows, lat, lon, at, facilities, radius, area)
        assert [round(h.distance_m, 2) for h in got] == [round(d, 2) for d, _ in want[:k]]
        # Premises in the same building tie; any of them may fill the last place.
        eligible = {i: round(d, 2) for d, i in want}
        assert all(eligible.get(h.id) == round(h.distance_m, 2) for h in got)
        assert len({h.id for h in got}) == len(got)


def test_bbox_returns_exactly_the_eligible_premises_inside_the_box():
    rng = random.Random(7)
    rows = random_premises(rng, 3000)
    index = SpaceIndex.from_rows(rows, schedule_for=safe_schedule)
    at = london("2026-07-03 23:30")
    hits = index.within_bbox(-2.2, 52.3, -1.6, 52.7, limit=3000, where=IndexFilter(at=at))
    expected = {
        rid
        for rid, lat, lon, _f, hours, nation, _a in rows
        if -2.2 <= lon <= -1.6 and 52.3 <= lat <= 52.7 and parse_hours(hours, nation).is_open(at)
    }
    assert {hit.id for hit in hits} == expected
    distances = [hit.distance_m for hit in hits]
    assert distances == sorted(distances)


def test_distances_are_great_circle_metres():
    rows = [(1, 51.5007, -0.1246, "", "24/7", "england", None)]  # Big Ben
    index = SpaceIndex.from_rows(rows, schedule_for=safe_schedule)
    (hit,) = index.nearest(55.9533, -3.1883, 1)  # Edinburgh
    assert hit.distance_m == pytest.approx(534_000, rel=0.01)


def test_an_empty_index_answers_every_query_with_nothing():
    index = SpaceIndex.from_rows([], schedule_for=safe_schedule)
    assert index.nearest(52.0, -1.0, 5, IndexFilter(at=london("2026-01-01 12:00"))) == []
    assert index.within_bbox(-2, 51, 0, 53, limit=10) == []


def test_hours_that_cannot_be_evaluated_never_count_as_open():
    rows = [(1, 52.0, -1.0, "", "not hours at all", "england", None)]
    index = SpaceIndex.from_rows(rows, schedule_for=safe_schedule)
    assert index.nearest(52.0, -1.0, 5, IndexFilter(at=london("2026-01-05 12:00"))) == []
    assert [h.id for h in index.nearest(52.0, -1.0, 5)] == [1]


def test_open_state_is_reused_only_until_the_next_change():
    rows = [(1, 52.0, -1.0, "", "Mo-Su 09:00-17:00", "england", None)]
    index = SpaceIndex.from_rows(rows, schedule_for=safe_schedule)
    open_at = IndexFilter(at=london("2026-06-01 16:59"))
    closed_at = IndexFilter(at=london("2026-06-01 17:00"))
    assert len(index.nearest(52.0, -1.0, 1, open_at)) == 1
    assert index.nearest(52.0, -1.0, 1, closed_at) == []
    assert len(index.nearest(52.0, -1.0, 1, open_at)) == 1


class _Clock:
    """A monotonic clock a test moves by hand."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_change_written_by_another_worker_is_seen_once_the_check_interval_has_passed(
    app, locator
):
    from locator import create_app

    other_worker = create_app(
        {
            "DATABASE_URL": app.config["DATABASE_URL"],
            "RATELIMIT_ENABLED": False,
            "INDEX_CHECK_SECONDS": 1.0,
        }
    ).extensions["locator"]
    clock = other_worker.index.clock = _Clock()
    add_premises(locator, [premises_row("a", 53.48, -2.24, opening_hours="24/7")])
    assert other_worker.index.current().size == 1
    add_premises(locator, [premises_row("b", 53.49, -2.24, opening_hours="24/7")])
    clock.now += 0.5
    # Within the interval the other worker runs no SQL and still answers from what it had.
    assert other_worker.index.current().size == 1
    clock.now += 0.5
    assert other_worker.index.current().size == 2
    locator.store.premises.set_status(ids_by_ref(locator)["a"], "suspended")
    clock.now += 1.0
    refreshed = other_worker.index.current()
    assert refreshed.size == 1
    assert [h.id for h in refreshed.nearest(53.48, -2.24, 5)] == [ids_by_ref(locator)["b"]]
    other_worker.store.dispose()


def test_a_change_made_by_this_worker_is_seen_by_its_very_next_search(locator):
    locator.index.clock = _Clock()
    add_premises(locator, [premises_row("a", 53.48, -2.24, opening_hours="24/7")])
    assert locator.index.current().size == 1
    locator.store.premises.set_status(ids_by_ref(locator)["a"], "suspended")
    assert locator.index.current().size == 0


def test_an_unchanged_database_does_not_rebuild_the_index(locator):
    add_premises(locator, [premises_row("a", 53.48, -2.24)])
    assert locator.index.current() is locator.index.current()


def test_unit_vectors_keep_great_circle_order():
    rng = np.random.default_rng(3)
    lats, lons = rng.uniform(50, 58, 500), rng.uniform(-6, 2, 500)
    from locator.search.index import chord_to_metres, to_unit_vectors

    xyz = to_unit_vectors(lats, lons)
    origin = to_unit_vectors([54.0], [-2.0])[0]
    chords = np.linalg.norm(xyz - origin, axis=1)
    assert np.allclose(chord_to_metres(chords), haversine_m(54.0, -2.0, lats, lons), rtol=1e-9)
