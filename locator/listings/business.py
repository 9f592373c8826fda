"""Use cases for businesses and moderators: register, manage link, moderation, audit.

Plain Python (no Flask). Nothing a business sends is public until a moderator approves it;
edits to public words wait for a moderator too, but opening hours and temporary closure apply
at once because they only ever make the listing more accurate about when it is open.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from locator.domain import clock, moderation, policy
from locator.domain.accounts import Moderator, Organisation
from locator.domain.errors import InvalidParameter, SpaceNotFound
from locator.domain.premises import Premises
from locator.domain.vocabulary import FACILITIES, Status
from locator.hours import schedule as hours
from locator.importing import rows as importing

CHECKLIST = {
    "staff_trained": "Staff are trained and know what to do when someone asks for the safe space",
    "designated_person": "There is a designated person on every shift, with cover for absences",
    "space_checked": "The space is checked: seen from the shop floor, a way out, a phone or "
    "internet, a first aid kit, good light, nothing harmful within reach",
    "insurer_consulted": "Your insurer knows you are a safe space",
    "partners_informed": "Local partners (council, police business crime team) are told",
    "record_and_review": "You will keep a simple record of uses and review it",
}
# A business that cannot say yes to these is not ready to help someone in distress.
ESSENTIAL = ("staff_trained", "designated_person", "space_checked")
REVIEWED_FIELDS = ("name", "facilities", "how_to_ask", "phone", "website")
EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
FIELD_IN_MESSAGE = re.compile(
    r"\b(" + "|".join(sorted(importing.SPEC_COLUMNS, key=len, reverse=True)) + r"|facility)\b"
)
_hasher = PasswordHasher()


def reference(space_id: int) -> str:
    """Return the reference number a business quotes, e.g. SSL-000123."""
    return f"SSL-{space_id:06d}"


def token_hash(token: str) -> str:
    """Return the stored form of a manage-link token."""
    return hashlib.sha256(token.encode()).hexdigest()


def _field_of(message: str) -> str | None:
    """Return the import field a row error is about (the first one it names)."""
    match = FIELD_IN_MESSAGE.search(message)
    if match is None:
        return None
    return "facilities" if match.group(1) == "facility" else match.group(1)


def _check_email(value) -> str:
    if not isinstance(value, str) or not EMAIL.match(value.strip()) or len(value) > 254:
        raise InvalidParameter(
            "Give a contact email address we can send your manage link to.", "contact_email"
        )
    return value.strip()


def _check_checklist(value) -> dict[str, bool]:
    if not isinstance(value, Mapping):
        raise InvalidParameter(
            "checklist must answer each readiness question with true or false.", "checklist"
        )
    answers = {}
    for key in CHECKLIST:
        answer = value.get(key)
        if not isinstance(answer, bool):
            raise InvalidParameter(
                f"Answer the readiness question '{key}' (true or false).", "checklist"
            )
        answers[key] = answer
    missing = [CHECKLIST[key] for key in ESSENTIAL if not answers[key]]
    if missing:
        raise InvalidParameter(
            "Before you register, make sure of this: " + "; ".join(missing) + ".", "checklist"
        )
    return answers


@dataclass(frozen=True)
class Registered:
    """The answer to a registration."""

    id: int
    reference: str
    manage_token: str
    approximate_location: bool


def register(service, payload, mailer, base_url: str) -> Registered:
    """Validate a registration and store it as pending; mail the private manage link."""
    if not isinstance(payload, Mapping):
        raise InvalidParameter("Send the registration as a JSON object.", "body")
    email = _check_email(payload.get("contact_email"))
    checklist = _check_checklist(payload.get("checklist"))
    values = {name: payload.get(name) for name in importing.SPEC_COLUMNS}
    values["ref"] = f"web-{secrets.token_hex(6)}"
    try:
        row, approximate = importing.validate_row(values, service.gazetteer)
    except importing.RowError as error:
        message = str(error)
        raise InvalidParameter(message[0].upper() + message[1:] + ".", _field_of(message)) from None
    area = service.areas.locate(row["lat"], row["lon"])
    token = secrets.token_urlsafe(24)
    row.update(
        area_code=area.code if area else None,
        nation=area.nation if area else service.areas.nation_at(row["lat"], row["lon"]),
        status=Status.PENDING,
        demo=False,
        contact_email=email,
        checklist=json.dumps(checklist, sort_keys=True),
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


# -- the weekly hours grid of the registration form ---------------------------------------

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


# -- manage link ---------------------------------------------------------------------------


def managed_space(store, token: str) -> Premises:
    """Return the premises a manage link opens, or raise SpaceNotFound."""
    if not isinstance(token, str) or not 20 <= len(token) <= 100:
        raise SpaceNotFound("This manage link is not valid.")
    row = store.premises.by_token_hash(token_hash(token))
    if row is None:
        raise SpaceNotFound("This manage link is not valid, or it has been replaced.")
    return row


def update_listing(store, row: Premises, changes: Mapping[str, object]) -> dict[str, list[str]]:
    """Apply hours and closure now; keep edits to public words for a moderator."""
    changed = {}
    if "opening_hours" in changes and changes["opening_hours"] != row.opening_hours:
        try:
            changed["opening_hours"] = hours.check_hours(changes["opening_hours"])
        except hours.HoursError as error:
            raise InvalidParameter(str(error), "opening_hours") from None
    if "closed_until" in changes:
        closure = _closure(changes["closed_until"])
        if closure != row.closed_until:
            changed["closed_until"] = closure
    for name in REVIEWED_FIELDS:
        if name in changes:
            value = _checked_field(name, changes[name])
            if value != getattr(row, name):
                changed[name] = value
    instant, reviewed = policy.split_changes(row.status, changed)
    values = dict(instant)
    if reviewed:
        waiting = row.waiting_changes
        waiting.update(reviewed)
        values["pending_changes"] = json.dumps(waiting, sort_keys=True)
    if values:
        store.premises.change(
            row.id, values, "business", "edited", {"now": instant, "for_review": reviewed}
        )
    return {"applied": sorted(instant), "for_review": sorted(reviewed)}


def _checked_field(name: str, value) -> str | None:
    """Return a public field as stored ("" as None), or raise InvalidParameter."""
    if name == "facilities":
        try:
            return ";".join(importing.parse_facilities(value))
        except importing.RowError as error:
            raise InvalidParameter(str(error), "facilities") from None
    value = " ".join(str(value or "").split()) or None
    limit = importing.LIMITS.get(name)
    if name == "name" and not value:
        raise InvalidParameter("The name cannot be empty.", "name")
    if value and limit and len(value) > limit:
        raise InvalidParameter(f"{name} is longer than {limit} characters.", name)
    return value


def _closure(value) -> date | None:
    if value in (None, ""):
        return None
    try:
        day = value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError:
        raise InvalidParameter(
            "Give the reopening date as a date, e.g. 2026-12-24.", "closed_until"
        ) from None
    today = clock.today()
    if day <= today or day > today + timedelta(days=366):
        raise InvalidParameter(
            "The reopening date must be after today and within a year.", "closed_until"
        )
    return day


def confirm_listing(store, row: Premises) -> None:
    """Record that the business says its listing is still correct today."""
    store.premises.change(row.id, {"last_confirmed": clock.today()}, "business", "confirmed", {})


def withdraw_listing(store, row: Premises) -> None:
    """Take a listing off the public site at the business's request."""
    store.premises.change(
        row.id,
        {"status": Status.SUSPENDED, "moderation_note": "Withdrawn by the business."},
        "business",
        "withdrawn",
        {},
    )


def new_manage_token(store, row: Premises, actor: str = "business") -> str:
    """Revoke the current manage link and return a new token (only its hash is kept)."""
    token = secrets.token_urlsafe(24)
    store.premises.change(row.id, {"manage_token_hash": token_hash(token)}, actor, "new_link", {})
    return token


def replace_manage_link(store, mailer, row: Premises, base_url: str) -> str:
    """Revoke the current manage link, mail the new one to the business, and return its token."""
    with store.transaction():
        token = new_manage_token(store, row)
        if row.contact_email:
            mailer.send(
                row.contact_email,
                f"New manage link for {reference(row.id)}",
                f"Your new private link is:\n{base_url}/manage/{token}\n"
                "The old link no longer works.",
            )
    mailer.deliver()
    return token


# -- moderators ----------------------------------------------------------------------------


def create_moderator(store, areas, email: str, name: str, password: str, area_slugs) -> int:
    """Create a moderator, optionally limited to some local authority districts."""
    email = _check_email(email).lower()
    if not name or not name.strip():
        raise InvalidParameter("Give the moderator's name.", "name")
    if len(password) < 12:
        raise InvalidParameter("Use a password of at least 12 characters.", "password")
    codes = []
    for slug in area_slugs:
        area = areas.by_slug(slug.strip().lower())
        if area is None:
            raise InvalidParameter(f"Unknown area {slug!r}.", "area")
        codes.append(area.code)
    if store.accounts.moderator(email=email):
        raise InvalidParameter(f"A moderator with the email {email} already exists.", "email")
    return store.accounts.add_moderator(
        email, name.strip(), _hasher.hash(password), ",".join(codes)
    )


def _verified(account, password: str):
    """Return the account when it is active and the password matches it, else None."""
    if account is None or not account.active:
        _hasher.hash("x" * 12)  # similar time whether or not the account exists
        return None
    try:
        _hasher.verify(account.password_hash, password or "")
    except (VerificationError, InvalidHashError):
        return None
    return account


def authenticate(store, email: str, password: str) -> Moderator | None:
    """Return the active moderator with these credentials, or None."""
    return _verified(store.accounts.moderator(email=(email or "").strip().lower()), password)


QUEUE_PAGE = 100


@dataclass
class QueueItem:
    """Something a moderator should look at, and why."""

    space: Premises
    reasons: list[str]
    duplicates: list[Premises]
    reports: dict[str, int]
    changes: dict


@dataclass
class QueuePage:
    """One page of a moderator's queue and where it sits in the whole."""

    items: list[QueueItem]
    page: int
    total: int

    @property
    def first(self) -> int:
        """Return the position of the page's first item, counting from 1."""
        return (self.page - 1) * QUEUE_PAGE + 1 if self.items else 0

    @property
    def last(self) -> int:
        """Return the position of the page's last item."""
        return self.first + len(self.items) - 1 if self.items else 0

    @property
    def has_next(self) -> bool:
        """Return True when more items wait beyond this page."""
        return self.page * QUEUE_PAGE < self.total


def moderation_queue(store, moderator: Moderator, page: int = 1) -> QueuePage:
    """Return one page of what needs a decision in the moderator's areas, oldest first.

    The areas are part of the query, so a moderator for one district sees its items however
    many older ones wait elsewhere.
    """
    page = max(page, 1)
    stale_before = clock.today() - policy.STALE_AFTER
    reports = store.reports.open()
    total, candidates = store.premises.moderation_queue(
        moderator.codes, reports, stale_before, QUEUE_PAGE, (page - 1) * QUEUE_PAGE
    )
    items = [
        QueueItem(
            row,
            moderation.reasons_waiting(row, row.id in reports, stale_before),
            duplicates_of(store, row),
            reports.get(row.id, {}),
            row.waiting_changes,
        )
        for row in candidates
    ]
    return QueuePage(items, page, total)


def duplicates_of(store, row: Premises) -> list[Premises]:
    """Return other premises at the same postcode with a similar name."""
    if not row.postcode:
        return []
    name = row.name.lower()
    return [
        other
        for other in store.premises.at_postcode(row.postcode, row.id)
        if difflib.SequenceMatcher(None, name, other.name.lower()).ratio() >= 0.6
    ]


@dataclass(frozen=True)
class Review:
    """Everything a moderator reads before deciding on one premises."""

    space: Premises
    checklist: dict
    waiting: dict
    reports: dict[str, int]
    head_office: Organisation | None
    duplicates: list[Premises]
    audit: list[dict]


def review(store, moderator: Moderator, space_id: int) -> Review:
    """Return one premises in the moderator's areas with its history, or raise SpaceNotFound."""
    row = store.premises.get(space_id)
    if row is None or not moderation.in_scope(moderator, row):
        raise SpaceNotFound(f"There is no premises {space_id} in your areas.")
    return Review(
        space=row,
        checklist=json.loads(row.checklist or "{}"),
        waiting=row.waiting_changes,
        reports=store.reports.counts(space_id),
        head_office=store.accounts.organisation(organisation_id=row.organisation_id)
        if row.organisation_id
        else None,
        duplicates=duplicates_of(store, row),
        audit=store.premises.audit_entries(space_id),
    )


def decide(
    store,
    mailer,
    moderator: Moderator,
    space_id: int,
    action: str,
    reason: str = "",
    head_office: str = "",
) -> None:
    """Carry out a moderator's decision on one premises, record it and tell the business.

    `head_office` is the email of the head-office account a premises joins ("link_head_office"):
    only a moderator or the head office's own upload puts premises in an estate.
    """
    row = store.premises.get(space_id)
    if row is None or not moderation.in_scope(moderator, row):
        raise SpaceNotFound(f"There is no premises {space_id} in your areas.")
    reason = moderation.check_decision(action, reason)
    values, detail = moderation.transition(row, action, reason, clock.today())
    if reason:
        detail["reason"] = reason
    if action == "link_head_office":
        account = store.accounts.organisation(email=(head_office or "").strip().lower())
        if account is None:
            message = "There is no head office account with that email."
            raise InvalidParameter(message, "head_office")
        values = {"organisation_id": account.id}
        detail["head_office"] = account.name
    with store.transaction():
        if action == "resolve_reports":
            store.reports.resolve(space_id)
        store.premises.change(space_id, values, moderator.actor, action, detail)
        if row.contact_email and action in moderation.TOLD:
            mailer.send(
                row.contact_email,
                f"Your safe space listing {reference(space_id)}",
                f"Your listing for {row.name} has been {moderation.decision_words(row, action)}."
                + (f"\n\nThe moderator's reason: {reason}" if reason else ""),
            )
    mailer.deliver()


# -- head offices -----------------------------------------------------------------------------


def create_organisation(store, name: str, email: str, password: str) -> int:
    """Create a head-office account for an organisation's estate."""
    email = _check_email(email).lower()
    name = " ".join((name or "").split())
    if not name or len(name) > 200:
        raise InvalidParameter("Give the organisation's name (up to 200 characters).", "name")
    if len(password) < 12:
        raise InvalidParameter("Use a password of at least 12 characters.", "password")
    if store.accounts.organisation(email=email):
        raise InvalidParameter(f"An account with the email {email} already exists.", "email")
    return store.accounts.add_organisation(name, email, _hasher.hash(password))


def authenticate_organisation(store, email: str, password: str) -> Organisation | None:
    """Return the active head-office account with these credentials, or None."""
    return _verified(store.accounts.organisation(email=(email or "").strip().lower()), password)


def estate(store, organisation: Organisation) -> list[Premises]:
    """Return every premises the head office uploaded (linked by id, never by name)."""
    rows = store.premises.estate(organisation.id)
    return sorted(rows, key=lambda row: (row.name.lower(), row.ref))


def estate_space(store, organisation: Organisation, space_id: int) -> Premises:
    """Return one of the head office's premises, or raise SpaceNotFound."""
    row = store.premises.get(space_id)
    if row is None or row.organisation_id != organisation.id:
        raise SpaceNotFound(f"{organisation.name} has no premises {space_id}.")
    return row


def facility_choices() -> dict[str, str]:
    """Return the facility codes and labels for forms."""
    return dict(FACILITIES)
