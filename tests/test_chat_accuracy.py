"""The assistant on messages written independently of its rules (tests/data/chat_eval/).

Fifty-eight helper sessions, each briefed with different personas and without seeing the rules,
wrote the sets (`w7` to `w10`, then `w11` to `w14`, later than the rest, each scored before the
rules met it, to measure them on messages they had never seen; then `w19` to `w25`, `w26` to
`w31`, `w32` to `w37`, `w38` to `w44`, `w45` to `w51` and `w52` to `w58`, each scored once the
same way before they were trained or tuned on); `w2` is held back and never used to tune them,
and so are `w16` to `w18`, written and scored once before the danger score was built, and
`w22`, drawn by lot from `w19` to `w25` before any of them was scored. `w15` is Welsh (people
in Wales, mostly writing Welsh), written while the Welsh rules were built and scored before
their builder opened it; since then it is a development set for the Welsh rules, with floors of
its own. These tests keep the figures from falling back: danger is never missed more than it is
now, and everyday words rarely raise an alarm. The figures themselves, per writer and field:
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
# w21's writer gave Childline to teenagers whose messages tell no age ("bruv some man been
# followin me"): a reader sees the slang, not the age.
HELPLINE_FLOORS = {
    "w21": 60.0,
    # w55's writer gave a woman tracked by her ex the domestic abuse line where she says only
    # "he" ("hes here again"), and Childline to a teenager whose words tell no age; w58's gave
    # Childline to children lost from a parent ("lost my mum in primark"), which an adult says too.
    "w55": 62.0,
    "w58": 48.0,
}
# w52's older writers want somewhere to wait ("till my son comes for me") and read a seat into
# it; the assistant reads a seat only when one is asked for.
FACILITY_FLOORS = {"w52": 82.0}
# w26's fans name stadiums and arenas ("Villa Park", "the Hydro"): no open data here lists them.
PLACE_FLOORS = {"w26": 50.0}
# Held-back sets. w16 to w18 first scored (before the danger score, and before anything they
# could cause) at intent 91.2%, 77.7%, 86.7% and recall 91.0%, 71.0%, 83.3%; w2 at 89.3%, 90.7%.
# With the danger score, read once: recall 100%, 97.0%, 85.0%, 94.8%. Floors sit a message or
# two under those: they stop a change from losing ground, and tune nothing.
HELD_BACK_FLOORS = {
    "w2": {"emergency recall": 98.0, "intent": 89.0},
    "w16": {"emergency recall": 96.0, "intent": 91.0},
    "w17": {"emergency recall": 84.0, "intent": 80.0},
    "w18": {"emergency recall": 93.0, "intent": 88.0},
    # First scored at intent 87.2%, recall 84.6% (88 of 104), false alarms 3.9%.
    "w22": {"emergency recall": 83.0, "intent": 86.0},
}
# Retrained on 20, 26, then 32 development sets, the danger score (its threshold chosen by the
# same rule each time) raised more alarms among w2's 268 everyday messages: 3.7%, then 4.5%,
# 5.2% and 6.7%. Kept, and reported: on writers left out in turn, each point the threshold rises
# costs about half a point of danger caught, and the new writers' danger is what it learned.
HELD_BACK_MAX_FALSE_ALARMS = 7.0
MAX_INVENTED = {"development": 2.0, "held back": 3.0}
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


def test_there_are_fifty_eight_independent_sets_of_at_least_300_messages():
    assert len(writers()) == 58
    assert all(score(writer).rows >= 300 for writer in writers())


@pytest.mark.parametrize("writer", [name for name in writers() if name not in (*HELD_BACK, WELSH)])
def test_each_development_set_is_read_at_least_as_well_as_today(figures, writer):
    found = figures[writer]
    floors = {
        **FLOORS,
        "helplines": HELPLINE_FLOORS.get(writer, FLOORS["helplines"]),
        "facilities": FACILITY_FLOORS.get(writer, FLOORS["facilities"]),
        "place found": PLACE_FLOORS.get(writer, FLOORS["place found"]),
    }
    for field, floor in floors.items():
        assert found[field] >= floor, f"{writer} {field}: {found[field]:.1f}% < {floor}%"
    assert found["false alarms"] <= MAX_FALSE_ALARMS


@pytest.mark.parametrize("writer", HELD_BACK)
def test_each_held_back_set_is_read_at_least_as_well_as_when_it_was_first_scored(figures, writer):
    found = figures[writer]
    for field, floor in HELD_BACK_FLOORS[writer].items():
        assert found[field] >= floor, f"{writer} {field}: {found[field]:.1f}%"
    assert found["false alarms"] <= HELD_BACK_MAX_FALSE_ALARMS


def test_the_welsh_set_is_read_at_least_as_well_as_when_it_was_first_scored(figures):
    found = figures[WELSH]
    for field, floor in WELSH_FLOORS.items():
        assert found[field] >= floor, f"{WELSH} {field}: {found[field]:.1f}% < {floor}%"
    assert found["false alarms"] <= WELSH_MAX_FALSE_ALARMS


def test_no_set_has_places_invented_for_more_than_a_few_messages(figures):
    for writer, found in figures.items():
        bound = MAX_INVENTED["held back" if writer in HELD_BACK else "development"]
        assert found["place invented"] <= bound, f"{writer}: {found['place invented']:.1f}%"
