"""Score a message on weighted letter sequences: is it danger, and what is it asking for.

The rule tables read what they have met; a writer they have not met says things in words of
their own ("I've got the rope", "cnt lose him", "any where to plug in"). Two second readers
stand beside them, each a table of letter sequences (two to five letters within a word) and
words and word pairs, with weights learned from the writers' development sets by
`scripts/train_chat_scores.py`:

- the danger score: a message of three words or more that no danger rule fires on, and whose
  score passes the table's threshold, is an emergency like any other; the reply leads with 999;
- the intent score: for a message that is no emergency, a score surer than its threshold
  names the intent, unless the rules read a helpline topic and so a request for support.

Both read English: a message in Welsh is the Welsh tables' alone, as the one Welsh set (370
messages) teaches openings ("mae dyn yn trio...") more than meaning. The tables are data
(`locator/data/chat/`); nothing here learns at run time.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

FOLDER = Path(__file__).resolve().parent.parent / "data" / "chat"
DANGER_TABLE = FOLDER / "danger_score.tsv"
INTENT_TABLE = FOLDER / "intent_score.tsv"
DANGER = "danger"
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
    """Learned weights: per feature its rarity and a weight per class; biases and a threshold.

    One class is a yes-or-no score (a logistic regression); more are a choice among them (a
    multinomial one).
    """

    classes: tuple[str, ...]
    index: dict[str, int]  # feature: its row in `rarity` and `weights`
    rarity: np.ndarray  # one per feature
    weights: np.ndarray  # a row per feature, a column per class
    bias: np.ndarray  # one per class
    threshold: float

    def probabilities(self, found: Mapping[str, int]) -> dict[str, float]:
        """Return each class's probability, from 0 to 1, for a message's `features`."""
        # As scikit-learn's TfidfVectorizer (sublinear tf, l2 norm) then its regression.
        rows, counts = [], []
        for name, count in found.items():
            row = self.index.get(name)
            if row is not None:
                rows.append(row)
                counts.append(count)
        totals = self.bias
        if rows:
            values = (1.0 + np.log(np.array(counts, dtype=float))) * self.rarity[rows]
            totals = totals + values @ self.weights[rows] / math.sqrt(values @ values)
        if len(totals) == 1:
            return {self.classes[0]: 1.0 / (1.0 + math.exp(-float(totals[0])))}
        powers = np.exp(totals - totals.max())
        chances = (powers / powers.sum()).tolist()
        return dict(zip(self.classes, chances, strict=True))

    def likeliest(self, found: Mapping[str, int]) -> tuple[str, float]:
        """Return the likeliest class for a message's `features` and its probability."""
        chances = self.probabilities(found)
        best = max(chances, key=chances.__getitem__)
        return best, chances[best]

    def passes(self, found: Mapping[str, int], threshold: float | None = None) -> bool:
        """Return True when a one-class table scores `features` past its (or a higher) threshold."""
        bar = self.threshold if threshold is None else max(threshold, self.threshold)
        return self.probabilities(found)[self.classes[0]] >= bar


def parse(lines: Iterable[str]) -> Table:
    """Read a table: `# classes`, `# bias`, `# threshold` lines, then tab-separated features."""
    index: dict[str, int] = {}
    rarity: list[float] = []
    weights: list[list[float]] = []
    settings: dict[str, str] = {}
    for raw in lines:
        line = raw.rstrip("\n")
        if not line:
            continue
        if line.startswith("# "):
            key, _, value = line[2:].partition(" ")
            settings[key] = value
            continue
        name, seen, *learned = line.split("\t")
        index[name] = len(rarity)
        rarity.append(float(seen))
        weights.append([float(weight) for weight in learned])
    classes = tuple(settings["classes"].split())
    return Table(
        classes,
        index,
        np.array(rarity, dtype=float),
        np.array(weights, dtype=float).reshape(len(rarity), len(classes)),
        np.array([float(bias) for bias in settings["bias"].split()]),
        float(settings["threshold"]),
    )


@cache
def _read(path: Path) -> Table:
    with path.open(encoding="utf-8") as handle:
        return parse(handle)


def danger_table() -> Table:
    """Return the shipped danger score, read on first use."""
    return _read(DANGER_TABLE)


def intent_table() -> Table:
    """Return the shipped intent score, read on first use."""
    return _read(INTENT_TABLE)
