"""Stable codes shared by the API, the data files and the chat (see SPEC "Vocabulary")."""

import re
from enum import StrEnum

from locator.domain.language import N_, gettext

# The labels are English wherever data is exchanged; pages say them with facility_label.
FACILITIES: dict[str, str] = {
    "phone_charging": N_("Phone charging"),
    "phone_use": N_("A phone you can use"),
    "wifi": N_("Free wifi"),
    "first_aid": N_("First aid"),
    "defibrillator": N_("Defibrillator"),
    "step_free": N_("Step-free access"),
    "accessible_toilet": N_("Accessible toilet"),
    "toilet": N_("Toilet"),
    "private_room": N_("A quiet private room"),
    "seating": N_("Somewhere to sit"),
    "drinking_water": N_("Drinking water"),
}


def facility_label(code: str) -> str | None:
    """Return a facility's label in the current language, or None for an unknown code."""
    label = FACILITIES.get(code)
    return gettext(label) if label is not None else None


def _facility_key(name: str) -> str:
    """Return a facility's name as its letters and digits, lowercase, without a leading article."""
    words = re.findall(r"[a-z0-9]+", name.lower())
    return "".join(words[1:] if words[:1] in (["a"], ["an"], ["the"]) else words)


# Each code by its code and label in any case and spacing: "Phone Charging", "phone-charging".
_FACILITY_KEYS = {
    _facility_key(name): code for code, label in FACILITIES.items() for name in (code, label)
}


def facility_code(name: str) -> str | None:
    """Return the facility code a written name means ("Toilets", "first aid"), or None."""
    key = _facility_key(name)
    # A plural written for a singular name: "toilets", "accessible toilets".
    return _FACILITY_KEYS.get(key) or (_FACILITY_KEYS.get(key[:-1]) if key.endswith("s") else None)


# Bit positions are part of the in-memory index only, never stored: the database keeps codes.
FACILITY_BITS: dict[str, int] = {code: 1 << i for i, code in enumerate(FACILITIES)}

INTENTS = (
    "find_space",
    "emergency",
    "support",
    "about",
    "register",
    "greeting",
    "thanks",
    "unknown",
)

# The columns of the premises import format (SPEC "Data formats"), in the file's order.
IMPORT_COLUMNS = (
    "ref",
    "name",
    "organisation",
    "address",
    "postcode",
    "lat",
    "lon",
    "opening_hours",
    "facilities",
    "phone",
    "website",
    "how_to_ask",
    "scheme",
)


# Codeword schemes a business may join: each needs its own sign-up and training, so a sticker
# names one only when the business says it has joined it.
CODEWORDS = {
    "ask_for_ani": "Ask for ANI",
    "ask_for_angela": "Ask for Angela",
}


class Scheme(StrEnum):
    """Who a listing is for: the public (external) or the business's own staff (internal)."""

    EXTERNAL = "external"
    INTERNAL = "internal"


class Status(StrEnum):
    """Where a listing is in moderation; only published ones can be public."""

    PENDING = "pending"
    PUBLISHED = "published"
    REJECTED = "rejected"
    SUSPENDED = "suspended"


SCHEMES = tuple(Scheme)
STATUSES = tuple(Status)
PUBLIC_SCHEME = Scheme.EXTERNAL
PUBLIC_STATUS = Status.PUBLISHED


def facility_mask(codes) -> int:
    """Return the bit mask for facility codes already known to be valid."""
    mask = 0
    for code in codes:
        mask |= FACILITY_BITS[code]
    return mask


# What a member of the public can report about a listing, in one tap (said with gettext).
REPORT_REASONS: dict[str, str] = {
    "closed": N_("It was closed"),
    "refused": N_("Staff would not help"),
    "wrong_hours": N_("The opening hours are wrong"),
    "no_facility": N_("A listed facility was missing (e.g. no charger)"),
    "moved": N_("It is not at this address"),
    "other": N_("Something else is wrong"),
}
