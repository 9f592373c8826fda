"""The manage link a business keeps: edit, close for a while, confirm, withdraw, a new link.

Withdrawing asks for a yes; a withdrawn listing listed again, and a rejected or suspended one
whose business asks for a review, go back to a moderator, never straight to the public.

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
from locator.domain import moderation as rules
from locator.domain.errors import InvalidParameter, SpaceNotFound, gather
from locator.domain.premises import Premises, reference
from locator.domain.vocabulary import Status
from locator.hours import schedule as hours
from locator.importing import rows as importing
from locator.listings.readiness import check_codewords
from locator.listings.reports import check_words

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
    """Apply hours and closure now; keep edits to public words for a moderator.

    Every mistake is reported at once (`InvalidFields`) and then nothing is saved.
    """
    changed = {}
    problems: list[InvalidParameter] = []
    if "opening_hours" in changes and changes["opening_hours"] != row.opening_hours:
        hours_now = _noting(problems, _checked_hours, changes["opening_hours"])
        if hours_now is not None:
            changed["opening_hours"] = hours_now
    if "closed_to" in changes:
        closure = _noting(
            problems, _closure_changes, row, changes.get("closed_from"), changes["closed_to"]
        )
        changed.update(closure or {})
    if "codewords" in changes:
        joined = _noting(problems, check_codewords, changes["codewords"])
        if joined is not None and joined != row.codewords:
            # Which schemes the business has joined is its own word, shown on its sticker.
            changed["checklist"] = json.dumps(
                {**row.readiness, "codewords": list(joined)}, sort_keys=True
            )
    for name in (name for name in REVIEWED_FIELDS if name in changes):
        # One field at a time, so each wrong one is named.
        value = _noting(problems, _checked_fields, row, {name: changes[name]})
        if value is not None and value[name] != (getattr(row, name) or None):
            changed[name] = value[name]
    gather(problems)
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


def _noting(problems: list[InvalidParameter], check, *args):
    """Return what `check` gives, or None after noting its refusal in `problems`."""
    try:
        return check(*args)
    except InvalidParameter as problem:
        problems.append(problem)
        return None


def _checked_hours(expression) -> str:
    try:
        return hours.check_hours(expression)
    except hours.HoursError as error:
        raise InvalidParameter(str(error), "opening_hours") from None


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


# A temporary closure may be set this far ahead, its last day included.
CLOSURE_AHEAD = timedelta(days=365)


def closure_days(row: Premises) -> tuple[date | None, date | None]:
    """Return a listing's closure as (first day, last day), as the manage form shows it.

    The first day is None when the closure runs from now; both are None when there is no
    closure or it is over.
    """
    if row.closed_until is None or row.closed_until <= clock.today():
        return None, None
    return row.closed_from, row.closed_until - timedelta(days=1)


def scheduled_closure(first: date | None, last: date | None) -> tuple[date | None, date | None]:
    """Return (closed_from, closed_until) for a closure from `first` (None: today) to `last`.

    `last` is the last day closed; the stored `closed_until` is the day after, when the
    listing opens again. Both None clear the closure.
    """
    if last is None:
        if first is not None:
            raise InvalidParameter(
                "Give the last day you are closed too, or clear the first day to stay open.",
                "closed_to",
            )
        return None, None
    today = clock.today()
    if first is not None and first < today:
        raise InvalidParameter(
            "The first day you close has passed: give today or a later day, or leave it empty "
            "to close from today.",
            "closed_from",
        )
    if first is not None and last < first:
        raise InvalidParameter(
            "The last day you are closed is before the first: give them in order.", "closed_to"
        )
    if last < today:
        raise InvalidParameter(
            "The last day you are closed has passed: give today or a later day.", "closed_to"
        )
    if last > today + CLOSURE_AHEAD:
        raise InvalidParameter(
            "A closure can be set up to a year ahead: give a last day no later than "
            f"{today + CLOSURE_AHEAD:%-d %B %Y}.",
            "closed_to",
        )
    return (first if first and first > today else None), last + timedelta(days=1)


def _closure_changes(row: Premises, first_sent, last_sent) -> dict[str, date | None]:
    """Return the closure columns a manage form changes; a closure sent back as shown is kept."""
    first = _form_day(first_sent, "closed_from", "the first day you close")
    last = _form_day(last_sent, "closed_to", "the last day you are closed")
    shown = closure_days(row)
    if (first, last) == shown:
        return {}
    if first is not None and first == shown[0] and first <= clock.today():
        first = None  # a closure already begun, its end changed: it still runs from now
    closed_from, closed_until = scheduled_closure(first, last)
    wanted = {"closed_from": closed_from, "closed_until": closed_until}
    return {name: value for name, value in wanted.items() if value != getattr(row, name)}


def _form_day(value, field: str, what: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise InvalidParameter(f"Give {what} as a date, such as 2026-12-24.", field) from None


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


def withdraw_listing(store, row: Premises, confirmed: bool = True, actor: str = "business") -> None:
    """Take a listing off the public site at the business's request, once it has said yes."""
    if not confirmed:
        raise InvalidParameter(
            "Tick “Yes, take us off the public list” to withdraw the listing.", "confirm_withdraw"
        )
    if rules.is_withdrawn(row):
        return
    store.premises.change(
        row.id,
        {"status": Status.SUSPENDED, "moderation_note": rules.WITHDRAWN_NOTE},
        actor,
        "withdrawn",
        {},
    )


def list_again(store, row: Premises, actor: str = "business") -> None:
    """Send a withdrawn listing back to a moderator: it is public again once approved."""
    if not rules.is_withdrawn(row):
        raise InvalidParameter("Only a listing you withdrew can be listed again.", "list_again")
    values = {"status": Status.PENDING, "moderation_note": None}
    store.premises.change(row.id, values, actor, "listed_again", {})


REVIEW_INSTEAD = (
    "Say what has changed since the decision, e.g. “Staff have now been trained and the "
    "back door is kept clear”."
)


def ask_for_review(store, row: Premises, message: object, actor: str = "business") -> None:
    """Put a rejected or suspended listing back in the moderators' queue with the business's words.

    The listing stays off the public list until a moderator approves it.
    """
    if not rules.review_possible(row):
        raise InvalidParameter(
            "Only a listing a moderator did not approve or suspended can be reviewed again.",
            "review_message",
        )
    words = check_words(message, "review_message", REVIEW_INSTEAD)
    if not words:
        raise InvalidParameter(
            "Say in a few words why the listing should be looked at again.", "review_message"
        )
    values = {"status": Status.PENDING}
    store.premises.change(row.id, values, actor, "review_asked", {"message": words})


def new_manage_token(store, row: Premises, actor: str = "business") -> str:
    """Revoke the current manage link and return a new token (only its hash is kept)."""
    token = secrets.token_urlsafe(24)
    store.premises.change(row.id, {"manage_token_hash": token_hash(token)}, actor, "new_link", {})
    return token


def lost_link_path(space_id: int) -> str:
    """Return the page that says where a listing's manage link is, and mails a lost one again."""
    return f"/manage?reference={reference(space_id)}"


def replace_manage_link(store, mailer, row: Premises, base_url: str) -> str:
    """Revoke the current manage link, mail the new one to the business, and return its token."""
    letter = None
    with store.transaction():
        token = new_manage_token(store, row)
        if row.contact_email:
            letter = mailer.send(
                row.contact_email,
                f"New manage link for {reference(row.id)}",
                f"Your new private link to the listing for {row.name} ({reference(row.id)}) "
                f"is:\n{base_url}/manage/{token}\n\nThe old link no longer works. Keep this "
                "one private: anyone with it can change your listing.",
            )
    if letter is not None:
        mailer.deliver_after_commit(letter)
    return token
