"""Score how much a message reads like danger, from weighted letter sequences.

The danger rules catch what they have read; a writer they have not met says danger in words
of their own ("I've got the rope", "cnt lose him"). This is the second reader: a table of
letter sequences (two to five letters within a word, and whole words), each with a weight
learned from the writers' development sets by `scripts/train_danger_score.py`. It reads
English: a message in Welsh is the Welsh tables' alone, as the one Welsh set (370 messages)
teaches the score openings ("mae dyn yn trio...") more than danger. A message
whose weighted sum passes the table's threshold is read as possible danger, and the reply
leads with 999 as for any emergency. The table is data (`locator/data/chat/`); nothing here
learns at run time.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "data" / "chat" / "danger_score.tsv"
WORD = re.compile(r"[^\W_]+|[^\w\s|]")
SHORTEST, LONGEST = 2, 5


def features(text: str) -> dict[str, int]:
    """Return the letter sequences and words a normalised message is scored on, with counts."""
    found: dict[str, int] = {}
    seen = found.get
    words = WORD.findall(text.lower())
    for word in words:
        name = "w:" + word
        found[name] = seen(name, 0) + 1
        padded = f" {word} "
        length = len(padded)
        for size in range(SHORTEST, min(LONGEST, length) + 1):
            for start in range(length - size + 1):
                gram = padded[start : start + size]
                found[gram] = seen(gram, 0) + 1
    for first, second in itertools.pairwise(words):
        name = f"w:{first} {second}"
        found[name] = seen(name, 0) + 1
    return found


@dataclass(frozen=True)
class Table:
    """The learned weights: each feature's rarity and weight, the bias and the threshold."""

    terms: dict[str, tuple[float, float]]  # feature: (rarity, weight)
    bias: float
    threshold: float

    def probability(self, text: str) -> float:
        """Return how likely, from 0 to 1, a normalised message tells of danger now."""
        # As scikit-learn's TfidfVectorizer (sublinear tf, l2 norm) and a logistic regression.
        squares = weighted = 0.0
        for name, count in features(text).items():
            term = self.terms.get(name)
            if term is None:
                continue
            value = term[0] if count == 1 else (1.0 + math.log(count)) * term[0]
            squares += value * value
            weighted += value * term[1]
        total = self.bias + (weighted / math.sqrt(squares) if squares else 0.0)
        return 1.0 / (1.0 + math.exp(-total))

    def reads_as_danger(self, text: str) -> bool:
        """Return True when a normalised message scores at or above the threshold."""
        return self.probability(text) >= self.threshold


def parse(lines) -> Table:
    """Read a table: `# bias`, `# threshold` lines, then feature, rarity and weight by tabs."""
    terms, settings = {}, {}
    for raw in lines:
        line = raw.rstrip("\n")
        if not line:
            continue
        if line.startswith("# "):
            key, _, value = line[2:].partition(" ")
            settings[key] = value
            continue
        name, rarity, weight = line.rsplit("\t", 2)
        terms[name] = (float(rarity), float(weight))
    return Table(terms, float(settings["bias"]), float(settings["threshold"]))


@cache
def table() -> Table:
    """Return the shipped table, read on first use."""
    with TABLE.open(encoding="utf-8") as handle:
        return parse(handle)
