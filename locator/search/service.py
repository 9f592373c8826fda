"""Use cases over the store, gazetteer and areas: search, one space, import, referral contacts."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cached_property

import orjson

from locator import presenting
from locator.adapters.db.premises import SHOWN_FIELDS
from locator.adapters.db.store import Store
from locator.domain import clock, language
from locator.domain.errors import SpaceNotFound, UnknownPlace
from locator.domain.language import gettext
from locator.domain.vocabulary import facility_mask
from locator.geo import names
from locator.geo.areas import Areas
from locator.geo.gazetteer import Gazetteer, Place
from locator.geo.layered import LayeredGazetteer
from locator.search.features import (
    arrival_deadline,
    bank_holiday_somewhere,
    moment_of,
    safe_schedule,
    shown_space,
    space_feature,
)
from locator.search.index import Hit, IndexFilter, IndexHolder, SpaceIndex
from locator.search.query import (
    MAX_LIMIT,
    MAX_RADIUS_KM,
    Alternative,
    Location,
    SpaceQuery,
    describe,
)

# An open-now search fetches limit × factor + spare places, to make up for those that close on
# the way (bench/bench_search.py measures the cost).
ARRIVAL_FETCH_FACTOR = 2
ARRIVAL_SPARE = 10
# A name several places share ("Victoria") is answered with the likeliest and up to this many
# others, to choose from.
MAX_ALTERNATIVES = 4
# Where a Welsh visitor's shared place name is resolved nearest to (near Llanidloes).
WALES_MIDDLE = (52.41, -3.6)


@dataclass
class SearchResult:
    """Public spaces found for a query, in order, as GeoJSON features."""

    query: SpaceQuery
    encoded: list[bytes]  # each Feature as JSON, in order: what the API sends as it is
    location: Location | None
    description: str

    @cached_property
    def features(self) -> list[dict]:
        """Return the Features as dicts (for pages and the chat; the API sends `encoded`)."""
        return [orjson.loads(feature) for feature in self.encoded]

    def only(self, keep: Callable[[dict], bool], limit: int | None = None) -> SearchResult:
        """Return the result with only the Features `keep` accepts, at most `limit` of them."""
        chosen = [i for i, feature in enumerate(self.features) if keep(feature)][:limit]
        return replace(self, encoded=[self.encoded[i] for i in chosen])

    def _members(self) -> dict:
        """Return the collection's members besides its Features."""
        members: dict = {"description": self.description}
        if self.location is not None:
            members["location"] = {
                "lat": self.location.lat,
                "lon": self.location.lon,
                "label": self.location.label,
                "source": self.location.source,
            }
            if self.location.alternatives:
                members["location"]["alternatives"] = [
                    {"label": other.label, "lat": other.lat, "lon": other.lon, "kind": other.kind}
                    for other in self.location.alternatives
                ]
        return members

    def as_json(self) -> bytes:
        """Return the FeatureCollection as JSON, joining the Features' JSON as it stands."""
        return b"".join(
            (
                b'{"type":"FeatureCollection","features":[',
                b",".join(self.encoded),
                b"],",
                orjson.dumps(self._members())[1:],
            )
        )


# -- parsing ----------------------------------------------------------------------------


# -- describing -------------------------------------------------------------------------


# -- the service ------------------------------------------------------------------------


# Public premises are read into the index this many at a time.
INDEX_BATCH = 5000


def build_index(store: Store, version: int) -> SpaceIndex:
    """Build the index of the public premises in the store, with what each result shows."""
    # Each distinct (hours, nation) is parsed once, for the index and the results alike.
    schedule_for = functools.cache(safe_schedule)
    located, shown = [], {}
    for batch in store.premises.public_in_batches(INDEX_BATCH, SHOWN_FIELDS):
        for row in batch:
            located.append(
                (
                    row.id,
                    row.lat,
                    row.lon,
                    row.facilities,
                    row.opening_hours,
                    row.nation,
                    row.area_code,
                    row.closed_until,
                    row.closed_from,
                )
            )
            shown[row.id] = shown_space(row, schedule_for(row.opening_hours, row.nation))
    return SpaceIndex.from_rows(located, schedule_for=schedule_for, version=version, shown=shown)


class Locator:
    """The application's use cases over one store, gazetteer and set of areas."""

    def __init__(
        self,
        store: Store,
        gazetteer: Gazetteer | Callable[[], Gazetteer],
        areas: Areas,
        index_check_seconds: float = 1.0,
    ):
        self.store = store
        # Places operators loaded come first; the shipped gazetteer (or the function that
        # reads it) is read on first use, so work that asks for no place never waits for it.
        self.gazetteer = LayeredGazetteer(gazetteer, store.places)
        self.areas = areas
        self.index = IndexHolder(store, build_index, check_every=index_check_seconds)

    # searching

    def locate(self, query: SpaceQuery) -> Location | None:
        """Return the point a query is centred on, resolving q through the gazetteer."""
        if query.lat is not None:
            return Location(query.lat, query.lon, gettext("your location"), "device")
        if not query.q:
            return None
        choices = self.gazetteer.candidates(
            query.q, limit=MAX_ALTERNATIVES + 1, near=_near_for(query)
        )
        if not choices:
            suggestions = self.gazetteer.suggestions(query.q, limit=3)
            raise UnknownPlace(
                gettext(
                    "We could not find %(place)s: try a postcode such as M1 1AE, a town or a "
                    "station.",
                    place=repr(query.q[:60]),
                ),
                "q",
                tuple(p.label for p in suggestions),
            )
        if choices[0].kind in ("postcode", "district"):
            return _location_from_place(choices[0])
        place, *others = self._told_apart(choices)
        return replace(
            _location_from_place(place),
            alternatives=tuple(
                Alternative(p.lat, p.lon, names.shown(p.label, p.lat, p.lon), p.kind)
                for p in others
            ),
        )

    def _told_apart(self, places: list[Place]) -> list[Place]:
        """Add its council area to a label others share: "Newport, Isle of Wight"."""
        labels = [place.label for place in places]
        return [
            self._with_area(place) if labels.count(place.label) > 1 else place for place in places
        ]

    def _with_area(self, place: Place) -> Place:
        area = self.areas.locate(place.lat, place.lon)
        if area is None:
            return place
        # Newport's own council is Newport: its nation says which one.
        where = area.nation.replace("_", " ").title() if area.name == place.label else area.name
        return replace(place, label=f"{place.label}, {where}")

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
        # One index for the whole search, even if a newer one is built meanwhile.
        index = self.index.current()
        hits = self._hits(index, query, where, point, area, query.limit)
        if arrival_order:
            # Places that close before you could walk there go below those that stay open.
            # When every one of the nearest is still open on arrival, they are the answer;
            # otherwise fetch more, as the nearest that stay open may be further out.
            hits, late = self._arrival_first(index, hits, query.at)
            if late and len(hits) == query.limit:
                limit = min(MAX_LIMIT, query.limit * ARRIVAL_FETCH_FACTOR + ARRIVAL_SPARE)
                more = self._hits(index, query, where, point, area, limit)
                hits, _late = self._arrival_first(index, more, query.at)
            # Chosen from the index alone, so only the places shown are described.
            hits = hits[: query.limit]
        found = self._found(index, hits, query.at, url_for_space, with_distance=point is not None)
        if arrival_order:
            found.sort(key=lambda pair: not pair[0]["open_on_arrival"])
        if with_unconfirmed and query.open_now and bank_holiday_somewhere(query.at):
            usual = replace(where, usual=True)
            shown = {hit.id for hit in hits}
            extra = self._hits(index, query, usual, point, area, query.limit)
            more = self._found(
                index,
                [hit for hit in extra if hit.id not in shown],
                query.at,
                url_for_space,
                with_distance=point is not None,
            )
            found += [pair for pair in more if pair[0]["hours_unconfirmed"]]
        return SearchResult(
            query, [encoded for _, encoded in found], location, describe(query, location)
        )

    def _arrival_first(
        self, index: SpaceIndex, hits: list[Hit], at: datetime
    ) -> tuple[list[Hit], int]:
        """Return open hits, those still open when someone walking there arrives first.

        Also return how many would close before someone arrives.
        """
        if not hits:
            return hits, 0
        until = index.open_until([hit.id for hit in hits], at)
        moment = at.timestamp()
        # Open past the farthest hit's arrival is open on arrival at any of them: most places
        # are, so only those closing sooner have their own walk worked out.
        farthest = max(hit.distance_m for hit in hits)
        everyone_there = arrival_deadline(moment, presenting.walking_minutes(farthest))
        late = [
            closes < everyone_there
            and closes < arrival_deadline(moment, presenting.walking_minutes(hit.distance_m))
            for hit, closes in zip(hits, until, strict=True)
        ]
        if not any(late):
            return hits, 0
        order = sorted(range(len(hits)), key=late.__getitem__)  # stable: nearest first
        return [hits[i] for i in order], sum(late)

    def _hits(self, index: SpaceIndex, query, where, point, area, limit) -> list[Hit]:
        """Return the index's hits for a query's place: a box, a point or an area."""
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
            raise SpaceNotFound(
                gettext("There is no public safe space with id %(id)s.", id=space_id)
            )
        return space_feature(row, at, url_for_space(space_id))

    def _found(
        self, index: SpaceIndex, hits: list[Hit], at: datetime, url_for_space, with_distance: bool
    ) -> list[tuple[dict, bytes]]:
        """Return each hit's state and whole Feature as JSON, from the index alone (no SQL)."""
        today, moment = clock.today(), moment_of(at)
        found = []
        statuses = index.statuses([hit.id for hit in hits], at)
        for hit, status in zip(hits, statuses, strict=True):
            space = index.shown.get(hit.id)
            if space is None:
                continue  # an index built without what results show (a test's); never guess
            distance = hit.distance_m if with_distance else None
            state = space.state(moment, today, distance, status)
            found.append((state, space.feature_json(url_for_space(hit.id), state)))
        # Listings nobody has confirmed for a year sink below the others, nearest first within
        # each group: they may be out of date.
        found.sort(key=lambda pair: pair[0]["stale"])
        return found

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
    return Location(
        place.lat, place.lon, names.shown(place.label, place.lat, place.lon), place.kind
    )


def _near_for(query: SpaceQuery) -> tuple[float, float] | None:
    """Return the point a shared name ("Bangor", "Newport") is resolved nearest to.

    The device's position when it was sent; in Welsh, the middle of Wales, where a Welsh
    speaker asking for Bangor most likely means Bangor in Gwynedd.
    """
    if query.near is not None:
        return query.near
    return WALES_MIDDLE if language.current() == language.WELSH else None
