"""What a business says about its readiness, beyond the listing: codewords, trained staff."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from locator.domain import clock, policy
from locator.domain.errors import InvalidParameter
from locator.domain.vocabulary import CODEWORDS
from locator.listings import checklist
from locator.usage import personal_data


def check_codewords(value) -> tuple[str, ...]:
    """Read the codeword schemes a business has joined (a list of codes; none by default)."""
    if value in (None, ""):
        return ()
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise InvalidParameter(
            'codewords must be a list such as ["ask_for_ani"] (or empty).', "codewords"
        )
    for code in value:
        if not isinstance(code, str) or code not in CODEWORDS:
            raise InvalidParameter(
                f"Unknown codeword scheme {str(code)[:40]!r}; use any of {', '.join(CODEWORDS)}.",
                "codewords",
            )
    return tuple(code for code in CODEWORDS if code in value)


# Words that make two capitalised words a role ("Shift Manager"), not someone's name.
ROLE_WORDS = frozenset(
    "manager supervisor assistant deputy lead leader staff team member pharmacist technician "
    "security officer guard cashier colleague keyholder owner director head store shop shift "
    "night day weekend duty sales customer service trainee apprentice".split()
)
WHO_LIMIT = 40
CAPITALISED_PAIR = re.compile(r"\b[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+\b")


def check_role_or_initials(value, field: str, what: str) -> str:
    """Return initials or a role, tidied; refuse what looks like someone's name."""
    text = " ".join(str(value or "").split())
    if not text:
        raise InvalidParameter(f"Say {what}: initials or a role, such as 'JS' or 'Manager'.", field)
    if len(text) > WHO_LIMIT:
        raise InvalidParameter(f"Keep {what} under {WHO_LIMIT} characters.", field)
    pair = CAPITALISED_PAIR.search(text)
    named = pair and not ROLE_WORDS & {word.lower() for word in pair.group().split()}
    if named or any(f.kind == "name" for f in personal_data.find_personal_data(text)):
        raise InvalidParameter(
            "That looks like someone's name. Use initials or a role only, such as "
            "'JS' or 'Shift manager': the record shows readiness, it is not a staff list.",
            field,
        )
    return text


def check_training(who, trained_on, today: date | None = None) -> tuple[str, date]:
    """Validate one trained-staff entry: initials or a role, and a day not in the future."""
    who = check_role_or_initials(who, "who", "who was trained")
    today = today or clock.today()
    try:
        day = trained_on if isinstance(trained_on, date) else date.fromisoformat(str(trained_on))
    except ValueError:
        raise InvalidParameter(
            "Give the training date as a date, e.g. 2026-11-28.", "trained_on"
        ) from None
    if day > today:
        raise InvalidParameter("The training date must be today or earlier.", "trained_on")
    return who, day


@dataclass(frozen=True)
class Trained:
    """One member of staff on the record, with when their refresher falls due."""

    id: int
    who: str
    trained_on: date
    refresher_on: date
    due: bool


@dataclass(frozen=True)
class StaffRecord:
    """Who at a premises was trained, and whose refresher is due."""

    entries: tuple[Trained, ...]

    @property
    def due(self) -> tuple[Trained, ...]:
        return tuple(entry for entry in self.entries if entry.due)

    def summary(self) -> str:
        """Say how many are trained and how many refreshers are due, e.g. '3 staff trained'."""
        if not self.entries:
            return ""
        text = f"{len(self.entries)} staff trained"
        if self.due:
            text += f", {len(self.due)} refresher{'s' if len(self.due) > 1 else ''} due"
        return text

    def answer(self, said_yes: bool) -> str:
        """Return the "staff trained" answer, backed by the record when it has entries."""
        said = "Yes" if said_yes else "Not yet"
        return f"{said} — {self.summary()}" if self.entries else said


def staff_records(
    store, space_ids: Sequence[int], months: int, today: date | None = None
) -> dict[int, StaffRecord]:
    """Return each premises' trained-staff record, read in one query, refreshers after `months`."""
    today = today or clock.today()
    found: dict[int, list[Trained]] = {space_id: [] for space_id in space_ids}
    for row in store.training.entries(space_ids):
        refresher = policy.months_after(row["trained_on"], months)
        found[row["premises_id"]].append(
            Trained(row["id"], row["who"], row["trained_on"], refresher, refresher <= today)
        )
    return {space_id: StaffRecord(tuple(entries)) for space_id, entries in found.items()}


def staff_record(store, space_id: int, months: int, today: date | None = None) -> StaffRecord:
    """Return a premises' trained-staff record with refreshers due after `months`."""
    return staff_records(store, [space_id], months, today)[space_id]


def add_training(store, space_id: int, who, trained_on) -> str:
    """Record one trained member of staff; return what to tell the business."""
    who, day = check_training(who, trained_on)
    store.training.add(space_id, who, day)
    return f"Added to your trained-staff record: {who}, trained {day:%-d %B %Y}."


def remove_training(store, space_id: int, entry_id: int) -> str:
    """Remove one entry from a premises' trained-staff record; return what to tell the business."""
    if not store.training.remove(space_id, entry_id):
        raise InvalidParameter("That entry is not on your trained-staff record.", "training")
    return "Removed from your trained-staff record."


# Said when a change to the readiness answers would leave an essential point "not yet".
STILL_NEEDED = (
    "A safe space needs each of these; if one is no longer true, close temporarily (under "
    "'Change your listing') until it is: "
)


def update_answers(store, row, answers: Mapping, codewords, actor: str = "business") -> str:
    """Replace a listing's readiness answers and codeword schemes; return what to tell them."""
    checked = checklist.check_answers(
        answers, required=checklist.EVERY_QUESTION, not_ready=STILL_NEEDED
    )
    kept = {**checked, "codewords": list(check_codewords(codewords))}
    before = checklist.stored(row.readiness)
    if kept == {**before, "codewords": list(row.codewords)}:
        return "Your readiness answers are unchanged."
    changed = sorted(key for key in checked if before.get(key) != checked[key])
    store.premises.change(
        row.id,
        {"checklist": json.dumps(kept, sort_keys=True)},
        actor,
        "readiness",
        {"changed": changed, "codewords": kept["codewords"]},
    )
    open_ = sum(stage.to_do for stage in checklist.by_stage(checked))
    left = f" {open_} still 'not yet'; our reminders will ask again." if open_ else ""
    return "Saved your readiness answers." + left


def update_estate_answers(store, organisation, answers: Mapping) -> str:
    """Keep a head office's readiness answers for its whole estate; return what to tell it."""
    # Left open, a question is answered store by store.
    checked = checklist.check_answers(answers, required=(), not_ready=ESTATE_NOT_READY)
    if checked == checklist.stored(organisation.readiness):
        return "Your estate's readiness answers are unchanged."
    store.accounts.set_estate_readiness(organisation.id, json.dumps(checked, sort_keys=True))
    return (
        "Saved your estate's readiness answers: they stand for every store that has not "
        "answered for itself."
    )


ESTATE_NOT_READY = (
    "Every safe space in your estate needs each of these before it opens; if one is not yet "
    "true everywhere, say so store by store instead: "
)


def answers_for(store, row) -> dict:
    """Return a premises' readiness: its own answers over those its head office declared."""
    estate = None
    if row.organisation_id:
        organisation = store.accounts.organisation(organisation_id=row.organisation_id)
        estate = organisation.readiness if organisation else None
    return checklist.merged(row.readiness, estate)


def reminder_lines(store, row, refresh_months: int, today: date | None = None) -> str:
    """Return the reminder mail's readiness paragraph (refreshers due, steps not yet done)."""
    lines = []
    record = staff_record(store, row.id, refresh_months, today)
    if record.due:
        who = ", ".join(entry.who for entry in record.due)
        lines.append(f"- Training refresher due for: {who}. Record it on your manage page.")
    lines += [f"- {text}" for text in checklist.still_to_do(answers_for(store, row))]
    if not lines:
        return ""
    return "Your readiness:\n" + "\n".join(lines) + "\n\n"
