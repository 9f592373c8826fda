"""The manage link a business keeps: edit, close for a while, confirm, withdraw, a new link.

Edits to public words wait for a moderator; opening hours and a temporary closure apply at once,
because they only ever make the listing more accurate about when it is open.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from locator.domain import clock, policy
from locator.domain.errors import InvalidParameter, SpaceNotFound
from locator.domain.premises import Premises, reference
from locator.domain.vocabulary import Status
from locator.hours import schedule as hours
from locator.importing import rows as importing
from locator.listings.readiness import check_codewords

REVIEWED_FIELDS = ("name", "facilities", "how_to_ask", "phone", "website")


def token_hash(token: str) -> str:
    """Return the stored form of a manage-link token."""
    return hashlib.sha256(token.encode()).hexdigest()


def opened_by(store, token: str, link: str = "manage") -> Premises | None:
    """Return the premises a private link's token opens (`manage` or `record`), or None."""
    if not isinstance(token, str) or not 20 <= len(token) <= 100:
        return None
    return store.premises.by_token_hash(token_hash(token), link)


def managed_space(store, token: str) -> Premises:
    """Return the premises a manage link opens, or raise SpaceNotFound."""
    row = opened_by(store, token)
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
    if "codewords" in changes:
        joined = check_codewords(changes["codewords"])
        if joined != row.codewords:
            # Which schemes the business has joined is its own word, shown on its sticker.
            changed["checklist"] = json.dumps(
                {**row.readiness, "codewords": list(joined)}, sort_keys=True
            )
    for name, value in _checked_fields(row, changes).items():
        if value != (getattr(row, name) or None):
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


def _checked_fields(row: Premises, changes: Mapping[str, object]) -> dict[str, object]:
    """Return the public fields a business sent, checked and tidied as an import checks them.

    The same validator as imports and registrations: the fields sent are set on a row that is
    otherwise known to be valid (the listing's own position, hours that always parse), so
    any refusal is about what was sent, and names it.
    """
    sent = {name: changes[name] for name in REVIEWED_FIELDS if name in changes}
    probe = {
        "ref": "edit",
        "name": row.name,
        "organisation": row.organisation or "-",
        "address": row.address or "-",
        "lat": row.lat,
        "lon": row.lon,
        "opening_hours": "24/7",
        "scheme": row.scheme,
        **{name: value if value is not None else "" for name, value in sent.items()},
    }
    try:
        checked, _approximate, _notes = importing.validate_row(probe, gazetteer=None)
    except importing.RowError as error:
        raise invalid_row(error) from None
    return {name: checked[name] or None for name in sent}


FIELD_IN_MESSAGE = re.compile(
    r"\b(" + "|".join(sorted(importing.SPEC_COLUMNS, key=len, reverse=True)) + r"|facility)\b"
)


def invalid_row(error: importing.RowError) -> InvalidParameter:
    """Turn a row's refusal into a sentence naming its field, for a form or the API."""
    message = str(error)
    return InvalidParameter(message[0].upper() + message[1:] + ".", row_error_field(message))


def row_error_field(message: str) -> str | None:
    """Return the import field a row error is about (the first one it names)."""
    match = FIELD_IN_MESSAGE.search(message)
    if match is None:
        return None
    return "facilities" if match.group(1) == "facility" else match.group(1)


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
    confirm_listings(store, [row])


def confirm_listings(
    store, rows: Sequence[Premises], actor: str = "business", detail: dict | None = None
) -> int:
    """Record that the business says these listings are still correct today; return how many."""
    ids = [row.id for row in rows]
    store.premises.change_many(
        ids, {"last_confirmed": clock.today()}, actor, "confirmed", detail or {}
    )
    return len(ids)


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
