"""Record and Review: log uses of a safe space without personal data, count them, remind.

What is stored about a use is only when (a date and a part of the day), what was needed, what
happened, whether staff needed support afterwards, and an optional short note, refused when it
looks like it identifies anyone (`personal_data`). Counts shared beyond the premises itself hide
1 to 4.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from locator.domain import clock, policy
from locator.domain.errors import InvalidParameter
from locator.domain.premises import Premises, reference
from locator.listings import manage, readiness
from locator.usage import personal_data

NEEDS = {
    "charge_phone": "Charge a phone",
    "use_phone": "Use a phone",
    "wait": "Wait for family or friends",
    "felt_unsafe": "Felt unsafe or followed",
    "lost": "Lost or disoriented",
    "first_aid": "First aid",
    "disclosed_abuse": "Disclosed abuse",
    "other": "Something else",
}
OUTCOMES = {
    "left_safely": "Left safely",
    "collected": "Collected by family or a friend",
    "referred": "Referred to an agency",
    "police_called": "Police called",
    "ambulance_called": "Ambulance called",
}
AGENCIES = {
    "domestic_abuse_service": "Domestic abuse service",
    "mental_health": "Mental health service",
    "social_services": "Social services",
    "homelessness": "Homelessness service",
    "nhs": "NHS (111, GP, pharmacy)",
    "police": "Police (101)",
    "other": "Other",
}
PARTS_OF_DAY = {
    "morning": "Morning (06:00–12:00)",
    "afternoon": "Afternoon (12:00–18:00)",
    "evening": "Evening (18:00–22:00)",
    "night": "Night (22:00–06:00)",
}
STAFF_SUPPORT = {True: "Staff needed support afterwards", False: "Staff did not need support"}
NOTE_LIMIT = 140
# Said when a use is saved with "staff needed support": the guidance's staff welfare points.
WELFARE_CHECK = (
    "You said a member of staff needed support afterwards. Please make sure they talk it "
    "through with their manager today, can take a break or time away from the shop floor, and "
    "know they can ask for help later too: through your Employee Assistance Programme if you "
    "have one, or their GP. People react differently, sometimes days later: check in with them "
    "again over the next week."
)
# Questions for looking back over the log, asked in the reminder mail and on the manage page.
REVIEW_QUESTIONS = (
    "What worked well? Tell the staff involved, and share it with your other premises.",
    "What did not work so well: was anyone unsure what to do, who to call, or where to wait?",
    "What will you change: training, the space itself, your local contacts?",
)
REVIEW_PROMPT = (
    "While you are there, look back over the uses you recorded with the staff who dealt with "
    "them:\n" + "".join(f"- {question}\n" for question in REVIEW_QUESTIONS) + "Pass what you "
    "learn to your head office or local partnership too: they see more than one shop."
)
SMALL = 5  # counts from 1 to SMALL - 1 are hidden when shared beyond the premises


def check_use(form: Mapping[str, str], retention_months: int, today: date | None = None) -> dict:
    """Validate a use from a form; return the values to store or raise InvalidParameter."""
    today = today or clock.today()
    try:
        day = date.fromisoformat((form.get("occurred_on") or today.isoformat()).strip())
    except ValueError:
        raise InvalidParameter("Give the date as a date, e.g. 2026-11-28.", "occurred_on") from None
    if day > today or day < policy.months_before(today, retention_months):
        raise InvalidParameter(
            "The date must be today or earlier, within the time we keep records.", "occurred_on"
        )
    values = {"occurred_on": day}
    for field, choices, label in (
        ("part_of_day", PARTS_OF_DAY, "part of the day"),
        ("need", NEEDS, "what the person needed"),
        ("outcome", OUTCOMES, "what happened"),
    ):
        choice = form.get(field, "")
        if choice not in choices:
            raise InvalidParameter(f"Choose {label}.", field)
        values[field] = choice
    agency = form.get("referred_to") or None
    if values["outcome"] == "referred":
        if agency not in AGENCIES:
            raise InvalidParameter("Choose the agency the person was referred to.", "referred_to")
    else:
        agency = None
    values["referred_to"] = agency
    values["staff_support"] = form.get("staff_support") in ("yes", "on", "true", True)
    note = " ".join((form.get("note") or "").split())
    if len(note) > NOTE_LIMIT:
        raise InvalidParameter(f"Keep the note under {NOTE_LIMIT} characters.", "note")
    found = personal_data.find_personal_data(note)
    if found:
        raise InvalidParameter(personal_data.refusal(note, found), "note")
    values["note"] = note or None
    return values


def shown(count: int, suppress: bool) -> str:
    """Return a count as text, hiding 1 to 4 when it is shared beyond the premises."""
    if suppress and 0 < count < SMALL:
        return f"<{SMALL}"
    return str(count)


@dataclass(frozen=True)
class StoreUses:
    """One store's uses in the period: a row of its head office's per-store table."""

    id: int
    ref: str
    name: str
    uses: int
    staff_support: int

    @property
    def label(self) -> str:
        """Return how the CSV names the store: the head office's own ref, then its name."""
        return f"{self.ref} {self.name}"


def store_uses(
    stores: Iterable[Premises], totals: Mapping[int, tuple[int, int]]
) -> list[StoreUses]:
    """Return each store's row, in the order given; a store with no uses counts 0."""
    return [StoreUses(row.id, row.ref, row.name, *totals.get(row.id, (0, 0))) for row in stores]


@dataclass
class Statistics:
    """Counts of uses by month, need, outcome, agency, part of day and staff support.

    `stores` is a head office's per-store table (empty anywhere else).
    """

    months: list[tuple[str, int]]
    needs: list[tuple[str, int]]
    outcomes: list[tuple[str, int]]
    agencies: list[tuple[str, int]]
    parts_of_day: list[tuple[str, int]]
    staff_support: list[tuple[str, int]]
    total: int
    suppress: bool
    stores: list[StoreUses] = dataclasses.field(default_factory=list)

    def text(self, count: int) -> str:
        return shown(count, self.suppress)

    def tables(self) -> list[tuple[str, list[tuple[str, int]]]]:
        """Return (CSV table name, rows) for every table after the months."""
        return [
            ("need", self.needs),
            ("outcome", self.outcomes),
            ("agency", self.agencies),
            ("part_of_day", self.parts_of_day),
            ("staff_support", self.staff_support),
        ]


def statistics(
    rows: Iterable[tuple], suppress: bool, stores: Iterable[StoreUses] = ()
) -> Statistics:
    """Sum (month, need, outcome, agency, part of day, staff support, count) rows into tables."""
    months: dict[str, int] = {}
    tables = [
        (NEEDS, dict.fromkeys(NEEDS, 0)),
        (OUTCOMES, dict.fromkeys(OUTCOMES, 0)),
        (AGENCIES, dict.fromkeys(AGENCIES, 0)),
        (PARTS_OF_DAY, dict.fromkeys(PARTS_OF_DAY, 0)),
        (STAFF_SUPPORT, dict.fromkeys(STAFF_SUPPORT, 0)),
    ]
    total = 0
    for month, *keys, count in rows:
        months[month] = months.get(month, 0) + count
        for (_, counts), key in zip(tables, keys, strict=True):
            if key is not None:  # only referred uses have an agency
                counts[key] = counts.get(key, 0) + count
        total += count
    needs, outcomes, agencies, parts, support = (
        [(labels.get(key, key), value) for key, value in counts.items()]
        for labels, counts in tables
    )
    return Statistics(
        months=sorted(months.items()),
        needs=needs,
        outcomes=outcomes,
        agencies=agencies,
        parts_of_day=parts,
        staff_support=support,
        total=total,
        suppress=suppress,
        stores=list(stores),
    )


def bar_chart_svg(title: str, bars: list[tuple[str, int]], suppress: bool) -> str:
    """Draw a horizontal bar chart as inline SVG (readable without JavaScript)."""
    width, row, label_width = 560, 26, 230
    top = max((value for _, value in bars), default=0) or 1
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} '
        f'{row * len(bars) + 10}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for i, (label, value) in enumerate(bars):
        y = 5 + i * row
        hidden = suppress and 0 < value < SMALL
        # A hidden count gets a fixed stub so the chart cannot be read back into a number.
        length = 8 if hidden else int((width - label_width - 60) * value / top)
        parts.append(
            f'<text x="0" y="{y + 16}" font-size="13">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{length}" height="16" fill="#1d4ed8"/>'
            f'<text x="{label_width + length + 6}" y="{y + 16}" font-size="13">'
            f"{escape(shown(value, suppress))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def statistics_csv(stats: Statistics) -> str:
    """Return the statistics as CSV text, with the same suppression as the page."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["table", "label", "uses"])
    for table, rows in [("month", stats.months), *stats.tables()]:
        for label, count in rows:
            writer.writerow([table, label, stats.text(count)])
    for table, counted in (("store", "uses"), ("store_staff_support", "staff_support")):
        for store in stats.stores:
            writer.writerow([table, store.label, stats.text(getattr(store, counted))])
    writer.writerow(["total", "all", stats.text(stats.total)])
    return out.getvalue()


def purge(store, retention_months: int, today: date | None = None) -> int:
    """Delete uses older than the retention period; return how many were deleted."""
    today = today or clock.today()
    return store.uses.purge(policy.months_before(today, retention_months))


def remind(
    store,
    mailer,
    base_url: str,
    every_days: int,
    today: date | None = None,
    *,
    refresh_months: int,
) -> int:
    """Mail each business and head office with listings due a check; return how many mails.

    A business gets one mail per listing, which leaves its manage link as it is; a head office
    one mail for all its stores due, with the link to sign in. Neither carries a manage link.
    Each names the staff whose training refresher is due and the readiness steps still
    answered "Not yet".
    """
    today = today or clock.today()
    due = today - timedelta(days=every_days)
    rows = store.premises.due_for_reminder(due)
    # Read before any is marked reminded: a store with its own contact is on both lists.
    estates: dict[int, list[Premises]] = {}
    for row in store.premises.estates_due_for_reminder(due):
        estates.setdefault(row.organisation_id, []).append(row)
    for row in rows:
        also = readiness.reminder_lines(store, row, refresh_months, today)
        # One transaction per listing: its mail and the date reminded together.
        with store.transaction():
            # Only a hash of the manage link is kept, so a link in this mail would have to be a
            # new one, and making it would break the link the business bookmarked; a second,
            # reminder-only link would be broken in turn by the next reminder. So the mail
            # carries no secret: it sends the business to the link it keeps, and to a page that
            # mails a new one to this contact email when that is lost.
            mailer.send(
                row.contact_email,
                f"Is your safe space listing still right? {reference(row.id)}",
                f"Please check the listing for {row.name} ({reference(row.id)}): opening hours, "
                "facilities and how to ask. Open it with your private manage link: it is in "
                "the email we sent when you registered (or the newest 'New manage link' "
                "email), or in your bookmarks. If it is right, press 'Everything is still "
                "correct'.\n\nCannot find the link? Ask for a new one here; we send it to "
                f"this email address:\n{base_url}{manage.lost_link_path(row.id)}\n\n"
                f"{also}{REVIEW_PROMPT}",
            )
            store.premises.change(row.id, {"reminded_on": today}, "system", "reminded", {})
    reminded = {row.id for row in rows}
    sent = len(rows)
    for organisation_id, stores in estates.items():
        office = store.accounts.organisation(organisation_id=organisation_id)
        if office is None or not office.active:
            continue
        lines = [_store_due(store, row, refresh_months, today) for row in stores]
        # One transaction per head office: its mail and the date its stores were reminded.
        with store.transaction():
            mailer.send(
                office.email,
                f"Are your safe space listings still right? {len(stores)} due a check",
                f"Please check these listings of {office.name}: opening hours, facilities and "
                "how to ask. Sign in, open each one and press 'Everything is still correct' "
                "if it is right; uploading your estate file again can confirm every one it "
                f"leaves unchanged.\n\n{''.join(sorted(lines))}\n{base_url}/business",
            )
            unmarked = [row.id for row in stores if row.id not in reminded]
            store.premises.change_many(unmarked, {"reminded_on": today}, "system", "reminded", {})
        sent += 1
    mailer.deliver_after_commit()  # what failed waits in the outbox for `outbox send`
    return sent


def _store_due(store, row: Premises, refresh_months: int, today: date) -> str:
    """Return a store's lines in its head office's reminder: which, last confirmed, what is due."""
    confirmed = f"{row.last_confirmed:%-d %B %Y}" if row.last_confirmed else "never"
    also = readiness.reminder_lines(store, row, refresh_months, today)
    # The store's readiness paragraph, set under the store it is about.
    nested = "".join(f"  {line}\n" for line in also.splitlines() if line)
    return f"- {row.ref} {row.name} ({reference(row.id)}), last confirmed {confirmed}\n{nested}"
