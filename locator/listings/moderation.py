"""A moderator's work: the queue of what waits in their districts, one premises, a decision."""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from locator.domain import clock, policy
from locator.domain import moderation as rules
from locator.domain.accounts import Moderator, Organisation
from locator.domain.errors import InvalidParameter, SpaceNotFound
from locator.domain.moderation import AuditEntry, Report
from locator.domain.premises import Premises, reference
from locator.domain.vocabulary import Status

QUEUE_PAGE = 100
PIN_DISTRICT = "Pin is the district centre only: check the address"
# How near a gazetteer's point a pin must be to have been put there by looking a name up: the
# importer keeps 7 decimal places, a device or a map click is never this close by chance.
SAME_POINT_M = 1.0
SAME_POINT_DEGREES = 1e-6


@dataclass(frozen=True)
class ContactSetting:
    """Where a business is sent with questions about moderation, as the operator configured it.

    `general` is PARTNERSHIP_CONTACT; `from_moderators` (PARTNERSHIP_CONTACT_FROM_MODERATORS)
    gives the email of the moderator account for the premises' district instead.
    """

    general: str = ""
    from_moderators: bool = False


NO_CONTACT = ContactSetting()


@dataclass
class QueueItem:
    """Something a moderator should look at, and why."""

    space: Premises
    reasons: list[str]
    duplicates: list[Premises]
    reports: dict[str, int]
    changes: dict
    # Open reports, newest first; how long the item has waited; a warning about the pin.
    listed_reports: list[Report] = field(default_factory=list)
    waiting: str = ""
    pin: str | None = None


@dataclass(frozen=True)
class EstatePending:
    """A head office with new listings waiting in the moderator's districts."""

    organisation: Organisation
    count: int


@dataclass
class QueuePage:
    """One page of a moderator's queue and where it sits in the whole."""

    items: list[QueueItem]
    page: int
    total: int
    estates: list[EstatePending] = field(default_factory=list)

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


def moderation_queue(store, moderator: Moderator, page: int = 1, gazetteer=None) -> QueuePage:
    """Return one page of what needs a decision in the moderator's areas, oldest first.

    The areas are part of the query, so a moderator for one district sees its items however
    many older ones wait elsewhere. Each item says how long it has waited and, with a
    gazetteer, whether its pin is only a district's or a town's centre.
    """
    page = max(page, 1)
    stale_before = clock.today() - policy.STALE_AFTER
    reports = store.reports.open()
    total, candidates = store.premises.moderation_queue(
        moderator.codes, reports, stale_before, QUEUE_PAGE, (page - 1) * QUEUE_PAGE
    )
    ids = [row.id for row in candidates]
    trails = store.premises.audit_trails(ids)
    listed = store.reports.listed(ids)
    now = clock.utc_now()
    items = []
    for row in candidates:
        entries = audit_entries(trails[row.id])
        opened = listed[row.id]
        since = rules.waiting_since(
            row, entries, opened[-1].created_at if opened else None, stale_before
        )
        because = rules.pending_because(entries)
        items.append(
            QueueItem(
                row,
                rules.reasons_waiting(row, row.id in reports, stale_before, because),
                duplicates_of(store, row, rules.last_approved(entries)),
                reports.get(row.id, {}),
                row.waiting_changes,
                listed_reports=opened,
                waiting=rules.waiting_words(since, now) if since else "",
                pin=pin_warning(gazetteer, row) if gazetteer is not None else None,
            )
        )
    return QueuePage(items, page, total, estates_pending(store, moderator))


def estates_pending(store, moderator: Moderator) -> list[EstatePending]:
    """Return the head offices with new listings waiting in the moderator's districts."""
    estates = []
    for office_id, count in store.premises.pending_by_organisation(moderator.codes).items():
        office = store.accounts.organisation(organisation_id=office_id)
        if office is not None:
            estates.append(EstatePending(office, count))
    return sorted(estates, key=lambda estate: estate.organisation.name.lower())


def audit_entries(stored: Sequence[Mapping]) -> list[AuditEntry]:
    """Return stored audit rows as entries, their detail read and their time in UTC."""
    return [
        AuditEntry(
            entry["actor"],
            entry["action"],
            json.loads(entry["detail"] or "{}"),
            rules.aware(entry["created_at"]),
        )
        for entry in stored
    ]


def duplicates_of(store, row: Premises, approved: datetime | None = None) -> list[Premises]:
    """Return other premises at the same postcode with a similar name, still worth a warning.

    `approved` is when a moderator last approved this premises: see `rules.live_duplicates`.
    """
    if not row.postcode:
        return []
    name = row.name.lower()
    similar = [
        other
        for other in store.premises.at_postcode(row.postcode, row.id)
        if difflib.SequenceMatcher(None, name, other.name.lower()).ratio() >= 0.6
    ]
    return rules.live_duplicates(similar, approved)


def pin_warning(gazetteer, row: Premises) -> str | None:
    """Say when a premises' pin is only where a postcode district or a town was looked up.

    The importer places a row without lat/lon at its postcode's point: a full postcode is
    within a street of the door, a district's centre may be a mile away.
    """
    if row.postcode:
        district = gazetteer.find(row.postcode.split()[0])
        if (
            district is not None
            and district.kind == "district"
            and abs(district.lat - row.lat) < SAME_POINT_DEGREES
            and abs(district.lon - row.lon) < SAME_POINT_DEGREES
        ):
            return PIN_DISTRICT
    town = gazetteer.nearest_name(row.lat, row.lon, within_m=SAME_POINT_M)
    if town is not None:
        return f"Pin is the centre of {town.label} only: check the address"
    return None


@dataclass(frozen=True)
class Review:
    """Everything a moderator reads before deciding on one premises."""

    space: Premises
    checklist: dict
    waiting: dict
    reports: list[Report]
    head_office: Organisation | None
    duplicates: list[Premises]
    # The audit trail as (when, sentence), newest first.
    audit: list[tuple[datetime, str]]
    pin: str | None = None
    waiting_for: str = ""
    pending_because: str = ""
    # What the business wrote when it asked for a review, if that is why the listing waits.
    review_asked: str = ""


def review(store, moderator: Moderator, space_id: int, gazetteer=None) -> Review:
    """Return one premises in the moderator's areas with its history, or raise SpaceNotFound."""
    row = store.premises.get(space_id)
    if row is None or not rules.in_scope(moderator, row):
        raise SpaceNotFound(f"There is no premises {space_id} in your areas.")
    entries = audit_entries(store.premises.audit_trails([space_id])[space_id])
    reports = store.reports.listed([space_id])[space_id]
    stale_before = clock.today() - policy.STALE_AFTER
    since = rules.waiting_since(
        row, entries, reports[-1].created_at if reports else None, stale_before
    )
    pending = row.status == Status.PENDING
    asked = next((e for e in reversed(entries) if e.action in rules.PENDING_BECAUSE), None)
    return Review(
        space=row,
        checklist=json.loads(row.checklist or "{}"),
        waiting=row.waiting_changes,
        reports=reports,
        head_office=store.accounts.organisation(organisation_id=row.organisation_id)
        if row.organisation_id
        else None,
        duplicates=duplicates_of(store, row, rules.last_approved(entries)),
        audit=[(entry.created_at, rules.audit_sentence(entry)) for entry in reversed(entries)],
        pin=pin_warning(gazetteer, row) if gazetteer is not None else None,
        waiting_for=rules.waiting_words(since, clock.utc_now()) if since else "",
        pending_because=rules.pending_because(entries) if pending else "",
        review_asked=asked.detail.get("message", "")
        if pending and asked and asked.action == "review_asked"
        else "",
    )


def decide(
    store,
    mailer,
    moderator: Moderator,
    space_id: int,
    action: str,
    reason: str = "",
    head_office: str = "",
    *,
    base_url: str,
    choices: Mapping[str, tuple[str, str]] | None = None,
    contact: ContactSetting = NO_CONTACT,
) -> None:
    """Carry out a moderator's decision on one premises, record it and tell the business.

    `head_office` is the email of the head-office account a premises joins ("link_head_office"):
    only a moderator or the head office's own upload puts premises in an estate. The head office
    of an estate premises is told too, with a link to the premises behind its sign-in.
    "decide_changes" takes `choices`, (choice, reason) by field of the changes waiting: "apply",
    "discard" or nothing; each discarded one is mailed with its reason.
    """
    row = store.premises.get(space_id)
    if row is None or not rules.in_scope(moderator, row):
        raise SpaceNotFound(f"There is no premises {space_id} in your areas.")
    reason = rules.check_decision(action, reason)
    chosen: tuple[dict, dict[str, str]] = ({}, {})
    if action in rules.CHANGE_DECISIONS:
        if not row.pending_changes:
            raise InvalidParameter("No changes wait for a decision on this listing.", "action")
        chosen = rules.chosen_changes(row.waiting_changes, action, reason, choices)
    values, detail = rules.transition(row, action, reason, clock.today(), chosen)
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
        if action in rules.TOLD:
            said = partnership_contact(store, row, contact)
            _tell_decision(store, mailer, row, action, reason, base_url, chosen, said)
    mailer.deliver_after_commit()


def approve_many(
    store,
    mailer,
    moderator: Moderator,
    space_ids: Sequence[int],
    *,
    base_url: str,
    contact: ContactSetting = NO_CONTACT,
) -> int:
    """Approve each of these new listings as one decision would; return how many.

    A listing no longer new (another moderator decided it meanwhile) or outside the
    moderator's districts is left alone.
    """
    approved = 0
    for space_id in dict.fromkeys(space_ids):
        row = store.premises.get(space_id)
        if row is None or row.status != Status.PENDING or not rules.in_scope(moderator, row):
            continue
        decide(store, mailer, moderator, space_id, "approve", base_url=base_url, contact=contact)
        approved += 1
    return approved


def approve_estate(
    store,
    mailer,
    moderator: Moderator,
    organisation_id: int,
    expected: int,
    *,
    base_url: str,
    contact: ContactSetting = NO_CONTACT,
) -> int:
    """Approve every new listing of one head office in the moderator's districts; return how many.

    `expected` is the number the moderator was shown: when more or fewer wait now, nothing is
    approved and InvalidParameter says to look again.
    """
    rows = store.premises.pending_in_estate(organisation_id, moderator.codes)
    if not rows or len(rows) != expected:
        raise InvalidParameter(
            f"{len(rows)} new listings from that head office wait now, not {expected}: look at "
            "the queue again before approving them all.",
            "organisation",
        )
    return approve_many(
        store, mailer, moderator, [row.id for row in rows], base_url=base_url, contact=contact
    )


def partnership_contact(store, row: Premises, setting: ContactSetting) -> str:
    """Return whom a business asks about moderation ("Questions? Contact ..."), or "".

    With `from_moderators`, the email of the moderator account covering the premises' district
    with the fewest other districts; one covering every district is never given out.
    """
    if setting.from_moderators and row.area_code:
        covering = [
            moderator
            for moderator in store.accounts.moderators()
            if row.area_code in moderator.codes
        ]
        if covering:
            return min(covering, key=lambda moderator: len(moderator.codes)).email
    return setting.general


def contact_words(contact: str) -> str:
    """Return the line that tells a business whom to ask, or "" when there is no one."""
    return f"Questions? Contact {contact}." if contact else ""


def _tell_decision(
    store,
    mailer,
    row: Premises,
    action: str,
    reason: str,
    base_url: str,
    chosen: tuple[dict, dict[str, str]],
    contact: str,
) -> None:
    """Mail a decision to the business that registered a premises and to its head office."""
    ask = f"\n\n{contact_words(contact)}" if contact else ""
    if row.contact_email:
        own = rules.decision_mail(f"your listing for {row.name}", row, action, reason, chosen)
        mailer.send(
            row.contact_email, f"Your safe space listing {reference(row.id)}", f"{own}{ask}"
        )
    office = (
        store.accounts.organisation(organisation_id=row.organisation_id)
        if row.organisation_id
        else None
    )
    if office is not None and office.active:
        # The link opens behind the head office's sign-in: a mail never carries a token.
        store_words = f"the listing for your store {row.ref}, {row.name},"
        mailer.send(
            office.email,
            f"Your store {row.ref}: safe space listing {reference(row.id)}",
            f"{rules.decision_mail(store_words, row, action, reason, chosen)}\n\n"
            f"Sign in to see it and change it:\n{base_url}/business/premises/{row.id}{ask}",
        )
