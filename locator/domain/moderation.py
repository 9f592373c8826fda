"""What a moderator may decide, what each decision changes, and why a listing waits for one."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from locator.domain import policy
from locator.domain.accounts import Moderator
from locator.domain.errors import InvalidParameter
from locator.domain.premises import Premises
from locator.domain.vocabulary import PUBLIC_SCHEME, REPORT_REASONS, Status

DECISIONS = (
    "approve",
    "reject",
    "suspend",
    "apply_changes",
    "discard_changes",
    "decide_changes",
    "resolve_reports",
    "link_head_office",
    "unlink_head_office",
)
STATUS_DECISIONS = ("approve", "reject", "suspend")
# Decisions on the changes a business asked for: all applied, all discarded, or field by field.
CHANGE_DECISIONS = ("apply_changes", "discard_changes", "decide_changes")
# Decisions the business hears about by mail.
TOLD = STATUS_DECISIONS + CHANGE_DECISIONS
# The business reads the reason for these, so there must be one.
NEEDS_REASON = ("reject", "suspend", "discard_changes")
REASON_LIMIT = 500
# A business's own withdrawal is a suspension with this note, so listings withdrawn before
# "List us again" existed read as withdrawn too.
WITHDRAWN_NOTE = "Withdrawn by the business."
# What puts a listing (back) among the new ones, and what the queue calls each.
PENDING_BECAUSE = {
    "registered": "New registration",
    "review_asked": "Review asked by the business",
    "listed_again": "Listed again by the business",
}
# A listing's fields as the business and the moderator read them.
FIELD_NAMES = {
    "name": "premises name",
    "facilities": "what you offer",
    "how_to_ask": "how to ask for help",
    "phone": "public phone",
    "website": "website",
    "opening_hours": "opening hours",
    "closed_until": "temporary closure",
    "closed_from": "temporary closure",
    "checklist": "readiness answers",
}


@dataclass(frozen=True)
class Report:
    """What a member of the public said is wrong with a listing, and when; never who said it."""

    reason: str
    text: str | None
    created_at: datetime
    resolved_at: datetime | None = None

    @property
    def reason_words(self) -> str:
        """Return the reason as the public form offered it."""
        return REPORT_REASONS.get(self.reason, self.reason)


@dataclass(frozen=True)
class AuditEntry:
    """One line of a premises' audit trail: who did what, with what detail, when (UTC)."""

    actor: str
    action: str
    detail: dict
    created_at: datetime


def in_scope(moderator: Moderator, row: Premises) -> bool:
    """Return True when the moderator may see and decide this premises."""
    codes = moderator.codes
    return not codes or row.area_code in codes


def is_withdrawn(row: Premises) -> bool:
    """Return True when the business took its listing off the public list itself."""
    return row.status == Status.SUSPENDED and row.moderation_note == WITHDRAWN_NOTE


def review_possible(row: Premises) -> bool:
    """Return True when the business may ask for a review: rejected or suspended by a moderator."""
    return row.status in (Status.REJECTED, Status.SUSPENDED) and not is_withdrawn(row)


def reasons_waiting(
    row: Premises, reported: bool, stale_before: date, pending_because: str = "New registration"
) -> list[str]:
    """Return why a premises waits for a moderator, in the words the queue shows."""
    reasons = []
    if row.status == Status.PENDING:
        reasons.append(pending_because)
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
    reason = tidy(reason)
    if action in NEEDS_REASON and not reason:
        raise InvalidParameter("Give a reason the business will understand.", "reason")
    return reason


def tidy(text: str | None) -> str:
    """Return a reason or message on one line, cut to REASON_LIMIT characters."""
    return " ".join((text or "").split())[:REASON_LIMIT]


def chosen_changes(
    waiting: Mapping[str, object],
    action: str,
    reason: str = "",
    choices: Mapping[str, tuple[str, str]] | None = None,
) -> tuple[dict, dict[str, str]]:
    """Return (the waiting changes to apply, the ones to discard with the reason for each).

    "apply_changes" applies them all and "discard_changes" discards them all for `reason`;
    "decide_changes" takes (choice, reason) by field: "apply", "discard" or nothing (it keeps
    waiting), a discarded field's own reason or else `reason`.
    """
    if action == "apply_changes":
        return dict(waiting), {}
    if action == "discard_changes":
        return {}, dict.fromkeys(waiting, reason)
    choices = choices or {}
    applied, discarded = {}, {}
    for name, value in waiting.items():
        choice, own_reason = choices.get(name) or ("", "")
        if choice == "apply":
            applied[name] = value
        elif choice == "discard":
            why = tidy(own_reason) or reason
            if not why:
                raise InvalidParameter(
                    f"Say why the {field_name(name)} change is not applied: the business reads it.",
                    f"reason-{name}",
                )
            discarded[name] = why
        elif choice:
            raise InvalidParameter(
                f"Choose apply or discard for the {field_name(name)}.", f"change-{name}"
            )
    if not applied and not discarded:
        raise InvalidParameter("Choose apply or discard for at least one change.", "changes")
    return applied, discarded


def field_name(name: str) -> str:
    """Return how the business and the moderator read a listing's field."""
    return FIELD_NAMES.get(name, name.replace("_", " "))


def transition(
    row: Premises,
    action: str,
    reason: str,
    today: date,
    chosen: tuple[Mapping, Mapping[str, str]] = ({}, {}),
) -> tuple[dict, dict]:
    """Return (the values a decision changes, what the audit trail records beyond the reason).

    A decision on changes takes `chosen`, (applied, discarded with reasons), from
    `chosen_changes`. Linking a head office needs an account and is done by the caller;
    resolving reports changes no premises value.
    """
    if action == "approve":
        values: dict = {"status": Status.PUBLISHED, "moderation_note": None}
        if row.last_confirmed is None:
            values["last_confirmed"] = today
        return values, {}
    if action in ("reject", "suspend"):
        status = Status.REJECTED if action == "reject" else Status.SUSPENDED
        return {"status": status, "moderation_note": reason}, {}
    if action in CHANGE_DECISIONS:
        return _changes_decided(row, *chosen)
    if action == "unlink_head_office":
        # The head office's link for recording uses goes with it: the store is no longer its.
        return {"organisation_id": None, "record_token_hash": None}, {}
    return {}, {}


def _changes_decided(
    row: Premises, applied: Mapping, discarded: Mapping[str, str]
) -> tuple[dict, dict]:
    """Return the values and audit detail of applying some waiting changes and discarding some."""
    waiting = row.waiting_changes
    left = {name: value for name, value in waiting.items() if name not in {*applied, *discarded}}
    values = {**applied, "pending_changes": json.dumps(left, sort_keys=True) if left else None}
    detail: dict = {}
    if applied:
        detail["changes"] = {name: [getattr(row, name), new] for name, new in applied.items()}
    if discarded:
        detail["discarded"] = {name: waiting[name] for name in discarded}
        detail["reasons"] = dict(discarded)
    return values, detail


def decision_words(row: Premises, action: str) -> str:
    """Return how the mail to the business says what was decided."""
    public = action == "approve" and row.scheme == PUBLIC_SCHEME
    return {
        "approve": "approved" + (" and is now shown to the public" if public else ""),
        "reject": "not approved",
        "suspend": "suspended: it is not shown to the public",
    }[action]


def decision_mail(
    listing: str,
    row: Premises,
    action: str,
    reason: str,
    chosen: tuple[Mapping, Mapping[str, str]] = ({}, {}),
) -> str:
    """Return what a mail says was decided about `listing` ("your listing for ..."), and why.

    A decision on changes lists each field `chosen` names: applied, or not applied with its
    reason.
    """
    if action in STATUS_DECISIONS:
        why = f"\n\nThe moderator's reason: {reason}" if reason else ""
        return f"{listing[0].upper()}{listing[1:]} has been {decision_words(row, action)}.{why}"
    shown = ", now shown to the public" if row.is_public else ""
    lines = [f"A moderator has looked at the changes asked for to {listing.rstrip(',')}."]
    applied, discarded = chosen
    lines += [f"- {field_name(name).capitalize()}: applied{shown}." for name in applied]
    lines += [
        f"- {field_name(name).capitalize()}: not applied. The moderator's reason: {why}"
        for name, why in discarded.items()
    ]
    return "\n".join(lines)


def who(actor: str) -> str:
    """Return how the audit trail's actor reads: 'Business', 'Moderator mo@council.example'."""
    kind, _, rest = actor.partition(":")
    email = rest.partition(":")[2]
    if kind == "moderator" and email:
        return f"Moderator {email}"
    if kind == "organisation" and email:
        return f"Head office {email}"
    return {"business": "Business", "system": "The service"}.get(actor, actor)


# What each action did, as the end of a sentence starting with who did it.
DONE = {
    "registered": "registered the listing",
    "confirmed": "confirmed the listing is still correct",
    "withdrawn": "withdrew the listing from the public list",
    "listed_again": "asked to be listed again (back to moderation)",
    "review_asked": "asked for a review",
    "new_link": "replaced the private manage link",
    "reminded": "mailed a reminder to check the listing",
    "readiness": "changed the readiness answers",
    "record_link_created": "gave the store a link for recording uses",
    "record_link_replaced": "replaced the store's link for recording uses",
    "record_link_revoked": "revoked the store's link for recording uses",
    "approve": "approved the listing",
    "reject": "rejected the listing",
    "suspend": "suspended the listing",
    "resolve_reports": "marked the public reports dealt with",
    "link_head_office": "added the listing to a head office's estate",
    "unlink_head_office": "took the listing out of its head office's estate",
}


def audit_sentence(entry: AuditEntry) -> str:
    """Say one audit entry as a sentence, e.g. 'Business changed opening hours (shown at once)'."""
    detail = entry.detail if isinstance(entry.detail, dict) else {}
    done = DONE.get(entry.action, entry.action.replace("_", " "))
    if entry.action == "registered" and detail.get("scheme"):
        done += f" ({str(detail['scheme']).capitalize()} scheme)"
    elif entry.action == "edited":
        done = _edited(detail) or "saved the listing unchanged"
    elif entry.action in CHANGE_DECISIONS:
        done = _decided(detail) or "decided on the changes"
    elif entry.action == "link_head_office" and detail.get("head_office"):
        done = f"added the listing to the estate of {detail['head_office']}"
    said = detail.get("reason") or detail.get("message")
    if said and entry.action not in CHANGE_DECISIONS:
        done += f": “{said}”"
    return f"{who(entry.actor)} {done}"


def _edited(detail: dict) -> str:
    parts = []
    if detail.get("now"):
        parts.append(f"changed {_fields(detail['now'])} (shown at once)")
    if detail.get("for_review"):
        parts.append(f"asked to change {_fields(detail['for_review'])} (waiting for a moderator)")
    return " and ".join(parts)


def _decided(detail: dict) -> str:
    # Entries from before reasons were kept by field have one reason, if any, for all discarded.
    discarded = detail.get("discarded") or {}
    reasons = detail.get("reasons") or dict.fromkeys(discarded, detail.get("reason"))
    parts = []
    if detail.get("changes"):
        parts.append(f"applied the change to {_fields(detail['changes'])}")
    for name in discarded:
        why = f" (“{reasons[name]}”)" if reasons.get(name) else ""
        parts.append(f"discarded the change to {field_name(name)}{why}")
    return "; ".join(parts)


def _fields(names) -> str:
    words = list(dict.fromkeys(field_name(name) for name in names))
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def aware(moment: datetime | None) -> datetime | None:
    """Return a stored moment as an aware UTC datetime (SQLite gives it back without a zone)."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def pending_because(entries: Sequence[AuditEntry]) -> str:
    """Return why a pending listing is among the new ones: the latest thing that put it there."""
    for entry in reversed(entries):
        if entry.action in PENDING_BECAUSE:
            return PENDING_BECAUSE[entry.action]
    return PENDING_BECAUSE["registered"]


def last_approved(entries: Sequence[AuditEntry]) -> datetime | None:
    """Return when a moderator last approved the listing, or None."""
    return next((e.created_at for e in reversed(entries) if e.action == "approve"), None)


def waiting_since(
    row: Premises,
    entries: Sequence[AuditEntry],
    oldest_report: datetime | None,
    stale_before: date,
) -> datetime | None:
    """Return since when a premises has waited for a moderator: the oldest thing it waits for.

    `entries` is its audit trail, oldest first. A pending listing waits from what last made it
    pending after the last decision on its status (its registration, a review asked for,
    "list us again"); changes from the first edit sent for review after the last decision on
    changes; reports from the oldest still open; a stale listing from the day it went stale.
    """
    moments = []
    if row.status == Status.PENDING:
        started = _started(entries, STATUS_DECISIONS, lambda e: e.action in PENDING_BECAUSE)
        moments.append(started or row.created_at)
    if row.pending_changes:
        started = _started(
            entries, CHANGE_DECISIONS, lambda e: e.action == "edited" and e.detail.get("for_review")
        )
        moments.append(started or row.updated_at)
    moments.append(oldest_report)
    confirmed = row.last_confirmed
    if row.status == Status.PUBLISHED and confirmed is None:
        moments.append(row.created_at)  # published without a check: one is due from the start
    elif row.status == Status.PUBLISHED and confirmed < stale_before:
        went_stale = confirmed + policy.STALE_AFTER + timedelta(days=1)
        moments.append(datetime.combine(went_stale, time(), UTC))
    known = [aware(moment) for moment in moments if moment is not None]
    return min(known) if known else None


def _started(entries: Sequence[AuditEntry], decisions: tuple[str, ...], starts) -> datetime | None:
    """Return when the first entry `starts` matches came after the last of `decisions`."""
    last = max((i for i, e in enumerate(entries) if e.action in decisions), default=-1)
    return next((e.created_at for e in entries[last + 1 :] if starts(e)), None)


def waiting_words(since: datetime, now: datetime) -> str:
    """Say how long something has waited: 'waiting under a day', 'waiting 3 days'."""
    days = (aware(now) - aware(since)).days
    if days < 1:
        return "waiting under a day"
    return f"waiting {days} day{'s' if days > 1 else ''}"


def live_duplicates(others: Sequence[Premises], approved: datetime | None) -> list[Premises]:
    """Return the possible duplicates still worth a warning.

    A rejected or withdrawn listing is not a live duplicate, and a moderator who approved
    this listing after the other one existed has seen the warning and decided.
    """
    approved = aware(approved)
    return [
        other
        for other in others
        if other.status != Status.REJECTED
        and not is_withdrawn(other)
        and not (approved and other.created_at and approved > aware(other.created_at))
    ]
