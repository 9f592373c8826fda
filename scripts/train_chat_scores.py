"""Learn the chat's danger and intent score tables from the writers' development sets.

Run: .venv/bin/python scripts/train_chat_scores.py   (needs the `data` extra: scikit-learn)

Reads every development set in tests/data/chat_eval/ (never a held-back one), fits logistic
regressions on the letter sequences and words of `locator.chat.scores.features`, and writes
locator/data/chat/danger_score.tsv and intent_score.tsv. Thresholds are chosen by leaving one
writer out at a time: trained on the others, a score is read on the writer it has not seen, as
it will be on a new person's words.

- Danger: the lowest threshold at which those unseen writers' everyday messages raise no more
  than MAX_FALSE_ALARMS of alarms.
- Intent (trained on the messages that are no emergency): the threshold past which the score's
  intent replaces the rules' (unknown or not) gives the unseen writers' messages the most right
  intents. The
  rules have read those writers, so they look better here than on a stranger's words, and the
  threshold errs towards the rules.

Prints the figures it chose by, and checks the shipped reader scores as scikit-learn does.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from chat_eval import HELD_BACK, load, writers  # noqa: E402

from locator.chat import engine  # noqa: E402
from locator.chat.matching import normalise  # noqa: E402
from locator.chat.scores import DANGER, DANGER_TABLE, INTENT_TABLE, features, parse  # noqa: E402

# The rules raise about 1% of false alarms on their own; the score may add about as many.
MAX_FALSE_ALARMS = 0.01
REGULARISATION = 16.0  # scikit-learn's C: chosen among 1, 4, 16 and 64 by the same leave-one-out
DANGER_THRESHOLDS = np.arange(0.50, 0.96, 0.01)
INTENT_THRESHOLDS = np.arange(0.50, 1.00, 0.02)


def tokens(text: str) -> list[str]:
    """Return a message's features as a list with repeats, as the vectoriser counts them."""
    return [name for name, count in features(text).items() for _ in range(count)]


def fit(texts: list[str], labels: np.ndarray) -> tuple[TfidfVectorizer, LogisticRegression]:
    """Fit the vectoriser and the regression on messages and their labels."""
    vectoriser = TfidfVectorizer(analyzer=tokens, min_df=2, sublinear_tf=True)
    # Danger is rare beside everyday messages: weighed as balanced, it is not outvoted. The
    # intents are weighed as they come: a hello is rare in the sets and in life.
    weighting = "balanced" if labels.dtype == bool else None
    model = LogisticRegression(C=REGULARISATION, max_iter=5000, class_weight=weighting)
    model.fit(vectoriser.fit_transform(texts), labels)
    return vectoriser, model


class Writer:
    """One development writer's messages, normalised, with what they should be read as."""

    def __init__(self, name: str) -> None:
        rows = load(name)
        self.name = name
        self.messages = [row["message"] for row in rows]
        self.texts = [normalise(message) for message in self.messages]
        self.danger = np.array([row["emergency"] == "yes" for row in rows])
        self.intents = np.array([row["intent"] for row in rows])


def unseen(sets: list[Writer], pick: Callable[[Writer], np.ndarray], label) -> list:
    """Return, per writer, its picked rows' probabilities from a model that never saw it."""
    found = []
    for held in sets:
        others = [writer for writer in sets if writer is not held]
        texts = [text for w in others for text, keep in zip(w.texts, pick(w), strict=True) if keep]
        labels = np.concatenate([label(w)[pick(w)] for w in others])
        vectoriser, model = fit(texts, labels)
        rows = [text for text, keep in zip(held.texts, pick(held), strict=True) if keep]
        found.append((model.classes_, model.predict_proba(vectoriser.transform(rows))))
        print(f"  left out {held.name}", file=sys.stderr)
    return found


def write(path: Path, classes, vectoriser, model, threshold: float, sets: list[Writer], count):
    """Write one table and check the shipped reader scores its training messages as the model."""
    coefficients = model.coef_
    with path.open("w", encoding="utf-8") as out:
        out.write(f"# classes {' '.join(classes)}\n")
        out.write(f"# bias {' '.join(f'{b:.6f}' for b in model.intercept_)}\n")
        out.write(f"# threshold {threshold:.2f}\n")
        out.write(f"# trained on {', '.join(w.name for w in sets)} ({count} messages)\n")
        for index, (name, rarity) in enumerate(
            zip(vectoriser.get_feature_names_out(), vectoriser.idf_, strict=True)
        ):
            weights = "\t".join(f"{weight:.4f}" for weight in coefficients[:, index])
            out.write(f"{name}\t{rarity:.4f}\t{weights}\n")
    with path.open(encoding="utf-8") as handle:
        return parse(handle)


def check(table, model, vectoriser, texts: list[str]) -> None:
    """Stop when the table's reader differs from scikit-learn's model on a training message."""
    expected = model.predict_proba(vectoriser.transform(texts))
    if len(table.classes) == 1:  # a yes-or-no table keeps the "yes" column only
        expected = expected[:, [list(model.classes_).index(True)]]
    ours = np.array(
        [list(table.probabilities(features(text)).values()) for text in texts], dtype=float
    )
    gap = float(np.abs(ours - expected).max())
    if gap > 0.005:
        raise SystemExit(f"the table's reader differs from the model by up to {gap:.4f}")
    print(f"  reader within {gap:.5f} of scikit-learn")


def train_danger(sets: list[Writer]) -> None:
    """Learn the danger score and its threshold; write and check its table."""
    everything = lambda w: np.ones(len(w.texts), dtype=bool)  # noqa: E731
    scores = unseen(sets, everything, lambda w: w.danger)
    probability = np.concatenate([p[:, list(c).index(True)] for c, p in scores])
    labels = np.concatenate([w.danger for w in sets])
    threshold = next(
        t for t in DANGER_THRESHOLDS if (probability[~labels] >= t).mean() <= MAX_FALSE_ALARMS
    )
    print(
        f"danger threshold {threshold:.2f}: on writers left out, the score alone catches "
        f"{100 * (probability[labels] >= threshold).mean():.1f}% of danger and alarms on "
        f"{100 * (probability[~labels] >= threshold).mean():.1f}% of the rest"
    )
    texts = [text for w in sets for text in w.texts]
    vectoriser, model = fit(texts, labels)
    table = write(DANGER_TABLE, [DANGER], vectoriser, model, threshold, sets, len(texts))
    check(table, model, vectoriser, texts)
    print(f"wrote {DANGER_TABLE.relative_to(ROOT)}: {len(table.index)} features")


def train_intent(sets: list[Writer]) -> None:
    """Learn the intent score and its threshold; write and check its table."""
    calm = lambda w: ~w.danger  # noqa: E731
    scores = unseen(sets, calm, lambda w: w.intents)
    # The rules' own intents, without the intent score (danger is read as always).
    rules = np.concatenate([rules_of(w) for w in sets])
    truth = np.concatenate([w.intents[calm(w)] for w in sets])
    guess = np.concatenate([classes[p.argmax(1)] for classes, p in scores])
    sure = np.concatenate([p.max(1) for _, p in scores])
    print(
        f"intent on writers left out, calm messages: rules {100 * (rules == truth).mean():.1f}%, "
        f"score alone {100 * (guess == truth).mean():.1f}%"
    )
    best, threshold = -1.0, 1.0
    for t in INTENT_THRESHOLDS:
        chosen = np.where((rules != "emergency") & (sure >= t), guess, rules)
        right = (chosen == truth).mean()
        if right > best:
            best, threshold = right, float(t)
    print(f"intent threshold {threshold:.2f}: rules and score together {100 * best:.1f}%")
    texts = [text for w in sets for text, keep in zip(w.texts, calm(w), strict=True) if keep]
    labels = np.concatenate([w.intents[calm(w)] for w in sets])
    vectoriser, model = fit(texts, labels)
    table = write(INTENT_TABLE, model.classes_, vectoriser, model, threshold, sets, len(texts))
    check(table, model, vectoriser, texts)
    print(f"wrote {INTENT_TABLE.relative_to(ROOT)}: {len(table.index)} features")


def rules_of(writer: Writer) -> np.ndarray:
    """Return the rules' intents for a writer's calm messages, without the intent score."""
    return np.array(
        [
            engine.analyse(message, scored_intent=False).intent
            for message, keep in zip(writer.messages, ~writer.danger, strict=True)
            if keep
        ]
    )


def main() -> None:
    sets = [Writer(name) for name in writers() if name not in HELD_BACK]
    if "--intent-only" not in sys.argv:
        train_danger(sets)
    train_intent(sets)


if __name__ == "__main__":
    main()
