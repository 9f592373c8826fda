"""When the helplines answer: their hours read like a premises' opening hours."""

from __future__ import annotations

from datetime import datetime

from locator.domain.helplines import BY_TOPIC, FALLBACK, Helpline
from locator.hours.schedule import HoursError, parse_hours


def answers_at(line: Helpline, at: datetime) -> str:
    """Return "open", "closed" or "unknown" (e.g. a bank holiday) for a line at a time."""
    try:
        return parse_hours(line.hours).state(at)
    except HoursError:  # pragma: no cover - the helpline table is checked by the tests
        return "unknown"


def for_topics(topics, at: datetime) -> list[Helpline]:
    """Return the lines for topics in order, adding a 24-hour line where one is closed."""
    chosen: list[Helpline] = []
    for topic in topics:
        line = BY_TOPIC[topic]
        if line not in chosen:
            chosen.append(line)
        spare = FALLBACK.get(topic)
        if spare is not None and answers_at(line, at) != "open" and spare not in chosen:
            chosen.append(spare)
    return chosen
