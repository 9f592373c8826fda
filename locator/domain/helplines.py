"""UK helplines the assistant gives: exact numbers, the topic each serves, and when it answers."""

from __future__ import annotations

from typing import NamedTuple


class Helpline(NamedTuple):
    """A service to call, by name and number, for one topic, answered in `hours`."""

    name: str
    phone: str
    topic: str
    hours: str  # OpenStreetMap opening_hours, read like a premises' hours (chat/lines.py)
    hours_text: str


ALWAYS = "24/7"

EMERGENCY = Helpline(
    "Emergency services (police, ambulance, fire)", "999", "emergency", ALWAYS, "24 hours"
)
POLICE_NON_EMERGENCY = Helpline("Police non-emergency", "101", "police", ALWAYS, "24 hours")
NHS_111 = Helpline("NHS 111 (urgent medical help)", "111", "medical", ALWAYS, "24 hours")
DOMESTIC_ABUSE = Helpline(
    "National Domestic Abuse Helpline", "0808 2000 247", "domestic_abuse", ALWAYS, "24 hours"
)
MENS_ADVICE = Helpline(
    "Men's Advice Line",
    "0808 801 0327",
    "male_victim",
    "Mo-Fr 10:00-20:00",
    "Monday to Friday, 10am to 8pm",
)
SAMARITANS = Helpline("Samaritans", "116 123", "suicidal", ALWAYS, "24 hours")
RAPE_CRISIS = Helpline(
    "Rape Crisis 24/7 Support Line", "0808 500 2222", "sexual_assault", ALWAYS, "24 hours"
)
SHELTER = Helpline(
    "Shelter emergency helpline",
    "0808 800 4444",
    "homeless",
    "Mo-Fr 08:00-20:00; Sa,Su 09:00-17:00",
    "weekdays 8am to 8pm, weekends 9am to 5pm",
)
CHILDLINE = Helpline("Childline", "0800 1111", "child", ALWAYS, "24 hours")

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

# Answered day and night: what the pages offer when no safe space is open nearby.
ROUND_THE_CLOCK = (DOMESTIC_ABUSE, RAPE_CRISIS, SAMARITANS)

# The staff card's list, in the order staff read it, each with the words printed beside it.
STAFF_CARD: tuple[tuple[str, Helpline], ...] = (
    ("Emergencies (police, ambulance, fire)", EMERGENCY),
    ("Police, not an emergency", POLICE_NON_EMERGENCY),
    ("NHS urgent medical help", NHS_111),
    ("National Domestic Abuse Helpline (24 hours)", DOMESTIC_ABUSE),
    ("Men's Advice Line (domestic abuse)", MENS_ADVICE),
    ("Samaritans (24 hours)", SAMARITANS),
    ("Rape Crisis (24 hours)", RAPE_CRISIS),
    ("Shelter (housing, homelessness)", SHELTER),
    ("Childline (under 19s)", CHILDLINE),
)

# How many of its district's local referral contacts a staff card lists (the manage page has all).
STAFF_CARD_CONTACTS = 5

# How a topic is named to people: the moderators' form, the manage page and the staff card.
TOPIC_LABELS: dict[str, str] = {
    "domestic_abuse": "Domestic abuse",
    "male_victim": "Male victims",
    "suicidal": "Suicidal feelings",
    "talk": "Someone to talk to",
    "sexual_assault": "Sexual assault",
    "homeless": "Homelessness",
    "child": "Children and young people",
    "hate_crime": "Hate crime",
    "police": "Police",
    "medical": "Medical",
}
