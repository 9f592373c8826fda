"""Place names in the visitor's language: Caerdydd on a Welsh page, Cardiff on an English one.

The Welsh names come from OS Open Names (data/gazetteer/welsh_names_osnames.csv, built by
scripts/build_welsh_names.py). A name is said in Welsh only near the place OS gives it for, so
Newport on the Isle of Wight is never called Casnewydd.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from locator.domain import language
from locator.geo.areas import default_areas
from locator.geo.gazetteer import DATA_DIR, km_between

NAMES_FILE = Path("gazetteer") / "welsh_names_osnames.csv"
# OS names Welsh places Welsh first: "Y Rhath (Roath), Caerdydd - Cardiff".
_OS_BILINGUAL = re.compile(r"^(?P<welsh>[^(),]+) \((?P<english>[^()]+)\)(?P<rest>.*)$")
_COUNCIL_PAIR = re.compile(r"(?P<welsh>[^,]+?) - (?P<english>[^,]+)")
_STATION = re.compile(r"^(?P<name>.+) station$")
# The nations a label may end with to tell places of one name apart ("Newport, Wales").
NATIONS = {
    "England": "Lloegr",
    "Wales": "Cymru",
    "Scotland": "Yr Alban",
    "Northern Ireland": "Gogledd Iwerddon",
}


@dataclass(frozen=True)
class WelshName:
    """The Welsh name of an English-named place, and how far from its point it applies."""

    welsh: str
    lat: float
    lon: float
    reach_km: float


@cache
def _names(data_dir: Path = DATA_DIR) -> dict[str, list[WelshName]]:
    """Return the Welsh names by English name (several places may share one)."""
    found: dict[str, list[WelshName]] = defaultdict(list)
    with (data_dir / NAMES_FILE).open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            found[row["english"].casefold()].append(
                WelshName(
                    row["welsh"], float(row["lat"]), float(row["lon"]), float(row["reach_km"])
                )
            )
    return dict(found)


def welsh_name(english: str, lat: float, lon: float) -> str | None:
    """Return the Welsh name of the place called `english` at (lat, lon), or None."""
    for name in _names().get(english.strip().casefold(), ()):
        if km_between((lat, lon), (name.lat, name.lon)) <= name.reach_km:
            return name.welsh
    return None


def shown(label: str, lat: float, lon: float, lang: str | None = None) -> str:
    """Return a place's label in a language (the current one by default)."""
    if (lang or language.current()) != language.WELSH:
        return label
    bilingual = _OS_BILINGUAL.match(label)
    if bilingual:
        # "Y Rhath (Roath), Caerdydd - Cardiff" → "Y Rhath, Caerdydd".
        label = bilingual["welsh"] + bilingual["rest"]
    label = _COUNCIL_PAIR.sub(lambda m: m["welsh"], label)
    return ", ".join(_part_in_welsh(part, lat, lon) for part in label.split(", "))


# Beginnings of Welsh place names, which Welsh mutates after i, o, ger: "i Lanelli", "o Fangor".
_WELSH_NAME_START = re.compile(
    r"^(Aber|Bala|Bangor|Betws|Blaen|Bont|Bryn|Caer|Capel|Castell|Cas|Coed|Cwm|Dol|Glan|Llan|"
    r"Gorsaf|Maes|Merthyr|Pen|Pont|Porth|Pwll|Rhos|Rhyd|Tal|Tre|Ty|Y )"
)
# Soft mutation of a word's first letters, longest first (Ll before L, Rh before R).
_SOFT = (
    ("Ll", "L"),
    ("Rh", "R"),
    ("C", "G"),
    ("P", "B"),
    ("T", "D"),
    ("B", "F"),
    ("D", "Dd"),
    ("M", "F"),
    ("G", ""),
)
# Letters that look mutable but are not: Ch, Ph, Th, Dd stay as they are.
_UNMUTATED = ("Ch", "Ph", "Th", "Dd", "Ff")


def softly(label: str, lat: float, lon: float) -> str:
    """Return a Welsh place name as Welsh says it after i, o or ger: Caerdydd → Gaerdydd.

    Only in Welsh, and only Welsh names of places in Wales: English names and places elsewhere
    stay as they are ("i Butetown", "i Manchester").
    """
    if language.current() != language.WELSH:
        return label
    if not _is_welsh_name(label, lat, lon) or label.startswith(_UNMUTATED):
        return label
    for radical, mutated in _SOFT:
        if label.startswith(radical):
            rest = label[len(radical) :]
            return (mutated + rest) if mutated else rest[:1].upper() + rest[1:]
    return label


def _is_welsh_name(label: str, lat: float, lon: float) -> bool:
    """Tell whether a label starts with the Welsh name of a place in Wales."""
    first = label.split(",", maxsplit=1)[0].strip()
    if not in_wales(lat, lon):
        return False
    return first in _welsh_names() or bool(_WELSH_NAME_START.match(first))


def in_wales(lat: float, lon: float) -> bool:
    """Tell whether a point is in Wales (by the council districts)."""
    west, south, east, north = _around_wales()
    if not (south <= lat <= north and west <= lon <= east):
        return False  # most points asked about are far from Wales: no boundary test
    return default_areas().nation_at(lat, lon) == "wales"


# Wider than the 5 km by which a point off the coast still counts as its nearest district's.
_BOX_MARGIN_DEGREES = 0.1


@cache
def _around_wales() -> tuple[float, float, float, float]:
    """Return a box (west, south, east, north) holding every Welsh district, with a margin."""
    areas = default_areas()
    boxes = [areas.geometry(area.code).bounds for area in areas.all() if area.nation == "wales"]
    return (
        min(box[0] for box in boxes) - _BOX_MARGIN_DEGREES,
        min(box[1] for box in boxes) - _BOX_MARGIN_DEGREES,
        max(box[2] for box in boxes) + _BOX_MARGIN_DEGREES,
        max(box[3] for box in boxes) + _BOX_MARGIN_DEGREES,
    )


@cache
def _welsh_names() -> frozenset[str]:
    """Return every Welsh name OS gives a place."""
    return frozenset(name.welsh for names in _names().values() for name in names)


def _part_in_welsh(part: str, lat: float, lon: float) -> str:
    """Return one comma-separated part of a label in Welsh where OS has a Welsh name for it."""
    station = _STATION.match(part)
    if station:
        welsh = welsh_name(station["name"], lat, lon)
        return f"Gorsaf {welsh}" if welsh else part
    return NATIONS.get(part) or welsh_name(part, lat, lon) or part
