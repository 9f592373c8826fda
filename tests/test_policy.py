"""The one clock and the rules of how long things last."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from locator.domain import clock, policy


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 12, 1), 24, date(2024, 12, 1)),
        (date(2026, 3, 31), 1, date(2026, 2, 28)),  # February is shorter
        (date(2028, 3, 31), 1, date(2028, 2, 29)),  # and a leap year's a day longer
        (date(2026, 1, 15), 1, date(2025, 12, 15)),  # across the new year
        (date(2026, 5, 31), 3, date(2026, 2, 28)),
        (date(2026, 7, 31), 0, date(2026, 7, 31)),
    ],
)
def test_months_before_counts_calendar_months_and_keeps_the_day_where_it_can(day, months, expected):
    assert policy.months_before(day, months) == expected


@pytest.mark.parametrize(
    ("confirmed", "created", "stale"),
    [
        (date(2025, 12, 1), None, False),  # exactly a year ago
        (date(2025, 11, 30), None, True),
        (None, datetime(2025, 11, 30, 12, tzinfo=UTC), True),  # never confirmed, old
        (None, datetime(2026, 6, 1, 12, tzinfo=UTC), False),
        (None, None, False),
    ],
)
def test_a_listing_is_stale_after_a_year_without_a_check(confirmed, created, stale):
    assert policy.is_stale(confirmed, created, date(2026, 12, 1)) is stale


def test_today_is_londons_date_not_the_servers():
    # 23:30 UTC on 30 June is already 1 July in London (BST).
    clock.set_source(lambda: datetime(2026, 6, 30, 23, 30, tzinfo=UTC))
    try:
        assert clock.today() == date(2026, 7, 1)
        assert clock.london_now().hour == 0
    finally:
        clock.set_source(None)
    assert clock.utc_now().tzinfo is UTC


@pytest.mark.parametrize(
    ("status", "changes", "now", "waiting"),
    [
        (
            "published",
            {"opening_hours": "24/7", "name": "New"},
            {"opening_hours": "24/7"},
            {"name": "New"},
        ),
        (
            "published",
            {"closed_until": date(2026, 12, 24)},
            {"closed_until": date(2026, 12, 24)},
            {},
        ),
        ("published", {"lat": 53.8, "address": "2 Road"}, {}, {"lat": 53.8, "address": "2 Road"}),
        (
            "pending",
            {"name": "New", "opening_hours": "24/7"},
            {"name": "New", "opening_hours": "24/7"},
            {},
        ),
        ("suspended", {"phone": "0113 496 0000"}, {"phone": "0113 496 0000"}, {}),
    ],
)
def test_a_public_listings_words_wait_for_a_moderator_and_its_hours_do_not(
    status, changes, now, waiting
):
    assert policy.split_changes(status, changes) == (now, waiting)
