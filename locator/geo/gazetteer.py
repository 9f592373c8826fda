"""Resolve UK postcodes, districts, towns, stations, stops, streets and localities to points."""

from __future__ import annotations

import csv
import functools
import gzip
import itertools
import math
import operator
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np
from rapidfuzz import fuzz, process

from locator.config import DATA_DIR
from locator.domain.postcode_shapes import FULL_IN_TEXT_RE as _FULL_IN_TEXT_RE
from locator.domain.postcode_shapes import OUTWARD as _OUTWARD
from locator.geo.postcodes import FILE_NAME as POSTCODES_FILE
from locator.geo.postcodes import Postcodes

# Built by scripts/build_gazetteer.py from NaPTAN, NPTG and OS Open Names.
NAMES_FILE = "places_gb_naptan_nptg_osnames.csv.gz"
STREETS_FILE = "streets_gb_naptan.csv.gz"
WORDS_FILE = "english_word_frequency_wordfreq.csv.gz"

# What "near ..." may name for a point: things a person can find on the ground.
_NEAR_KINDS = frozenset({"stop", "station", "landmark", "locality", "suburb", "place"})

_FULL_RE = re.compile(rf"^({_OUTWARD})([0-9][A-Z]{{2}})$")
_OUTWARD_RE = re.compile(rf"^{_OUTWARD}$")
_AREA_RE = re.compile(r"[A-Z]+")  # a postcode area: the outward code's leading letters
# A postcode half typed: the outward code, a space, and the sector digit ("M4 3", "M4 3A"). The
# space matters: "M43" is a district of its own, nine kilometres from M4.
_SECTOR_RE = re.compile(rf"^\s*({_OUTWARD})\s+([0-9])[A-Z]?\s*$")

# A word, allowing inner apostrophes ("King's") and standalone "&" so "Bat & Ball" survives.
_TOKEN_RE = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*|&")
# Abbreviations people type for words in names: "St Albans", "Oxford Rd", "Piccadilly Gdns".
_SPELLINGS = {
    "&": "and",
    "saint": "st",
    "rd": "road",
    "stn": "station",
    "sq": "square",
    "gdns": "gardens",
    "ave": "avenue",
    "ln": "lane",
}
# Last in a name "St" is a street ("Market St"); first, a saint ("St Albans").
_LAST_WORD_SPELLINGS = {"st": "street", "dr": "drive"}
_SENTENCE_END = re.compile(r"[.!?]")
# OS Open Names gives Welsh councils in both languages, "Abertawe - Swansea", even when the two
# are one name: "Powys - Powys" reads as Powys.
_DOUBLED_AREA = re.compile(r"(?<=, )(.+) - \1$")
_PUNCTUATION = re.compile(r"[.!?,;:()]")

# Fuzzy matching: ratio scores 0-100; below these a "match" is more guess than typo.
_FUZZY_CUTOFF = 85.0
_TEXT_FUZZY_CUTOFF = 90.0  # a sentence holds many words that are not names: be stricter
_SUGGEST_CUTOFF = 70.0
_MIN_FUZZY_LEN = 4
_MIN_TEXT_FUZZY_LEN = 6
# Requests and chat messages are short; cap work on pathological input.
_MAX_QUERY_CHARS = 200
_MAX_TEXT_CHARS = 5000
_MAX_PHRASE_TOKENS = 6
_MAX_FUZZY_TOKENS = 4

_STATION_WORDS = (
    "railway station",
    "train station",
    "rail station",
    "underground station",
    "tube station",
    "metro station",
    "tram stop",
    "station",
)
_STATION_KINDS = ("station", "stop")
_ARTICLES = frozenset({"the", "a", "an"})
_LOCATIVES = frozenset(
    {"in", "near", "at", "around", "outside", "by", "from", "to", "nr", "on"}
    | {"along", "down", "off", "past", "via", "through", "opposite", "towards"}
)
# Where someone is, not what they do: "at" and "by" also follow verbs ("shouting at keith").
_WHERE_LOCATIVES = frozenset({"in", "near", "nr", "around"})
# "the middle of euston", "top of park street": a part of a place is a place.
_PARTS = frozenset(
    {"middle", "centre", "center", "heart", "top", "bottom", "end", "edge", "corner"}
)
# An everyday phrase ending in these is a street's name when used as a place ("on wind st");
# "way", "place", "walk" or "close" end too many phrases that are not ("on my way").
_STREET_WORDS = frozenset({"street", "road", "lane", "avenue"})

# Zipf frequency (log10 of uses per billion words): "water" 5.5, "toilet" 4.3, "Ancoats" 1.6.
COMMON_ZIPF = 3.0  # once per million words or more: an everyday word
EVERYDAY_ZIPF = 3.5  # as common as "toilet" or "charge": a place only when named as one
TOWN_WORD_ZIPF = 4.5  # a town's name below this is the town after "in" ("in hull", not "reading")
RARE_ZIPF = 2.0  # below this a word is rare enough to be taken for a name

# Importance of a name's candidates, 0-1000; see scripts/build_gazetteer.py for the rest.
_TOWN_RANK_FLOOR = 700  # a GeoNames town of 500 people
_TOWN_RANK_PER_TENFOLD = 50
_STATION_RANK = 600
_ALIAS_PENALTY = 30  # "Oxford Road" for Manchester Oxford Road is a second name
# With a position known, a candidate's distance counts in units of its reach: a city is
# meant from further away than a hamlet. Reach doubles every 150 ranks, 5 km for a station.
_REACH_KM = 5.0
_REACH_DOUBLING = 150.0
# Candidates closer than this are one choice ("Piccadilly" station, tram stop and gardens).
_SAME_CHOICE_KM = 1.5
# A place named with a town ("Ancoats, in Manchester") is at most this far from its centre.
_WITHIN_TOWN_KM = 30.0
# A name many towns have ("Park Street", "High Street") is the one in the town named with it,
# or the one beside the device: at most this far from the town's centre, or from the device.
# A street named with a town is in it too.
_NAMED_TOWN_KM = 10.0
_GENERIC_WITHIN_NEAR_KM = 3.0
# A street name found in this many towns or more is a kind of street, not one street.
GENERIC_STREET_TOWNS = 8
# Streets are parsed when first asked for; this many stay parsed.
_PARSED_STREETS_KEPT = 4096

# GeoNames town names that are also everyday English words or first names. In free text they
# only count after a locative ("in Street") and when capitalised, so "I hope" is not Hope.
_COMMON_WORDS = frozenset(
    """
    arnold ash ashley banks barry bath battle beer beverley bow bowling box bradley bray bridge
    brill bugle bury california camber castle chard charing chipping church clare clifford
    cliffe clive connor cooling cove croft crook dale deal denny derry docking dollar douglas
    eagle end eye fleet flint ford forth grain grays grove hale harrow hay hill holme holt hook
    hope hose hurst keith kerry law lea lee leslie lizard logan march mark martin mere milton
    moss nelson over pant par plains pool quarter rake reading redding richmond ridge rock rode
    sale sandy send settle shaw shirley simpson stanley steep stock stone street sway toft tong
    tumble valley wales wall ware washington welling wellington wells wing wool worth
    """.split()
) | frozenset({"west end", "how wood", "new inn", "six bells", "bay horse", "mill end"})


# Nation names also name villages (Wales, near Rotherham); "I'm in Wales" is never the village.
_NEVER_IN_TEXT = frozenset({"wales", "england", "scotland", "ireland", "britain", "uk"}) | (
    # National shop chains: "in Poundland" is a shop, though a hamlet in Ayrshire shares
    # the name. Safe spaces are shops, so people name them all the time.
    frozenset(
        """
        aldi argos asda boots costa currys greggs iceland lidl matalan morrisons next poundland
        primark sainsburys spoons superdrug tesco waitrose wetherspoons wilko
        """.split()
    )
)


# What a Place is: "place" is a town or city, "station" a rail station, "stop" a tram, metro,
# Underground, bus or ferry stop or station, "locality" a village, hamlet or NPTG locality,
# "street" a street of a town, at the middle of its stops.
PLACE_KINDS = (
    "postcode",
    "district",
    "place",
    "station",
    "stop",
    "airport",
    "landmark",
    "suburb",
    "locality",
    "street",
)


@dataclass(frozen=True, slots=True)
class Place:
    """A named point the locator can search around."""

    lat: float
    lon: float
    label: str
    kind: str  # one of PLACE_KINDS


class _Candidate(NamedTuple):
    """One place a name may mean, with what it takes to choose between places of one name.

    A tuple, not a Place: tens of thousands are made at every start, few are ever returned.
    """

    lat: float
    lon: float
    label: str
    kind: str
    rank: int  # importance, 0-1000: cities, towns, stations, stops, suburbs, hamlets
    town: bool = False  # a town or city: no second name of something else outranks it
    alias: bool = False  # a second name: "Oxford Road", "Hull", "Reading Town Centre"

    @property
    def place(self) -> Place:
        return Place(self.lat, self.lon, self.label, self.kind)

    @property
    def weight(self) -> int:
        return self.rank - _ALIAS_PENALTY if self.alias else self.rank


class _NameTable(Mapping[str, tuple[_Candidate, ...]]):
    """The candidates of every name, best first; a street's are read from its rows when asked.

    Streets are 80,000 rows of which a process reads a few: kept as text, they cost a third of
    the memory and none of the start-up time that candidates would.
    """

    def __init__(self, places: dict[str, tuple[_Candidate, ...]], streets: dict[str, str]):
        self._places = places
        self._streets = streets
        self._parsed: dict[str, tuple[_Candidate, ...]] = {}

    def __getitem__(self, key: str) -> tuple[_Candidate, ...]:
        rows = self._streets.get(key)
        if rows is None:
            return self._places[key]
        found = self._parsed.get(key)
        if found is None:
            if len(self._parsed) >= _PARSED_STREETS_KEPT:
                self._parsed.clear()
            streets = (_street(row) for row in csv.reader(rows.split("\n")))
            found = tuple(sorted((*self._places.get(key, ()), *streets), key=_by_weight))
            self._parsed[key] = found
        return found

    def __contains__(self, key: object) -> bool:
        return key in self._places or key in self._streets

    def __iter__(self) -> Iterator[str]:
        yield from self._places
        yield from (key for key in self._streets if key not in self._places)

    def __len__(self) -> int:
        return len(self._places) + sum(1 for key in self._streets if key not in self._places)


def _street(row: list[str]) -> _Candidate:
    """Return the candidate of one row of the streets file, its key left off."""
    name, town, lat, lon, rank = row[:5]
    label = f"{name}, {town}" if town else name
    return _Candidate(float(lat), float(lon), label, "street", int(rank))


def normalise_postcode(text: str) -> str | None:
    """Return a full postcode as "OUT IN", an outward code alone, or None."""
    compact = "".join(text.split()).upper()
    if not 2 <= len(compact) <= 7:
        return None
    full = _FULL_RE.match(compact)
    if full:
        return f"{full.group(1)} {full.group(2)}"
    if _OUTWARD_RE.match(compact):
        return compact
    return None


def _fold(text: str) -> str:
    """Strip accents so "Bo'ness" and "Bo\u2019ness" and accented input compare equal."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _norm_token(token: str) -> str:
    """Normalise one word: lower case, no apostrophes, abbreviations spelled one way."""
    word = token.lower().replace("'", "").replace("\u2019", "")
    return _SPELLINGS.get(word, word)


def _tokens(text: str) -> Iterator[re.Match[str]]:
    """Yield word matches of the accent-folded text."""
    return _TOKEN_RE.finditer(text)


def _name_key(keys: list[str]) -> str:
    """Join normalised words into the key of a name."""
    if len(keys) > 1 and keys[-1] in _LAST_WORD_SPELLINGS:
        keys = [*keys[:-1], _LAST_WORD_SPELLINGS[keys[-1]]]
    return " ".join(keys)


def _norm(text: str) -> str:
    """Normalise a name or query so spelling variants share one key."""
    return _name_key([_norm_token(m.group()) for m in _tokens(_fold(text))])


def name_key(text: str) -> str:
    """Return the key a name is filed under: "Market St" and "market street" share one."""
    return _norm(text)


def postcodes_in_text(text: str) -> list[str]:
    """Return the full postcodes written in a sentence, as "OUT IN", in order."""
    upper = _fold(text[:_MAX_TEXT_CHARS]).upper()
    return [f"{m.group(1)} {m.group(2)}" for m in _FULL_IN_TEXT_RE.finditer(upper)]


def _strip_station_words(key: str) -> str | None:
    """Return the key without a trailing "station" phrase, or None when it has none."""
    for word in _STATION_WORDS:
        if key.endswith(" " + word):
            return _name_key(key[: -len(word) - 1].split())
    return None


def km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Return the great-circle distance in km between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _read_csv(path: Path) -> list[dict[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _looks_english(alternate: str) -> bool:
    """Accept Title-case ASCII alternates; codes (LON) and transliterations (ilantan) are noise."""
    return (
        alternate[:1].isupper()
        and not alternate.isupper()
        and alternate.isascii()
        and all(ch.isalpha() or ch in " -'." for ch in alternate)
    )


class Gazetteer:
    """Look up UK postcodes, districts, towns, stations, stops, streets and localities by name."""

    def __init__(
        self,
        outcodes: dict[str, tuple[float, float, str]],
        names: dict[str, list[_Candidate]],
        crs_codes: dict[str, Place],
        word_zipf: dict[str, float],
        town_keys: frozenset[str],
        everyday_keys: frozenset[str],
        streets: dict[str, str] | None = None,
        postcodes: Postcodes | None = None,
    ) -> None:
        self._outcodes = outcodes
        self._postcodes = postcodes
        self._reverse = None  # (tree, candidates) for nearest_name, built on first use
        self._reverse_lock = threading.Lock()
        # Best first: the order a name resolves to when no position is known.
        places = {
            key: tuple(sorted(found, key=_by_weight)) if len(found) > 1 else (found[0],)
            for key, found in names.items()
        }
        streets = streets or {}
        self._places = places
        self._streets = streets
        self._names = _NameTable(places, streets)
        # "High Street", "Park Street": named in many towns, they say which only with a town.
        self._generic_streets = frozenset(
            key for key, rows in streets.items() if rows.count("\n") + 1 >= GENERIC_STREET_TOWNS
        )
        self._crs_codes = crs_codes
        self._word_zipf = word_zipf
        # GeoNames towns keep their long-standing free-text rule (_COMMON_WORDS).
        self._town_keys = town_keys
        # Names that are also what every town has: "High Street", "Station Road", "The Green".
        self._everyday_keys = everyday_keys
        self._keys = list(places)
        self._street_keys = [key for key in streets if key not in places]
        self._station_names = {
            key: found
            for key, found in places.items()
            if any(c.kind in _STATION_KINDS for c in found)
        }
        self._station_keys = list(self._station_names)
        self._keys_by_initial: dict[str, list[str]] = {}
        for key in self._keys:
            self._keys_by_initial.setdefault(key[0], []).append(key)

    @classmethod
    def load(cls, data_dir: Path | None = None) -> Gazetteer:
        """Read the shipped gazetteer files."""
        folder = (data_dir or DATA_DIR) / "gazetteer"
        outcodes = _load_outcodes(folder)
        names: dict[str, list[_Candidate]] = {}
        towns = _load_places(folder, names)
        stations, crs = _load_stations(folder, names)
        everyday = _load_names(folder, names, towns, stations)
        words = _load_words(folder) if data_dir else english_words()
        streets = _load_streets(folder)
        postcodes = Postcodes(folder / POSTCODES_FILE)
        return cls(outcodes, names, crs, words, frozenset(towns), everyday, streets, postcodes)

    def knows(self, text: str) -> bool:
        """Tell whether a name is one of the shipped names exactly (no spelling guessed)."""
        return _norm(text[:_MAX_QUERY_CHARS]) in self._names

    def postcode_label(self, postcode: str) -> str:
        """Return how a full postcode ("M4 3AQ") is named: with its district's town when known."""
        hit = self._district(postcode.split(maxsplit=1)[0].upper())
        return f"{postcode}, {hit[3]}" if hit and hit[3] else postcode

    def is_unknown_postcode(self, postcode: str) -> bool:
        """Tell whether a full postcode is missing from a postcode directory that covers its area.

        The directory holds every postcode in Great Britain, so such a postcode does not exist.
        Of an area it does not cover (Northern Ireland, the Channel Islands, the Isle of Man)
        nothing can be told, and a district or sector is never unknown here.
        """
        normal = normalise_postcode(postcode)
        if normal is None or " " not in normal or self._postcodes is None:
            return False
        outcode, incode = normal.split(" ")
        area = _AREA_RE.match(outcode).group()
        return self._postcodes.position(outcode, incode) is None and self._postcodes.covers_area(
            area
        )

    # ---- reverse lookup ------------------------------------------------------------------

    def nearest_name(self, lat: float, lon: float, within_m: float = 2000) -> Place | None:
        """Return the nearest named stop, landmark, locality, suburb or place to a point."""
        tree, found = self._reverse_index()
        if not found:
            return None
        distance, at = tree.query(_flat(np.array([lat]), np.array([lon]))[0])
        return found[int(at)].place if distance * _METRES_PER_DEGREE <= within_m else None

    def _reverse_index(self):
        if self._reverse is None:
            with self._reverse_lock:
                if self._reverse is None:
                    seen, found = set(), []
                    for candidates in self._places.values():
                        for candidate in candidates:
                            key = (candidate.label, round(candidate.lat, 4))
                            if candidate.kind in _NEAR_KINDS and key not in seen:
                                seen.add(key)
                                found.append(candidate)
                    points = _flat(
                        np.array([c.lat for c in found]), np.array([c.lon for c in found])
                    )
                    # scipy costs a third of a second at import: only a reverse lookup pays it.
                    from scipy.spatial import cKDTree

                    self._reverse = (cKDTree(points) if found else None, found)
        return self._reverse

    # ---- direct search -------------------------------------------------------------------

    def find(self, text: str, near: tuple[float, float] | None = None) -> Place | None:
        """Return the best match for a search box query, or None.

        With near (a device position), a name many places share resolves to the one nearest.
        """
        choices = self._choices_for_query(text, near, limit=1)
        return choices[0] if choices else None

    def candidates(
        self, text: str, limit: int = 5, near: tuple[float, float] | None = None
    ) -> list[Place]:
        """Return the distinct places a query may mean, the likeliest first."""
        if limit <= 0:
            return []
        return self._choices_for_query(text, near, limit)

    def suggestions(self, text: str, limit: int = 5) -> list[Place]:
        """Return up to limit likely places for a "did you mean" list."""
        text = text[:_MAX_QUERY_CHARS]
        found = self._lookup_postcode(text)
        if found is not None:
            return [found]
        key = _norm(text)
        if len(key) < 2 or limit <= 0:
            return []
        # Names sharing the first letter: typos rarely change it, and it keeps this quick.
        matches = process.extract(
            key,
            self._keys_by_initial.get(key[0], []),
            scorer=fuzz.WRatio,
            processor=None,
            score_cutoff=_SUGGEST_CUTOFF,
            limit=limit * 4,
        )
        # Highest score first; among equal scores the more important name (a city, say).
        scored = sorted(
            ((score, self._names[name][0]) for name, score, _ in matches),
            key=lambda item: (-item[0], -item[1].weight),
        )
        result: list[Place] = []
        seen: set[str] = set()
        for _, candidate in scored:
            if candidate.label not in seen:
                seen.add(candidate.label)
                result.append(candidate.place)
            if len(result) == limit:
                break
        return result

    # ---- free text -----------------------------------------------------------------------

    def find_in_text(self, text: str, near: tuple[float, float] | None = None) -> Place | None:
        """Return the most specific location mentioned inside a sentence, or None.

        With near (a device position), a name many places share resolves to the one nearest.
        """
        text = _fold(text[:_MAX_TEXT_CHARS])
        upper = text.upper()
        for match in _FULL_IN_TEXT_RE.finditer(upper):
            found = self._lookup_postcode(match.group(1) + match.group(2))
            if found is not None:
                return found

        words = list(_tokens(text))
        keys = [_norm_token(word.group()) for word in words]
        district = self._district_in_text(words, keys)
        if district is not None:
            return district

        station = self._station_phrase_in_text(keys, near)
        if station is not None:
            return station

        # A name every town has ("Park Street") counts beside a town or the device's position.
        mentions = self._names_in_text(text, words, keys, anchored=near is not None)
        if near is None and any(self._is_town(key) for _, _, key in mentions):
            mentions = self._names_in_text(text, words, keys, anchored=True)
        towns = [m for m in mentions if self._is_town(m[2])]
        meant: dict[int, tuple[tuple[_Candidate, ...], bool]] = {}
        asked: dict[tuple[str, Place | None, bool], tuple[tuple[_Candidate, ...], bool]] = {}
        for _, start, key in mentions:
            town = None if near is not None else self._town_named(towns, start)
            question = (key, town, self._deliberate(words, keys, start))
            if question not in asked:  # "station road" 400 times is asked about once
                asked[question] = self._meant(key, near, town, question[2])
            if asked[question][0]:
                meant[start] = asked[question]
        mentions = [m for m in mentions if m[1] in meant]
        if not mentions:
            return None
        # The longest name wins ("London Bridge" over "London"), then a place more specific
        # than a town ("Shudehill" over "Manchester"), then the first mentioned.
        best = max(mentions, key=lambda m: (m[0], not self._is_town(m[2]), -m[1]))
        found, beside = meant[best[1]]
        town = None if near is not None else self._town_named(towns, best[1])
        if town is not None and not beside and not self._is_town(best[2]):
            # "near Piccadilly in Manchester": a town named alongside says which Piccadilly.
            place = self._ranked(found, _point(town))[0].place
            return place if _within_town(place, town) else town
        anchor = _point(town) if beside and town is not None else near
        return self._ranked(found, anchor)[0].place

    def _town_named(self, towns: list[tuple[int, int, str]], start: int) -> Place | None:
        """Return the first town a message names, other than the name at start."""
        town = next((key for _, at, key in towns if at != start), None)
        return self._ranked(self._names[town], None)[0].place if town else None

    def _meant(
        self,
        key: str,
        near: tuple[float, float] | None,
        town: Place | None,
        deliberate: bool,
    ) -> tuple[tuple[_Candidate, ...], bool]:
        """Return the candidates a name in a message can mean, and whether they are by an anchor.

        A name many towns have ("Park Street", "Church End") means the one by the device's
        position or in the town named with it. Without either, a street alone says nothing of
        which of many, and a name every town has counts only named deliberately ("at Bank").
        """
        found = self._names[key]
        if near is not None:
            # Streets are local: a Headingley Road 300 km from the device is not the one meant.
            found = tuple(
                c
                for c in found
                if c.kind != "street" or km_between(near, _point(c)) <= _WITHIN_TOWN_KM
            )
        if key not in self._everyday_keys and key not in self._generic_streets:
            return found, False
        if near is not None:
            beside = tuple(
                c for c in found if km_between(near, _point(c)) <= _GENERIC_WITHIN_NEAR_KM
            )
        elif town is not None:
            beside = tuple(
                c for c in found if km_between(_point(town), _point(c)) <= _NAMED_TOWN_KM
            )
            # "station road in norwich": Norwich's own before Brundall's, nearer its centre.
            own = tuple(c for c in beside if c.kind != "street" or _street_of(c, town))
            beside = own if any(c.kind == "street" for c in own) else beside
        else:
            beside = ()
        if beside:
            return beside, True
        a_town = any(c.town and not c.alias for c in found)  # "in Bridgend": the town
        if self._is_generic(key) and not deliberate and not a_town:
            return (), False  # "on high street": which one?
        # "on Broad Street" is no hamlet called Broad Street; "on Princes Street" may be the
        # tram stop of that name.
        a_street = any(c.kind == "street" for c in found)
        not_meant = ("street", "locality") if a_street else ("street",)
        return tuple(c for c in found if c.kind not in not_meant), False

    def _is_generic(self, key: str) -> bool:
        """Tell whether a name is one that many towns have: "High Street", "Church End"."""
        return key in self._everyday_keys or (
            key in self._generic_streets and self._only_streets(key)
        )

    # ---- helpers ---------------------------------------------------------------------------

    def _choices_for_query(  # noqa: C901, PLR0911 - the kinds of place a query may name, in order
        self, text: str, near: tuple[float, float] | None, limit: int
    ) -> list[Place]:
        """Return up to limit distinct places a search box query may mean, best first."""
        text = text[:_MAX_QUERY_CHARS]
        postcode = self._lookup_postcode(text)
        if postcode is not None:
            return [postcode]
        if normalise_postcode(text) is not None and len(text.strip()) <= 8:
            # Postcode-shaped but unknown: better "not found" than a fuzzy town guess.
            return []
        key = _norm(text)
        if not key:
            return []
        if key in self._names:
            return self._choices(self._names[key], near, limit=limit)
        station_key = _strip_station_words(key)
        if station_key:
            found = self._station_names.get(station_key) or self._fuzzy(
                station_key, self._station_keys, self._station_names
            )
            if found:
                return self._choices(found, near, stations_only=True, limit=limit)
            key = station_key
        if key in self._names:
            return self._choices(self._names[key], near, limit=limit)
        stripped = text.strip()
        if len(stripped) == 3 and stripped.isalpha() and stripped.isupper():
            crs = self._crs_codes.get(stripped)
            if crs is not None:
                return [crs]
        if "," in text:
            head, tail = (_norm(part) for part in text.split(",", 1))
            if head in self._names:
                # "Piccadilly, London": the part after the comma says which Piccadilly.
                if near is None and tail in self._names:
                    where = self._ranked(self._names[tail], None)[0].place
                    if self._is_town(tail):
                        return self._in_town(head, where, limit)
                    near = _point(where)
                return self._choices(self._names[head], near, limit=limit)
        in_town = self._name_in_town(key)
        if in_town is not None:
            return self._in_town(*in_town, limit)  # "broad st birmingham"
        found = self._fuzzy(key, self._keys, self._names)
        if not found and key.rpartition(" ")[2] in _STREET_WORDS:
            found = self._fuzzy(key, self._street_keys, self._names)
        return self._choices(found, near, limit=limit) if found else []

    def _in_town(self, key: str, town: Place, limit: int) -> list[Place]:
        """Return the places of a name in or by a town, or the town when it has none."""
        choices = self._choices(self._names[key], _point(town), limit=limit)
        return choices if choices and _within_town(choices[0], town) else [town]

    def _name_in_town(self, key: str) -> tuple[str, Place] | None:
        """Split a key into a name and the town after it, or return None."""
        words = key.split()
        for cut in range(len(words) - 1, 0, -1):
            head = _name_key(words[:cut])
            tail = words[cut + 1 :] if words[cut] == "in" else words[cut:]
            town = " ".join(tail)
            if tail and head in self._names and town in self._names and self._is_town(town):
                return head, self._ranked(self._names[town], None)[0].place
        return None

    def _ranked(
        self, found: Iterable[_Candidate], near: tuple[float, float] | None
    ) -> list[_Candidate]:
        """Order the candidates of one name: by importance, or by weighted distance to near."""
        found = list(found)
        if any(c.town and not c.alias for c in found):
            # A town is what its name means: Oxford, not Oxford Circus.
            found = [c for c in found if not c.alias]
        if near is not None:
            found.sort(key=lambda c: km_between(near, (c.lat, c.lon)) / _reach_km(c.weight))
        return found

    def _choices(
        self,
        found: Iterable[_Candidate],
        near: tuple[float, float] | None,
        stations_only: bool = False,
        limit: int = 1,
    ) -> list[Place]:
        """Return one place per distinct choice: the station, tram stop and gardens are one."""
        if stations_only:
            found = [c for c in found if c.kind in _STATION_KINDS]
        choices: list[Place] = []
        for candidate in self._ranked(found, near):
            if all(
                km_between(_point(other), _point(candidate)) > _SAME_CHOICE_KM for other in choices
            ):
                choices.append(candidate.place)
                if len(choices) == limit:
                    break  # "High Street" has 1,500 choices; a search shows five
        return choices

    def _is_town(self, key: str) -> bool:
        return any(c.town and not c.alias for c in self._places.get(key, ()))  # not streets

    def _district(self, outcode: str) -> tuple[str, float, float, str] | None:
        """Return (outcode used, lat, lon, town) for an outcode or its parent district."""
        hit = self._outcodes.get(outcode)
        if hit is not None:
            return (outcode, *hit)
        # EC1A, W1A, SW1A... are sub-districts; the older data holds their parent (EC1, W1).
        if outcode[-1].isalpha() and len(outcode) >= 3:
            parent = outcode[:-1]
            hit = self._outcodes.get(parent)
            if hit is not None:
                return (parent, *hit)
        return None

    def _lookup_postcode(self, text: str) -> Place | None:
        sector = _SECTOR_RE.match(text.upper())
        if sector is not None:
            return self._lookup_sector(sector.group(1), sector.group(2))
        normal = normalise_postcode(text)
        if normal is None:
            return None
        outcode = normal.split(" ")[0]
        hit = self._district(outcode)
        if hit is None:
            return None
        used, lat, lon, town = hit
        district_label = f"{used}, {town}" if town else used
        if " " in normal:
            exact = self._postcodes.position(*normal.split(" ")) if self._postcodes else None
            if exact is not None:
                return Place(*exact, f"{normal}, {town}" if town else normal, "postcode")
            return Place(lat, lon, f"{normal} (centre of {district_label})", "postcode")
        return Place(lat, lon, district_label, "district")

    def _lookup_sector(self, outcode: str, digit: str) -> Place | None:
        """Return the middle of a postcode sector, or its district when the sector is unknown."""
        hit = self._district(outcode)
        if hit is None:
            return None
        used, lat, lon, town = hit
        middle = self._postcodes.sector(outcode, digit) if self._postcodes else None
        if middle is None:
            return Place(lat, lon, f"{used}, {town}" if town else used, "district")
        label = f"{outcode} {digit} (postcode sector" + (f", {town})" if town else ")")
        return Place(middle[0], middle[1], label, "postcode")

    @staticmethod
    def _fuzzy(
        key: str, keys: list[str], names: dict[str, tuple[_Candidate, ...]]
    ) -> tuple[_Candidate, ...] | None:
        if len(key) < _MIN_FUZZY_LEN:
            return None
        # ratio, not WRatio: WRatio rewards partial overlaps, which turns garbage into towns.
        match = process.extractOne(
            key, keys, scorer=fuzz.ratio, processor=None, score_cutoff=_FUZZY_CUTOFF
        )
        return names[match[0]] if match else None

    def _district_in_text(self, words: list[re.Match[str]], keys: list[str]) -> Place | None:
        for index, key in enumerate(keys):
            if len(key) > 4 or not _OUTWARD_RE.match(key.upper()):
                continue
            # "on the M1" is the motorway, not Manchester's M1 district.
            if index and keys[index - 1] == "the":
                continue
            found = self._lookup_postcode(words[index].group())
            if found is not None:
                return found
        return None

    def _station_phrase_in_text(
        self, keys: list[str], near: tuple[float, float] | None
    ) -> Place | None:
        """Find "Leeds station", "Shudehill tram stop", "Oxford Rd station" in a sentence."""
        for index, key in enumerate(keys):
            if index == 0:
                continue
            end = index
            if key == "stop" and keys[index - 1] == "tram":
                end -= 1
            elif key != "station":
                continue
            if end and keys[end - 1] in ("railway", "train", "rail", "underground", "tube"):
                end -= 1
            for size in range(min(4, end), 0, -1):
                phrase = _name_key(keys[end - size : end])
                found = self._station_names.get(phrase)
                if found:
                    return self._choices(found, near, stations_only=True)[0]
            for size in range(min(4, end), 0, -1):
                phrase = _name_key(keys[end - size : end])
                found = self._fuzzy(phrase, self._station_keys, self._station_names)
                if found:
                    return self._choices(found, near, stations_only=True)[0]
        return None

    def _names_in_text(
        self, text: str, words: list[re.Match[str]], keys: list[str], anchored: bool
    ) -> list[tuple[int, int, str]]:
        """Return (words, start, key) for each name used as a place, typos after "near" too.

        anchored: a town is named or the device's position is known, so a name every town has
        ("park street") may count.
        """
        mentions: list[tuple[int, int, str]] = []
        places, streets = self._places, self._streets  # every sub-phrase is looked up
        for start in range(len(keys)):
            for size in range(min(_MAX_PHRASE_TOKENS, len(keys) - start), 0, -1):
                phrase = " ".join(keys[start : start + size])
                if size > 1 and keys[start + size - 1] in _LAST_WORD_SPELLINGS:
                    phrase = _name_key(keys[start : start + size])
                if (phrase in places or phrase in streets) and self._used_as_place(
                    phrase.split(), text, words, keys, start, start + size, anchored
                ):
                    mentions.append((size, start, phrase))
                    break
        longest = max((size for size, _, _ in mentions), default=0)
        found_at = {start for _, start, _ in mentions}
        for index, key in enumerate(keys):
            # "near Deansgate" needs no typo search; "near deansgte" does.
            if key in _LOCATIVES and index + 1 not in found_at:
                typo = self._fuzzy_after(index + 1, text, words, keys, longest, anchored)
                if typo is not None:
                    mentions.append(typo)
        return mentions

    def _fuzzy_after(
        self,
        start: int,
        text: str,
        words: list[re.Match[str]],
        keys: list[str],
        longest: int,
        anchored: bool,
    ) -> tuple[int, int, str] | None:
        """Return a misspelt name right after a locative ("near picadilly gardens"), or None."""
        best: tuple[float, int, str] | None = None
        for size in range(max(1, longest), min(_MAX_FUZZY_TOKENS, len(keys) - start) + 1):
            if size > 1 and _PUNCTUATION.search(
                text, words[start + size - 2].end(), words[start + size - 1].start()
            ):
                break  # "near shudehil, phone at 3%": a name does not run on past a comma
            tokens = keys[start : start + size]
            # Everyday words are not misspelt names; nor is a phrase with "near" inside it.
            if not any(self._zipf(token) < COMMON_ZIPF for token in tokens):
                continue
            if any(token in _LOCATIVES for token in tokens):
                break
            phrase = _name_key(tokens)
            if len(phrase) < _MIN_TEXT_FUZZY_LEN or phrase in self._names:
                continue
            # Not among streets: of 80,000 names, one is always a letter or two away.
            match = process.extractOne(
                phrase,
                self._keys_by_initial.get(phrase[0], ()),
                scorer=fuzz.ratio,
                processor=None,
                score_cutoff=_TEXT_FUZZY_CUTOFF,
            )
            if match and (best is None or match[1] > best[0]):
                best = (match[1], size, match[0])
        if best is None:
            return None
        _, size, key = best
        if not self._used_as_place(key.split(), text, words, keys, start, start + size, anchored):
            return None
        return (size, start, key)

    def _zipf(self, word: str) -> float:
        """Return how common a word is; words rarer than the shipped list count as 0."""
        return self._word_zipf.get(word, 0.0)

    def _dropped_g(self, key: str) -> bool:
        """Tell whether a one-word name is an everyday word with its "g" dropped ("killin")."""
        return key.endswith("in") and self._zipf(key + "g") >= COMMON_ZIPF

    def _used_as_place(
        self,
        name: list[str],
        text: str,
        words: list[re.Match[str]],
        keys: list[str],
        start: int,
        end: int,
        anchored: bool,
    ) -> bool:
        """Tell whether a name typed as keys[start:end] is used as a place, not everyday words.

        "I need the toilet" names no place, though hamlets are called Toilet-like things:
        a name of everyday words counts only as "in Water", capitalised after a locative.
        """
        key = " ".join(name)
        if key in _NEVER_IN_TEXT:
            return False
        deliberate = self._deliberate(words, keys, start)
        if key in self._town_keys and (key not in _COMMON_WORDS or len(name) > 1):
            if len(name) == 1 and self._dropped_g(key):
                return deliberate  # "me feet are killin me" names no Killin; "in Killin" does
            return key not in _COMMON_WORDS or deliberate  # "at Six Bells", not "six bells"
        if len(name) == 1:
            return deliberate or self._word_used_as_place(key, text, words, keys, start)
        if self._has_a_name_word(name):
            return True
        if name[0] in _ARTICLES:
            return False  # "I'm at the bank", even typed "At The Bank", is not The Bank
        # "near piccadilly gardens", or "piccadilly gardens" alone, the answer to "where are
        # you?"; "park street in bristol".
        placed = (
            _after_locative(keys, start)
            or _whole_clause(text, words, start, end)
            or self._town_follows(keys, end)
        )
        if self._is_generic(key):
            return deliberate or (anchored and placed)  # "High Street" is every town's
        if self._only_streets(key) and not (
            name[-1] in _STREET_WORDS or any(self._zipf(word) < EVERYDAY_ZIPF for word in name)
        ):
            placed = False  # "on my way" is not My Way, wherever there is one
        return placed or _written_as_name(text, words, start)

    def _word_used_as_place(
        self, key: str, text: str, words: list[re.Match[str]], keys: list[str], start: int
    ) -> bool:
        """Tell whether one word not used deliberately ("in Hanley") is still used as a place."""
        if len(key) < 4:
            return False
        zipf = self._zipf(key)
        where = start > 0 and (
            keys[start - 1] in _WHERE_LOCATIVES or _after_locative(keys, start, parts_only=True)
        )
        if where and zipf < TOWN_WORD_ZIPF and self._names[key][0].kind == "place":
            return True  # "tesco in hull"; but "in reading" is a pastime, "in Reading" a town
        if key in self._town_keys or zipf >= EVERYDAY_ZIPF:
            return False  # "hope", "street", "water", "charge": only "in Hope"
        clause = _whole_clause(text, words, start, start + 1)
        if zipf >= COMMON_ZIPF:
            return where or clause  # "near anfield"; "..., hanley"
        if zipf >= RARE_ZIPF:
            return _after_locative(keys, start) or clause  # "at euston"; "..., crookes"
        # Rarer than the word list: it may be an everyday word the list leaves out, so it
        # counts alone only after other words ("..., shudehill"), not as the whole message
        # ("carsick" is a word, and a suburb of Sheffield).
        return (
            _after_locative(keys, start)
            or _written_as_name(text, words, start)
            or (clause and start > 0)
        )

    def _only_streets(self, key: str) -> bool:
        return key in self._streets and key not in self._places

    def _town_follows(self, keys: list[str], end: int) -> bool:
        """Tell whether a town is named right after a name: "Broad St Birmingham", "in bristol"."""
        if end < len(keys) and keys[end] == "in":
            end += 1
        return any(
            " ".join(keys[end : end + size]) in self._town_keys
            and " ".join(keys[end : end + size]) not in _COMMON_WORDS
            for size in range(1, min(3, len(keys) - end) + 1)
        )

    def _has_a_name_word(self, name: list[str]) -> bool:
        """Tell whether a name holds a rare word, a town or a saint: "Norwich bus station"."""
        if name[0] == "st" or any(self._zipf(word) < COMMON_ZIPF for word in name):
            return True
        return any(
            " ".join(name[i:j]) in self._town_keys and " ".join(name[i:j]) not in _COMMON_WORDS
            for i in range(len(name))
            for j in range(i + 1, len(name) + 1)
            if j - i < len(name)
        )

    @staticmethod
    def _deliberate(words: list[re.Match[str]], keys: list[str], start: int) -> bool:
        """Tell whether a common-word place name is used as a place: "in Street", not "street"."""
        return _after_locative(keys, start) and words[start].group()[:1].isupper()


def _after_locative(keys: list[str], start: int, parts_only: bool = False) -> bool:
    """Tell whether keys[start] follows "in", "near"... or "the middle of", "the top of"."""
    if start >= 2 and keys[start - 1] == "of" and keys[start - 2] in _PARTS:
        return True
    return not parts_only and start > 0 and keys[start - 1] in _LOCATIVES


def _within_town(place: Place, town: Place) -> bool:
    """Tell whether a place is near enough a town named with it to be the town's."""
    # "on wind street in swansea" is not Ammanford's, 20 km away; Manchester Airport, 13 km
    # from the centre, is Manchester's.
    within = _NAMED_TOWN_KM if place.kind == "street" else _WITHIN_TOWN_KM
    return km_between(_point(place), _point(town)) <= within


def _street_of(street: _Candidate, town: Place) -> bool:
    """Tell whether a street's label names the town: "Station Road, Norwich"."""
    return street.label.endswith(", " + town.label)


def _whole_clause(text: str, words: list[re.Match[str]], start: int, end: int) -> bool:
    """Tell whether words[start:end] stand alone between punctuation: "piccadilly gardens, ..."."""
    opens = start == 0 or _PUNCTUATION.search(text, words[start - 1].end(), words[start].start())
    closes = end == len(words) or _PUNCTUATION.search(
        text, words[end - 1].end(), words[end].start()
    )
    return bool(opens and closes)


def _written_as_name(text: str, words: list[re.Match[str]], start: int) -> bool:
    """Tell whether a word is capitalised as a name, not as the first word of a sentence."""
    word = words[start].group()
    if not word[:1].isupper() or word.isupper():
        return False
    if start == 0:
        return False
    return not _SENTENCE_END.search(text, words[start - 1].end(), words[start].start())


def _by_weight(candidate: _Candidate) -> int:
    return -candidate.weight


_METRES_PER_DEGREE = 111_195.0


def _flat(lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Return points in degrees of latitude, longitude shrunk by the latitude's cosine.

    Within a few kilometres this is as good as a great circle, which a "near ..." needs no more.
    """
    return np.column_stack([lats, lons * np.cos(np.radians(lats))])


def _point(place: Place | _Candidate) -> tuple[float, float]:
    return (place.lat, place.lon)


def _reach_km(weight: int) -> float:
    return _REACH_KM * 2 ** ((weight - _STATION_RANK) / _REACH_DOUBLING)


def _add(names: dict[str, list[_Candidate]], key: str, candidate: _Candidate) -> None:
    if key:
        names.setdefault(key, []).append(candidate)


def _load_outcodes(folder: Path) -> dict[str, tuple[float, float, str]]:
    towns: dict[str, str] = {}
    outcodes: dict[str, tuple[float, float, str]] = {}
    for row in _read_csv(folder / "outcodes_uk_gibbs_cc0.csv"):
        outcode = row["postcode"].strip().upper()
        towns[outcode] = row["town"].strip() or row["region"].strip()
        if row["latitude"] and row["longitude"]:
            outcodes[outcode] = (float(row["latitude"]), float(row["longitude"]), towns[outcode])
    # Code-Point Open centroids are newer and more accurate, so they override the gibbs points.
    for row in _read_csv(folder / "outcode_centroids_gb_codepointopen.csv"):
        if not row["latitude"] or not row["longitude"]:
            continue
        outcode = row["outcode"].strip().upper()
        # Newer sub-districts (W1A, EC1P) share the town of their parent district (W1, EC1).
        town = towns.get(outcode) or towns.get(outcode[:-1], "")
        outcodes[outcode] = (float(row["latitude"]), float(row["longitude"]), town)
    return outcodes


def _load_places(folder: Path, names: dict[str, list[_Candidate]]) -> dict[str, list[_Candidate]]:
    """Add the GeoNames towns to names; return them by key, the most populous first."""
    towns: dict[str, list[_Candidate]] = {}
    alternates: dict[str, _Candidate] = {}
    # Rows are sorted by population, so the first place with a name is the most populous.
    for row in _read_csv(folder / "geonames_gb_places_pop500.csv"):
        if not row["admin1code"]:
            continue  # Akrotiri and Dhekelia are in Cyprus, not the UK.
        population = max(int(row["population"] or 0), 500)
        rank = _TOWN_RANK_FLOOR + round(_TOWN_RANK_PER_TENFOLD * math.log10(population / 500))
        lat, lon = float(row["latitude"]), float(row["longitude"])
        town = _Candidate(lat, lon, row["name"], "place", rank, town=True)
        _add(towns, _norm(row["name"]), town)
        for alternate in row["ascii_alternatenames"].split("|"):
            if alternate and _looks_english(alternate):
                alternates.setdefault(_norm(alternate), town._replace(town=False, alias=True))
    for key, found in towns.items():
        names.setdefault(key, []).extend(found)
    for key, alternate in alternates.items():
        if key not in towns:
            _add(names, key, alternate)
        elif (
            _shortened(key, alternate.label)
            and alternate.rank >= max(c.rank for c in towns[key]) + _TOWN_RANK_PER_TENFOLD
        ):
            # "Newcastle" is Newcastle upon Tyne, not the Newcastle of 7,000 in County Down;
            # "Stoke" is Stoke-on-Trent: a city's short name beats a town a tenth its size.
            _add(names, key, alternate._replace(town=True, alias=False))
    return towns


def _shortened(key: str, name: str) -> bool:
    """Tell whether a key is a name cut short at either end: "Newcastle", "Yarmouth"."""
    short, full = key.split(), _norm(name).split()
    return len(short) < len(full) and short in (full[: len(short)], full[-len(short) :])


def _load_stations(
    folder: Path, names: dict[str, list[_Candidate]]
) -> tuple[dict[str, _Candidate], dict[str, Place]]:
    """Add the National Rail stations to names; return them by key, and by CRS code."""
    stations: dict[str, _Candidate] = {}
    crs_codes: dict[str, Place] = {}
    alias_candidates: dict[str, list[_Candidate]] = {}
    for row in _read_csv(folder / "uk_railway_stations.csv"):
        name = row["stationName"].strip()
        lat, lon = float(row["lat"]), float(row["long"])
        station = _Candidate(lat, lon, f"{name} station", "station", _STATION_RANK)
        key = _norm(name)
        if key not in stations:
            stations[key] = station
            _add(names, key, station)
        if row["crsCode"]:
            crs_codes[row["crsCode"].strip().upper()] = station.place
        # "Sutton (London)" is searched as "Sutton"; "London Kings Cross" as "Kings Cross".
        bare = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
        bare = re.sub(r"^London\s+|\s+International$", "", bare, flags=re.IGNORECASE)
        bare_key = _norm(bare)
        if bare_key and bare_key != key:
            alias_candidates.setdefault(bare_key, []).append(station)
    for key, found in alias_candidates.items():
        if key in stations:
            continue
        # "Waterloo" is London Waterloo far more often than Waterloo (Merseyside); otherwise
        # "Newport" is the station nearest the most populous Newport. The one preferred ranks
        # higher; the others stay as choices for someone nearer them.
        london = [station for station in found if station.label.startswith("London ")]
        town = next((c for c in names.get(key, ()) if c.town), None)
        preferred = None
        if len(london) == 1:
            preferred = london[0]
        elif town is not None:
            preferred = min(found, key=lambda station: km_between(_point(town), _point(station)))
        for station in found:
            rank = _STATION_RANK + (10 if station is preferred else 0)
            _add(names, key, station._replace(rank=rank, alias=True))
    return stations, crs_codes


def _load_names(
    folder: Path,
    names: dict[str, list[_Candidate]],
    towns: dict[str, list[_Candidate]],
    stations: dict[str, _Candidate],
) -> frozenset[str]:
    """Add the NaPTAN stops and stations, landmarks, OS Open Names and NPTG localities.

    Return the keys of names that are also everyday features ("High Street").
    """
    everyday: set[str] = set()
    new_candidate = functools.partial(tuple.__new__, _Candidate)  # skips __new__'s arguments
    # csv.reader, keys normalised by the build and no helper calls: 48,000 rows at each start.
    with gzip.open(folder / NAMES_FILE, "rt", newline="", encoding="utf-8") as handle:
        rows = csv.reader(handle)
        header = next(rows)
        columns = [
            header.index(column)
            for column in ("key", "label", "kind", "rank", "lat", "lon", "alias_keys", "everyday")
        ]
        for row in rows:
            key, label, kind, rank, lat, lon, alias_keys, is_everyday = (row[i] for i in columns)
            label = _DOUBLED_AREA.sub(r"\1", label)
            if is_everyday == "1":
                everyday.add(key)
            aliases = alias_keys.split("|") if alias_keys else ()
            point = (float(lat), float(lon))
            if kind == "town_centre":
                # "Reading Town Centre" is the town, wherever the two sources put its centre.
                same_name = towns.get(_norm(label), ())
                if same_name:
                    town = min(same_name, key=lambda c: km_between(point, _point(c)))
                    names.setdefault(key, []).append(town._replace(alias=True))
                continue
            if kind == "station" and key in stations:
                # A station shipped already: NaPTAN says how much it counts (a halt in a
                # village less than a suburb of its name) and its second names ("Oxford Road").
                if km_between(point, _point(stations[key])) > _SAME_CHOICE_KM:
                    continue  # another station of the same name
                shipped = stations[key]._replace(rank=int(rank))
                found = names[key]
                found[:] = [shipped if c == stations[key] else c for c in found]
                for alias in aliases:
                    names.setdefault(alias, []).append(shipped._replace(alias=True))
                continue
            town = kind == "place"
            fields = (*point, label, kind, int(rank))
            names.setdefault(key, []).append(new_candidate((*fields, town, False)))
            for alias in aliases:
                names.setdefault(alias, []).append(new_candidate((*fields, False, True)))
    return frozenset(everyday)


def _load_streets(folder: Path) -> dict[str, str]:
    """Return the rows of the streets file by key, as text: parsed when a name is asked for."""
    with gzip.open(folder / STREETS_FILE, "rt", newline="", encoding="utf-8") as handle:
        next(handle)
        # Rows are sorted by key, and a key is one word or more, never quoted.
        rows = (line.rstrip("\n").partition(",") for line in handle)
        return {
            key: "\n".join(rest for _, _, rest in group)
            for key, group in itertools.groupby(rows, key=operator.itemgetter(0))
        }


def _load_words(folder: Path) -> dict[str, float]:
    """Return the Zipf frequency of everyday English words and of the rarer words of names."""
    with gzip.open(folder / WORDS_FILE, "rt", newline="", encoding="utf-8") as handle:
        rows = csv.reader(handle)
        next(rows)
        return {word: float(zipf) for word, zipf in rows}


@functools.cache
def english_words() -> dict[str, float]:
    """Return the shipped English word list with each word's Zipf frequency, loaded once.

    The default gazetteer and the chat's spelling repairs share this one copy.
    """
    return _load_words(DATA_DIR / "gazetteer")


@functools.cache
def default_gazetteer() -> Gazetteer:
    """Load the shipped gazetteer once per process."""
    return Gazetteer.load()
