"""Skip a rule's regular expression when the text lacks every word the rule needs.

Most messages fire no danger rule, yet each rule is a long alternation that Python's regular
expression engine tries at every word of the message. Like RE2's prefilter, this reads each
rule's parsed form once and finds literal strings one of which must occur in any text it
matches ("followed", "chased", ...); a text without any of them is answered "no match" by a
substring test, and only the others run the rule itself. Where a rule's form cannot be read
safely (case folding, a construct not handled here), the rule always runs.

A long rule is split into its top-level alternatives, each with its own strings. A text made
with `scan` carries every such string it holds, found in one pass of an Aho-Corasick automaton
over all the rules' strings; the tests are then set lookups. The text lives only as long as the
message is read: nothing is cached between messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import ahocorasick

try:  # the parser is CPython's own; without it every rule simply runs
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Pythons
    sre = sre_parse = None

# Single-character alternatives ([sz]) still say something; wider classes say nothing useful.
MAX_CLASS_CHARACTERS = 4


def _strength(needed: frozenset[str]) -> tuple[int, int]:
    """Rank a requirement: longer shortest string first, then fewer strings."""
    return (min(map(len, needed)), -len(needed))


def _of_sequence(items) -> frozenset[str] | None:
    """Return strings one of which a sequence needs, or None when it needs nothing sure."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def consider(needed: frozenset[str] | None) -> None:
        nonlocal best
        if needed and (best is None or _strength(needed) > _strength(best)):
            best = needed

    for op, argument in items:
        if op is sre.LITERAL:
            run.append(chr(argument))
            continue
        if run:
            consider(frozenset(["".join(run)]))
            run.clear()
        consider(_of_item(op, argument))
    if run:
        consider(frozenset(["".join(run)]))
    return best


def _of_item(op, argument) -> frozenset[str] | None:
    """Return strings one of which one parsed construct needs, or None."""
    if op is sre.SUBPATTERN:
        added_flags, body = argument[1], argument[-1]
        return None if added_flags & re.IGNORECASE else _of_sequence(body)
    if op is sre.BRANCH:
        union: set[str] = set()
        for alternative in argument[1]:
            needed = _of_sequence(alternative)
            if needed is None:
                return None  # one way through needs nothing
            union |= needed
        return frozenset(union)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        least, _most, body = argument
        return _of_sequence(body) if least >= 1 else None
    if op is sre.ASSERT:  # what a lookahead or lookbehind asks for must be there
        return _of_sequence(argument[1])
    if op is sre.IN:
        characters = [chr(value) for kind, value in argument if kind is sre.LITERAL]
        if len(characters) == len(argument) <= MAX_CLASS_CHARACTERS:
            return frozenset(characters)
    return None


def needed_strings(pattern: re.Pattern) -> frozenset[str] | None:
    """Return strings one of which every match of the pattern contains, or None if unknown."""
    if sre is None or pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return None
    try:
        return _of_sequence(sre_parse.parse(pattern.pattern, pattern.flags))
    except (re.error, TypeError, ValueError, IndexError):
        return None


# Numbered or named back references tie alternatives together: such a rule is not split.
BACK_REFERENCE = re.compile(r"\\[1-9]|\(\?P=")


def top_level_alternatives(pattern: str) -> list[str]:
    """Return a pattern's top-level alternatives ("a|b(c|d)" gives "a", "b(c|d)")."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += 1
            i += pattern[i : i + 1] == "^"
            i += pattern[i : i + 1] == "]"  # "[]...]" and "[^]...]": that "]" is literal
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


class _Strings:
    """Every string the prefiltered rules need, and an automaton finding them, built on use."""

    def __init__(self) -> None:
        self.strings: set[str] = set()
        self.version = 0  # grows when strings are added; a scan knows the one it used
        self.automaton: ahocorasick.Automaton | None = None

    def add(self, strings: tuple[str, ...]) -> int:
        if not self.strings.issuperset(strings):
            self.strings.update(strings)
            self.version += 1
            self.automaton = None
        return self.version

    def found_in(self, text: str) -> frozenset[str]:
        automaton = self.automaton
        if automaton is None:
            automaton = ahocorasick.Automaton()
            for string in self.strings:
                automaton.add_word(string, string)
            automaton.make_automaton()
            self.automaton = automaton
        return frozenset(string for _end, string in automaton.iter(text))


_STRINGS = _Strings()


class Scanned(str):
    """A text and the rules' needed strings it holds, found in one pass."""

    holds: frozenset[str]
    version: int


def scan(text: str) -> Scanned:
    """Return the text marked with which of the rules' needed strings it holds."""
    scanned = Scanned(text)
    scanned.version = _STRINGS.version
    scanned.holds = _STRINGS.found_in(text) if _STRINGS.strings else frozenset()
    return scanned


class Prefiltered:
    """A compiled rule that answers "no match" at once for a text lacking what it needs."""

    __slots__ = ("alternatives", "needed", "pattern", "regex", "version")

    def __init__(self, regex: re.Pattern) -> None:
        self.regex = regex
        self.pattern = regex.pattern
        needed = needed_strings(regex)
        # A text holding "followed" holds "follow": only the shortest of such strings is tested.
        needed = needed and {one for one in needed if not any(o in one for o in needed - {one})}
        self.needed = tuple(sorted(needed)) if needed else None
        self.version = _STRINGS.add(self.needed) if self.needed else 0
        alternatives = top_level_alternatives(regex.pattern)
        # A long rule whose needed strings are common (" in ", "and ") runs whole on most
        # texts; its alternatives, each with its own needed strings, run only where they can.
        self.alternatives = (
            tuple(Prefiltered(re.compile(part, regex.flags)) for part in alternatives)
            if len(alternatives) > 1 and not BACK_REFERENCE.search(regex.pattern)
            else ()
        )

    def could_match(self, text: str) -> bool:
        """Return False when the text lacks every string the rule needs."""
        if self.needed is None:
            return True
        if type(text) is Scanned and text.version >= self.version:
            return not text.holds.isdisjoint(self.needed)
        return any(map(text.__contains__, self.needed))

    def search(self, text: str) -> re.Match | None:
        """Return the rule's first match in a text, as re.Pattern.search does."""
        if not self.could_match(text):
            return None
        if not self.alternatives:
            return self.regex.search(text)
        # As the whole alternation: the leftmost match, and there the first alternative's.
        best = None
        for alternative in self.alternatives:
            found = alternative.search(text)
            if found and (best is None or found.start() < best.start()):
                best = found
                if not best.start():
                    break
        return best

    def sub(self, replacement: str, text: str) -> str:
        """Return the text with the rule's matches replaced, as re.Pattern.sub does."""
        return self.regex.sub(replacement, text) if self.could_match(text) else text

    def finditer(self, text: str) -> Iterator[re.Match]:
        """Return the rule's matches in a text, as re.Pattern.finditer does."""
        return self.regex.finditer(text) if self.could_match(text) else iter(())
