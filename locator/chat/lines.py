"""When the helplines answer: their hours read like a premises' opening hours."""

from __future__ import annotations

from datetime import datetime

from locator.domain.helplines import FALLBACK, Helpline, for_topic
from locator.hours.schedule import HoursError, parse_hours


def answers_at(line: Helpline, at: datetime) -> str:
    """Return "open", "closed" or "unknown" (e.g. a bank holiday) for a line at a time."""
    try:
        return parse_hours(line.hours).state(at)
    except HoursError:  # pragma: no cover - the helpline table is checked by the tests
        return "unknown"


def for_topics(topics, at: datetime, wales: bool = False, welsh: bool = False) -> list[Helpline]:
    """Return the lines for topics in order, adding a 24-hour line where one is closed."""
    chosen: list[Helpline] = []
    for topic in topics:
        lines = for_topic(topic, wales, welsh)
        chosen += [line for line in lines if line not in chosen]
        spare = FALLBACK.get(topic)
        if spare is not None and answers_at(lines[0], at) != "open" and spare not in chosen:
            chosen.append(spare)
    return chosen
