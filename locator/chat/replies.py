"""What the assistant says back, in plain words, emergencies first.

Every sentence goes through `language.gettext`: compose a reply inside
`language.speaking(analysis.language)` and it comes out in the language of the message.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from locator.chat.engine import Analysis
from locator.chat.lines import answers_at
from locator.chat.mutations import aspirate
from locator.domain import helplines as lines
from locator.domain import language, policy
from locator.domain.language import N_, gettext
from locator.domain.vocabulary import FACILITIES

WALK_LIMIT_M = policy.WALK_LIMIT_M
SILENT = N_("If you can't speak, call 999 from a mobile and press 55 when asked.")
# Said when the database cannot be reached: the lines above it still work.
CANNOT_SEARCH = N_("We cannot search for safe spaces right now. If you are in danger, call 999.")
ASK_WHERE = N_(
    "Tell me where you are (a postcode, street, station or town) or share your location, and "
    "I'll find the nearest safe space open now%(needs)s."
)

ABOUT = N_(
    "A safe space is a shop or other business whose staff have agreed to help anyone who "
    "feels unsafe or vulnerable: you can wait there while you contact family or friends, "
    "charge or use a phone, get basic first aid, or be helped to reach the right service. "
    "It is free, you don't need ID and you don't have to explain why. Staff won't follow "
    "you, give medical treatment beyond first aid, or make you leave with anyone. Each "
    "business runs its own scheme under Operation Portum (National Business Crime Centre "
    "guidance); only approved, publicised spaces are listed here."
)
REGISTER = N_(
    "Businesses become safe spaces by following the Operation Portum guidance: train staff, "
    "name a designated person, check the space (a seat, line of sight, a phone, a first aid "
    "kit), tell your insurer and local partners, and keep a simple record of uses. Then list "
    "your premises here; every listing is checked by a moderator before the public sees it. "
    "Your council's community safety partnership can help you start."
)
GREETING = N_(
    "Hello. I can find a safe space open now near you: tell me where you are and what you "
    'need, like "my phone is dead, I\'m near Leeds station". In danger? Call 999.'
)
THANKS = N_("You're welcome. Stay safe. If you are ever in danger, call 999.")
WHAT_DO_YOU_NEED = N_(
    "If you are in danger, call 999. Otherwise, what do you need? I can find a safe space open "
    "now where you can wait, charge or use a phone, use a toilet or get first aid, and give you "
    "helplines to talk to someone. Tell me where you are (a postcode, town, station or street) "
    "and what you need."
)
SUPPORT = {
    "domestic_abuse": N_(
        "I'm sorry this is happening. You can talk to someone in confidence, free, at any time."
    ),
    "male_victim": N_("Men are abused by partners too, and help is there for you."),
    "suicidal": N_(
        "I'm really sorry you're feeling like this. You don't have to cope alone: Samaritans "
        "will listen, day or night, free."
    ),
    "sexual_assault": N_(
        "I'm so sorry. What happened is not your fault. You can talk to Rape Crisis any time, "
        "free and in confidence."
    ),
    "homeless": N_("Shelter can help you find somewhere to stay tonight."),
    "child": N_("You can talk to Childline about anything, free; it won't show on the phone bill."),
    "hate_crime": N_(
        "That's a hate crime and you can report it to the police on 101, or online through "
        "True Vision."
    ),
    "medical": N_("For urgent medical help that isn't life-threatening, call NHS 111."),
    "talk": N_(
        "You can talk to someone right now, free, day or night: Samaritans listen to anything, "
        "not only when things are at their worst."
    ),
    "police": N_(
        "To report a crime that is over, call the police on 101 (or 999 if anyone is in danger "
        "now)."
    ),
}
LINE_STATES = {
    "open": N_("open now"),
    "closed": N_("closed now"),
    "unknown": N_("may be closed today"),
}
WELSH_VOWELS = "aeiouwyâêîôûŵŷ"


def cannot_search() -> str:
    """Return what is said first when places cannot be searched: 999 still works."""
    return f"{gettext(CANNOT_SEARCH)} {gettext(SILENT)}"


def _need_words(codes) -> str:
    """Return " with phone charging and toilet" for the needs, or "" for none."""
    labels = [gettext(FACILITIES[code]).lower() for code in codes]
    if not labels:
        return ""
    if language.current() == language.WELSH:
        # "a" (and) takes the aspirate mutation, and is "ac" before a vowel: "gwefru ffôn a
        # thoiled", "toiled ac ystafell dawel".
        last = aspirate(labels[-1])
        joiner = " ac " if last[:1] in WELSH_VOWELS else " a "
        joined = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + joiner + last
    else:
        joined = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]
    return gettext(" with %(needs)s", needs=joined)


def _describe(result: dict) -> str:
    where = result["address"] + (f", {result['postcode']}" if result.get("postcode") else "")
    distance = result.get("distance_text") or ""
    return f"{result['name']} ({where}): {distance}. {result['status_text']}."


class Step(NamedTuple):
    """The one question a reply asks to move on, with buttons for the common answers."""

    question: str | None  # "location" | "need" | None
    choices: tuple[dict, ...]


SHARE_LOCATION = {"label": N_("Use my location"), "action": "share_location"}
# Each button's words, and the message it sends (in the same language, so it is understood).
NEED_CHOICES = (
    (N_("I'm in danger"), N_("I'm in danger")),
    (N_("Somewhere safe to wait"), N_("I need somewhere safe to wait")),
    (N_("Charge my phone"), N_("My phone needs charging")),
    (N_("A toilet"), N_("I need a toilet")),
    (N_("Someone to talk to"), N_("I need someone to talk to")),
)


def wants_places(analysis: Analysis) -> bool:
    """Tell whether the answer is a list of places (so it needs a location)."""
    return analysis.intent in ("find_space", "emergency") or (
        analysis.intent == "support" and bool(analysis.facilities)
    )


def next_step(analysis: Analysis, located: bool) -> Step:
    """Return the question that moves the conversation on, if one is needed."""
    if wants_places(analysis) and not located:
        return Step("location", ({**SHARE_LOCATION, "label": gettext(SHARE_LOCATION["label"])},))
    if analysis.intent in ("unknown", "greeting"):
        choices = tuple(
            {"label": gettext(label), "message": gettext(message)}
            for label, message in NEED_CHOICES
        )
        return Step("need", choices)
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
        parts.append(gettext("If you are in danger now, call 999.") + " " + gettext(SILENT))
    for topic in analysis.topics:
        parts.append(gettext(SUPPORT[topic]))
    for line in analysis.helplines:
        if line.phone != "999":
            parts.append(_line_text(line, at))
    if wants_places(analysis) or analysis.intent == "support":
        if searched:
            parts.append(_results_text(results, needs, near))
        elif wants_places(analysis):
            parts.append(gettext(ASK_WHERE, needs=needs))
            if not analysis.emergency:
                parts.append(gettext("If you are in danger, call 999."))
    elif analysis.intent == "about":
        parts.append(gettext(ABOUT))
    elif analysis.intent == "register":
        parts.append(gettext(REGISTER))
    elif analysis.intent == "greeting":
        parts.append(gettext(GREETING))
    elif analysis.intent == "thanks":
        parts.append(gettext(THANKS))
    elif analysis.emergency:
        pass  # 999 already leads; the question below moves on
    else:
        parts.append(gettext(WHAT_DO_YOU_NEED))
    if analysis.truncated:
        parts.append(gettext("Your message was long, so I read only the first 1,000 characters."))
    return " ".join(parts)


def _line_text(line: lines.Helpline, at: datetime) -> str:
    name = gettext(line.name)
    if line.hours == lines.ALWAYS:
        return gettext("%(name)s: %(phone)s (24 hours).", name=name, phone=line.phone)
    return gettext(
        "%(name)s: %(phone)s (%(hours)s; %(state)s).",
        name=name,
        phone=line.phone,
        hours=gettext(line.hours_text),
        state=gettext(LINE_STATES[answers_at(line, at)]),
    )


def _results_text(results: list[dict], needs: str, near: str | None) -> str:
    near = f" {near}" if near else ""
    unconfirmed = [r for r in results if r.get("hours_unconfirmed")]
    results = [r for r in results if r.get("open_now")]
    holiday = (
        gettext(
            " Today is a bank holiday (%(holiday)s): these usually open now but have not "
            "confirmed their holiday hours, so phone first: %(places)s",
            holiday=unconfirmed[0]["holiday"],
            places=" ".join(_describe(r) for r in unconfirmed),
        )
        if unconfirmed
        else ""
    )
    return _open_text(results, needs, near) + holiday


def _open_text(results: list[dict], needs: str, near: str) -> str:
    if not results:
        return gettext(
            "I can't find a safe space%(needs)s open within 50 km%(near)s right now. For help, "
            "call 101 (police, non-emergency) or one of the helplines below; in danger, 999.",
            needs=needs,
            near=near,
        )
    first = results[0]
    if first.get("distance_m", 0) > WALK_LIMIT_M:
        text = gettext(
            "Nothing%(needs)s is open within a 15-minute walk%(near)s. The nearest open one is "
            "%(place)s You can also call 101 (police, non-emergency) for help.",
            needs=needs,
            near=near,
            place=_describe(first),
        )
    else:
        text = gettext(
            "The nearest safe space%(needs)s open now%(near)s is %(place)s",
            needs=needs,
            near=near,
            place=_describe(first),
        )
    others = [r for r in results[1:] if r.get("distance_m", 0) <= 5000]
    if others:
        text += gettext(" Also near: %(places)s", places=" ".join(_describe(r) for r in others))
    return text + gettext(" Ask any member of staff for the safe space. In danger? Call 999.")
