"""Local referral contacts a partnership keeps: read its CSV, check every row, replace its lists.

A file replaces the whole list of each district it names, so a partnership re-sends its list
rather than editing rows; districts the file does not name keep theirs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from locator.adapters.db.store import Store
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


def validate_contact(values: dict, areas: Areas) -> dict:
    """Return a clean contact row from one record of a file, or raise RowError."""
    if "__error__" in values:
        raise RowError(values["__error__"])
    area_text = clean_text(values, "area", required=True)
    area = find_area(areas, area_text)
    if area is None:
        raise RowError(
            f"unknown area {area_text!r}: give a local authority district's code "
            "(e.g. E08000035), name (Leeds) or slug (leeds)"
        )
    name = clean_text(values, "name", required=True)
    phone = check_phone(clean_text(values, "phone", required=True))
    website = clean_text(values, "website")
    if website and not WEBSITE_PATTERN.match(website):
        raise RowError("website must be an address starting with http:// or https://")
    return {
        "area_code": area.code,
        "name": name,
        "phone": phone,
        "website": website,
        "topics": parse_topics(clean_text(values, "topics")),
        "hours": check_hours(clean_text(values, "hours")),
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
