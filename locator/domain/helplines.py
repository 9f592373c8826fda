"""UK helplines the assistant gives: exact numbers, the topic each serves, and when it answers.

Names and opening words are English, marked for the catalogue: say them with
`language.gettext(line.name)` where people read them.
"""

from __future__ import annotations

from typing import NamedTuple

from locator.domain.language import N_


class Helpline(NamedTuple):
    """A service to call, by name and number, for one topic, answered in `hours`."""

    name: str
    phone: str
    topic: str
    hours: str  # OpenStreetMap opening_hours, read like a premises' hours (chat/lines.py)
    hours_text: str


ALWAYS = "24/7"
DAY_AND_NIGHT = N_("24 hours")

EMERGENCY = Helpline(
    N_("Emergency services (police, ambulance, fire)"), "999", "emergency", ALWAYS, DAY_AND_NIGHT
)
POLICE_NON_EMERGENCY = Helpline(N_("Police non-emergency"), "101", "police", ALWAYS, DAY_AND_NIGHT)
NHS_111 = Helpline(N_("NHS 111 (urgent medical help)"), "111", "medical", ALWAYS, DAY_AND_NIGHT)
DOMESTIC_ABUSE = Helpline(
    N_("National Domestic Abuse Helpline"), "0808 2000 247", "domestic_abuse", ALWAYS, DAY_AND_NIGHT
)
MENS_ADVICE = Helpline(
    N_("Men's Advice Line"),
    "0808 801 0327",
    "male_victim",
    "Mo-Fr 10:00-20:00",
    N_("Monday to Friday, 10am to 8pm"),
)
SAMARITANS = Helpline(N_("Samaritans"), "116 123", "suicidal", ALWAYS, DAY_AND_NIGHT)
RAPE_CRISIS = Helpline(
    N_("Rape Crisis 24/7 Support Line"), "0808 500 2222", "sexual_assault", ALWAYS, DAY_AND_NIGHT
)
SHELTER = Helpline(
    N_("Shelter emergency helpline"),
    "0808 800 4444",
    "homeless",
    "Mo-Fr 08:00-20:00; Sa,Su 09:00-17:00",
    N_("weekdays 8am to 8pm, weekends 9am to 5pm"),
)
CHILDLINE = Helpline(N_("Childline"), "0800 1111", "child", ALWAYS, DAY_AND_NIGHT)

# Wales's own lines. Checked against their publishers' pages: Live Fear Free (gov.wales, 24
# hours), Meic (meic.cymru via ProMo-Cymru: 8am to midnight, every day) and the Samaritans'
# Welsh Language Line (Samaritans Cymru: 7pm to 11pm, every day).
LIVE_FEAR_FREE = Helpline(
    N_("Live Fear Free helpline (Wales)"), "0808 80 10 800", "domestic_abuse", ALWAYS, DAY_AND_NIGHT
)
MEIC = Helpline(
    N_("Meic (children and young people in Wales)"),
    "080880 23456",
    "child",
    "Mo-Su 08:00-24:00",
    N_("every day, 8am to midnight"),
)
SAMARITANS_WELSH = Helpline(
    N_("Samaritans Welsh Language Line"),
    "0808 164 0123",
    "suicidal",
    "Mo-Su 19:00-23:00",
    N_("every day, 7pm to 11pm"),
)

# What each topic leads to. Hate crime is reported to the police on 101.
BY_TOPIC: dict[str, Helpline] = {
    "domestic_abuse": DOMESTIC_ABUSE,
    "male_victim": MENS_ADVICE,
    "suicidal": SAMARITANS,
    "talk": SAMARITANS,
    "sexual_assault": RAPE_CRISIS,
    "homeless": SHELTER,
    "child": CHILDLINE,
    "hate_crime": POLICE_NON_EMERGENCY,
    "police": POLICE_NON_EMERGENCY,
    "medical": NHS_111,
}
# When a topic's line is closed, the line that answers instead, day and night.
FALLBACK: dict[str, Helpline] = {"male_victim": SAMARITANS}
# In Wales (a place there, or a message in Welsh) a topic leads to Wales's own lines first.
IN_WALES: dict[str, tuple[Helpline, ...]] = {
    "domestic_abuse": (LIVE_FEAR_FREE,),
    "child": (MEIC, CHILDLINE),
}
# To someone writing Welsh, a line that answers in Welsh, beside the one that always answers.
IN_WELSH: dict[str, tuple[Helpline, ...]] = {
    "suicidal": (SAMARITANS_WELSH, SAMARITANS),
    "talk": (SAMARITANS_WELSH, SAMARITANS),
}


def for_topic(topic: str, wales: bool = False, welsh: bool = False) -> tuple[Helpline, ...]:
    """Return the lines for one topic: Welsh-language, then Wales's own, then the UK's."""
    if welsh and topic in IN_WELSH:
        return IN_WELSH[topic]
    if (wales or welsh) and topic in IN_WALES:
        return IN_WALES[topic]
    return (BY_TOPIC[topic],)


def for_topics(
    topics, emergency: bool = False, wales: bool = False, welsh: bool = False
) -> tuple[Helpline, ...]:
    """Return 999 in danger, then each topic's lines in order, each line once."""
    chosen = [EMERGENCY] if emergency else []
    for topic in topics:
        chosen += [line for line in for_topic(topic, wales, welsh) if line not in chosen]
    return tuple(chosen)


# Answered day and night: what the pages offer when no safe space is open nearby.
ROUND_THE_CLOCK = (DOMESTIC_ABUSE, RAPE_CRISIS, SAMARITANS)
ROUND_THE_CLOCK_IN_WALES = (LIVE_FEAR_FREE, RAPE_CRISIS, SAMARITANS)


def round_the_clock(wales: bool = False) -> tuple[Helpline, ...]:
    """Return the lines that answer day and night, Wales's own domestic abuse line in Wales."""
    return ROUND_THE_CLOCK_IN_WALES if wales else ROUND_THE_CLOCK


# The staff card's list, in the order staff read it, each with the words printed beside it.
STAFF_CARD: tuple[tuple[str, Helpline], ...] = (
    (N_("Emergencies (police, ambulance, fire)"), EMERGENCY),
    (N_("Police, not an emergency"), POLICE_NON_EMERGENCY),
    (N_("NHS urgent medical help"), NHS_111),
    (N_("National Domestic Abuse Helpline (24 hours)"), DOMESTIC_ABUSE),
    (N_("Men's Advice Line (domestic abuse)"), MENS_ADVICE),
    (N_("Samaritans (24 hours)"), SAMARITANS),
    (N_("Rape Crisis (24 hours)"), RAPE_CRISIS),
    (N_("Shelter (housing, homelessness)"), SHELTER),
    (N_("Childline (under 19s)"), CHILDLINE),
)

# How many of its district's local referral contacts a staff card lists (the manage page has all).
STAFF_CARD_CONTACTS = 5

# How a topic is named to people: the moderators' form, the manage page and the staff card.
TOPIC_LABELS: dict[str, str] = {
    "domestic_abuse": N_("Domestic abuse"),
    "male_victim": N_("Male victims"),
    "suicidal": N_("Suicidal feelings"),
    "talk": N_("Someone to talk to"),
    "sexual_assault": N_("Sexual assault"),
    "homeless": N_("Homelessness"),
    "child": N_("Children and young people"),
    "hate_crime": N_("Hate crime"),
    "police": N_("Police"),
    "medical": N_("Medical"),
}
