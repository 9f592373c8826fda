"""Learn the chat's danger score table from the writers' development sets.

Run: .venv/bin/python scripts/train_danger_score.py   (needs the `data` extra: scikit-learn)

Reads every development set in tests/data/chat_eval/ (never a held-back one), fits a logistic
regression on the letter sequences and words of `locator.chat.danger_score.features`, and
writes locator/data/chat/danger_score.tsv. The threshold is chosen by leaving one writer out at
a time: trained on the others, the score is read on the writer it has not seen, as it will be
on a new person's words; the threshold is the lowest at which those unseen writers' everyday
messages raise no more than MAX_FALSE_ALARMS of alarms. Prints the figures it chose by.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from chat_eval import HELD_BACK, load, writers  # noqa: E402

from locator.chat.danger_score import TABLE, features, parse  # noqa: E402
from locator.chat.matching import normalise  # noqa: E402

# The rules raise about 1% of false alarms on their own; the score may add about as many.
MAX_FALSE_ALARMS = 0.01
REGULARISATION = 16.0  # scikit-learn's C: chosen among 1, 4, 16 and 64 by the same leave-one-out
THRESHOLDS = np.arange(0.50, 0.96, 0.01)


def tokens(text: str) -> list[str]:
    """Return a message's features as a list with repeats, as the vectoriser counts them."""
    return [name for name, count in features(text).items() for _ in range(count)]


def fit(texts: list[str], danger: np.ndarray) -> tuple[TfidfVectorizer, LogisticRegression]:
    """Fit the vectoriser and the regression on messages and whether each tells of danger."""
    vectoriser = TfidfVectorizer(analyzer=tokens, min_df=2, sublinear_tf=True)
    model = LogisticRegression(C=REGULARISATION, max_iter=5000, class_weight="balanced")
    model.fit(vectoriser.fit_transform(texts), danger)
    return vectoriser, model


def development() -> dict[str, tuple[list[str], np.ndarray]]:
    """Return each development writer's normalised messages and danger labels."""
    found = {}
    for writer in writers():
        if writer in HELD_BACK:
            continue
        rows = load(writer)
        found[writer] = (
            [normalise(row["message"]) for row in rows],
            np.array([row["emergency"] == "yes" for row in rows]),
        )
    return found


def unseen_scores(sets) -> tuple[np.ndarray, np.ndarray]:
    """Return every message's score from a model that never saw its writer, and its label."""
    scores, labels = [], []
    for held in sets:
        texts = [text for writer, (part, _) in sets.items() if writer != held for text in part]
        danger = np.concatenate([flags for writer, (_, flags) in sets.items() if writer != held])
        vectoriser, model = fit(texts, danger)
        scores.append(model.predict_proba(vectoriser.transform(sets[held][0]))[:, 1])
        labels.append(sets[held][1])
        print(f"  left out {held}", file=sys.stderr)
    return np.concatenate(scores), np.concatenate(labels)


def main() -> None:
    sets = development()
    scores, labels = unseen_scores(sets)
    threshold = next(t for t in THRESHOLDS if (scores[~labels] >= t).mean() <= MAX_FALSE_ALARMS)
    recall = (scores[labels] >= threshold).mean()
    alarms = (scores[~labels] >= threshold).mean()
    print(
        f"threshold {threshold:.2f}: on writers left out, the score alone catches "
        f"{100 * recall:.1f}% of danger and alarms on {100 * alarms:.1f}% of the rest "
        f"({len(labels)} messages, {len(sets)} writers)"
    )
    texts = [text for part, _ in sets.values() for text in part]
    danger = np.concatenate([flags for _, flags in sets.values()])
    vectoriser, model = fit(texts, danger)
    names = vectoriser.get_feature_names_out()
    TABLE.parent.mkdir(parents=True, exist_ok=True)
    with TABLE.open("w", encoding="utf-8") as out:
        out.write(f"# bias {model.intercept_[0]:.6f}\n")
        out.write(f"# threshold {threshold:.2f}\n")
        out.write(f"# trained on {', '.join(sets)} ({len(texts)} messages)\n")
        for name, rarity, weight in zip(names, vectoriser.idf_, model.coef_[0], strict=True):
            out.write(f"{name}\t{rarity:.4f}\t{weight:.4f}\n")
    # The shipped reader must score as scikit-learn does (weights are written to 4 places).
    with TABLE.open(encoding="utf-8") as handle:
        table = parse(handle)
    ours = np.array([table.probability(text) for text in texts])
    gap = float(np.abs(ours - model.predict_proba(vectoriser.transform(texts))[:, 1]).max())
    if gap > 0.005:
        raise SystemExit(f"the table's reader differs from the model by up to {gap:.4f}")
    print(f"wrote {TABLE.relative_to(ROOT)}: {len(names)} features (reader within {gap:.5f})")


if __name__ == "__main__":
    main()
