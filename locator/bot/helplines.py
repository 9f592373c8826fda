"""UK helplines the assistant gives, with their exact numbers."""

from __future__ import annotations

from typing import NamedTuple


class Helpline(NamedTuple):
    """A service to call, by name and number."""

    name: str
    phone: str


EMERGENCY = Helpline("Emergency services (police, ambulance, fire)", "999")
POLICE_NON_EMERGENCY = Helpline("Police non-emergency", "101")
NHS_111 = Helpline("NHS 111 (urgent medical help)", "111")
DOMESTIC_ABUSE = Helpline("National Domestic Abuse Helpline (24 hours)", "0808 2000 247")
MENS_ADVICE = Helpline("Men's Advice Line", "0808 801 0327")
SAMARITANS = Helpline("Samaritans (24 hours)", "116 123")
RAPE_CRISIS = Helpline("Rape Crisis 24/7 Support Line", "0808 500 2222")
SHELTER = Helpline("Shelter emergency helpline", "0808 800 4444")
CHILDLINE = Helpline("Childline", "0800 1111")

# What each support topic leads to.
BY_TOPIC: dict[str, Helpline] = {
    "domestic_abuse": DOMESTIC_ABUSE,
    "male_victim": MENS_ADVICE,
    "suicidal": SAMARITANS,
    "sexual_assault": RAPE_CRISIS,
    "homeless": SHELTER,
    "child": CHILDLINE,
    "hate_crime": POLICE_NON_EMERGENCY,
    "medical": NHS_111,
}

# Answered day and night: what the pages offer when no safe space is open nearby.
ROUND_THE_CLOCK = (DOMESTIC_ABUSE, RAPE_CRISIS, SAMARITANS)
