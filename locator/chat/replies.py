"""What the assistant says back, in plain words, emergencies first."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from locator.chat.engine import Analysis
from locator.chat.lines import answers_at
from locator.domain import helplines as lines
from locator.domain import policy
from locator.domain.vocabulary import FACILITIES

WALK_LIMIT_M = policy.WALK_LIMIT_M
SILENT = "If you can't speak, call 999 from a mobile and press 55 when asked."
# Said when the database cannot be reached: the lines above it still work.
CANNOT_SEARCH = (
    "We cannot search for safe spaces right now. If you are in danger, call 999. " + SILENT
)
ASK_WHERE = (
    "Tell me where you are (a postcode, street, station or town) or share your location, and I'll "
    "find the nearest safe space open now"
)

ABOUT = (
    "A safe space is a shop or other business whose staff have agreed to help anyone who "
    "feels unsafe or vulnerable: you can wait there while you contact family or friends, "
    "charge or use a phone, get basic first aid, or be helped to reach the right service. "
    "It is free, you don't need ID and you don't have to explain why. Staff won't follow "
    "you, give medical treatment beyond first aid, or make you leave with anyone. Each "
    "business runs its own scheme under Operation Portum (National Business Crime Centre "
    "guidance); only approved, publicised spaces are listed here."
)
REGISTER = (
    "Businesses become safe spaces by following the Operation Portum guidance: train staff, "
    "name a designated person, check the space (a seat, line of sight, a phone, a first aid "
    "kit), tell your insurer and local partners, and keep a simple record of uses. Then list "
    "your premises here; every listing is checked by a moderator before the public sees it. "
    "Your council's community safety partnership can help you start."
)
SUPPORT = {
    "domestic_abuse": "I'm sorry this is happening. You can talk to someone in confidence, "
    "free, at any time.",
    "male_victim": "Men are abused by partners too, and help is there for you.",
    "suicidal": "I'm really sorry you're feeling like this. You don't have to cope alone: "
    "Samaritans will listen, day or night, free.",
    "sexual_assault": "I'm so sorry. What happened is not your fault. You can talk to Rape "
    "Crisis any time, free and in confidence.",
    "homeless": "Shelter can help you find somewhere to stay tonight.",
    "child": "You can talk to Childline about anything, free; it won't show on the phone bill.",
    "hate_crime": "That's a hate crime and you can report it to the police on 101, or online "
    "through True Vision.",
    "medical": "For urgent medical help that isn't life-threatening, call NHS 111.",
    "talk": "You can talk to someone right now, free, day or night: Samaritans listen to "
    "anything, not only when things are at their worst.",
    "police": "To report a crime that is over, call the police on 101 (or 999 if anyone is "
    "in danger now).",
}


def _need_words(codes) -> str:
    labels = [FACILITIES[code].lower() for code in codes]
    if not labels:
        return ""
    joined = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]
    return f" with {joined}"


def _describe(result: dict) -> str:
    where = result["address"] + (f", {result['postcode']}" if result.get("postcode") else "")
    distance = result.get("distance_text") or ""
    return f"{result['name']} ({where}): {distance}. {result['status_text']}."


class Step(NamedTuple):
    """The one question a reply asks to move on, with buttons for the common answers."""

    question: str | None  # "location" | "need" | None
    choices: tuple[dict, ...]


SHARE_LOCATION = {"label": "Use my location", "action": "share_location"}
NEED_CHOICES = tuple(
    {"label": label, "message": message}
    for label, message in (
        ("I'm in danger", "I'm in danger"),
        ("Somewhere safe to wait", "I need somewhere safe to wait"),
        ("Charge my phone", "My phone needs charging"),
        ("A toilet", "I need a toilet"),
        ("Someone to talk to", "I need someone to talk to"),
    )
)


def wants_places(analysis: Analysis) -> bool:
    """Tell whether the answer is a list of places (so it needs a location)."""
    return analysis.intent in ("find_space", "emergency") or (
        analysis.intent == "support" and bool(analysis.facilities)
    )


def next_step(analysis: Analysis, located: bool) -> Step:
    """Return the question that moves the conversation on, if one is needed."""
    if wants_places(analysis) and not located:
        return Step("location", (SHARE_LOCATION,))
    if analysis.intent in ("unknown", "greeting"):
        return Step("need", NEED_CHOICES)
    return Step(None, ())


def compose(  # noqa: C901 - each part of a reply in the order it is read
    analysis: Analysis,
    results: list[dict],
    near: str | None,
    searched: bool,
    at: datetime,
) -> str:
    """Write the reply for an analysed message and the spaces found for it.

    `near` says which location was used, e.g. "near Norwich, as you asked" or "near you".
    """
    parts: list[str] = []
    needs = _need_words(analysis.facilities)
    if analysis.emergency:
        parts.append(f"If you are in danger now, call 999. {SILENT}")
    for topic in analysis.topics:
        parts.append(SUPPORT[topic])
    for line in analysis.helplines:
        if line.phone != "999":
            parts.append(_line_text(line, at))
    if wants_places(analysis) or analysis.intent == "support":
        if searched:
            parts.append(_results_text(results, needs, near))
        elif wants_places(analysis):
            parts.append(f"{ASK_WHERE}{needs}.")
            if not analysis.emergency:
                parts.append("If you are in danger, call 999.")
    elif analysis.intent == "about":
        parts.append(ABOUT)
    elif analysis.intent == "register":
        parts.append(REGISTER)
    elif analysis.intent == "greeting":
        parts.append(
            "Hello. I can find a safe space open now near you: tell me where you are and what "
            'you need, like "my phone is dead, I\'m near Leeds station". In danger? Call 999.'
        )
    elif analysis.intent == "thanks":
        parts.append("You're welcome. Stay safe. If you are ever in danger, call 999.")
    elif analysis.emergency:
        pass  # 999 already leads; the question below moves on
    else:
        parts.append(
            "If you are in danger, call 999. Otherwise, what do you need? I can find a safe "
            "space open now where you can wait, charge or use a phone, use a toilet or get first "
            "aid, and give you helplines to talk to someone. Tell me where you are (a postcode, "
            "town, station or street) and what you need."
        )
    if analysis.truncated:
        parts.append("Your message was long, so I read only the first 1,000 characters.")
    return " ".join(parts)


def _line_text(line: lines.Helpline, at: datetime) -> str:
    state = answers_at(line, at)
    if line.hours == lines.ALWAYS:
        return f"{line.name}: {line.phone} (24 hours)."
    when = {"open": "open now", "closed": "closed now", "unknown": "may be closed today"}[state]
    return f"{line.name}: {line.phone} ({line.hours_text}; {when})."


def _results_text(results: list[dict], needs: str, near: str | None) -> str:
    near = f" {near}" if near else ""
    unconfirmed = [r for r in results if r.get("hours_unconfirmed")]
    results = [r for r in results if r.get("open_now")]
    holiday = (
        f" Today is a bank holiday ({unconfirmed[0]['holiday']}): these usually open now but "
        "have not confirmed their holiday hours, so phone first: "
        + " ".join(_describe(r) for r in unconfirmed)
        if unconfirmed
        else ""
    )
    return _open_text(results, needs, near) + holiday


def _open_text(results: list[dict], needs: str, near: str) -> str:
    if not results:
        return (
            f"I can't find a safe space{needs} open within 50 km{near} right now. For help, "
            "call 101 (police, non-emergency) or one of the helplines below; in danger, 999."
        )
    first = results[0]
    if first.get("distance_m", 0) > WALK_LIMIT_M:
        text = (
            f"Nothing{needs} is open within a 15-minute walk{near}. The nearest open one is "
            f"{_describe(first)} You can also call 101 (police, non-emergency) for help."
        )
    else:
        text = f"The nearest safe space{needs} open now{near} is {_describe(first)}"
    others = [r for r in results[1:] if r.get("distance_m", 0) <= 5000]
    if others:
        text += " Also near: " + " ".join(_describe(r) for r in others)
    return text + " Ask any member of staff for the safe space. In danger? Call 999."
