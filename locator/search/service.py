"""Use cases over the store, gazetteer and areas: search, one space, import, referral contacts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime

from locator import presenting
from locator.adapters.db.store import Store
from locator.domain.errors import SpaceNotFound, UnknownPlace
from locator.domain.vocabulary import facility_mask
from locator.geo.areas import Areas
from locator.geo.gazetteer import Gazetteer, Place
from locator.geo.layered import LayeredGazetteer
from locator.search.features import (
    arrival_deadline,
    bank_holiday_somewhere,
    safe_schedule,
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
            if self.location.alternatives:
                collection["location"]["alternatives"] = [
                    {"label": other.label, "lat": other.lat, "lon": other.lon, "kind": other.kind}
                    for other in self.location.alternatives
                ]
        return collection


# -- parsing ----------------------------------------------------------------------------


# -- describing -------------------------------------------------------------------------


# -- the service ------------------------------------------------------------------------


def build_index(store: Store, version: int) -> SpaceIndex:
    """Build the spatial index from the public premises in the store."""
    return SpaceIndex.from_rows(
        store.premises.located(), schedule_for=safe_schedule, version=version
    )


class Locator:
    """The application's use cases over one store, gazetteer and set of areas."""

    def __init__(self, store: Store, gazetteer: Gazetteer | Callable[[], Gazetteer], areas: Areas):
        self.store = store
        # Places operators loaded come first; the shipped gazetteer (or the function that
        # reads it) is read on first use, so work that asks for no place never waits for it.
        self.gazetteer = LayeredGazetteer(gazetteer, store.places)
        self.areas = areas
        self.index = IndexHolder(store, build_index)

    # searching

    def locate(self, query: SpaceQuery) -> Location | None:
        """Return the point a query is centred on, resolving q through the gazetteer."""
        if query.lat is not None:
            return Location(query.lat, query.lon, "your location", "device")
        if not query.q:
            return None
        choices = self.gazetteer.candidates(query.q, limit=MAX_ALTERNATIVES + 1, near=query.near)
        if not choices:
            suggestions = self.gazetteer.suggestions(query.q, limit=3)
            raise UnknownPlace(
                f"We could not find {query.q[:60]!r}: try a postcode such as M1 1AE, a town "
                "or a station.",
                "q",
                tuple(p.label for p in suggestions),
            )
        if choices[0].kind in ("postcode", "district"):
            return _location_from_place(choices[0])
        place, *others = self._told_apart(choices)
        return replace(
            _location_from_place(place),
            alternatives=tuple(Alternative(p.lat, p.lon, p.label, p.kind) for p in others),
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
