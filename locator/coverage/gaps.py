"""Coverage gaps: when and where in a district no public safe space is open within walking range.

For local partnerships (councils, BIDs, police teams) deciding which businesses to recruit.

Choices, so the answers can be trusted:

- An hour counts as covered by a premises only when it is open for the *whole* hour (one open
  span from `Schedule.intervals` reaches from the hour's start to its end). A shop closing at
  22:30 does not cover 22:00-23:00. Unknown and unparseable hours never count as open, and a
  temporary closure closes every hour of its dates (from `closed_from`, or from now, to the day
  before `closed_until`).
- Each distinct (opening_hours, nation) is evaluated once for the whole week, not per premises.
- Hours are London wall-clock hours. The hour the clocks skip in March covers the next real
  hour; the hour repeated in October covers both passes (open the whole time, conservatively).
- The reference week runs Monday 00:00 to the next Monday, by default the first whole week from
  the coming Monday without a bank holiday in the district's nation (bank-holiday hours are not
  a normal week); a week chosen explicitly keeps its bank holidays and lists them.
- Distances are great-circle distances (chords between unit vectors, as the search index uses).
- "Where" is a regular grid of points (~250 m apart, wider for big districts) over the district;
  each point stands for its grid cell, and the share covered is the share of points covered.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from locator.domain.errors import InvalidParameter
from locator.domain.premises import Located
from locator.hours import schedule as hours
from locator.search.index import EARTH_RADIUS_M, haversine_m, metres_to_chord, to_unit_vectors

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
HOURS_PER_WEEK = 7 * 24
DEFAULT_RADIUS_M = 1000.0
MIN_RADIUS_KM, MAX_RADIUS_KM = 0.5, 5.0
DEFAULT_SPACING_M = 250.0
# Above this many grid points the spacing widens: Highland at 250 m would be ~420,000 points.
MAX_GRID_POINTS = 20_000
# Christmas, Boxing Day and New Year can fall in three weeks in a row.
MAX_WEEKS_SKIPPED = 6
_METRES_PER_DEGREE = EARTH_RADIUS_M * math.pi / 180


@dataclass(frozen=True)
class Site:
    """One public safe space as coverage needs it (its place and hours)."""

    lat: float
    lon: float
    opening_hours: str
    nation: str = "england"
    closed_until: date | None = None  # closed on every date before this one
    in_district: bool | None = None  # None: decided from the district's geometry
    closed_from: date | None = None  # ... from this date on (None: already)


@dataclass(frozen=True)
class Week:
    """The reference week: Monday 00:00 to the next Monday 00:00, London time."""

    monday: date
    bank_holidays: tuple[tuple[date, str], ...] = ()  # inside the week
    skipped: tuple[date, ...] = ()  # Mondays of weeks passed over for their bank holidays

    def day(self, day: int) -> date:
        """Return the date of a day of the week (0 is Monday)."""
        return self.monday + timedelta(days=day)


@dataclass(frozen=True)
class Cell:
    """One hour of the week."""

    day: int  # 0 is Monday
    hour: int
    start: datetime
    end: datetime
    open_in_district: int  # premises inside the district open the whole hour
    open_near_centre: int  # premises within the radius of the centre open the whole hour
    covered_share: float  # share of the district's grid points with one open within the radius

    @property
    def centre_covered(self) -> bool:
        """Return True when at least one premises near the centre is open the whole hour."""
        return self.open_near_centre > 0


@dataclass(frozen=True)
class DistrictGrid:
    """Points over a district, each standing for its grid cell."""

    lats: np.ndarray
    lons: np.ndarray
    cells: np.ndarray  # shapely boxes, one per point
    spacing_m: float

    @property
    def size(self) -> int:
        """Return the number of points."""
        return len(self.lats)


@dataclass(frozen=True)
class Gaps:
    """Where in the district nothing is open within the radius during one hour."""

    day: int
    hour: int
    uncovered_mask: np.ndarray  # per grid point
    uncovered: BaseGeometry  # union of uncovered cells, clipped to the district
    covered_share: float

    @property
    def uncovered_share(self) -> float:
        """Return the share of the district with nothing open within the radius."""
        return 1.0 - self.covered_share


@dataclass(frozen=True)
class Coverage:
    """The hour-by-week coverage of one district."""

    district: BaseGeometry
    centre: tuple[float, float]  # (lat, lon): given, or the district's representative point
    radius_m: float
    week: Week
    cells: tuple[tuple[Cell, ...], ...]  # [day][hour], Monday first
    grid: DistrictGrid
    premises_count: int  # premises considered, in or near the district
    _covered: np.ndarray = field(repr=False)  # (grid points, 168) bool

    def cell(self, day: int, hour: int) -> Cell:
        """Return one hour of the week."""
        return self.cells[day][hour]

    def gaps(self, day: int, hour: int) -> Gaps:
        """Return where nothing is open within the radius for one hour of the week."""
        covered = self._covered[:, day * 24 + hour]
        uncovered_mask = ~covered
        if uncovered_mask.all():
            uncovered = self.district
        elif uncovered_mask.any():
            # Cells share exact edges (built from one array) and never overlap: a valid coverage,
            # whose union is ten times faster than a general union_all.
            union = shapely.coverage_union_all(self.grid.cells[uncovered_mask])
            uncovered = shapely.intersection(union, self.district)
        else:
            uncovered = shapely.Polygon()
        return Gaps(day, hour, uncovered_mask, uncovered, self.cell(day, hour).covered_share)


# -- the reference week ----------------------------------------------------------------------


def bank_holidays_in(monday: date, nation: str) -> tuple[tuple[date, str], ...]:
    """Return the nation's bank holidays in the week starting on `monday`."""
    upcoming = hours.next_bank_holidays(nation, monday, count=7)
    return tuple((day, name) for day, name in upcoming if day < monday + timedelta(days=7))


def reference_week(
    nation: str = "england",
    today: date | None = None,
    *,
    monday: date | None = None,
    skip_bank_holidays: bool = True,
) -> Week:
    """Return the coming week (or the week of `monday`), skipping weeks with bank holidays."""
    if monday is not None:
        if monday.weekday() != 0:
            raise InvalidParameter(f"{monday:%-d %B %Y} is not a Monday.", "week")
        return Week(monday, bank_holidays_in(monday, nation))
    today = today or hours.local_time().date()
    # The coming Monday is always after today, so the whole week is still ahead.
    first = today + timedelta(days=7 - today.weekday())
    skipped: list[date] = []
    candidate = first
    for _ in range(MAX_WEEKS_SKIPPED + 1):
        found = bank_holidays_in(candidate, nation)
        if not found or not skip_bank_holidays:
            return Week(candidate, found, tuple(skipped))
        skipped.append(candidate)
        candidate += timedelta(days=7)
    # Never reached with UK calendars; keep the first week and say which holidays it has.
    return Week(first, bank_holidays_in(first, nation), ())


@lru_cache(maxsize=16)
def hour_bounds(monday: date) -> tuple[np.ndarray, np.ndarray]:
    """Return POSIX start and end times of the 168 London wall-clock hours from `monday`."""
    starts = np.empty(HOURS_PER_WEEK)
    ends = np.empty(HOURS_PER_WEEK)
    for day in range(7):
        midnight = datetime.combine(monday + timedelta(days=day), time())
        for hour in range(24):
            wall = midnight + timedelta(hours=hour)
            start = hours.local_time(wall).timestamp()
            end = hours.local_time(wall + timedelta(hours=1)).timestamp()
            # The hour skipped in March has no length; let it stand for the next real hour.
            starts[day * 24 + hour] = start
            ends[day * 24 + hour] = max(end, start + 3600)
    # Shared through the cache: nobody may change them.
    starts.flags.writeable = ends.flags.writeable = False
    return starts, ends


# -- when: the hour-by-week grid -------------------------------------------------------------


@lru_cache(maxsize=4096)
def open_hours(expression: str, nation: str, monday: date) -> tuple[bool, ...]:
    """Return, per hour of the week of `monday`, whether the hours are open the whole hour."""
    try:
        schedule = hours.parse_hours(expression, nation)
    except hours.HoursError:
        return (False,) * HOURS_PER_WEEK  # cannot be evaluated: never counts as open
    starts, ends = hour_bounds(monday)
    week_start = hours.local_time(datetime.combine(monday, time()))
    week_end = hours.local_time(datetime.combine(monday + timedelta(days=7), time()))
    result = np.zeros(HOURS_PER_WEEK, dtype=bool)
    try:
        spans = schedule.intervals(week_start, week_end)
    except (hours.HoursError, RuntimeError):
        return (False,) * HOURS_PER_WEEK
    for span_start, span_end, state in spans:
        if state == "open":
            result |= (starts >= span_start.timestamp()) & (ends <= span_end.timestamp())
    return tuple(result.tolist())


def open_matrix(premises: Sequence[Site], week: Week) -> np.ndarray:
    """Return an (n premises, 168) bool array: open for the whole of each hour."""
    distinct: dict[tuple[str, str], np.ndarray] = {}
    rows = np.zeros((len(premises), HOURS_PER_WEEK), dtype=bool)
    # Dates of the hours, to apply temporary closures by date.
    hour_dates = np.repeat([week.day(day).toordinal() for day in range(7)], 24)
    for i, place in enumerate(premises):
        key = (place.opening_hours, place.nation)
        if key not in distinct:
            distinct[key] = np.asarray(open_hours(*key, week.monday), dtype=bool)
        rows[i] = distinct[key]
        if place.closed_until is not None:
            begins = place.closed_from.toordinal() if place.closed_from else 0
            rows[i] &= (hour_dates >= place.closed_until.toordinal()) | (hour_dates < begins)
    return rows


# -- where: points over the district ---------------------------------------------------------


def district_grid(
    district: BaseGeometry, spacing_m: float = DEFAULT_SPACING_M, max_points: int = MAX_GRID_POINTS
) -> DistrictGrid:
    """Return grid points (and their cells) inside a WGS84 district, about `spacing_m` apart."""
    west, south, east, north = district.bounds
    cos_lat = max(math.cos(math.radians((south + north) / 2)), 0.01)
    d_lat = spacing_m / _METRES_PER_DEGREE
    d_lon = d_lat / cos_lat
    estimate = district.area / (d_lat * d_lon)
    if estimate > max_points:
        # Same number of points whatever the district's size: widen the spacing.
        scale = math.sqrt(estimate / max_points)
        spacing_m, d_lat, d_lon = spacing_m * scale, d_lat * scale, d_lon * scale
    lon_edges = west + np.arange(max(math.ceil((east - west) / d_lon), 1) + 1) * d_lon
    lat_edges = south + np.arange(max(math.ceil((north - south) / d_lat), 1) + 1) * d_lat
    col, row = (
        axis.ravel()
        for axis in np.meshgrid(np.arange(len(lon_edges) - 1), np.arange(len(lat_edges) - 1))
    )
    lons = (lon_edges[col] + lon_edges[col + 1]) / 2
    lats = (lat_edges[row] + lat_edges[row + 1]) / 2
    inside = shapely.contains_xy(district, lons, lats)
    if not inside.any():
        # A district smaller than one cell: its representative point stands for all of it.
        point = district.representative_point()
        return DistrictGrid(
            np.array([point.y]), np.array([point.x]), np.array([district]), spacing_m
        )
    col, row = col[inside], row[inside]
    cells = shapely.box(lon_edges[col], lat_edges[row], lon_edges[col + 1], lat_edges[row + 1])
    return DistrictGrid(lats[inside], lons[inside], cells, spacing_m)


def within_radius(
    lats: np.ndarray, lons: np.ndarray, premises: Sequence[Site], radius_m: float
) -> csr_matrix:
    """Return a (points, premises) 0/1 matrix: premises within `radius_m` of each point."""
    # scipy costs a third of a second at import: only a coverage map pays it.
    from scipy import sparse
    from scipy.spatial import cKDTree

    points = to_unit_vectors(lats, lons)
    if not premises:
        return sparse.csr_matrix((len(points), 0), dtype=np.float32)
    tree = cKDTree(to_unit_vectors([p.lat for p in premises], [p.lon for p in premises]))
    # A hair over the chord so a premises exactly on the radius counts, as in the search.
    found = tree.query_ball_point(points, r=metres_to_chord(radius_m) * (1 + 1e-9))
    lengths = np.fromiter((len(hits) for hits in found), dtype=np.int64, count=len(found))
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    indices = np.fromiter(
        (i for hits in found for i in hits), dtype=np.int64, count=int(indptr[-1])
    )
    data = np.ones(len(indices), dtype=np.float32)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(points), len(premises)))


# -- the analysis ----------------------------------------------------------------------------


def analyse(
    district: BaseGeometry,
    premises: Sequence[Site],
    week: Week,
    radius_m: float = DEFAULT_RADIUS_M,
    spacing_m: float = DEFAULT_SPACING_M,
    max_points: int = MAX_GRID_POINTS,
    centre: tuple[float, float] | None = None,
) -> Coverage:
    """Return when and where in a district no premises is open within `radius_m`."""
    premises = list(premises)
    if centre is None:
        # Always inside the district, unlike the centroid of a crescent or of islands.
        point = district.representative_point()
        centre = (point.y, point.x)
    opens = open_matrix(premises, week)
    lats = np.asarray([p.lat for p in premises], dtype=np.float64)
    lons = np.asarray([p.lon for p in premises], dtype=np.float64)
    flagged = np.asarray(
        [p.in_district if p.in_district is not None else False for p in premises], dtype=bool
    )
    unflagged = np.asarray([p.in_district is None for p in premises], dtype=bool)
    inside = flagged.copy()
    if unflagged.any():
        inside[unflagged] = shapely.contains_xy(district, lons[unflagged], lats[unflagged])
    near_centre = haversine_m(centre[0], centre[1], lats, lons) <= radius_m * (1 + 1e-9)
    in_district_counts = opens[inside].sum(axis=0)
    near_centre_counts = opens[near_centre].sum(axis=0)

    grid = district_grid(district, spacing_m, max_points)
    reach = within_radius(grid.lats, grid.lons, premises, radius_m)
    # Open premises within reach of each point, for every hour at once.
    covered = np.asarray(reach @ opens.astype(np.float32)) > 0  # (points, 168)
    shares = covered.mean(axis=0)

    starts, ends = hour_bounds(week.monday)
    cells = tuple(
        tuple(
            Cell(
                day=day,
                hour=hour,
                start=hours.local_time(datetime.fromtimestamp(starts[day * 24 + hour], UTC)),
                end=hours.local_time(datetime.fromtimestamp(ends[day * 24 + hour], UTC)),
                open_in_district=int(in_district_counts[day * 24 + hour]),
                open_near_centre=int(near_centre_counts[day * 24 + hour]),
                covered_share=float(shares[day * 24 + hour]),
            )
            for hour in range(24)
        )
        for day in range(7)
    )
    return Coverage(district, centre, radius_m, week, cells, grid, len(premises), covered)


def premises_near(
    rows: Iterable[Located],
    district: BaseGeometry,
    radius_m: float = DEFAULT_RADIUS_M,
    area_code: str | None = None,
) -> list[Site]:
    """Pick the premises in or within `radius_m` of a district from the public premises."""
    west, south, east, north = district.bounds
    margin_lat = radius_m / _METRES_PER_DEGREE
    margin_lon = margin_lat / max(math.cos(math.radians(max(abs(south), abs(north)))), 0.01)
    chosen = []
    for row in rows:
        # A box test is enough: the exact distances are taken later, per grid point.
        if not (south - margin_lat <= row.lat <= north + margin_lat):
            continue
        if not (west - margin_lon <= row.lon <= east + margin_lon):
            continue
        in_district = None if area_code is None else row.area_code == area_code
        chosen.append(
            Site(
                row.lat,
                row.lon,
                row.opening_hours,
                row.nation,
                row.closed_until,
                in_district,
                row.closed_from,
            )
        )
    return chosen


# -- words and parameters --------------------------------------------------------------------


def radius_words(radius_m: float) -> str:
    """Say a radius such as '1 km' or '500 m'."""
    return f"{radius_m / 1000:g} km" if radius_m >= 1000 else f"{radius_m:g} m"


def percent(share: float) -> str:
    """Say a share as a whole percentage, never rounding a part to none or to all."""
    value = round(share * 100)
    if value == 0 and share > 0:
        return "less than 1%"
    if value == 100 and share < 1:
        return "more than 99%"
    return f"{value}%"


def summary(coverage: Coverage, day: int, hour: int, district_name: str) -> str:
    """Say in one sentence how much of the district has nothing open at an hour."""
    uncovered = 1.0 - coverage.cell(day, hour).covered_share
    when = f"At {hour:02d}:00 on {DAY_NAMES[day]}"
    radius = radius_words(coverage.radius_m)
    if uncovered <= 0:
        return f"{when} a safe space is open within {radius} of every part of {district_name}."
    if uncovered >= 1:
        return f"{when} no safe space is open within {radius} of any part of {district_name}."
    share = percent(uncovered)
    return f"{when} no safe space is open within {radius} of {share} of {district_name}."


def parse_day(raw: str | None, default: int = 4) -> int:
    """Read a day as mon..sun (or the full name); return 0 for Monday."""
    if raw is None or not raw.strip():
        return default
    word = raw.strip().lower()
    for index, (short, name) in enumerate(zip(DAYS, DAY_NAMES, strict=True)):
        if word in (short, name.lower()):
            return index
    raise InvalidParameter(f"day must be one of {', '.join(DAYS)}.", "day")


def parse_hour(raw: str | None, default: int = 22) -> int:
    """Read an hour from 0 to 23 ('22' or '22:00')."""
    if raw is None or not raw.strip():
        return default
    text = raw.strip()
    if text.endswith(":00"):
        text = text[:-3]
    if not (text.isascii() and text.isdigit()) or not 0 <= int(text) <= 23:
        raise InvalidParameter("hour must be a whole number from 0 to 23.", "hour")
    return int(text)


def parse_radius_km(raw: str | None, default: float = DEFAULT_RADIUS_M / 1000) -> float:
    """Read a walking radius in km from 0.5 to 5."""
    if raw is None or not raw.strip():
        return default
    message = f"radius_km must be a number from {MIN_RADIUS_KM:g} to {MAX_RADIUS_KM:g}."
    try:
        value = float(raw.strip())
    except ValueError:
        raise InvalidParameter(message, "radius_km") from None
    if not math.isfinite(value) or not MIN_RADIUS_KM <= value <= MAX_RADIUS_KM:
        raise InvalidParameter(message, "radius_km")
    return value
