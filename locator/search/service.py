"""Use cases: search, one space, import, demo. Plain values in, plain data out."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path

from locator import presenting
from locator.adapters.db.store import Store
from locator.domain import clock, features, policy
from locator.domain.errors import InvalidParameter, SpaceNotFound, UnknownPlace
from locator.domain.premises import Premises
from locator.domain.vocabulary import FACILITIES, facility_mask
from locator.geo.areas import Areas
from locator.geo.gazetteer import Gazetteer, Place
from locator.hours import schedule as hours
from locator.importing import rows as importing
from locator.search.index import Hit, IndexFilter, SpaceIndex

DEFAULT_RADIUS_KM = 5.0
MAX_RADIUS_KM = 50.0
DEFAULT_LIMIT = 20
MAX_LIMIT = 200
MAX_QUERY_LENGTH = 200
# Minutes a place must stay open after someone walking there arrives.
ARRIVAL_MARGIN_MIN = 5
# An open-now search fetches limit × factor + spare places, to make up for those that close on
# the way (bench/bench_search.py measures the cost).
ARRIVAL_FETCH_FACTOR = 2
ARRIVAL_SPARE = 10
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


@dataclass(frozen=True)
class Location:
    """Where a search is centred, and how we know."""

    lat: float
    lon: float
    label: str
    source: str  # device | postcode | district | place | station


@dataclass
class SearchResult:
    """Public spaces found for a query, in order, as GeoJSON features."""

    query: SpaceQuery
    features: list[dict]
    location: Location | None
    description: str

    def as_geojson(self) -> dict:
        collection = {
            "type": "FeatureCollection",
            "features": self.features,
            "description": self.description,
        }
        if self.location is not None:
            collection["location"] = {
                "lat": self.location.lat,
                "lon": self.location.lon,
                "label": self.location.label,
                "source": self.location.source,
            }
        return collection


# -- parsing ----------------------------------------------------------------------------


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
        code = item.strip().lower()
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
    )
    if query.lat is None and not query.q and query.bbox is None and query.area is None:
        raise InvalidParameter(
            "Say where to search: give lat and lon, q (a postcode or place), bbox or area.", "q"
        )
    return query


# -- describing -------------------------------------------------------------------------


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


# -- the service ------------------------------------------------------------------------


@dataclass
class IndexHolder:
    """Keeps the spatial index in step with the database, across worker processes."""

    store: Store
    build: Callable[[Store, int], SpaceIndex]
    _index: SpaceIndex | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def current(self) -> SpaceIndex:
        """Return an index at least as new as the data when this call began."""
        version = self.store.data_version()
        index = self._index
        if index is not None and index.version == version:
            return index
        with self._lock:
            index = self._index
            if index is None or index.version != version:
                # Read rows after the version: a write in between only causes one more rebuild.
                index = self.build(self.store, version)
                self._index = index
        return index


def build_index(store: Store, version: int) -> SpaceIndex:
    """Build the spatial index from the public premises in the store."""
    return SpaceIndex.from_rows(
        store.premises.located(), schedule_for=safe_schedule, version=version
    )


def safe_schedule(expression: str, nation: str):
    """Return a schedule, or None when stored hours can no longer be evaluated."""
    try:
        return hours.parse_hours(expression, nation)
    except hours.HoursError:
        return None


@dataclass
class ImportResult:
    """What an import did, for the command's summary."""

    plan: importing.ImportPlan
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False


class Locator:
    """The application's use cases over one store, gazetteer and set of areas."""

    def __init__(self, store: Store, gazetteer: Gazetteer, areas: Areas):
        self.store = store
        self.gazetteer = gazetteer
        self.areas = areas
        self.index = IndexHolder(store, build_index)

    # searching

    def locate(self, query: SpaceQuery) -> Location | None:
        """Return the point a query is centred on, resolving q through the gazetteer."""
        if query.lat is not None:
            return Location(query.lat, query.lon, "your location", "device")
        if not query.q:
            return None
        place = self.gazetteer.find(query.q)
        if place is None:
            hint = ""
            suggestions = self.gazetteer.suggestions(query.q, limit=3)
            if suggestions:
                hint = " Did you mean " + " or ".join(p.label for p in suggestions) + "?"
            raise UnknownPlace(
                f"We could not find {query.q[:60]!r}: try a postcode such as M1 1AE, a town "
                f"or a station.{hint}",
                "q",
            )
        return _location_from_place(place)

    def search(
        self,
        query: SpaceQuery,
        url_for_space: Callable[[int], str],
        *,
        with_unconfirmed: bool = False,
    ) -> SearchResult:
        """Find public spaces for a query, nearest first when it has a point.

        With `with_unconfirmed`, on a bank holiday an open-now search also lists, after the
        open places, those whose ordinary hours would be open but which have not said how
        they open on bank holidays.
        """
        location = self.locate(query)
        area, where = self._filter_for(query)
        point = (location.lat, location.lon) if location else None
        arrival_order = query.open_now and point is not None
        limit = query.limit
        if arrival_order:
            # Fetch more than asked: places that close before you could walk there go below
            # those that stay open, and the nearest of those may be further out.
            limit = min(MAX_LIMIT, query.limit * ARRIVAL_FETCH_FACTOR + ARRIVAL_SPARE)
        hits = self._hits(query, where, point, area, limit)
        if arrival_order:
            # Chosen from the index alone, so only the places shown are read and described.
            hits = self._arrival_first(hits, query.at)[: query.limit]
        features = self._features(hits, query.at, url_for_space, with_distance=point is not None)
        if arrival_order:
            features.sort(key=lambda feature: not feature["properties"]["open_on_arrival"])
        if with_unconfirmed and query.open_now and bank_holiday_somewhere(query.at):
            usual = replace(where, usual=True)
            extra = self._hits(query, usual, point, area, query.limit)
            shown = {feature["id"] for feature in features}
            more = self._features(
                [hit for hit in extra if hit.id not in shown],
                query.at,
                url_for_space,
                with_distance=point is not None,
            )
            features += [f for f in more if f["properties"]["hours_unconfirmed"]]
        return SearchResult(query, features, location, describe(query, location))

    def _arrival_first(self, hits: list[Hit], at: datetime) -> list[Hit]:
        """Return open hits with those still open when someone walking there arrives first."""
        until = self.index.current().open_until([hit.id for hit in hits], at)
        late = [
            closes < arrival_deadline(at, presenting.walking_minutes(hit.distance_m)).timestamp()
            for hit, closes in zip(hits, until, strict=True)
        ]
        order = sorted(range(len(hits)), key=late.__getitem__)  # stable: nearest first
        return [hits[i] for i in order]

    def _hits(self, query, where, point, area, limit) -> list[Hit]:
        """Return the index's hits for a query's place: a box, a point or an area."""
        index = self.index.current()
        radius_m = query.radius_km * 1000
        if query.bbox is not None:
            return index.within_bbox(
                *query.bbox,
                limit=limit,
                where=where,
                order_from=point,
                radius_m=radius_m if point else None,
            )
        if point is not None:
            return index.nearest(*point, limit, where, radius_m=radius_m)
        centre = self.areas.geometry(area.code).representative_point()
        return index.nearest(centre.y, centre.x, limit, where)

    def count(self, query: SpaceQuery) -> int:
        """Return how many public spaces pass a query's filters in its area, at any distance."""
        return self.index.current().count(self._filter_for(query)[1])

    def _filter_for(self, query: SpaceQuery):
        """Return a query's district (or None) and the index filter it asks for."""
        area = self.areas.by_slug(query.area) if query.area else None
        where = IndexFilter(
            at=query.at if query.open_now else None,
            facilities=facility_mask(query.facilities),
            area_code=area.code if area else None,
        )
        return area, where

    def space(self, space_id: int, at: datetime, url_for_space: Callable[[int], str]) -> dict:
        """Return one public space as a Feature, or raise SpaceNotFound."""
        row = self.store.premises.public_one(space_id)
        if row is None:
            raise SpaceNotFound(f"There is no public safe space with id {space_id}.")
        return space_feature(row, at, url_for_space(space_id))

    def _features(self, hits: list[Hit], at, url_for_space, with_distance: bool) -> list[dict]:
        rows = self.store.premises.public([hit.id for hit in hits])
        features = []
        for hit in hits:
            row = rows.get(hit.id)
            if row is None:
                continue  # changed since the index was built; never show it
            distance = hit.distance_m if with_distance else None
            features.append(space_feature(row, at, url_for_space(hit.id), distance_m=distance))
        # Listings nobody has confirmed for a year sink below the others, nearest first within
        # each group: they may be out of date.
        features.sort(key=lambda feature: feature["properties"]["stale"])
        return features

    # importing

    def import_file(
        self,
        path: Path,
        fmt: str = "auto",
        organisation: str | None = None,
        *,
        publish: bool = False,
        dry_run: bool = False,
        demo: bool = False,
        on_progress: Callable[[int], None] | None = None,
    ) -> ImportResult:
        """Validate a file and write its good rows in one transaction (none with dry_run)."""
        fmt, raw_rows = importing.read_rows(path, fmt, organisation)
        return self.import_rows(
            fmt, raw_rows, publish=publish, dry_run=dry_run, demo=demo, on_progress=on_progress
        )

    def import_rows(
        self,
        fmt: str,
        raw_rows: list[importing.RawRow],
        *,
        publish: bool = False,
        dry_run: bool = False,
        demo: bool = False,
        on_progress: Callable[[int], None] | None = None,
    ) -> ImportResult:
        """Validate rows already read and write the good ones in one transaction."""
        plan = importing.plan_import(fmt, raw_rows, self.gazetteer, on_progress)
        return self.write_plan(plan, publish=publish, dry_run=dry_run, demo=demo)

    def write_plan(
        self,
        plan: importing.ImportPlan,
        *,
        publish: bool = False,
        dry_run: bool = False,
        demo: bool = False,
        review: bool = False,
        organisation_id: int | None = None,
    ) -> ImportResult:
        """Give validated rows their area and nation, then write them unless dry_run."""
        result = ImportResult(plan=plan, dry_run=dry_run)
        if not plan.rows:
            return result
        found = self.areas.locate_many(
            [row["lat"] for row in plan.rows], [row["lon"] for row in plan.rows]
        )
        for row, area in zip(plan.rows, found, strict=True):
            row["area_code"] = area.code if area else None
            row["nation"] = area.nation if area else self.areas.nation_at(row["lat"], row["lon"])
        if dry_run:
            return result
        summary = self.store.premises.write_rows(
            plan.rows,
            publish=publish,
            demo=demo,
            confirmed=clock.today() if demo else None,
            review=review,
            organisation_id=organisation_id,
        )
        result.inserted, result.updated, result.unchanged = (
            summary.inserted,
            summary.updated,
            summary.unchanged,
        )
        return result

    # local referral contacts

    def referral_contacts(
        self, lat: float, lon: float, topics: tuple[str, ...] | set[str], at: datetime
    ) -> list[dict]:
        """Return the contacts the point's district keeps for any of the topics, by name.

        Each says whether it answers at `at`; the point is used for the lookup and forgotten.
        """
        area = self.areas.locate(lat, lon)
        if area is None:
            return []
        contacts = self.store.referrals.serving(area.code, topics)
        return [presenting.referral_card(contact, area.nation, at) for contact in contacts]


@dataclass
class PageResults:
    """What the public pages show for a search, and what to do when nothing is open."""

    result: SearchResult
    wider: SearchResult | None = None  # nearest matches beyond the radius, when none within
    closed: list[dict] = field(default_factory=list)  # nearest not open, with when they open

    @property
    def nothing_open(self) -> bool:
        """Return True when an open-now search found nothing open within its radius."""
        query = self.result.query
        opened = any(feature["properties"]["open_now"] for feature in self.result.features)
        return query.open_now and self.result.location is not None and not opened

    @property
    def features(self) -> list[dict]:
        """Return every place the page lists, in the order it lists them."""
        wider = self.wider.features if self.wider else []
        return self.result.features + wider + self.closed


NEAREST_BEYOND = 3


def search_for_people(
    service: Locator, query: SpaceQuery, url_for_space: Callable[[int], str]
) -> PageResults:
    """Search; when nothing is open within the radius, also find what is open or opens further."""
    result = service.search(query, url_for_space, with_unconfirmed=True)
    page = PageResults(result)
    if result.location is None or (result.features and not page.nothing_open):
        return page
    shown = {feature["id"] for feature in result.features}
    if query.radius_km < MAX_RADIUS_KM:
        wider_query = replace(query, radius_km=MAX_RADIUS_KM, limit=NEAREST_BEYOND + len(shown))
        wider = service.search(wider_query, url_for_space)
        wider.features = [f for f in wider.features if f["id"] not in shown][:NEAREST_BEYOND]
        shown.update(feature["id"] for feature in wider.features)
        page.wider = wider
    if query.open_now:
        # The nearest places that are not open at least say when they open.
        closed_query = replace(
            query, radius_km=MAX_RADIUS_KM, open_now=False, limit=NEAREST_BEYOND * 3 + len(shown)
        )
        page.closed = [
            feature
            for feature in service.search(closed_query, url_for_space).features
            if feature["id"] not in shown and not feature["properties"]["open_now"]
        ][:NEAREST_BEYOND]
    return page


def _location_from_place(place: Place) -> Location:
    return Location(place.lat, place.lon, place.label, place.kind)


def is_stale(row: Premises) -> bool:
    """Return True when a listing has not been confirmed for over a year."""
    return policy.is_stale(row.last_confirmed, row.created_at, clock.today())


def bank_holiday_somewhere(at: datetime) -> bool:
    """Return True when `at` falls on a bank holiday in any UK nation."""
    day = hours.local_time(at).date()
    return any(hours.holiday_name(nation, day) for nation in hours.NATIONS)


def arrival_deadline(at: datetime, minutes: int) -> datetime:
    """Return when a place must still be open for someone leaving at `at` to use it."""
    return at + timedelta(minutes=minutes + ARRIVAL_MARGIN_MIN)


def open_on_arrival(status: hours.HoursStatus, at: datetime, minutes: int) -> bool:
    """Return True when a place stays open from `at` until someone walking there has arrived."""
    if not status.is_open:
        return False
    if status.next_change is None:
        return True
    return status.next_change.timestamp() >= arrival_deadline(at, minutes).timestamp()


def space_feature(row: Premises, at: datetime, url: str, distance_m: float | None = None) -> dict:
    """Turn a premises row into a public GeoJSON Feature with its state at `at`.

    With `distance_m` (the place was found from a location) it also says how far it is and
    whether it is still open when someone walking there arrives.
    """
    schedule = safe_schedule(row.opening_hours, row.nation)
    status = schedule.status(at) if schedule else hours.HoursStatus("unknown", None)
    status_text = presenting.status_phrase(status.state, status.next_change, at, status.next_state)
    holiday = hours.holiday_name(row.nation, hours.local_time(at).date())
    # Not saying how they open on a bank holiday, but open on an ordinary day at this time.
    unconfirmed = bool(
        holiday
        and schedule is not None
        and status.state == "unknown"
        and not schedule.sets_holidays
        and schedule.usual_status(at).is_open
    )
    if unconfirmed:
        status_text = presenting.HOLIDAY_UNCONFIRMED
    closed_until = row.closed_until
    if closed_until and hours.local_time(at).date() < closed_until:
        status = hours.HoursStatus("closed", None)
        status_text = f"Temporarily closed · reopens {closed_until:%a %-d %b}"
        unconfirmed = False
    arrival = {}
    if distance_m is not None:
        walking = presenting.walking_minutes(distance_m)
        arrives_open = open_on_arrival(status, at, walking)
        if status.is_open and not arrives_open:
            status_text = presenting.closing_before_arrival(status.next_change, at)
        arrival = {
            "distance_m": round(distance_m),
            "walking_minutes": walking,
            "distance_text": presenting.distance_phrase(distance_m),
            "open_on_arrival": arrives_open,
        }
    properties = {
        **features.data_properties(row, url),
        # The state at `at`, which the exports leave to their readers.
        "open_now": status.is_open,
        "state": status.state,
        "status_text": status_text,
        "next_change": status.next_change.isoformat() if status.next_change else None,
        "stale": is_stale(row),
        "holiday": holiday,
        "hours_unconfirmed": unconfirmed,
        **arrival,
    }
    return {
        "type": "Feature",
        "id": row.id,
        "geometry": {"type": "Point", "coordinates": [row.lon, row.lat]},
        "properties": properties,
    }
