"""Score the assistant on the independently written message sets in tests/data/chat_eval/.

Each writer's CSV was written by a separate helper session from a persona brief, without seeing
the rules or each other's messages. Some writers' sets are held back: they are never used to tune
the rules (nor the danger score's weights), and their figures are reported apart as the honest
estimate. `w2` was held back from the start; `w16` to `w18` were written later, scored once
before anything changed, and held back from then on; so is `w22`, drawn by lot from the seven
sets `w19` to `w25` before any of them was scored.

Run `python tests/chat_eval.py` for the development sets' figures per writer and field, and
`--held-back` to add the held-back sets (only when reporting: looking at them after every change
would tune the rules to them too); `--misses w1` lists a development set's misses (the held-back
sets' are never listed).
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent
if str(ROOT.parent) not in sys.path:
    sys.path.insert(0, str(ROOT.parent))

from locator.chat import understand  # noqa: E402
from locator.geo.gazetteer import default_gazetteer  # noqa: E402
from locator.search.service import WALES_MIDDLE  # noqa: E402

SETS = ROOT / "data" / "chat_eval"
HELD_BACK = ("w2", "w16", "w17", "w18", "w22")
WELSH_SETS = ("w15",)
PLACE_TOLERANCE_KM = 15.0  # a place within the named town (or its postcode district)
MEDICAL = {"first_aid", "defibrillator"}
LINE_CODES = {
    "116 123": "samaritans",
    "0800 1111": "childline",
    "0808 2000 247": "domestic_abuse",
    "0808 801 0327": "mens_advice",
    "0808 500 2222": "rape_crisis",
    "0808 800 4444": "shelter",
    "101": "police_101",
    "111": "nhs_111",
    # Wales's own lines, scored as the topic they serve.
    "0808 80 10 800": "domestic_abuse",  # Live Fear Free
    "080880 23456": "childline",  # Meic
    "0808 164 0123": "samaritans",  # Samaritans Welsh Language Line
}


@dataclass
class Score:
    """Counts for one writer's set."""

    rows: int = 0
    intent: int = 0
    facilities: int = 0
    helplines: int = 0
    danger: int = 0
    danger_caught: int = 0
    calm: int = 0
    false_alarms: int = 0
    places_named: int = 0
    places_found: int = 0
    places_unnamed: int = 0
    places_invented: int = 0
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in vars(self):
            if name != "misses":
                setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, float]:
        def pct(part: int, whole: int) -> float:
            return 100.0 * part / whole if whole else math.nan

        return {
            "intent": pct(self.intent, self.rows),
            "emergency recall": pct(self.danger_caught, self.danger),
            "false alarms": pct(self.false_alarms, self.calm),
            "facilities": pct(self.facilities, self.rows),
            "helplines": pct(self.helplines, self.rows),
            "place found": pct(self.places_found, self.places_named),
            "place invented": pct(self.places_invented, self.places_unnamed),
        }


def load(writer: str) -> list[dict[str, str]]:
    """Return one writer's rows."""
    with (SETS / f"{writer}.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def writers() -> list[str]:
    """Return the writers whose sets are present, development sets first, by number."""
    names = sorted((path.stem for path in SETS.glob("w*.csv")), key=lambda name: int(name[1:]))
    return [name for name in names if name not in HELD_BACK] + [
        name for name in names if name in HELD_BACK
    ]


def _codes(text: str) -> set[str]:
    return {code.strip() for code in text.split(";") if code.strip()}


def _facilities(codes, danger: bool) -> set[str]:
    """Return the facilities to compare; in danger, the ambulance is the answer to an injury.

    The assistant narrows a search in danger only to what was asked for outright (and to a
    defibrillator for a collapse); writers differ on listing first aid beside 999, so where both
    read danger, first aid and a defibrillator are not compared.
    """
    return set(codes) - MEDICAL if danger else set(codes)


def _km(a, b) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


def score(writer: str) -> Score:  # noqa: PLR0912 - one branch per field scored
    """Score every row of one writer's set."""
    gazetteer = default_gazetteer()
    result = Score()
    for row in load(writer):
        message = row["message"]
        turn = understand(message, gazetteer)
        result.rows += 1
        wrong = []
        if turn.intent == row["intent"]:
            result.intent += 1
        else:
            wrong.append(f"intent {turn.intent} != {row['intent']}")
        expected_danger = row["emergency"] == "yes"
        if expected_danger:
            result.danger += 1
            result.danger_caught += turn.emergency
        else:
            result.calm += 1
            result.false_alarms += turn.emergency
        if turn.emergency != expected_danger:
            wrong.append(f"emergency {turn.emergency}")
        both_danger = expected_danger and turn.emergency
        if _facilities(turn.facilities, both_danger) == _facilities(
            _codes(row["facilities"]), both_danger
        ):
            result.facilities += 1
        else:
            wrong.append(f"facilities {sorted(turn.facilities)} != {row['facilities']}")
        lines = {LINE_CODES[line.phone] for line in turn.helplines if line.phone in LINE_CODES}
        if lines == _codes(row["helplines"]):
            result.helplines += 1
        else:
            wrong.append(f"helplines {sorted(lines)} != {row['helplines']}")
        if row["place"].strip():
            # The Welsh set's writers are in Wales: their Bangor is Gwynedd's, not County Down's.
            near = WALES_MIDDLE if writer in WELSH_SETS else None
            town = row["place_town"]
            reference = gazetteer.find(town, near=near) if town else None
            result.places_named += 1
            if turn.place is not None and (
                reference is None or _km(turn.place, reference) <= PLACE_TOLERANCE_KM
            ):
                result.places_found += 1
            else:
                got = turn.place.label if turn.place else None
                wrong.append(f"place {got} != {row['place']} ({row['place_town']})")
        else:
            result.places_unnamed += 1
            if turn.place is not None:
                result.places_invented += 1
                wrong.append(f"place invented: {turn.place.label}")
        if wrong:
            result.misses.append((message, "; ".join(wrong), row["persona"], writer))
    return result


def report(show_misses: str | None = None, held_back: bool = False) -> None:
    """Print the figures per writer and field, the development sets' total and the held-back set."""
    names = [name for name in writers() if held_back or name not in HELD_BACK]
    scores = {name: score(name) for name in names}
    total, kept = Score(), Score()
    for name in names:
        (kept if name in HELD_BACK else total).add(scores[name])
    columns = list(Score().figures())
    print(f"{'set':<16}{'rows':>5}" + "".join(f"{c:>18}" for c in columns))
    rows = [(name, scores[name]) for name in names if name not in HELD_BACK]
    rows.append(("development", total))
    rows += [(f"{name} held back", scores[name]) for name in names if name in HELD_BACK]
    if kept.rows:
        rows.append(("held back", kept))
    for name, result in rows:
        figures = result.figures()
        print(f"{name:<16}{result.rows:>5}" + "".join(f"{figures[c]:>17.1f}%" for c in columns))
    if show_misses and show_misses not in HELD_BACK:
        kinds = Counter()
        for message, why, persona, _ in scores[show_misses].misses:
            kinds.update(part.split(" ")[0] for part in why.split("; "))
            print(f"- {message!r}\n    {why}  [{persona}]")
        print(dict(kinds))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", help="list one development set's misses")
    parser.add_argument(
        "--held-back", action="store_true", help="also score the held-back set (for the report)"
    )
    arguments = parser.parse_args()
    report(arguments.misses, arguments.held_back)
