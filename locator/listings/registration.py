"""Registering premises: the readiness checklist, the form's hours grid, the manage-link mail.

Nothing a business sends is public until a moderator approves it.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from locator.domain import clock
from locator.domain.errors import InvalidParameter, refuse_unknown_members
from locator.domain.premises import reference
from locator.domain.vocabulary import Status
from locator.hours import schedule as hours
from locator.importing import rows as importing
from locator.listings import checklist
from locator.listings.accounts import check_email
from locator.listings.manage import invalid_row, token_hash
from locator.listings.readiness import check_codewords

# What a registration sends: the import columns (less the reference, which is ours to give),
# the contact email and the readiness answers.
REGISTRATION_FIELDS = (
    *(name for name in importing.SPEC_COLUMNS if name != "ref"),
    "contact_email",
    "checklist",
    "codewords",
)


@dataclass(frozen=True)
class Registered:
    """The answer to a registration."""

    id: int
    reference: str
    manage_token: str
    approximate_location: bool


def register(
    service, payload, mailer, base_url: str, *, every_question: bool = False
) -> Registered:
    """Validate a registration and store it as pending; mail the private manage link.

    `every_question` asks for an answer to each readiness question (the web form does); the
    API may leave the later ones for the manage page.
    """
    if not isinstance(payload, Mapping):
        raise InvalidParameter("Send the registration as a JSON object.", "body")
    refuse_unknown_members(payload, REGISTRATION_FIELDS, "a registration")
    email = check_email(payload.get("contact_email"))
    answers = checklist.check_answers(
        payload.get("checklist"),
        required=checklist.EVERY_QUESTION if every_question else checklist.FIRST_ASKED,
    )
    answers["codewords"] = list(check_codewords(payload.get("codewords")))
    values = {name: payload.get(name) for name in importing.SPEC_COLUMNS}
    values["ref"] = f"web-{secrets.token_hex(6)}"
    try:
        row, approximate, _notes = importing.validate_row(values, service.gazetteer)
    except importing.RowError as error:
        raise invalid_row(error) from None
    area = service.areas.locate(row["lat"], row["lon"])
    token = secrets.token_urlsafe(24)
    row.update(
        area_code=area.code if area else None,
        nation=area.nation if area else service.areas.nation_at(row["lat"], row["lon"]),
        status=Status.PENDING,
        demo=False,
        contact_email=email,
        checklist=json.dumps(answers, sort_keys=True),
        manage_token_hash=token_hash(token),
        last_confirmed=clock.today(),
    )
    with service.store.transaction():
        space_id = service.store.premises.add(
            row, "business", "registered", {"name": row["name"], "scheme": row["scheme"]}
        )
        _mail_registration(mailer, email, row["name"], space_id, token, base_url)
    mailer.deliver()
    return Registered(space_id, reference(space_id), token, approximate)


def _mail_registration(mailer, email: str, name: str, space_id: int, token: str, base_url: str):
    mailer.send(
        email,
        f"Your safe space registration {reference(space_id)}",
        f"Thank you for registering {name} as a safe space.\n\n"
        f"Your reference is {reference(space_id)}. A moderator will check the listing before "
        f"it is shown to the public.\n\nKeep this private link to update your opening hours, "
        f"close temporarily, confirm the listing or withdraw it:\n{base_url}/manage/{token}\n\n"
        "Anyone with the link can change your listing: do not share it.",
    )


GRID_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


# No "same as a normal day": a bank holiday falls on different weekdays, so we could not know
# which day's hours to use.
BANK_HOLIDAY_CHOICES = {
    "closed": "Closed on bank holidays",
    "open": "Open on bank holidays, at these times:",
    "unsure": "Not sure, or it varies",
}


GRID_TIME = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$")


def hours_from_grid(form: Mapping[str, str]) -> str:
    """Turn the grid (two spans a day, and a bank-holiday row) into OSM opening hours."""
    week = {day: ",".join(_grid_spans(form, day, day.title())) or "CLOSED" for day in GRID_DAYS}
    try:
        expression = hours.nhs_week_to_osm(week)
    except hours.HoursError as error:
        raise InvalidParameter(str(error), "opening_hours") from None
    return expression + _bank_holiday_rule(form)


def _grid_spans(form: Mapping[str, str], row: str, name: str) -> list[str]:
    """Return one grid row's spans, e.g. ['09:00-12:00', '13:00-17:30']; empty when closed."""
    spans = []
    for n in (1, 2):
        start, end = (form.get(f"{row}_{part}{n}", "").strip() for part in ("open", "close"))
        if not (start or end):
            continue
        if not (start and end):
            raise InvalidParameter(
                f"Give both an opening and a closing time for {name}.", "opening_hours"
            )
        if not (GRID_TIME.match(start) and GRID_TIME.match(end)):
            raise InvalidParameter(
                f"Give the times for {name} in hours and minutes, such as 09:00.", "opening_hours"
            )
        end = "24:00" if end == "00:00" else end  # closing at midnight
        if start == end:
            raise InvalidParameter(
                f"The opening and closing times for {name} are the same ({start}); for a whole "
                "day give 00:00 to 00:00.",
                "opening_hours",
            )
        spans.append(f"{start}-{end}")
    return sorted(set(spans))


def _bank_holiday_rule(form: Mapping[str, str]) -> str:
    """Return the grid's bank-holiday rule ('; PH off', '; PH 10:00-16:00'), or '' when unsure."""
    choice = form.get("bank_holidays", "").strip()
    spans = _grid_spans(form, "ph", "bank holidays")
    if not choice and spans:
        choice = "open"  # times without a choice can only mean open at those times
    if choice and choice not in BANK_HOLIDAY_CHOICES:
        raise InvalidParameter(
            "Choose closed, open at set times, or not sure for bank holidays.", "opening_hours"
        )
    if choice == "open":
        if not spans:
            raise InvalidParameter(
                "Give your opening and closing times on bank holidays, or choose closed or not "
                "sure.",
                "opening_hours",
            )
        # Last, after '; ': on a bank holiday it replaces whatever the weekday rules say.
        return "; PH " + ",".join(spans)
    if spans:
        raise InvalidParameter(
            f"You gave times for bank holidays but chose '{BANK_HOLIDAY_CHOICES[choice]}': "
            "clear the times, or choose to open on bank holidays.",
            "opening_hours",
        )
    return "; PH off" if choice == "closed" else ""
