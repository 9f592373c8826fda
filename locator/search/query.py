"""A search as asked: parameters checked and turned into a query, and the query said in words."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from locator import presenting
from locator.domain.errors import InvalidParameter
from locator.domain.language import gettext
from locator.domain.vocabulary import FACILITIES, facility_label
from locator.geo import names
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
        raise InvalidParameter(
            gettext("%(name)s must be a number, not %(value)s.", name=name, value=repr(raw[:40])),
            name,
        ) from None
    if not math.isfinite(value) or not low <= value <= high:
        raise InvalidParameter(
            gettext(
                "%(name)s must be between %(low)s and %(high)s.",
                name=name,
                low=f"{low:g}",
                high=f"{high:g}",
            ),
            name,
        )
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
    raise InvalidParameter(gettext("%(name)s must be true or false.", name=name), name)


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
            gettext(
                "at must be an ISO 8601 time such as 2026-12-24T22:30 or 2026-12-24T22:30:00Z."
            ),
            "at",
        ) from None
    if not 2000 <= value.year <= 2100:
        raise InvalidParameter(gettext("at must be a time between the years 2000 and 2100."), "at")
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
                gettext(
                    "Unknown facility %(name)s; use any of %(codes)s.",
                    name=repr(item.strip()[:40]),
                    codes=", ".join(FACILITIES),
                ),
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
    message = gettext("bbox must be four numbers: minlon,minlat,maxlon,maxlat.")
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
            gettext(
                "bbox must have minlon < maxlon and minlat < maxlat, within -180..180 and -90..90."
            ),
            "bbox",
        )
    return values


def parse_near(raw: str | None) -> tuple[float, float] | None:
    """Read near=lat,lon: the device's position, to order the places a name may mean."""
    if raw is None or raw.strip() == "":
        return None
    message = gettext("near must be two numbers: lat,lon.")
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
        raise InvalidParameter(gettext("Give lat and lon together."), missing)
    q = params.get("q")
    q = " ".join(q.split()) if q else None
    if q and len(q) > MAX_QUERY_LENGTH:
        raise InvalidParameter(
            gettext("q must be at most %(count)s characters.", count=MAX_QUERY_LENGTH), "q"
        )
    if q and lat is not None:
        raise InvalidParameter(gettext("Give either lat and lon or q, not both."), "q")
    near = parse_near(params.get("near"))
    radius = _number(params, "radius_km", 0, MAX_RADIUS_KM)
    if radius is not None and radius <= 0:
        raise InvalidParameter(gettext("radius_km must be more than 0."), "radius_km")
    raw_limit = params.get("limit")
    limit = DEFAULT_LIMIT
    if raw_limit is not None and raw_limit.strip() != "":
        try:
            limit = int(raw_limit)
        except ValueError:
            raise InvalidParameter(gettext("limit must be a whole number."), "limit") from None
        if not 1 <= limit <= MAX_LIMIT:
            raise InvalidParameter(
                gettext("limit must be between 1 and %(most)s.", most=MAX_LIMIT), "limit"
            )
    area = params.get("area")
    area = area.strip().lower() if area and area.strip() else None
    if area is not None and areas.by_slug(area) is None:
        raise InvalidParameter(gettext("Unknown area %(area)s.", area=repr(area[:60])), "area")
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
            gettext(
                "Say where to search: give lat and lon, q (a postcode or place), bbox or area."
            ),
            "q",
        )
    return query


def describe_when(query: SpaceQuery) -> str:
    """Say 'open now' or 'open at Fri 27 Nov 22:30' for a query's time."""
    if _is_recent(query.at):
        return gettext("open now")
    when = f"{presenting.short_date(query.at.date())} {query.at:%H:%M}"
    return gettext("open at %(when)s", when=when)


def with_facilities(codes: tuple[str, ...], conjunction: bool = True) -> str:
    """Say 'with toilet and seating' (or 'with toilet, seating' without `conjunction`)."""
    labels = [(facility_label(code) or code).lower() for code in codes]
    if len(labels) > 1 and conjunction:
        joined = gettext("%(items)s and %(last)s", items=", ".join(labels[:-1]), last=labels[-1])
    else:
        joined = ", ".join(labels)
    return gettext("with %(facilities)s", facilities=joined)


def spaces_details(query: SpaceQuery, area_name: str | None = None) -> str:
    """Say what the spaces found are, after the noun: ' open now with toilet, seating'.

    Each detail comes with its leading space; nothing to say is "".
    """
    details = [describe_when(query)] if query.open_now else []
    if query.facilities:
        details.append(with_facilities(query.facilities, conjunction=False))
    if area_name:
        details.append(gettext("in %(area)s", area=area_name))
    return "".join(" " + words for words in details)


def within_words(radius_km: float, location: Location | None) -> str:
    """Say 'within 5 km of M1' (of the map area without a location, of yours from a device)."""
    km = f"{radius_km:g}"
    if location is None:
        return gettext("within %(km)s km of the map area", km=km)
    if location.source == "device":
        return gettext("within %(km)s km of your location", km=km)
    # Welsh mutates a Welsh place name after "i": "o fewn 5 km i Gaerdydd".
    place = names.softly(location.label, location.lat, location.lon)
    return gettext("within %(km)s km of %(place)s", km=km, place=place)


def describe(query: SpaceQuery, location: Location | None) -> str:
    """Say in words what a query asks for, e.g. 'open now, with Toilet, within 5 km of M1'."""
    parts = []
    if query.open_now:
        parts.append(describe_when(query))
    if query.facilities:
        parts.append(with_facilities(query.facilities))
    if location is not None:
        parts.append(within_words(query.radius_km, location))
    if query.bbox is not None:
        parts.append(gettext("inside the map area"))
    if query.area is not None:
        parts.append(gettext("in area %(area)s", area=query.area))
    if not parts:
        return gettext("Safe spaces")
    return gettext("Safe spaces %(filters)s", filters=", ".join(parts))


def _is_recent(at: datetime) -> bool:
    return abs((hours.local_time() - at).total_seconds()) < 120
