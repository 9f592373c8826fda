"""A search as asked: parameters checked and turned into a query, and the query said in words."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from locator.domain.errors import InvalidParameter
from locator.domain.vocabulary import FACILITIES
from locator.geo.areas import Areas
from locator.hours import schedule as hours

DEFAULT_RADIUS_KM = 5.0


MAX_RADIUS_KM = 50.0


DEFAULT_LIMIT = 20


MAX_LIMIT = 200


MAX_QUERY_LENGTH = 200


TRUE_WORDS = {"true", "1", "yes", "on"}


FALSE_WORDS = {"false", "0", "no", "off"}


@dataclass(frozen=True)
class SpaceQuery:
    """A search for safe spaces, already validated."""

    at: datetime
    lat: float | None = None
    lon: float | None = None
    q: str | None = None
    radius_km: float = DEFAULT_RADIUS_KM
    open_now: bool = False
    facilities: tuple[str, ...] = ()
    bbox: tuple[float, float, float, float] | None = None
    area: str | None = None
    limit: int = DEFAULT_LIMIT
    # Where the device is, when a search by name has one: it orders the places of one name
    # ("Victoria"), nearest first. Used for that alone, and kept nowhere.
    near: tuple[float, float] | None = None


@dataclass(frozen=True)
class Alternative:
    """Another place a searched name may mean."""

    lat: float
    lon: float
    label: str
    kind: str


@dataclass(frozen=True)
class Location:
    """Where a search is centred, and how we know."""

    lat: float
    lon: float
    label: str
    source: str  # device | postcode | district | place | station
    # The other places of the same name, likeliest (or nearest the device) first.
    alternatives: tuple[Alternative, ...] = ()


def _number(params: Mapping[str, str], name: str, low: float, high: float) -> float | None:
    raw = params.get(name)
    if raw is None or raw.strip() == "":
        return None
    try:
        value = float(raw)
    except ValueError:
        raise InvalidParameter(f"{name} must be a number, not {raw[:40]!r}.", name) from None
    if not math.isfinite(value) or not low <= value <= high:
        raise InvalidParameter(f"{name} must be between {low:g} and {high:g}.", name)
    return value


def parse_bool(raw: str | None, name: str, default: bool) -> bool:
    """Read true/false (also 1/0, yes/no, on/off)."""
    if raw is None or raw.strip() == "":
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise InvalidParameter(f"{name} must be true or false.", name)


def parse_at(raw: str | None) -> datetime:
    """Read an ISO 8601 time; no offset means Europe/London; missing means now."""
    if raw is None or raw.strip() == "":
        return hours.local_time()
    text = raw.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidParameter(
            "at must be an ISO 8601 time such as 2026-12-24T22:30 or 2026-12-24T22:30:00Z.",
            "at",
        ) from None
    if not 2000 <= value.year <= 2100:
        raise InvalidParameter("at must be a time between the years 2000 and 2100.", "at")
    return hours.local_time(value)


def parse_facilities(raw: str | None) -> tuple[str, ...]:
    """Read a comma-separated list of facility codes."""
    if raw is None:
        return ()
    codes = []
    for item in raw.split(","):
        code = item.strip(" ")
        if not code:
            continue
        if code not in FACILITIES:
            raise InvalidParameter(
                f"Unknown facility {item.strip()[:40]!r}; use any of {', '.join(FACILITIES)}.",
                "facilities",
            )
        if code not in codes:
            codes.append(code)
    return tuple(code for code in FACILITIES if code in codes)


def parse_bbox(raw: str | None) -> tuple[float, float, float, float] | None:
    """Read minlon,minlat,maxlon,maxlat."""
    if raw is None or raw.strip() == "":
        return None
    parts = raw.split(",")
    message = "bbox must be four numbers: minlon,minlat,maxlon,maxlat."
    if len(parts) != 4:
        raise InvalidParameter(message, "bbox")
    try:
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in parts)
    except ValueError:
        raise InvalidParameter(message, "bbox") from None
    values = (min_lon, min_lat, max_lon, max_lat)
    if not all(math.isfinite(v) for v in values):
        raise InvalidParameter(message, "bbox")
    if not (-180 <= min_lon < max_lon <= 180 and -90 <= min_lat < max_lat <= 90):
        raise InvalidParameter(
            "bbox must have minlon < maxlon and minlat < maxlat, within -180..180 and -90..90.",
            "bbox",
        )
    return values


def parse_near(raw: str | None) -> tuple[float, float] | None:
    """Read near=lat,lon: the device's position, to order the places a name may mean."""
    if raw is None or raw.strip() == "":
        return None
    message = "near must be two numbers: lat,lon."
    parts = raw.split(",")
    if len(parts) != 2:
        raise InvalidParameter(message, "near")
    lat = _number({"near": parts[0]}, "near", -90, 90)
    lon = _number({"near": parts[1]}, "near", -180, 180)
    if lat is None or lon is None:
        raise InvalidParameter(message, "near")
    return lat, lon


def parse_space_query(
    params: Mapping[str, str], areas: Areas, *, open_now_default: bool = False
) -> SpaceQuery:
    """Turn request parameters into a SpaceQuery or raise InvalidParameter naming the field."""
    lat = _number(params, "lat", -90, 90)
    lon = _number(params, "lon", -180, 180)
    if (lat is None) != (lon is None):
        missing = "lon" if lon is None else "lat"
        raise InvalidParameter("Give lat and lon together.", missing)
    q = params.get("q")
    q = " ".join(q.split()) if q else None
    if q and len(q) > MAX_QUERY_LENGTH:
        raise InvalidParameter(f"q must be at most {MAX_QUERY_LENGTH} characters.", "q")
    if q and lat is not None:
        raise InvalidParameter("Give either lat and lon or q, not both.", "q")
    near = parse_near(params.get("near"))
    radius = _number(params, "radius_km", 0, MAX_RADIUS_KM)
    if radius is not None and radius <= 0:
        raise InvalidParameter("radius_km must be more than 0.", "radius_km")
    raw_limit = params.get("limit")
    limit = DEFAULT_LIMIT
    if raw_limit is not None and raw_limit.strip() != "":
        try:
            limit = int(raw_limit)
        except ValueError:
            raise InvalidParameter("limit must be a whole number.", "limit") from None
        if not 1 <= limit <= MAX_LIMIT:
            raise InvalidParameter(f"limit must be between 1 and {MAX_LIMIT}.", "limit")
    area = params.get("area")
    area = area.strip().lower() if area and area.strip() else None
    if area is not None and areas.by_slug(area) is None:
        raise InvalidParameter(f"Unknown area {area[:60]!r}.", "area")
    query = SpaceQuery(
        at=parse_at(params.get("at")),
        lat=lat,
        lon=lon,
        q=q or None,
        radius_km=radius if radius is not None else DEFAULT_RADIUS_KM,
        open_now=parse_bool(params.get("open_now"), "open_now", open_now_default),
        facilities=parse_facilities(params.get("facilities")),
        bbox=parse_bbox(params.get("bbox")),
        area=area,
        limit=limit,
        near=near,
    )
    if query.lat is None and not query.q and query.bbox is None and query.area is None:
        raise InvalidParameter(
            "Say where to search: give lat and lon, q (a postcode or place), bbox or area.", "q"
        )
    return query


def describe_when(query: SpaceQuery) -> str:
    """Say 'open now' or 'open at Fri 27 Nov 22:30' for a query's time."""
    return "open now" if _is_recent(query.at) else f"open at {query.at:%a %-d %b %H:%M}"


def describe(query: SpaceQuery, location: Location | None) -> str:
    """Say in words what a query asks for, e.g. 'open now, with Toilet, within 5 km of M1'."""
    parts = []
    if query.open_now:
        parts.append(describe_when(query))
    if query.facilities:
        labels = [FACILITIES[code].lower() for code in query.facilities]
        joined = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]
        parts.append(f"with {joined}")
    if location is not None:
        parts.append(f"within {query.radius_km:g} km of {location.label}")
    if query.bbox is not None:
        parts.append("inside the map area")
    if query.area is not None:
        parts.append(f"in area {query.area}")
    return "Safe spaces " + ", ".join(parts) if parts else "Safe spaces"


def _is_recent(at: datetime) -> bool:
    return abs((hours.local_time() - at).total_seconds()) < 120
