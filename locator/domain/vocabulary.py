"""Stable codes shared by the API, the data files and the chat (see SPEC "Vocabulary")."""

import re
from enum import StrEnum

FACILITIES: dict[str, str] = {
    "phone_charging": "Phone charging",
    "phone_use": "A phone you can use",
    "wifi": "Free wifi",
    "first_aid": "First aid",
    "defibrillator": "Defibrillator",
    "step_free": "Step-free access",
    "accessible_toilet": "Accessible toilet",
    "toilet": "Toilet",
    "private_room": "A quiet private room",
    "seating": "Somewhere to sit",
    "drinking_water": "Drinking water",
}


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


# What a member of the public can report about a listing, in one tap.
REPORT_REASONS: dict[str, str] = {
    "closed": "It was closed",
    "refused": "Staff would not help",
    "wrong_hours": "The opening hours are wrong",
    "no_facility": "A listed facility was missing (e.g. no charger)",
    "moved": "It is not at this address",
    "other": "Something else is wrong",
}
