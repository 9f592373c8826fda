"""In-memory spatial index of public premises: nearest-k and bbox with filters.

Points are unit vectors on the sphere in a scipy cKDTree; chord length grows with
great-circle distance, so the tree's order is the exact great-circle order.

Open-now is evaluated once per distinct (expression, nation), not per premises, and the
result is kept for the window in which no expression changes state. Within that window the
set of eligible premises for a filter (open, facilities, area) is fixed, so it is kept with its
own small tree and later queries cost what a tree over only those points costs.
"""

from __future__ import annotations

import logging
import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from time import monotonic
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from locator.domain.errors import Unavailable
from locator.domain.vocabulary import FACILITY_BITS
from locator.hours.schedule import HoursStatus

if TYPE_CHECKING:
    from scipy.spatial import cKDTree

    from locator.search.features import ShownSpace

logger = logging.getLogger(__name__)

EARTH_RADIUS_M = 6_371_008.8
# Below this many eligible points a numpy scan beats building a tree.
SCAN_LIMIT = 512
CACHED_FILTERS = 32
CACHED_WINDOWS = 4


class Hit(NamedTuple):
    """One premises found by the index."""

    id: int
    distance_m: float | None


@dataclass(frozen=True)
class IndexFilter:
    """What a premises must satisfy besides location."""

    at: datetime | None = None  # None: open or closed both count
    facilities: int = 0  # bit mask; all required
    area_code: str | None = None
    # With `at`: count as open what the ordinary week's hours say, ignoring unknown holidays.
    usual: bool = False


def to_unit_vectors(lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Return an (n, 3) array of unit vectors for degree coordinates."""
    lat = np.radians(np.asarray(lats, dtype=np.float64))
    lon = np.radians(np.asarray(lons, dtype=np.float64))
    cos_lat = np.cos(lat)
    return np.column_stack((cos_lat * np.cos(lon), cos_lat * np.sin(lon), np.sin(lat)))


def _unit_vector(lat: float, lon: float) -> tuple[float, float, float]:
    """Return the unit vector of one point (plain math: numpy costs more for a single point)."""
    lat_r, lon_r = math.radians(lat), math.radians(lon)
    cos_lat = math.cos(lat_r)
    return (cos_lat * math.cos(lon_r), cos_lat * math.sin(lon_r), math.sin(lat_r))


def chord_to_metres(chord: np.ndarray | float) -> np.ndarray | float:
    """Convert a unit-sphere chord length to a great-circle distance in metres."""
    return 2.0 * EARTH_RADIUS_M * np.arcsin(np.minimum(np.asarray(chord) / 2.0, 1.0))


def metres_to_chord(metres: float) -> float:
    """Convert a great-circle distance in metres to a unit-sphere chord length."""
    return 2.0 * math.sin(min(metres / EARTH_RADIUS_M, math.pi) / 2.0)


def haversine_m(lat1, lon1, lat2, lon2):
    """Return great-circle distances in metres (numpy broadcasting)."""
    lat1, lon1, lat2, lon2 = (
        np.radians(np.asarray(v, dtype=np.float64)) for v in (lat1, lon1, lat2, lon2)
    )
    a = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.minimum(a, 1.0)))


@dataclass
class _Window:
    # POSIX timestamps: comparing London datetimes would ignore which pass through the
    # repeated October hour each one is in.
    start: float
    end: float  # math.inf: nothing ever changes again
    open_mask: np.ndarray  # per premises
    # Per premises, when its state next changes (math.inf: never). Within a window no
    # schedule changes, so this holds for every moment of the window.
    changes_at: np.ndarray
    # Per distinct schedule, its status in this window, filled in as results need them.
    statuses: dict[int, HoursStatus] = field(default_factory=dict)


@dataclass
class _Eligible:
    positions: np.ndarray  # indices into the index arrays
    tree: cKDTree | None
    ids: list[int]  # the premises ids at those positions, as plain ints for results


class SpaceIndex:
    """Nearest and bbox queries over a fixed set of premises."""

    def __init__(  # noqa: PLR0913 (one argument per column of the premises)
        self,
        ids: Sequence[int],
        lats: Sequence[float],
        lons: Sequence[float],
        facilities: Sequence[str],
        hours: Sequence[str],
        nations: Sequence[str],
        area_codes: Sequence[str | None],
        *,
        schedule_for: Callable[[str, str], object],
        version: int = 0,
        closed_until: Sequence[date | None] | None = None,
        shown: Mapping[int, ShownSpace] | None = None,
        closed_from: Sequence[date | None] | None = None,
    ):
        self.version = version
        # By id, what a search result shows of each premises, so a search needs no SQL.
        self.shown: Mapping[int, ShownSpace] = shown or {}
        self.ids = np.asarray(ids, dtype=np.int64)
        self._id_list = self.ids.tolist()  # plain ints: results are built without numpy
        self.lats = np.asarray(lats, dtype=np.float64)
        self.lons = np.asarray(lons, dtype=np.float64)
        self.size = len(self.ids)
        self._xyz = to_unit_vectors(self.lats, self.lons)
        self._tree = _kdtree(self._xyz) if self.size else None
        self._facility_bits = _encode_facilities(facilities)
        self._area_codes, self._area_of = _encode(area_codes)
        schedule_keys, self._schedule_of = _encode(zip(hours, nations, strict=True))
        self._schedules = [schedule_for(expression, nation) for expression, nation in schedule_keys]
        # Temporary closures: closed on every London date before this ordinal (0: none).
        self._closed_before = _ordinals(closed_until, self.size)
        # A scheduled closure begins on this ordinal (0: it has begun).
        self._closed_from = _ordinals(closed_from, self.size)
        self._by_lat = np.argsort(self.lats, kind="stable")
        self._sorted_lats = self.lats[self._by_lat]
        self._lock = threading.Lock()
        self._windows: OrderedDict[tuple[bool, float], _Window] = OrderedDict()
        self._eligible: OrderedDict[tuple, _Eligible] = OrderedDict()
        self._position_of: dict[int, int] | None = None  # built on first use

    @classmethod
    def from_rows(
        cls,
        rows: Sequence[tuple],
        schedule_for,
        version: int = 0,
        shown: Mapping[int, ShownSpace] | None = None,
    ) -> SpaceIndex:
        """Build from `Located` rows (id, lat, lon, facilities, hours, nation, area, closure days).

        Columns are taken by position so that plain tuples in that order serve as well.
        """
        columns = list(zip(*rows, strict=True)) if rows else [()] * 7
        return cls(
            *columns[:7],
            schedule_for=schedule_for,
            version=version,
            closed_until=columns[7] if len(columns) > 7 else None,
            shown=shown,
            closed_from=columns[8] if len(columns) > 8 else None,
        )

    # -- queries -------------------------------------------------------------------------

    def nearest(
        self,
        lat: float,
        lon: float,
        k: int,
        where: IndexFilter = IndexFilter(),
        radius_m: float | None = None,
    ) -> list[Hit]:
        """Return up to k premises nearest to a point that pass the filter, nearest first."""
        if k <= 0 or self.size == 0:
            return []
        point = _unit_vector(lat, lon)
        bound = metres_to_chord(radius_m) * (1 + 1e-9) + 1e-12 if radius_m else math.inf
        eligible = self._eligible_for(where)
        if eligible is None:
            positions, tree = None, self._tree
        else:
            positions, tree = eligible.positions, eligible.tree
            if len(positions) == 0:
                return []
        if tree is None:
            # Small eligible set: an exact scan is cheaper than any tree.
            chords = np.linalg.norm(self._xyz[positions] - point, axis=1)
            take = min(k, len(chords))
            nearest = np.argpartition(chords, take - 1)[:take]
            nearest = nearest[np.argsort(chords[nearest], kind="stable")]
            pairs = zip(nearest.tolist(), chords[nearest].tolist(), strict=True)
        else:
            take = min(k, tree.n)
            # scipy returns scalars for k=1; the list form keeps arrays (and costs a little).
            chords, found = tree.query(
                point, k=take if take > 1 else [1], distance_upper_bound=bound
            )
            pairs = zip(found.tolist(), chords.tolist(), strict=True)
        ids = self._id_list if positions is None else eligible.ids
        size = tree.n if tree is not None else len(positions)
        asin, diameter = math.asin, 2.0 * EARTH_RADIUS_M
        return [
            Hit(ids[found_at], diameter * asin(min(chord / 2, 1.0)))
            for found_at, chord in pairs
            # Beyond the radius, or scipy's "no more points" marker.
            if chord <= bound and found_at < size
        ]

    def within_bbox(
        self,
        min_lon: float,
        min_lat: float,
        max_lon: float,
        max_lat: float,
        limit: int,
        where: IndexFilter = IndexFilter(),
        order_from: tuple[float, float] | None = None,
        radius_m: float | None = None,
    ) -> list[Hit]:
        """Return up to `limit` premises inside a box, nearest to `order_from` (default: centre)."""
        if limit <= 0 or self.size == 0:
            return []
        lo = np.searchsorted(self._sorted_lats, min_lat, side="left")
        hi = np.searchsorted(self._sorted_lats, max_lat, side="right")
        positions = self._by_lat[lo:hi]
        lons = self.lons[positions]
        positions = positions[(lons >= min_lon) & (lons <= max_lon)]
        mask = self._mask_for(where)
        if mask is not None:
            positions = positions[mask[positions]]
        if order_from is None:
            order_from = ((min_lat + max_lat) / 2, (min_lon + max_lon) / 2)
        distances = haversine_m(
            order_from[0], order_from[1], self.lats[positions], self.lons[positions]
        )
        if radius_m is not None:
            inside = distances <= radius_m
            positions, distances = positions[inside], distances[inside]
        take = min(limit, len(positions))
        if take == 0:
            return []
        nearest = np.argpartition(distances, take - 1)[:take]
        nearest = nearest[np.argsort(distances[nearest], kind="stable")]
        return [Hit(int(self.ids[positions[i]]), float(distances[i])) for i in nearest]

    def in_area(self, where: IndexFilter, order_from: tuple[float, float], limit: int) -> list[Hit]:
        """Return premises passing the filter nearest to a point, with no distance limit."""
        return self.nearest(order_from[0], order_from[1], limit, where)

    def count_open(self, at: datetime) -> int:
        """Return how many premises are open at a time."""
        return int(self._window_at(at).open_mask.sum()) if self.size else 0

    def open_until(self, ids: Sequence[int], at: datetime) -> list[float]:
        """Return, for each premises id, the POSIX time its open/closed state next changes."""
        position_of = self._positions()
        changes_at = self._window_at(at).changes_at
        return changes_at.take([position_of[id_] for id_ in ids]).tolist()

    def statuses(self, ids: Sequence[int], at: datetime) -> list[HoursStatus]:
        """Return each premises' opening status at `at` by its hours alone (closures aside).

        Within a window no schedule changes state, so each distinct schedule's status is
        worked out once per window and shared by every search in it.
        """
        position_of = self._positions()
        window = self._window_at(at)
        found = []
        for id_ in ids:
            code = int(self._schedule_of[position_of[id_]])
            if code not in window.statuses:
                schedule = self._schedules[code]
                window.statuses[code] = (
                    schedule.status(at) if schedule is not None else HoursStatus("unknown", None)
                )
            found.append(window.statuses[code])
        return found

    def _positions(self) -> dict[int, int]:
        if self._position_of is None:
            self._position_of = {id_: i for i, id_ in enumerate(self._id_list)}
        return self._position_of

    def count(self, where: IndexFilter = IndexFilter()) -> int:
        """Return how many premises pass the filter, wherever they are."""
        eligible = self._eligible_for(where)
        return self.size if eligible is None else len(eligible.positions)

    # -- filters -------------------------------------------------------------------------

    def _mask_for(self, where: IndexFilter) -> np.ndarray | None:
        """Return a boolean mask of premises passing the filter, or None for no filter."""
        mask = None
        if where.at is not None:
            mask = self._window_at(where.at, where.usual).open_mask
        if where.facilities:
            has_all = (self._facility_bits & where.facilities) == where.facilities
            mask = has_all if mask is None else mask & has_all
        if where.area_code is not None:
            area = self._area_codes.get(where.area_code)
            in_area = self._area_of == area if area is not None else np.zeros(self.size, dtype=bool)
            mask = in_area if mask is None else mask & in_area
        return mask

    def _eligible_for(self, where: IndexFilter) -> _Eligible | None:
        """Return the eligible premises (and their tree) for a filter, or None for no filter."""
        if where.at is None and not where.facilities and where.area_code is None:
            return None
        window = self._window_at(where.at, where.usual) if where.at is not None else None
        key = (
            window.start if window else None,
            where.usual,
            where.facilities,
            where.area_code,
        )
        with self._lock:
            cached = self._eligible.get(key)
            if cached is not None:
                self._eligible.move_to_end(key)
                return cached
        positions = np.flatnonzero(self._mask_for(where))
        tree = _kdtree(self._xyz[positions]) if len(positions) > SCAN_LIMIT else None
        eligible = _Eligible(positions, tree, self.ids[positions].tolist())
        with self._lock:
            self._eligible[key] = eligible
            while len(self._eligible) > CACHED_FILTERS:
                self._eligible.popitem(last=False)
        return eligible

    def _window_at(self, at: datetime, usual: bool = False) -> _Window:
        """Return open-state of every premises at `at`, reusing a window that covers it."""
        moment = at.timestamp()
        with self._lock:
            for (was_usual, _), window in reversed(self._windows.items()):
                if was_usual == usual and window.start <= moment < window.end:
                    return window
        open_by_schedule = np.zeros(len(self._schedules), dtype=bool)
        change_by_schedule = np.full(len(self._schedules), math.inf)
        for i, schedule in enumerate(self._schedules):
            if schedule is None:
                continue  # could not be evaluated: never counts as open
            status = schedule.usual_status(at) if usual else schedule.status(at)
            open_by_schedule[i] = status.is_open
            if status.next_change is not None:
                change_by_schedule[i] = status.next_change.timestamp()
        end = float(change_by_schedule.min()) if len(change_by_schedule) else math.inf
        open_mask = open_by_schedule[self._schedule_of] if self.size else np.zeros(0, dtype=bool)
        changes_at = change_by_schedule[self._schedule_of] if self.size else np.zeros(0)
        if self.size and (self._closed_before > 0).any():
            day = at.date().toordinal()
            open_mask = open_mask & ~((self._closed_before > day) & (self._closed_from <= day))
            # A closure can end at midnight: the window must not outlive the day.
            midnight = datetime.combine(at.date() + timedelta(days=1), time(), at.tzinfo)
            end = min(end, midnight.timestamp())
        window = _Window(moment, end, open_mask, changes_at)
        with self._lock:
            self._windows[(usual, moment)] = window
            while len(self._windows) > CACHED_WINDOWS:
                self._windows.popitem(last=False)
        return window


def _ordinals(days: Sequence[date | None] | None, size: int) -> np.ndarray:
    """Return each date's ordinal, 0 for none (or for every item when `days` is None)."""
    return np.asarray([d.toordinal() if d else 0 for d in (days or [None] * size)], dtype=np.int64)


def _encode(values) -> tuple[dict, np.ndarray]:
    """Return (distinct value → code, per-item code array) for hashable values."""
    codes: dict = {}
    per_item = [codes.setdefault(value, len(codes)) for value in values]
    return codes, np.asarray(per_item, dtype=np.int32)


def _encode_facilities(facilities: Sequence[str]) -> np.ndarray:
    """Turn ';'-joined facility codes into bit masks, decoding each distinct string once."""
    distinct, per_item = _encode(facilities)
    masks = np.zeros(len(distinct), dtype=np.int32)
    for text, code in distinct.items():
        bits = 0
        for facility in (text or "").split(";"):
            bits |= FACILITY_BITS.get(facility, 0)
        masks[code] = bits
    return masks[per_item] if len(per_item) else np.zeros(0, dtype=np.int32)


@dataclass
class IndexHolder:
    """Keeps the spatial index in step with the database, across worker processes.

    The database's data version is read at most once per `check_every` seconds, so a search
    runs no SQL at all between checks: a change committed by another process is in this
    process's results by the first search that starts `check_every` seconds after the commit.
    A change this process makes itself (through the same store) is seen by its next search.
    """

    store: object  # anything with data_version() and local_changes: the database, or a stand-in
    build: Callable[[object, int], object]  # returns anything with a `version`
    check_every: float = 1.0
    clock: Callable[[], float] = monotonic
    _index: object | None = None
    _checked_at: float = -math.inf
    _seen_local: int = -1
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def current(self):
        """Return an index at least as new as the data was `check_every` seconds ago."""
        index = self._index
        if index is not None and self._fresh():
            return index
        with self._lock:
            if self._index is not None and self._fresh():
                return self._index  # another thread checked while this one waited
            local = self.store.local_changes
            # Taken before the read: the bound counts from when the version was read.
            self._checked_at = self.clock()
            try:
                version = self.store.data_version()
            except Unavailable:
                if self._index is None:
                    raise
                # The database cannot be reached, so nobody can change the premises through
                # it either: searches go on from the last index and the check is tried again
                # after the interval.
                logger.warning("The data version could not be read; searching the last index")
                return self._index
            if self._index is None or self._index.version != version:
                # Read rows after the version: a write in between only causes one more rebuild.
                self._index = self.build(self.store, version)
            self._seen_local = local
            return self._index

    def _fresh(self) -> bool:
        return (
            self.store.local_changes == self._seen_local
            and self.clock() - self._checked_at < self.check_every
        )


def _kdtree(points: np.ndarray) -> cKDTree:
    """Build a tree; scipy is imported on the first, so commands that search nothing skip it."""
    from scipy.spatial import cKDTree

    return cKDTree(points)
