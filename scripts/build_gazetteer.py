"""Derive the shipped place-name files from NaPTAN, NPTG and OS Open Names extracts.

Reads the open-data extracts described in the source folder's README (NaPTAN stations and
stops, NPTG localities, OS Open Names populated places) and writes three compact files to
data/gazetteer/, which are all the app reads of them at run time:

- places_gb_naptan_nptg_osnames.csv.gz: one row per searchable name, already de-duplicated
  against the GeoNames towns and the National Rail stations shipped beside it;
- streets_gb_naptan.csv.gz: one row per street of a town that NaPTAN stops stand on, with
  the middle of its stops;
- english_word_frequency_wordfreq.csv.gz: how common each English word is, so that a place
  called "Water" or "Help" is not found in "can I get some water".

Needs wordfreq for the word list. Run from the repository:

    .venv/bin/pip install -e '.[data]'
    .venv/bin/python scripts/build_gazetteer.py --source /path/to/data/places
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from locator.geo.gazetteer import (  # noqa: E402  (the repository is not installed here)
    COMMON_ZIPF,
    DATA_DIR,
    NAMES_FILE,
    STREETS_FILE,
    WORDS_FILE,
    _fold,
    _km,
    _looks_english,
    _norm,
    _norm_token,
)

OUT_DIR = DATA_DIR / "gazetteer"

# Words rarer than this (a few per hundred million) are left out: absent means rare.
MIN_SHIPPED_ZIPF = 2.0
WORDFREQ_LIST_SIZE = 150_000

# Importance, 0-1000: decides between places of one name. GeoNames towns (ranked in the app
# by population) start at 700; the values here are chosen to sit around them.
RANK = {
    "City": 880,
    "Town": 780,
    "rail_station": 600,
    "airport": 570,
    "metro_tram_station": 560,
    "heritage": 450,
    "bus_coach_station": 550,
    "ferry_terminal": 500,
    "landmark": 520,
    "Suburban Area": 480,
    "Village": 380,
    "Hamlet": 300,
    "Other Settlement": 280,
    "locality": 300,
    "street": 250,
}

# A station or stop in a village ranks below a suburb of a city: "Moss Side" is Manchester's,
# not the halt near Lytham. Within TOWN_KM of a town of TOWN_POPULATION it keeps its rank.
TOWN_POPULATION = 20_000
TOWN_KM = 3.0
VILLAGE_STOP_PENALTY = 150

# Two entries of one name closer than this are the same place seen by two sources.
SAME_PLACE_KM = 1.5
SAME_TOWN_KM = 6.0

# Names that stand for what is near a stop, not a place: "Tesco", "Post Office", "The Green".
# A landmark named at stops in this many localities is a kind of thing, not one place.
GENERIC_LANDMARK_LOCALITIES = 8

_CENTRE_SUFFIX = re.compile(r"\s+(City|Town)?\s*Centre$")
_POSITIONAL = re.compile(
    r"^(opp|opposite|o/s|os|outside|near|nr|by|adj|adjacent|jct|junction|behind|before|after|"
    r"below|above|at|in|on|entrance|rear|side|top|bottom|corner|for|off|to|o/p|next|front)\b",
    re.IGNORECASE,
)
# Landmarks worth searching for by name: shopping centres, hospitals, universities, squares.
_LANDMARK_TYPE = re.compile(
    r"\b(Shopping Centre|Shopping Park|Retail Park|Arndale|Arndale Centre|Mall|Designer Outlet|"
    r"Hospital|Infirmary|University|Square)$|^University of "
)
_LANDMARK_JUNK = re.compile(
    r"[/,()\d]| - |\b(Road|Rd|Street|Lane|Avenue|Drive|Way)\b|(?i:\bstop\b|\bentrance\b)"
)

# How each metro, tram and heritage network names its stops in a label.
_NETWORKS = [
    (re.compile(r"Underground Station$"), "Underground station"),
    (re.compile(r"DLR Station$"), "DLR station"),
    (re.compile(r"Subway Station$"), "Subway station"),
    (re.compile(r"Metro Station\)?$"), "Metro station"),
    (re.compile(r"Tram|Metrolink|West Midlands Metro|Trams|Supertram"), "tram stop"),
]
_SUFFIXES = re.compile(
    r"\s+(Tram Stop|Tram Interchange|Underground Station|DLR Station|SPT Subway Station|"
    r"Subway Station|Metro Station|Rail Station|Railway Station|Station)$"
)
_PLATFORM = re.compile(r"\bPlatform\b| to |\bEntrance\b|/|\bRailway$|\bRly$|Park & Ride")
_HERITAGE = re.compile(r"\(([^)]*(Railway|Rly|RHDR|KESR|W&LLR|Line)[^)]*)\)?$")
_BUS_WORDS = re.compile(
    r"\b(Bus Station|Coach Station|Bus Interchange|Transport Interchange|Interchange|Bus Stn|"
    r"Bus Park|Coach Park)\b"
)

# key and alias_keys are normalised as the app normalises queries, so it need not at start.
CSV_COLUMNS = [
    "key",
    "label",
    "kind",
    "rank",
    "lat",
    "lon",
    "alias_keys",
    "everyday",
    "name",
    "source",
]

STREET_COLUMNS = ["key", "name", "town", "lat", "lon", "rank", "stops"]


@dataclass
class Entry:
    """One searchable name before it is written: a place, a stop or a landmark."""

    name: str
    label: str
    kind: str
    rank: int
    lat: float
    lon: float
    source: str
    aliases: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return _norm(self.name)


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    """Yield the rows of a CSV file, gzipped or not."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


# ---- common English words ---------------------------------------------------------------


def english_word_frequencies() -> dict[str, float]:
    """Return the Zipf frequency of common English words, keyed as the gazetteer keys words."""
    try:
        from wordfreq import top_n_list, zipf_frequency
    except ImportError:  # pragma: no cover - a build-time tool
        sys.exit("wordfreq is needed to build the word list: pip install -e '.[data]'")
    frequencies: dict[str, float] = {}
    for word in top_n_list("en", WORDFREQ_LIST_SIZE):
        zipf = zipf_frequency(word, "en")
        if zipf < MIN_SHIPPED_ZIPF:
            break
        key = _norm_token(word)
        if key.isalnum() and key.isascii():
            frequencies[key] = max(zipf, frequencies.get(key, 0.0))
    return frequencies


def is_common(key: str, frequencies: dict[str, float]) -> bool:
    """Tell whether every word of a key is an everyday English word."""
    return all(frequencies.get(word, 0.0) >= COMMON_ZIPF for word in key.split())


# ---- what is already shipped ------------------------------------------------------------


Towns = dict[str, list[tuple[float, float]]]


def shipped_towns() -> Towns:
    """Return the GeoNames towns shipped beside this data, by key."""
    towns: Towns = defaultdict(list)
    for row in read_rows(OUT_DIR / "geonames_gb_places_pop500.csv"):
        if row["admin1code"]:
            towns[_norm(row["name"])].append((float(row["latitude"]), float(row["longitude"])))
    return towns


def shipped_stations() -> dict[str, tuple[float, float]]:
    """Return the National Rail stations shipped beside this data, by key."""
    return {
        _norm(row["stationName"]): (float(row["lat"]), float(row["long"]))
        for row in read_rows(OUT_DIR / "uk_railway_stations.csv")
    }


def near_any(lat: float, lon: float, points: Iterable[tuple[float, float]], km: float) -> bool:
    return any(_km((lat, lon), point) <= km for point in points)


# ---- labels -----------------------------------------------------------------------------


def town_of(*localities: str) -> str:
    """Return the first locality without "City Centre" ("Manchester City Centre" → Manchester)."""
    for written in localities:
        # A few NaPTAN rows quote the name inside the field: '"Doune "'.
        locality = _CENTRE_SUFFIX.sub("", written.replace('"', "").strip()).strip()
        if locality:
            return locality
    return ""


def with_town(what: str, name: str, town: str) -> str:
    """Return "what, town" unless the name already says the town ("Norwich bus station")."""
    if not town or f" {_norm(town)} " in f" {_norm(name)} ":
        return what
    return f"{what}, {town}"


# ---- NaPTAN stations and stops ----------------------------------------------------------


def hub_entries(source: Path, frequencies: dict[str, float]) -> list[Entry]:
    """Return rail stations, tram/metro stops, bus stations, ferry terminals and airports."""
    towns = NearestTown(TOWN_POPULATION, TOWN_KM)
    entries = []
    for row in read_rows(source / "naptan_hubs.csv.gz"):
        entry = hub_entry(row, frequencies)
        if entry is None:
            continue
        if towns(entry.lat, entry.lon) is None:
            entry.rank -= VILLAGE_STOP_PENALTY
        entries.append(entry)
    return entries


def hub_entry(row: dict[str, str], frequencies: dict[str, float]) -> Entry | None:
    """Return one NaPTAN station or stop, or None for a platform or a bus stand."""
    kind = row["kind"]
    lat, lon = float(row["lat"]), float(row["lon"])
    town = town_of(row["parent_locality"], row["locality"])
    if kind == "metro_tram_station":
        return metro_entry(row, lat, lon, town)
    name = row["plain_name"].strip()
    if kind == "rail_station":
        entry = Entry(name, f"{name} station", "station", RANK[kind], lat, lon, "naptan")
        # "Manchester Oxford Road" is "Oxford Road" to the people of Manchester; but
        # "Rugeley Town" is not "Town", nor "Glasgow Central" "Central".
        for prefix in {town, row["locality"].strip()}:
            rest = name[len(prefix) + 1 :]
            starts = prefix and name.startswith(prefix + " ") and rest[:1].isupper()
            if starts and (" " in rest or not is_common(_norm(rest), frequencies)):
                entry.aliases.append(rest)
        return entry
    if "/" in name:
        return None  # "Albany Park - Hurst Road/Valentine Avenue" is a stand, not a place
    # A bus station called just "Arrival" or "Pier" is that of its town.
    if is_common(_norm(name), frequencies) and not _BUS_WORDS.search(name):
        name = f"{town} {name}" if town else name
    what = _BUS_WORDS.sub(lambda m: m.group().lower(), name).replace(" stn", " station")
    label = with_town(what, name, town)
    stop_kind = "airport" if kind == "airport" else "stop"
    return Entry(name, label, stop_kind, RANK[kind], lat, lon, "naptan")


def metro_entry(row: dict[str, str], lat: float, lon: float, town: str) -> Entry | None:
    """Return a tram, metro, Underground or heritage railway stop, or None for a platform."""
    common = row["common_name"].strip()
    name = row["plain_name"].strip()
    if _PLATFORM.search(name) or not name:
        return None
    heritage = _HERITAGE.search(common)
    if heritage:
        name = _SUFFIXES.sub("", common[: heritage.start()].strip())  # "Hythe Station (RHDR)"
        what = f"{name} station ({heritage.group(1).strip()})"
        return Entry(
            name, with_town(what, name, town), "stop", RANK["heritage"], lat, lon, "naptan"
        )
    name = _SUFFIXES.sub("", name).strip()
    kind_words = next((words for pattern, words in _NETWORKS if pattern.search(common)), None)
    if kind_words is None:
        # Supertram and NET stops carry no suffix; their NaPTAN rows say MET or TMU.
        kind_words = "tram stop" if row["atco_area"] in ("370", "330", "339") else "stop"
    label = with_town(f"{name} {kind_words}", name, town)
    return Entry(name, label, "stop", RANK["metro_tram_station"], lat, lon, "naptan")


# ---- landmarks beside stops -------------------------------------------------------------


def landmark_entries(
    source: Path, frequencies: dict[str, float]
) -> tuple[list[Entry], set[str], set[str]]:
    """Return named shopping centres, hospitals, universities and squares beside stops.

    Also return the keys of generic landmarks ("Tesco", "The Green"), named beside stops in
    many localities, which are kinds of thing rather than places; and of everyday names: those
    and the names of stops in many localities ("High Street", "Town Centre").
    """
    points: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    localities: dict[str, set[str]] = defaultdict(set)
    stop_localities: dict[str, set[str]] = defaultdict(set)
    for row in read_rows(source / "naptan_stops_active.csv.gz"):
        stop_localities[_norm(row["name"])].add(row["nptg_locality_code"])
        landmark = " ".join(row["landmark"].split())
        if not landmark or not row["lat"]:
            continue
        key = _norm(landmark)
        localities[key].add(row["nptg_locality_code"])
        if not _LANDMARK_TYPE.search(landmark) or _LANDMARK_JUNK.search(landmark):
            continue
        if _POSITIONAL.search(landmark):
            continue
        town = town_of(row["parent_locality"], row["locality"])
        points[key].append((float(row["lat"]), float(row["lon"]), town))
        names[key][landmark] += 1
    generic = {
        key for key, codes in localities.items() if len(codes) >= GENERIC_LANDMARK_LOCALITIES
    }
    everyday = generic | {
        key for key, codes in stop_localities.items() if len(codes) >= GENERIC_LANDMARK_LOCALITIES
    }
    entries = []
    for key, found in points.items():
        # "Royal Infirmary" or "Market Square" alone could be anywhere: a name must say which.
        if key in generic or is_common(key, frequencies):
            continue
        name = names[key].most_common(1)[0][0]
        for cluster in clusters(found, SAME_PLACE_KM):
            lat = sum(point[0] for point in cluster) / len(cluster)
            lon = sum(point[1] for point in cluster) / len(cluster)
            town = Counter(point[2] for point in cluster).most_common(1)[0][0]
            label = with_town(name, name, town)
            entries.append(Entry(name, label, "landmark", RANK["landmark"], lat, lon, "naptan"))
    return entries, generic, everyday


def clusters(
    points: list[tuple[float, float, str]], km: float
) -> list[list[tuple[float, float, str]]]:
    """Group points greedily: each joins the first group whose first point is within km."""
    groups: list[list[tuple[float, float, str]]] = []
    for point in points:
        for group in groups:
            if _km((point[0], point[1]), (group[0][0], group[0][1])) <= km:
                group.append(point)
                break
        else:
            groups.append([point])
    return groups


# ---- streets beside stops -------------------------------------------------------------

# What a street's name ends in ("Sauchiehall Street", "Leith Walk", "Lower Briggate"), or, in
# Welsh and Gaelic, begins with ("Heol y Gors"). A name of these words only ("The Street",
# "The Avenue") says nothing about which street it is.
THOROUGHFARES = frozenset(
    """
    road street lane avenue drive way walk crescent terrace place parade grove gardens close
    square row gate boulevard approach rise brow brae wynd vennel loan promenade esplanade
    causeway mews circus yard embankment quay wharf highway parkway broadway hill croft chase
    drove
    """.split()
)
THOROUGHFARES_FIRST = frozenset({"heol", "ffordd", "stryd", "lon", "rhodfa", "sraid"})
# Streets named in one word end in these: "Briggate", "Fargate", "Kingsway".
COMPOUND_THOROUGHFARES = ("gate", "way")
# Words that stand in for a street that has no name: "Unclassified Road", "Minor Road".
PLACEHOLDER_WORDS = frozenset(
    "unnamed unclassified unknown minor private access service slip unadopted none tba".split()
)
# How NaPTAN abbreviates the last word of a street.
STREET_ABBREVIATIONS = {
    "st": "Street",
    "rd": "Road",
    "ave": "Avenue",
    "ln": "Lane",
    "dr": "Drive",
    "sq": "Square",
    "cres": "Crescent",
    "tce": "Terrace",
    "pl": "Place",
    "gdns": "Gardens",
}
# "A692 - Front Street", "Hereford Road (A438)", "A595(T)": the road number is not its name.
_ROAD_NUMBER = re.compile(r"\(?\b[ABM]\d+[A-Z]?(?:\([MT]\))?\)?(?:\s+-\s+)?", re.IGNORECASE)
# "Off Corporation Street": a tram stop off a street is beside it.
_OFF = re.compile(r"^off\s+", re.IGNORECASE)
_NOT_BESIDE = re.compile(
    r"^(opp|opposite|outside|near|nr|adj|adjacent|jct|junction|behind)\b", re.IGNORECASE
)
_NOT_A_NAME = re.compile(r"[^A-Za-z' &-]| - |^-|-$")

# Stops of one street closer than this (along it, stop to stop) are one street; farther
# apart, two streets of one name in one town.
STREET_LINK_KM = 1.0
# A street's rank within the street range: the town's size first, then how many stops it has.
STREET_TOWN_POINTS = 40  # per tenfold population above 500, at most 150
STREET_STOP_POINTS = 8  # per doubling of stops, at most 50


def street_name(value: str, frequencies: dict[str, float]) -> str | None:
    """Return a street's name as a label spells it, or None for what is not a street's name."""
    name = _OFF.sub("", _ROAD_NUMBER.sub(" ", " ".join(value.split())).strip())
    name = name.replace(".", "").strip()
    if not name or _NOT_A_NAME.search(_fold(name)) or _NOT_BESIDE.search(name):
        return None
    words = name.split()
    if name.isupper() or name.islower():
        words = [word[:1].upper() + word[1:].lower() for word in words]
    words[-1] = STREET_ABBREVIATIONS.get(words[-1].lower(), words[-1])
    lower = [_fold(word).lower() for word in words]  # "Lôn Las" begins with "lon"
    if any(word in PLACEHOLDER_WORDS for word in lower):
        return None
    last = lower[-1]
    if last in THOROUGHFARES or lower[0] in THOROUGHFARES_FIRST:
        named = any(w not in THOROUGHFARES and w not in ("the", "a") for w in lower)
    else:
        # "Briggate" and "Lower Briggate" are streets; "Gateway" and "Highway" are words.
        named = last.endswith(COMPOUND_THOROUGHFARES) and not is_common(_norm(last), frequencies)
    return " ".join(words) if named and len(words) <= 6 else None


@dataclass
class Street:
    """One street of one town, where its stops are."""

    name: str
    town: str
    points: list[tuple[float, float]] = field(default_factory=list)
    lat: float = 0.0
    lon: float = 0.0
    rank: int = 0

    @property
    def key(self) -> str:
        return _norm(self.name)

    @property
    def stops(self) -> int:
        return len(self.points)


def street_entries(
    source: Path, frequencies: dict[str, float], populations: dict[str, int]
) -> list[Street]:
    """Return one street per name and town, from the streets NaPTAN stops stand on.

    The street a stop is on; where NaPTAN does not say, its name or landmark when that is a
    street: the Greater Manchester, London and West Yorkshire bus stops are missing from the
    extract, and of their stations and tram stops few give a street.
    """
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for row in read_rows(source / "naptan_stops_active.csv.gz"):
        if not row["lat"]:
            continue
        names = [street_name(row["street"], frequencies)]
        if names[0] is None:
            names = [street_name(row[column], frequencies) for column in ("name", "landmark")]
        town = town_of(row["grandparent_locality"], row["parent_locality"], row["locality"])
        for key, name in {_norm(name): name for name in names if name}.items():
            spellings[key][name] += 1
            points[key, town].append((float(row["lat"]), float(row["lon"])))
    by_key: dict[str, list[Street]] = defaultdict(list)
    for (key, town), found in points.items():
        name = spellings[key].most_common(1)[0][0]
        population = populations.get(_norm(town), 0)
        for group in linked(found, STREET_LINK_KM):
            street = Street(name, town, group, *middle_stop(group))
            street.rank = street_rank(street.stops, population)
            by_key[key].append(street)
    streets = []
    for found in by_key.values():
        # "Broad Street" at the Birmingham tram stops and at the buses of Centenary Square,
        # a locality of its own in NPTG, is one street: the side with more stops names it.
        kept: list[Street] = []
        for street in sorted(found, key=lambda street: -street.stops):
            point = (street.lat, street.lon)
            if not any(within(point, (other.lat, other.lon), SAME_PLACE_KM) for other in kept):
                kept.append(street)
        streets += kept
    return streets


def within(a: tuple[float, float], b: tuple[float, float], km: float) -> bool:
    """Tell whether two points are within km, quickly when they are far apart in latitude."""
    return abs(a[0] - b[0]) * 111.0 <= km and _km(a, b) <= km


def street_rank(stops: int, population: int) -> int:
    """Rank a street below suburbs: a street of a city before one of a village, then by stops."""
    town = min(150, round(STREET_TOWN_POINTS * math.log10(max(population, 500) / 500)))
    return RANK["street"] + town + min(50, round(STREET_STOP_POINTS * math.log2(stops + 1)))


def linked(points: list[tuple[float, float]], km: float) -> list[list[tuple[float, float]]]:
    """Group points joined by chains of steps of at most km: the stops along one street."""
    groups = []
    left = list(points)
    while left:
        group = [left.pop()]
        for point in group:  # the group grows as it is read
            apart = []
            for other in left:
                (group if within(point, other, km) else apart).append(other)
            left = apart
        groups.append(group)
    return groups


def middle_stop(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Return the stop nearest the median of the stops: a point on the street, in its middle."""
    lats = sorted(lat for lat, _ in points)
    lons = sorted(lon for _, lon in points)
    middle = (lats[len(lats) // 2], lons[len(lons) // 2])
    return min(points, key=lambda point: _km(point, middle))


def town_populations() -> dict[str, int]:
    """Return the population of each GeoNames town by key, English second names included."""
    populations: dict[str, int] = {}
    for row in read_rows(OUT_DIR / "geonames_gb_places_pop500.csv"):
        if not row["admin1code"]:
            continue
        population = int(row["population"] or 0)
        names = [row["name"], *filter(_looks_english, row["ascii_alternatenames"].split("|"))]
        for name in names:
            key = _norm(name)
            populations[key] = max(population, populations.get(key, 0))
    return populations


# ---- OS Open Names and NPTG -------------------------------------------------------------


def os_entries(source: Path) -> list[Entry]:
    """Return OS Open Names cities, towns, suburbs, villages and hamlets."""
    entries = []
    for row in read_rows(source / "os_open_names_populated_places.csv.gz"):
        local_type = row["local_type"]
        name, other_name = row["name1"].strip(), row["name2"].strip()
        where = row["district_borough"] or row["county_unitary"]
        kind = {"City": "place", "Town": "place", "Suburban Area": "suburb"}.get(
            local_type, "locality"
        )
        # "Y Rhath (Roath), Caerdydd - Cardiff": Welsh or Gaelic first, as OS names them.
        what = f"{name} ({other_name})" if other_name else name
        entry = Entry(
            name,
            with_town(what, what, where),
            kind,
            RANK[local_type],
            float(row["lat"]),
            float(row["lon"]),
            "osnames",
        )
        if other_name:
            entry.aliases.append(other_name)
        entries.append(entry)
    return entries


def nptg_entries(source: Path) -> list[Entry]:
    """Return NPTG localities; "Reading Town Centre" becomes a name of Reading itself."""
    nearest_town = NearestTown(min_population=5_000, max_km=30.0)
    entries = []
    for row in read_rows(source / "nptg_localities_from_stops.csv.gz"):
        name = " ".join(row["name"].split())
        if not name:
            continue
        lat, lon = float(row["lat"]), float(row["lon"])
        stops = int(row["stops"] or 0)
        # More stops, more place: a village of 30 stops is worth a hamlet of one.
        rank = RANK["locality"] + min(150, int(15 * math.log2(stops + 1)))
        parent = town_of(row["parent_locality"], row["grandparent_locality"])
        label = with_town(name, name, parent)
        if not parent:
            # "Burnards Ho" alone says nothing; "Burnards Ho, near Bude" says where.
            town = nearest_town(lat, lon)
            label = f"{name}, near {town}" if town and _norm(town) != _norm(name) else name
        entries.append(Entry(name, label, "locality", rank, lat, lon, "nptg"))
    return entries


class NearestTown:
    """Find the nearest shipped town of some size: where a locality is, whether a stop is urban."""

    def __init__(self, min_population: int, max_km: float) -> None:
        self.max_km = max_km
        towns = [
            (float(row["latitude"]), float(row["longitude"]), row["name"])
            for row in read_rows(OUT_DIR / "geonames_gb_places_pop500.csv")
            if row["admin1code"] and int(row["population"] or 0) >= min_population
        ]
        self.names = [name for _, _, name in towns]
        self.lats = numpy.radians([lat for lat, _, _ in towns])
        self.lons = numpy.radians([lon for _, lon, _ in towns])

    def __call__(self, lat: float, lon: float) -> str | None:
        lat, lon = math.radians(lat), math.radians(lon)
        h = (
            numpy.sin((self.lats - lat) / 2) ** 2
            + math.cos(lat) * numpy.cos(self.lats) * numpy.sin((self.lons - lon) / 2) ** 2
        )
        index = int(numpy.argmin(h))
        km = 2 * 6371.0 * math.asin(math.sqrt(float(h[index])))
        return self.names[index] if km <= self.max_km else None


# ---- putting it together ----------------------------------------------------------------


def merge(
    groups: list[list[Entry]],
    towns: Towns,
    stations: dict[str, tuple[float, float]],
    generic: set[str],
) -> list[Entry]:
    """Keep one entry per place: earlier groups win; towns and stations already shipped win."""
    kept: dict[str, list[Entry]] = defaultdict(list)
    town_aliases: list[Entry] = []
    for group in groups:
        for entry in group:
            key = entry.key
            if not key or (entry.source == "nptg" and key in generic):
                continue
            if entry.kind == "station" and key in stations:
                # Shipped already: the row gives its rank and its new names ("Oxford Road").
                kept[key].append(entry)
                continue
            # "Reading Town Centre" is Reading; "Abertawe" (alias Swansea) is Swansea. A stop
            # called "Rochdale Town Centre" stays a stop.
            town_name = entry.source != "naptan" and next(
                (
                    name
                    for name in (_CENTRE_SUFFIX.sub("", entry.name), *entry.aliases)
                    if _norm(name) != key
                    and near_any(entry.lat, entry.lon, towns.get(_norm(name), ()), SAME_TOWN_KM)
                ),
                None,
            )
            if town_name:
                entry.label = town_name
                town_aliases.append(entry)
                continue
            radius = SAME_TOWN_KM if entry.kind == "place" else SAME_PLACE_KM
            if near_any(entry.lat, entry.lon, towns.get(key, ()), radius):
                continue
            twin = next(
                (
                    other
                    for other in kept[key]
                    if _km((entry.lat, entry.lon), (other.lat, other.lon)) <= radius
                ),
                None,
            )
            if twin is not None and entry.source == "osnames" and twin.source == "naptan":
                # Levenshulme the suburb, just ahead of Levenshulme station: a town, suburb or
                # village is what its name means; its station is one point in it.
                entry.rank = max(entry.rank, twin.rank + 1)
            elif twin is not None:
                twin.rank = max(twin.rank, entry.rank)
                twin.aliases.extend(a for a in entry.aliases if a not in twin.aliases)
                continue
            kept[key].append(entry)
    rows = [entry for entries in kept.values() for entry in entries]
    # "Reading Town Centre" is written as a name of the town; the app finds the town by name.
    for entry in town_aliases:
        entry.kind, entry.aliases = "town_centre", []
        rows.append(entry)
    rows.sort(key=lambda entry: (-entry.rank, entry.key, entry.label))
    return rows


def new_streets(
    streets: list[Street],
    entries: list[Entry],
    towns: Towns,
    stations: dict[str, tuple[float, float]],
) -> list[Street]:
    """Return the streets no other name stands for already: Deansgate station is on Deansgate."""
    others: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for entry in entries:
        for key in (entry.key, *(_norm(alias) for alias in entry.aliases)):
            others[key].append((entry.lat, entry.lon))
    for key, point in stations.items():
        others[key].append(point)
    for key, points in towns.items():
        others[key] += points
    kept = [
        street
        for street in streets
        if not near_any(street.lat, street.lon, others.get(street.key, ()), SAME_PLACE_KM)
    ]
    return sorted(kept, key=lambda street: (street.key, -street.rank, street.town))


def circus_aliases(entries: list[Entry]) -> None:
    """Let "Piccadilly" name Piccadilly Circus: a circus is named after the street it joins."""
    for entry in entries:
        if entry.name.endswith(" Circus"):
            entry.aliases.append(entry.name[: -len(" Circus")])


def write_gzip_csv(path: Path, header: list[str], rows: Iterable[list[object]]) -> None:
    """Write a gzipped CSV with a fixed timestamp so that rebuilding changes no bytes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(buffer.getvalue().encode("utf-8"))


def shipped_words(entries: list[Entry]) -> set[str]:
    """Return every word of every name the app knows, so rare words can be told apart."""
    names = [name for entry in entries for name in (entry.name, *entry.aliases)]
    names += [row["name"] for row in read_rows(OUT_DIR / "geonames_gb_places_pop500.csv")]
    names += [row["stationName"] for row in read_rows(OUT_DIR / "uk_railway_stations.csv")]
    return {word for name in names for word in _norm(name).split()}


def main(argv: list[str] | None = None) -> None:
    """Build the shipped name and word files from the source extracts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source", type=Path, required=True, help="the folder of the NaPTAN/NPTG/OS extracts"
    )
    args = parser.parse_args(argv)

    frequencies = english_word_frequencies()
    towns = shipped_towns()
    stations = shipped_stations()
    hubs = hub_entries(args.source, frequencies)
    landmarks, generic, everyday = landmark_entries(args.source, frequencies)
    streets = street_entries(args.source, frequencies, town_populations())
    circus_aliases(hubs)
    entries = merge(
        [hubs, landmarks, os_entries(args.source), nptg_entries(args.source)],
        towns,
        stations,
        generic,
    )
    streets = new_streets(streets, entries, towns, stations)
    write_gzip_csv(
        OUT_DIR / NAMES_FILE,
        CSV_COLUMNS,
        (
            [
                e.key,
                e.label,
                e.kind,
                e.rank,
                f"{e.lat:.5f}",
                f"{e.lon:.5f}",
                "|".join(dict.fromkeys(_norm(alias) for alias in e.aliases if _norm(alias))),
                "1" if e.key in everyday else "",
                e.name,
                e.source,
            ]
            for e in entries
        ),
    )
    write_gzip_csv(
        OUT_DIR / STREETS_FILE,
        STREET_COLUMNS,
        ([s.key, s.name, s.town, f"{s.lat:.5f}", f"{s.lon:.5f}", s.rank, s.stops] for s in streets),
    )
    # Every everyday word (any message may hold one), and the less common words of names.
    in_names = shipped_words(entries) | {word for street in streets for word in street.key.split()}
    words = {
        word: zipf for word, zipf in frequencies.items() if zipf >= COMMON_ZIPF or word in in_names
    }
    write_gzip_csv(
        OUT_DIR / WORDS_FILE,
        ["word", "zipf"],
        ([word, f"{zipf:.2f}"] for word, zipf in sorted(words.items())),
    )
    counts = Counter((entry.source, entry.kind) for entry in entries)
    print(f"{len(words):,} words; {len(streets):,} streets; {len(entries):,} other names:")
    for (source, kind), count in sorted(counts.items()):
        print(f"  {source:8} {kind:12} {count:7,}")


if __name__ == "__main__":
    main()
