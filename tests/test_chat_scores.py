"""The chat's scores: second readers of danger and intent, for words the rules have not met."""

from __future__ import annotations

import math

import pytest
from chat_eval import HELD_BACK, WELSH_SETS, writers

from locator.chat import engine, scores, understand
from locator.chat.engine import analyse
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
    "missed the last tram home and its pouring",
    "bathroom pls",  # two words: too little to read danger from
]
# Said in ways no intent rule reads; the intent score is sure of them.
UNMET_INTENT = [
    ("last bus has gone and I am stuck in town till six", "find_space"),
    ("sheffield interchange", "find_space"),
]


@pytest.mark.parametrize(
    "table", [scores.DANGER_TABLE, scores.INTENT_TABLE], ids=["danger", "intent"]
)
def test_each_shipped_table_learned_from_every_development_set_and_no_held_back_one(table):
    with table.open(encoding="utf-8") as handle:
        trained = next(line for line in handle if line.startswith("# trained on "))
    named = set(trained.removeprefix("# trained on ").split(" (")[0].split(", "))
    assert named == {writer for writer in writers() if writer not in HELD_BACK}
    assert named.isdisjoint(HELD_BACK)
    assert set(WELSH_SETS) <= named


def test_a_message_is_scored_on_letter_sequences_within_words_and_on_words_and_word_pairs():
    found = scores.features("he hit me")
    assert {" h", "he ", " hit ", "w:he", "w:hit", "w:he hit", "w:hit me"} <= set(found)
    assert found["w:he"] == 1
    assert not any(" " in name.strip() for name in found if not name.startswith("w:"))


def test_a_one_class_table_is_a_yes_or_no_score_past_its_threshold():
    lines = ["# classes danger\n", "# bias -1.0\n", "# threshold 0.5\n", "# trained on w1 (2)\n"]
    table = scores.parse([*lines, "w:help\t1.0\t4.0\n"])
    assert table.threshold == 0.5
    nothing, help_ = scores.features("nothing known"), scores.features("help")
    assert table.probabilities(nothing)["danger"] == pytest.approx(1 / (1 + math.e))
    assert table.probabilities(help_)["danger"] == pytest.approx(1 / (1 + math.exp(-3.0)))
    assert table.passes(help_) and not table.passes(scores.features("hello"))


def test_a_table_of_several_classes_chooses_among_them():
    lines = ["# classes about thanks\n", "# bias 0.0 0.0\n", "# threshold 0.7\n"]
    table = scores.parse([*lines, "w:thanks\t1.0\t-1.0\t1.0\n"])
    thanks = scores.features("thanks")
    assert table.likeliest(thanks)[0] == "thanks"
    assert table.likeliest(thanks)[1] == pytest.approx(math.exp(1) / (math.exp(1) + math.exp(-1)))
    assert table.probabilities(scores.features("nothing known")) == {"about": 0.5, "thanks": 0.5}


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
    assert scores.danger_table().passes(scores.features(normalise(message)))
    assert not understand(message, None).emergency


def test_a_scored_emergency_through_the_api_leads_with_999(client):
    reply = client.post("/api/v1/chat", json={"message": UNMET_DANGER[0]}).get_json()
    assert reply["emergency"] is True
    assert reply["helplines"][0]["phone"] == "999"
    assert "999" in reply["reply"].split(".")[0]


@pytest.mark.parametrize(("message", "intent"), UNMET_INTENT)
def test_an_intent_no_rule_reads_comes_from_the_intent_score_when_it_is_sure(message, intent):
    assert analyse(message, scored_intent=False).intent == "unknown"
    turn = analyse(message)
    assert turn.intent == intent
    assert f"intent:scored:{intent}" in turn.matched


def test_the_intent_score_never_speaks_over_danger():
    message = "he cut his arm on glass and its pouring"
    turn = analyse(message)
    assert turn.emergency and turn.intent == "emergency"
    assert not any(name.startswith("intent:scored") for name in turn.matched)


@pytest.mark.parametrize("message", ["<script>alert(1)</script>", "zzzz qqqq xxxx"])
def test_an_unreadable_message_stays_unknown_whatever_the_intent_score_reads(message):
    guess, probability = scores.intent_table().likeliest(scores.features(normalise(message)))
    assert guess == "unknown" or probability < scores.intent_table().threshold
    assert analyse(message).intent == "unknown"


def test_danger_the_rules_tell_as_over_is_not_raised_again_by_the_score():
    message = "a lad from my course keeps following me after lectures, hes not here now"
    assert scores.danger_table().passes(scores.features(normalise(message)))  # the score alone
    turn = analyse(message)  # ...but the rules read it as over: 101, not 999
    assert not turn.emergency and "emergency:scored" not in turn.matched


@pytest.mark.parametrize(
    "message",
    [
        "Nosebleed that wont stop, had it about 10 mins, not loads of blood",
        "im scared of him, he takes my bank card and wont let me see my friends",
    ],
)
def test_words_the_rules_read_as_everyday_or_as_control_need_a_surer_score(message):
    found = scores.features(normalise(message))
    assert not scores.danger_table().passes(found, engine.SURER_THRESHOLD)
    assert not analyse(message).emergency
