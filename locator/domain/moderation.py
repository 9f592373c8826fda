"""What a moderator may decide, what each decision changes, and why a listing waits for one."""

from __future__ import annotations

from datetime import date

from locator.domain.accounts import Moderator
from locator.domain.errors import InvalidParameter
from locator.domain.premises import Premises
from locator.domain.vocabulary import PUBLIC_SCHEME, Status

DECISIONS = (
    "approve",
    "reject",
    "suspend",
    "apply_changes",
    "discard_changes",
    "resolve_reports",
    "link_head_office",
    "unlink_head_office",
)
# Decisions the business hears about by mail, and the words it reads.
TOLD = ("approve", "reject", "suspend")


def in_scope(moderator: Moderator, row: Premises) -> bool:
    """Return True when the moderator may see and decide this premises."""
    codes = moderator.codes
    return not codes or row.area_code in codes


def reasons_waiting(row: Premises, reported: bool, stale_before: date) -> list[str]:
    """Return why a premises waits for a moderator, in the words the queue shows."""
    reasons = []
    if row.status == Status.PENDING:
        reasons.append("New registration")
    if row.pending_changes:
        reasons.append("Changes waiting for approval")
    if reported:
        reasons.append("Reported by the public")
    confirmed = row.last_confirmed
    if row.status == Status.PUBLISHED and (confirmed is None or confirmed < stale_before):
        reasons.append("Not confirmed by the business for 12 months")
    return reasons


def check_decision(action: str, reason: str) -> str:
    """Return the reason tidied; raise InvalidParameter for an unknown or unexplained decision."""
    if action not in DECISIONS:
        raise InvalidParameter(f"Unknown decision {action!r}.", "action")
    reason = " ".join((reason or "").split())[:500]
    if action in ("reject", "suspend") and not reason:
        raise InvalidParameter("Give a reason the business will understand.", "reason")
    return reason


def transition(row: Premises, action: str, reason: str, today: date) -> tuple[dict, dict]:
    """Return (the values a decision changes, what the audit trail records beyond the reason).

    Linking a head office needs an account and is done by the caller; resolving reports
    changes no premises value.
    """
    if action == "approve":
        values: dict = {"status": Status.PUBLISHED, "moderation_note": None}
        if row.last_confirmed is None:
            values["last_confirmed"] = today
        return values, {}
    if action in ("reject", "suspend"):
        status = Status.REJECTED if action == "reject" else Status.SUSPENDED
        return {"status": status, "moderation_note": reason}, {}
    if action == "apply_changes":
        changes = row.waiting_changes
        detail = {"changes": {name: [getattr(row, name), new] for name, new in changes.items()}}
        return {**changes, "pending_changes": None}, detail
    if action == "discard_changes":
        return {"pending_changes": None}, {"discarded": row.waiting_changes}
    if action == "unlink_head_office":
        # The head office's link for recording uses goes with it: the store is no longer its.
        return {"organisation_id": None, "record_token_hash": None}, {}
    return {}, {}


def decision_words(row: Premises, action: str) -> str:
    """Return how the mail to the business says what was decided."""
    public = action == "approve" and row.scheme == PUBLIC_SCHEME
    return {
        "approve": "approved" + (" and is now shown to the public" if public else ""),
        "reject": "not approved",
        "suspend": "suspended: it is not shown to the public",
    }[action]
