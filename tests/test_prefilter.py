"""The chat rules' prefilter: a text without any string a rule needs is no match, and only then."""

from __future__ import annotations

import re

import pytest
from chat_eval import load, writers

from locator.chat import engine
from locator.chat.matching import normalise
from locator.chat.prefilter import Prefiltered, needed_strings


@pytest.mark.parametrize(
    ("pattern", "needed"),
    [
        (r"\bfollow(ed|ing)\b", {"follow"}),
        (r"\b(knife|blade) (out|drawn)", {"knife", "blade"}),
        (r"(?=.*\bknife\b)(?=.*\b(he|him)\b)", {"knife"}),
        (r"\b(get|got)s? hit by a (car|van)", {" hit by a "}),
        # Python's parser takes the shared "s" out first: (s(tab+ed|hot)).
        (r"\b(stab+ed|shot)\b", {"ta", "hot"}),
        (r"\bpolice(man)?\b", {"police"}),
    ],
)
def test_a_rule_needs_one_of_the_strings_every_match_holds(pattern, needed):
    assert needed_strings(re.compile(pattern)) == needed


@pytest.mark.parametrize(
    "pattern",
    [
        r"\b\w+\b",  # any word at all
        r"(?i)help",  # case folded: a lower-case string test would miss HELP
        r"\b(help|)\b",  # one way through needs nothing
        r"(?i:help) me",  # folded in part: only " me" is sure
    ],
)
def test_a_rule_whose_needs_are_not_sure_always_runs(pattern):
    needed = needed_strings(re.compile(pattern))
    assert needed is None or needed == {" me"}
    if needed is None:
        assert Prefiltered(re.compile(pattern)).could_match("anything at all")


def test_only_the_shortest_of_strings_holding_one_another_is_tested():
    rule = Prefiltered(re.compile(r"\b(followed|follow|chased|chase)\b"))
    assert rule.needed == ("chase", "follow")


def test_a_prefiltered_rule_answers_as_the_rule_on_every_evaluation_message():
    rules = [
        pattern
        for table in (engine.EMERGENCY, engine.FACILITY_RULES, engine.TOPIC_RULES)
        for _, pattern in table
    ] + list(engine.EVERYDAY)
    texts = [normalise(row["message"]) for writer in writers() for row in load(writer)[::4]]
    wrong = [
        (rule.pattern[:60], text)
        for rule in rules
        for text in texts
        if not rule.could_match(text) and rule.regex.search(text)
    ]
    assert not wrong
    assert all(rule.needed for rule in rules)  # every rule of ours is prefiltered
