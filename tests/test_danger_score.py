"""The danger score: the chat's second reader of danger, for words the rules have not met."""

from __future__ import annotations

import math

import pytest
from chat_eval import HELD_BACK, WELSH_SETS, writers

from locator.chat import danger_score, understand
from locator.chat.matching import normalise

# Said in words no danger rule matches; the score reads them as danger.
UNMET_DANGER = [
    "he's got my sister in the car and wont let her out",
]
# Everyday words that only sound dangerous stay calm with the score as well.
CALM = [
    "my feet are killing me",
    "battery's dead, need a charge near Leeds",
    "dying for a wee near the station",
    "where can i charge my phone",
    "I was attacked years ago and still think about it, who can I talk to",
]


def test_the_shipped_table_learned_from_every_development_set_and_no_held_back_one():
    with danger_score.TABLE.open(encoding="utf-8") as handle:
        trained = next(line for line in handle if line.startswith("# trained on "))
    named = set(trained.removeprefix("# trained on ").split(" (")[0].split(", "))
    assert named == {writer for writer in writers() if writer not in HELD_BACK}
    assert named.isdisjoint(HELD_BACK)
    assert set(WELSH_SETS) <= named


def test_a_message_is_scored_on_letter_sequences_within_words_and_on_words_and_word_pairs():
    found = danger_score.features("he hit me")
    assert {" h", "he ", " hit ", "w:he", "w:hit", "w:he hit", "w:hit me"} <= set(found)
    assert found["w:he"] == 1
    assert not any(" " in name.strip() for name in found if not name.startswith("w:"))


def test_a_table_reads_bias_threshold_and_weights_and_scores_by_them():
    lines = ["# bias -1.0\n", "# threshold 0.5\n", "# trained on w1 (2 messages)\n"]
    table = danger_score.parse([*lines, "w:help\t1.0\t4.0\n"])
    assert table.threshold == 0.5
    assert table.probability("nothing known") == pytest.approx(1 / (1 + math.e))
    assert table.probability("help") == pytest.approx(1 / (1 + math.exp(-3.0)))
    assert table.reads_as_danger("help") and not table.reads_as_danger("hello")


@pytest.mark.parametrize("message", UNMET_DANGER)
def test_danger_in_words_no_rule_knows_is_still_an_emergency(message):
    turn = understand(message, None)
    assert turn.emergency and turn.intent == "emergency"
    assert turn.matched[0] == "emergency:scored"
    assert turn.helplines[0].phone == "999"


@pytest.mark.parametrize("message", CALM)
def test_everyday_words_that_sound_like_danger_are_not_scored_as_danger(message):
    assert not understand(message, None).emergency


def test_a_welsh_message_is_read_by_the_welsh_tables_alone():
    # The score reads this as danger; in Welsh it says a man is holding a door open.
    message = "mae dyn yn trio agor y drws i fi"
    assert danger_score.table().reads_as_danger(normalise(message))
    assert not understand(message, None).emergency


def test_a_scored_emergency_through_the_api_leads_with_999(client):
    reply = client.post("/api/v1/chat", json={"message": UNMET_DANGER[0]}).get_json()
    assert reply["emergency"] is True
    assert reply["helplines"][0]["phone"] == "999"
    assert "999" in reply["reply"].split(".")[0]
