"""The assistant on messages written independently of its rules (tests/data/chat_eval/).

Fifteen helper sessions, each briefed with different personas and without seeing the rules,
wrote the sets (`w7` to `w10`, then `w11` to `w14`, later than the rest, each scored before the
rules met it, to measure them on messages they had never seen); `w2` is held back and never used
to tune them. `w15` is Welsh (people in Wales, mostly writing Welsh), written while the Welsh
rules were built and scored before their builder opened it; since then it is a development set
for the Welsh rules, with floors of its own. These tests
keep the figures from falling back: danger is never missed more than it is now, and everyday
words rarely raise an alarm. The figures themselves, per writer and field:
`python tests/chat_eval.py --held-back`.
"""

from __future__ import annotations

import pytest
from chat_eval import HELD_BACK, score, writers

# Floors under today's figures (the targets are higher; see the closing note).
FLOORS = {
    "emergency recall": 95.0,
    "intent": 85.0,
    "facilities": 85.0,
    "helplines": 70.0,
    "place found": 60.0,
}
MAX_FALSE_ALARMS = 3.0
HELD_BACK_FLOORS = {"emergency recall": 85.0, "intent": 85.0}
HELD_BACK_MAX_FALSE_ALARMS = 4.0
# The Welsh set, first scored at intent 79.7%, recall 86.0%, false alarms 3.1%.
WELSH = "w15"
WELSH_FLOORS = {
    "emergency recall": 98.0,
    "intent": 96.0,
    "facilities": 91.5,
    "helplines": 88.0,
    "place found": 68.0,
}
WELSH_MAX_FALSE_ALARMS = 2.5


@pytest.fixture(scope="module")
def figures():
    return {writer: score(writer).figures() for writer in writers()}


def test_there_are_fifteen_independent_sets_of_at_least_300_messages():
    assert len(writers()) == 15
    assert all(score(writer).rows >= 300 for writer in writers())


@pytest.mark.parametrize("writer", [name for name in writers() if name not in (HELD_BACK, WELSH)])
def test_each_development_set_is_read_at_least_as_well_as_today(figures, writer):
    found = figures[writer]
    for field, floor in FLOORS.items():
        assert found[field] >= floor, f"{writer} {field}: {found[field]:.1f}% < {floor}%"
    assert found["false alarms"] <= MAX_FALSE_ALARMS


def test_the_held_back_set_is_read_at_least_as_well_as_when_it_was_first_scored(figures):
    found = figures[HELD_BACK]
    for field, floor in HELD_BACK_FLOORS.items():
        assert found[field] >= floor, f"{HELD_BACK} {field}: {found[field]:.1f}%"
    assert found["false alarms"] <= HELD_BACK_MAX_FALSE_ALARMS


def test_the_welsh_set_is_read_at_least_as_well_as_when_it_was_first_scored(figures):
    found = figures[WELSH]
    for field, floor in WELSH_FLOORS.items():
        assert found[field] >= floor, f"{WELSH} {field}: {found[field]:.1f}% < {floor}%"
    assert found["false alarms"] <= WELSH_MAX_FALSE_ALARMS


def test_no_message_in_any_set_invents_a_place_more_than_rarely(figures):
    assert all(found["place invented"] <= 2.0 for found in figures.values())
