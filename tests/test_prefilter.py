"""The chat rules' prefilter: a text without any string a rule needs is no match, and only then."""

from __future__ import annotations

import re

import pytest
from chat_eval import load, writers

from locator.chat import engine
from locator.chat.matching import normalise
from locator.chat.prefilter import Prefiltered, needed_strings, scan, top_level_alternatives


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


@pytest.mark.parametrize(
    ("pattern", "alternatives"),
    [
        (r"a|b(c|d)", ["a", "b(c|d)"]),
        (r"(?:a|b)", ["(?:a|b)"]),
        (r"[|]x|y", ["[|]x", "y"]),  # a "|" in a class is a character
        (r"[]|]|z", ["[]|]", "z"]),  # so is a "]" first in a class
        (r"[^]|]|z", ["[^]|]", "z"]),
        (r"\||q", [r"\|", "q"]),  # and an escaped one
    ],
)
def test_a_rule_splits_into_its_top_level_alternatives_only(pattern, alternatives):
    assert top_level_alternatives(pattern) == alternatives


def test_a_rule_split_into_alternatives_finds_the_first_match_the_whole_rule_finds():
    rule = Prefiltered(re.compile(r"\bknife\b|\b(he|she) (hit|punched) me\b|^(?=.*\bscared\b)"))
    assert len(rule.alternatives) == 3
    text = "im scared, he hit me and hes got a knife"
    assert rule.search(text).span() == rule.regex.search(text).span() == (0, 0)
    assert rule.search("he hit me, knife").group() == "he hit me"
    assert rule.search("all fine here") is None


def test_a_text_scanned_before_a_rule_was_made_is_still_read_for_it():
    text = scan("a wombat is following me")
    rule = Prefiltered(re.compile(r"\bwombats?\b"))  # strings the scan never looked for
    assert rule.could_match(text) and rule.search(text).group() == "wombat"
    assert rule.could_match(scan("a wombat again"))


def test_a_rule_with_a_back_reference_is_not_split():
    assert not Prefiltered(re.compile(r"(a)\1|b")).alternatives


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
    # Scanned once for every rule's strings, a text is judged as by testing each string.
    scanned = [scan(text) for text in texts]
    assert all(
        part.could_match(one) == part.could_match(text)
        for rule in rules
        for part in (rule, *rule.alternatives)
        for one, text in zip(scanned, texts, strict=True)
    )
    assert all(rule.needed for rule in rules)  # every rule of ours is prefiltered
    # Split into alternatives, a rule still finds the very match the whole rule finds.
    found = [
        (rule.pattern[:60], text)
        for rule in rules
        if rule.alternatives
        for text in texts
        if _span(rule.search(text)) != _span(rule.regex.search(text))
    ]
    assert not found


def _span(match: re.Match | None) -> tuple[int, int] | None:
    return match.span() if match else None
