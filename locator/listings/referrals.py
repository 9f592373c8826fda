"""Local referral contacts a partnership keeps: read its CSV, check every row, replace its lists;
or a moderator adds, changes and deletes one contact of their districts on the web.

A file replaces the whole list of each district it names, so a partnership re-sends its list
rather than editing rows; districts the file does not name keep theirs. Both ways check a contact
with `validate_contact`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from locator.adapters.db.store import Store
from locator.domain.accounts import Moderator
from locator.domain.errors import InvalidParameter, SpaceNotFound
from locator.domain.helplines import BY_TOPIC
from locator.geo.areas import Area, Areas, slugify
from locator.hours import schedule as hours
from locator.importing.rows import (
    WEBSITE_PATTERN,
    ImportFileError,
    RawRow,
    Rejected,
    RowError,
    clean_text,
    csv_rows,
    read_text,
)

TOPICS = tuple(BY_TOPIC)
COLUMNS = ("area", "name", "phone", "website", "topics", "hours")
REQUIRED_COLUMNS = ("area", "name", "phone", "topics")
PHONE_FORM = re.compile(r"(?:\+44)?[0-9 ]+")
# Service numbers a local list may give: police 101, NHS 111, and the 116 xxx helplines.
SHORT_NUMBERS = re.compile(r"101|111|116[0-9]{3}")
PHONE_HINT = "use digits and spaces, optionally starting +44, e.g. 0113 496 0000"


@dataclass
class ReferralPlan:
    """A contacts file read and checked, before anything is written."""

    read: int = 0
    rows: list[dict] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


@dataclass
class ReferralImport:
    """What an import of contacts did."""

    plan: ReferralPlan
    written: int = 0
    areas: list[str] = field(default_factory=list)  # names of the districts replaced


def find_area(areas: Areas, text: str) -> Area | None:
    """Return the district a cell names by its code, its name or its slug."""
    return areas.by_code(text.upper()) or areas.by_slug(slugify(text))


def check_phone(text: str) -> str:
    """Return a plausible UK phone number as given, or raise RowError."""
    if not PHONE_FORM.fullmatch(text):
        raise RowError(f"phone {text!r} is not a UK phone number: {PHONE_HINT}")
    digits = text.replace(" ", "")
    if digits.startswith("+44"):
        if digits[3:4] == "0":
            raise RowError(f"phone {text!r}: leave out the 0 after +44, or write it as 0…")
        digits = "0" + digits[3:]
    national = digits.startswith("0") and not digits.startswith("00") and 10 <= len(digits) <= 11
    if not (national or SHORT_NUMBERS.fullmatch(digits)):
        raise RowError(f"phone {text!r} is not a UK phone number: {PHONE_HINT}")
    return text


def parse_topics(text: str | None) -> list[str]:
    """Return topic codes in the helplines' order from a ';'-separated cell, or raise RowError."""
    codes = set()
    for item in re.split(r"[;,]", text or ""):
        code = item.strip().lower()
        if not code:
            continue
        if code not in BY_TOPIC:
            raise RowError(f"unknown topic {item.strip()!r}; use {', '.join(TOPICS)}")
        codes.add(code)
    if not codes:
        raise RowError(f"topics is missing: give one or more of {', '.join(TOPICS)}")
    return [code for code in TOPICS if code in codes]


def check_hours(text: str | None) -> str:
    """Return checked opening hours, or "" when not stated; raise RowError."""
    if not text:
        return ""
    try:
        return hours.check_hours(text)
    except hours.HoursError as exc:
        raise RowError(f"hours: {exc}") from None


class ContactError(RowError):
    """A contact refused, naming the field at fault so a form can show it beside that field."""

    def __init__(self, message: str, field: str):
        super().__init__(message)
        self.field = field


@contextmanager
def _blame(name: str) -> Iterator[None]:
    try:
        yield
    except ContactError:
        raise
    except RowError as exc:
        raise ContactError(str(exc), name) from None


def validate_contact(values: dict, areas: Areas) -> dict:
    """Return a clean contact row from one record of a file or one form, or raise ContactError."""
    if "__error__" in values:
        raise RowError(values["__error__"])
    with _blame("area"):
        area_text = clean_text(values, "area", required=True)
        area = find_area(areas, area_text)
        if area is None:
            raise RowError(
                f"unknown area {area_text!r}: give a local authority district's code "
                "(e.g. E08000035), name (Leeds) or slug (leeds)"
            )
    with _blame("name"):
        name = clean_text(values, "name", required=True)
    with _blame("phone"):
        phone = check_phone(clean_text(values, "phone", required=True))
    with _blame("website"):
        website = clean_text(values, "website")
        if website and not WEBSITE_PATTERN.match(website):
            raise RowError("website must be an address starting with http:// or https://")
    with _blame("topics"):
        topics = parse_topics(clean_text(values, "topics"))
    with _blame("hours"):
        opening = check_hours(clean_text(values, "hours"))
    return {
        "area_code": area.code,
        "name": name,
        "phone": phone,
        "website": website,
        "topics": topics,
        "hours": opening,
    }


def read_contacts(path: Path) -> list[RawRow]:
    """Read a contacts CSV into raw rows, or raise ImportFileError saying why it cannot be."""
    rows = list(csv_rows(read_text(path), REQUIRED_COLUMNS))
    if not rows:
        raise ImportFileError(f"{path.name} has a header row but no contacts under it.")
    return rows


def plan_contacts(raw_rows: list[RawRow], areas: Areas) -> ReferralPlan:
    """Check every row; bad rows are listed with where they are and why."""
    plan = ReferralPlan(read=len(raw_rows))
    seen: dict[tuple[str, str, str], str] = {}
    for raw in raw_rows:
        try:
            row = validate_contact(raw.values, areas)
            key = (row["area_code"], row["name"].casefold(), row["phone"].replace(" ", ""))
            if key in seen:
                raise RowError(f"the same contact (area, name and phone) is at {seen[key]}")
            seen[key] = raw.where
        except RowError as exc:
            plan.rejected.append(Rejected(raw.where, str(exc)))
        else:
            plan.rows.append(row)
    return plan


def import_contacts(
    store: Store, areas: Areas, path: Path, *, skip_bad: bool = False
) -> ReferralImport:
    """Replace the lists of the districts a file names; none while a row is bad, unless skip_bad."""
    result = ReferralImport(plan_contacts(read_contacts(path), areas))
    plan = result.plan
    if not plan.rows or (plan.rejected and not skip_bad):
        return result
    store.referrals.replace(plan.rows)
    result.written = len(plan.rows)
    codes = {row["area_code"] for row in plan.rows}
    result.areas = sorted(areas.by_code(code).name for code in codes)
    return result


# -- one contact at a time, by a moderator ---------------------------------------------------


def districts_of(moderator: Moderator, areas: Areas) -> list[Area]:
    """Return the districts whose contacts a moderator keeps, by name (all when unlimited)."""
    codes = moderator.codes
    chosen = [areas.by_code(code) for code in codes] if codes else areas.all()
    return sorted((area for area in chosen if area), key=lambda area: area.name)


def in_scope(moderator: Moderator, area_code: str) -> bool:
    """Return True when the moderator may see and change a district's contacts."""
    return not moderator.codes or area_code in moderator.codes


def contact_of(store: Store, moderator: Moderator, contact_id: int) -> dict:
    """Return one contact of the moderator's districts, or raise SpaceNotFound."""
    found = store.referrals.find(contact_id)
    # Another district's contact is not found, the same as a missing one.
    if found is None or not in_scope(moderator, found["area_code"]):
        raise SpaceNotFound(f"There is no contact {contact_id} in your areas.")
    return found


def checked_form(moderator: Moderator, areas: Areas, form: dict) -> dict:
    """Return a contact from the moderator's form, or raise InvalidParameter naming the field."""
    values = {name: form.get(name) or "" for name in COLUMNS if name != "topics"}
    values["topics"] = ";".join(form.get("topics") or ())
    try:
        row = validate_contact(values, areas)
    except ContactError as exc:
        raise InvalidParameter(str(exc), exc.field) from None
    if not in_scope(moderator, row["area_code"]):
        raise InvalidParameter("That district is not one of yours.", "area")
    return row


def add_contact(store: Store, areas: Areas, moderator: Moderator, form: dict) -> dict:
    """Add a contact to one of the moderator's districts; return it as stored."""
    row = checked_form(moderator, areas, form)
    store.referrals.add(row, moderator.actor)
    return row


def change_contact(
    store: Store, areas: Areas, moderator: Moderator, contact_id: int, form: dict
) -> dict:
    """Change one contact of the moderator's districts (perhaps to another of them)."""
    contact_of(store, moderator, contact_id)
    row = checked_form(moderator, areas, form)
    store.referrals.update(contact_id, row, moderator.actor)
    return row


def delete_contact(store: Store, moderator: Moderator, contact_id: int) -> dict:
    """Delete one contact of the moderator's districts; return what it was."""
    found = contact_of(store, moderator, contact_id)
    store.referrals.delete(contact_id, moderator.actor)
    return found
