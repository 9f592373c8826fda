"""Resolve UK postcodes, postcode districts, stations and place names to points."""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

DATA_DIR = Path(__file__).resolve().parents[2] / "data"

# Outward code shapes: A9, A99, AA9, AA99, A9A, AA9A. Inward code is always 9AA.
_OUTWARD = r"[A-Z]{1,2}[0-9](?:[0-9]|[A-Z])?"
_FULL_RE = re.compile(rf"^({_OUTWARD})([0-9][A-Z]{{2}})$")
_OUTWARD_RE = re.compile(rf"^{_OUTWARD}$")
# Inside free text the two halves may be separated by spaces; the boundaries stop "xLS14AP".
_FULL_IN_TEXT_RE = re.compile(rf"(?<![A-Za-z0-9])({_OUTWARD})\s*([0-9][A-Z]{{2}})(?![A-Za-z0-9])")

# A word, allowing inner apostrophes ("King's") and standalone "&" so "Bat & Ball" survives.
_TOKEN_RE = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*|&")

# Fuzzy matching: ratio scores 0-100; below these a "match" is more guess than typo.
_FUZZY_CUTOFF = 85.0
_SUGGEST_CUTOFF = 70.0
_MIN_FUZZY_LEN = 4
# Requests and chat messages are short; cap work on pathological input.
_MAX_QUERY_CHARS = 200
_MAX_TEXT_CHARS = 5000
_MAX_PHRASE_TOKENS = 6

_STATION_WORDS = ("railway station", "train station", "rail station", "station")
_LOCATIVES = frozenset({"in", "near", "at", "around", "outside", "by", "from", "to", "nr"})

# Place names that are also everyday English words or first names. In free text they only
# count after a locative ("in Street") and when capitalised, so "I hope" is not Hope.
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
_NEVER_IN_TEXT = frozenset({"wales", "england", "scotland", "ireland", "britain", "uk"})


@dataclass(frozen=True)
class Place:
    """A named point the locator can search around."""

    lat: float
    lon: float
    label: str
    kind: str  # "postcode" | "district" | "place" | "station"


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
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _norm_token(token: str) -> str:
    """Normalise one word: lower case, no apostrophes, "saint" and "&" spelled one way."""
    if token == "&":
        return "and"
    word = token.lower().replace("'", "").replace("\u2019", "")
    return "st" if word == "saint" else word


def _tokens(text: str) -> Iterator[re.Match[str]]:
    """Yield word matches of the accent-folded text."""
    return _TOKEN_RE.finditer(text)


def _norm(text: str) -> str:
    """Normalise a name or query so spelling variants share one key."""
    return " ".join(_norm_token(m.group()) for m in _tokens(_fold(text)))


def _strip_station_words(key: str) -> str | None:
    """Return the key without a trailing "station" phrase, or None when it has none."""
    for word in _STATION_WORDS:
        if key.endswith(" " + word):
            return key[: -len(word) - 1]
    return None


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
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
    """Look up UK postcodes, districts, stations and places by name."""

    def __init__(
        self,
        outcodes: dict[str, tuple[float, float, str]],
        places: dict[str, Place],
        place_alternates: dict[str, Place],
        stations: dict[str, Place],
        station_aliases: dict[str, Place],
        crs_codes: dict[str, Place],
    ) -> None:
        self._outcodes = outcodes
        self._places = places
        self._place_alternates = place_alternates
        self._stations = stations
        self._station_aliases = station_aliases
        self._crs_codes = crs_codes
        self._place_keys = list(places)
        self._place_values = list(places.values())
        self._station_keys = list(stations)
        self._station_values = list(stations.values())
        self._text_phrases = self._build_text_phrases()
        self._max_phrase_tokens = min(
            _MAX_PHRASE_TOKENS, max(key.count(" ") + 1 for key in self._text_phrases)
        )

    @classmethod
    def load(cls, data_dir: Path | None = None) -> Gazetteer:
        """Read the shipped gazetteer CSV files."""
        folder = (data_dir or DATA_DIR) / "gazetteer"
        outcodes = _load_outcodes(folder)
        places, alternates = _load_places(folder)
        stations, aliases, crs = _load_stations(folder, places)
        return cls(outcodes, places, alternates, stations, aliases, crs)

    # ---- direct search -------------------------------------------------------------------

    def find(self, text: str) -> Place | None:
        """Return the best match for a search box query, or None."""
        text = text[:_MAX_QUERY_CHARS]
        postcode = self._lookup_postcode(text)
        if postcode is not None:
            return postcode
        if normalise_postcode(text) is not None and len(text.strip()) <= 8:
            # Postcode-shaped but unknown: better "not found" than a fuzzy town guess.
            return None
        key = _norm(text)
        if not key:
            return None
        station_key = _strip_station_words(key)
        if station_key:
            station = self._exact_station(station_key) or self._fuzzy(
                station_key, self._station_keys, self._station_values
            )
            if station is not None:
                return station
            key = station_key
        exact = self._exact(key)
        if exact is not None:
            return exact
        stripped = text.strip()
        if len(stripped) == 3 and stripped.isalpha() and stripped.isupper():
            crs = self._crs_codes.get(stripped)
            if crs is not None:
                return crs
        if "," in text:
            head = _norm(text.split(",", 1)[0])
            exact = self._exact(head) if head else None
            if exact is not None:
                return exact
        if len(key) < _MIN_FUZZY_LEN:
            return None
        place = self._fuzzy_scored(key, self._place_keys, self._place_values)
        station = self._fuzzy_scored(key, self._station_keys, self._station_values)
        best = max(
            (candidate for candidate in (place, station) if candidate is not None),
            key=lambda candidate: candidate[0],  # max keeps the first (place) on ties
            default=None,
        )
        return best[1] if best else None

    def suggestions(self, text: str, limit: int = 5) -> list[Place]:
        """Return up to limit likely places for a "did you mean" list."""
        text = text[:_MAX_QUERY_CHARS]
        found = self._lookup_postcode(text)
        if found is not None:
            return [found]
        key = _norm(text)
        if len(key) < 2 or limit <= 0:
            return []
        scored: list[tuple[float, int, Place]] = []
        for order, (keys, values) in enumerate(
            ((self._place_keys, self._place_values), (self._station_keys, self._station_values))
        ):
            matches = process.extract(
                key,
                keys,
                scorer=fuzz.WRatio,
                processor=None,
                score_cutoff=_SUGGEST_CUTOFF,
                limit=limit * 2,
            )
            scored.extend((score, order, values[index]) for _, score, index in matches)
        # Highest score first; places before stations on ties; list order is by population.
        scored.sort(key=lambda item: (-item[0], item[1]))
        result: list[Place] = []
        seen: set[str] = set()
        for _, _, place in scored:
            if place.label not in seen:
                seen.add(place.label)
                result.append(place)
            if len(result) == limit:
                break
        return result

    # ---- free text -----------------------------------------------------------------------

    def find_in_text(self, text: str) -> Place | None:
        """Return the most specific location mentioned inside a sentence, or None."""
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

        station = self._station_phrase_in_text(keys)
        if station is not None:
            return station

        best: tuple[int, int, Place] | None = None  # (token count, -start, place)
        for start in range(len(keys)):
            for size in range(min(self._max_phrase_tokens, len(keys) - start), 0, -1):
                if best is not None and size <= best[0]:
                    break
                phrase = " ".join(keys[start : start + size])
                place = self._text_phrases.get(phrase)
                if place is None:
                    continue
                if phrase in _COMMON_WORDS and not self._deliberate(words, keys, start):
                    continue
                best = (size, -start, place)
                break
        return best[2] if best else None

    # ---- helpers ---------------------------------------------------------------------------

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
            return Place(lat, lon, f"{normal} (centre of {district_label})", "postcode")
        return Place(lat, lon, district_label, "district")

    def _exact(self, key: str) -> Place | None:
        return (
            self._places.get(key)
            or self._place_alternates.get(key)
            or self._stations.get(key)
            or self._station_aliases.get(key)
        )

    def _exact_station(self, key: str) -> Place | None:
        return self._stations.get(key) or self._station_aliases.get(key)

    def _fuzzy_scored(
        self, key: str, keys: list[str], values: list[Place]
    ) -> tuple[float, Place] | None:
        if len(key) < _MIN_FUZZY_LEN:
            return None
        # ratio, not WRatio: WRatio rewards partial overlaps, which turns garbage into towns.
        match = process.extractOne(
            key, keys, scorer=fuzz.ratio, processor=None, score_cutoff=_FUZZY_CUTOFF
        )
        if match is None:
            return None
        return match[1], values[match[2]]

    def _fuzzy(self, key: str, keys: list[str], values: list[Place]) -> Place | None:
        scored = self._fuzzy_scored(key, keys, values)
        return scored[1] if scored else None

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

    def _station_phrase_in_text(self, keys: list[str]) -> Place | None:
        for index, key in enumerate(keys):
            if key != "station" or index == 0:
                continue
            end = index
            if keys[end - 1] in ("railway", "train", "rail"):
                end -= 1
            for size in range(min(4, end), 0, -1):
                phrase = " ".join(keys[end - size : end])
                station = self._exact_station(phrase)
                if station is not None:
                    return station
            for size in range(min(4, end), 0, -1):
                phrase = " ".join(keys[end - size : end])
                station = self._fuzzy(phrase, self._station_keys, self._station_values)
                if station is not None:
                    return station
        return None

    @staticmethod
    def _deliberate(words: list[re.Match[str]], keys: list[str], start: int) -> bool:
        """Tell whether a common-word place name is used as a place: "in Street", not "street"."""
        return start > 0 and keys[start - 1] in _LOCATIVES and words[start].group()[:1].isupper()

    def _build_text_phrases(self) -> dict[str, Place]:
        phrases: dict[str, Place] = {}
        # Single-word station names ("Leeds") are the town in free text; "Leeds station" is
        # handled separately, so only multi-word station names join the phrase table.
        for key, station in {**self._station_aliases, **self._stations}.items():
            if " " in key:
                phrases[key] = station
        # Places are added last so that a place and a station with the same name resolve to
        # the place, as find() does.
        phrases.update(self._places)
        for key in _NEVER_IN_TEXT:
            phrases.pop(key, None)
        return phrases


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


def _load_places(folder: Path) -> tuple[dict[str, Place], dict[str, Place]]:
    places: dict[str, Place] = {}
    alternates: dict[str, Place] = {}
    # Rows are sorted by population, so the first place with a name is the most populous.
    for row in _read_csv(folder / "geonames_gb_places_pop500.csv"):
        if not row["admin1code"]:
            continue  # Akrotiri and Dhekelia are in Cyprus, not the UK.
        place = Place(float(row["latitude"]), float(row["longitude"]), row["name"], "place")
        places.setdefault(_norm(row["name"]), place)
        for alternate in row["ascii_alternatenames"].split("|"):
            if alternate and _looks_english(alternate):
                alternates.setdefault(_norm(alternate), place)
    for key in places:
        alternates.pop(key, None)
    return places, alternates


def _load_stations(
    folder: Path, places: dict[str, Place]
) -> tuple[dict[str, Place], dict[str, Place], dict[str, Place]]:
    stations: dict[str, Place] = {}
    crs_codes: dict[str, Place] = {}
    alias_candidates: dict[str, list[Place]] = {}
    for row in _read_csv(folder / "uk_railway_stations.csv"):
        name = row["stationName"].strip()
        station = Place(float(row["lat"]), float(row["long"]), f"{name} station", "station")
        key = _norm(name)
        stations.setdefault(key, station)
        if row["crsCode"]:
            crs_codes[row["crsCode"].strip().upper()] = station
        # "Sutton (London)" is searched as "Sutton"; "London Kings Cross" as "Kings Cross".
        bare = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
        bare = re.sub(r"^London\s+|\s+International$", "", bare, flags=re.IGNORECASE)
        bare_key = _norm(bare)
        if bare_key and bare_key != key:
            alias_candidates.setdefault(bare_key, []).append(station)
    aliases: dict[str, Place] = {}
    for key, found in alias_candidates.items():
        if key in stations:
            continue
        if len(found) == 1:
            aliases[key] = found[0]
            continue
        # "Waterloo" is London Waterloo and Waterloo (Merseyside): the terminus is meant far
        # more often. Otherwise "Newport" is the station nearest the most populous Newport.
        london = [station for station in found if station.label.startswith("London ")]
        town = places.get(key)
        if len(london) == 1:
            aliases[key] = london[0]
        elif town is not None:
            aliases[key] = min(
                found,
                key=lambda station: (station.lat - town.lat) ** 2 + (station.lon - town.lon) ** 2,
            )
    return stations, aliases, crs_codes


@functools.cache
def default_gazetteer() -> Gazetteer:
    """Load the shipped gazetteer once per process."""
    return Gazetteer.load()
