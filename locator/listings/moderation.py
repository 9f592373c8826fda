"""A moderator's work: the queue of what waits in their districts, one premises, a decision."""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass

from locator.domain import clock, policy
from locator.domain import moderation as rules
from locator.domain.accounts import Moderator, Organisation
from locator.domain.errors import InvalidParameter, SpaceNotFound
from locator.domain.premises import Premises, reference

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
            rules.reasons_waiting(row, row.id in reports, stale_before),
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
    if row is None or not rules.in_scope(moderator, row):
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
    *,
    base_url: str,
) -> None:
    """Carry out a moderator's decision on one premises, record it and tell the business.

    `head_office` is the email of the head-office account a premises joins ("link_head_office"):
    only a moderator or the head office's own upload puts premises in an estate. The head office
    of an estate premises is told too, with a link to the premises behind its sign-in.
    """
    row = store.premises.get(space_id)
    if row is None or not rules.in_scope(moderator, row):
        raise SpaceNotFound(f"There is no premises {space_id} in your areas.")
    reason = rules.check_decision(action, reason)
    values, detail = rules.transition(row, action, reason, clock.today())
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
            _tell_decision(store, mailer, row, action, reason, base_url)
    mailer.deliver()


def _tell_decision(store, mailer, row: Premises, action: str, reason: str, base_url: str) -> None:
    """Mail a decision to the business that registered a premises and to its head office."""
    decided = rules.decision_words(row, action)
    why = f"\n\nThe moderator's reason: {reason}" if reason else ""
    if row.contact_email:
        mailer.send(
            row.contact_email,
            f"Your safe space listing {reference(row.id)}",
            f"Your listing for {row.name} has been {decided}.{why}",
        )
    office = (
        store.accounts.organisation(organisation_id=row.organisation_id)
        if row.organisation_id
        else None
    )
    if office is not None and office.active:
        # The link opens behind the head office's sign-in: a mail never carries a token.
        mailer.send(
            office.email,
            f"Your store {row.ref}: safe space listing {reference(row.id)}",
            f"The listing for your store {row.ref}, {row.name}, has been {decided}.{why}\n\n"
            f"Sign in to see it and change it:\n{base_url}/business/premises/{row.id}",
        )
