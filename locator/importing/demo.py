"""Demo premises built from real open data; flagged demo so the UI always says so."""

from __future__ import annotations

import zlib

from locator.config import DATA_DIR
from locator.domain.vocabulary import FACILITIES
from locator.importing import rows as importing
from locator.importing import service as imports

DEMO_DIR = DATA_DIR / "demo"

# Share of premises given each facility, by kind; pharmacies have consultation rooms and
# first aid far more often than shops do.
SHARES = {
    "pharmacy": {
        "phone_charging": 0.6,
        "phone_use": 0.7,
        "wifi": 0.2,
        "first_aid": 0.95,
        "defibrillator": 0.3,
        "step_free": 0.7,
        "accessible_toilet": 0.1,
        "toilet": 0.2,
        "private_room": 0.85,
        "seating": 0.9,
        "drinking_water": 0.6,
    },
    "shop": {
        "phone_charging": 0.65,
        "phone_use": 0.5,
        "wifi": 0.3,
        "first_aid": 0.5,
        "defibrillator": 0.1,
        "step_free": 0.6,
        "accessible_toilet": 0.1,
        "toilet": 0.25,
        "private_room": 0.2,
        "seating": 0.6,
        "drinking_water": 0.5,
    },
}
HOW_TO_ASK = {
    "pharmacy": "Go to the counter and ask for the safe space; staff will take you somewhere "
    "quiet.",
    "shop": "Ask any member of staff for the safe space.",
}
SOURCES = (
    ("Greater Manchester pharmacies", "gm_pharmacies.geojson", "nhs", "pharmacy"),
    ("Norwich shops", "norwich_shops.geojson", "osm", "shop"),
)


def assign_facilities(ref: str, kind: str, already: list[str]) -> list[str]:
    """Give a premises a stable, plausible set of facilities derived from its ref."""
    chosen = set(already)
    for code in FACILITIES:
        draw = zlib.crc32(f"{ref}:{code}".encode()) % 1000 / 1000
        if draw < SHARES[kind][code]:
            chosen.add(code)
    return [code for code in FACILITIES if code in chosen]


def load_demo(service) -> dict:
    """Import and publish every demo source; return each source's ImportResult."""
    results = {}
    for label, filename, fmt, kind in SOURCES:
        _, raw_rows = importing.read_rows(DEMO_DIR / filename, fmt, f"{label} (demo)")
        for raw in raw_rows:
            values = raw.values
            if "__error__" in values or not values.get("ref"):
                continue
            values["facilities"] = assign_facilities(
                str(values["ref"]), kind, values.get("facilities") or []
            )
            values["how_to_ask"] = values.get("how_to_ask") or HOW_TO_ASK[kind]
        results[label] = imports.import_rows(service, fmt, raw_rows, publish=True, demo=True)
    return results
