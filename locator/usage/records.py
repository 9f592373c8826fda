"""Record and Review: log uses of a safe space without personal data, count them, remind.

What is stored about a use is only when (a date and a part of the day), what was needed, what
happened, whether staff needed support afterwards, and an optional short note that the form
warns must not identify anyone. Counts shared beyond the premises itself hide 1 to 4.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from locator.domain import clock, policy
from locator.domain.errors import InvalidParameter
from locator.domain.premises import reference
from locator.listings import manage

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
NOTE_LIMIT = 140
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
    values["note"] = note or None
    return values


def shown(count: int, suppress: bool) -> str:
    """Return a count as text, hiding 1 to 4 when it is shared beyond the premises."""
    if suppress and 0 < count < SMALL:
        return f"<{SMALL}"
    return str(count)


@dataclass
class Statistics:
    """Counts of uses by month, need and outcome, ready to show or download."""

    months: list[tuple[str, int]]
    needs: list[tuple[str, int]]
    outcomes: list[tuple[str, int]]
    total: int
    suppress: bool

    def text(self, count: int) -> str:
        return shown(count, self.suppress)


def statistics(rows: Iterable[tuple], suppress: bool) -> Statistics:
    """Sum (month, need, outcome, count) rows into the three tables."""
    months: dict[str, int] = {}
    needs = dict.fromkeys(NEEDS, 0)
    outcomes = dict.fromkeys(OUTCOMES, 0)
    total = 0
    for month, need, outcome, count in rows:
        months[month] = months.get(month, 0) + count
        needs[need] = needs.get(need, 0) + count
        outcomes[outcome] = outcomes.get(outcome, 0) + count
        total += count
    return Statistics(
        months=sorted(months.items()),
        needs=[(NEEDS.get(k, k), v) for k, v in needs.items()],
        outcomes=[(OUTCOMES.get(k, k), v) for k, v in outcomes.items()],
        total=total,
        suppress=suppress,
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
    for table, rows in (
        ("month", stats.months),
        ("need", stats.needs),
        ("outcome", stats.outcomes),
    ):
        for label, count in rows:
            writer.writerow([table, label, stats.text(count)])
    writer.writerow(["total", "all", stats.text(stats.total)])
    return out.getvalue()


def purge(store, retention_months: int, today: date | None = None) -> int:
    """Delete uses older than the retention period; return how many were deleted."""
    today = today or clock.today()
    return store.uses.purge(policy.months_before(today, retention_months))


def remind(store, mailer, base_url: str, every_days: int, today: date | None = None) -> int:
    """Mail each registered business whose listing is due a check; return how many."""
    today = today or clock.today()
    rows = store.premises.due_for_reminder(today - timedelta(days=every_days))
    for row in rows:
        # One transaction per listing: the new link, its mail and the date reminded together.
        with store.transaction():
            # Only a hash of the manage link is kept, so a reminder carries a fresh link.
            token = manage.new_manage_token(store, row, "system")
            mailer.send(
                row.contact_email,
                f"Is your safe space listing still right? {reference(row.id)}",
                f"Please check the listing for {row.name}: opening hours, facilities and how "
                f"to ask. If it is right, press 'Everything is still correct'. You can also "
                f"look back over the uses you recorded.\n\n{base_url}/manage/{token}\n\n"
                "This link replaces the one we sent before. Keep it private.",
            )
            store.premises.change(row.id, {"reminded_on": today}, "system", "reminded", {})
    mailer.deliver()
    return len(rows)
