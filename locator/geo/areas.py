"""Find the UK local authority district that contains a point."""

from __future__ import annotations

import functools
import json
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from locator.config import DATA_DIR

BOUNDARY_FILE = "lad_may2023_uk_buc.geojson"

NATIONS = {"E": "england", "W": "wales", "S": "scotland", "N": "northern_ireland"}
# The nation of a point no district reaches (open sea, or coordinates on a ship).
DEFAULT_NATION = "england"

# Search runs in a plane where one unit is one degree of latitude (~111.2 km) and longitude is
# shrunk by cos(54 deg), the middle of the UK; distances are then within ~10 % of true km.
_LON_SCALE = math.cos(math.radians(54.0))
_KM_PER_UNIT = 111.2
# The BUC boundaries are generalised to 500 m and clipped to the coastline, so piers, beaches
# and harbours fall just outside every district.
COAST_TOLERANCE_KM = 5.0
# Districts are cut into tiles of this many plane units (~45 km) for the index: small pieces
# have tight bounding boxes, so offshore points inside Highland's box cost almost nothing.
_TILE = 0.4


@dataclass(frozen=True)
class Area:
    """A local authority district."""

    code: str
    name: str
    slug: str
    nation: str  # "england" | "wales" | "scotland" | "northern_ireland"


def slugify(name: str) -> str:
    """Turn a district name into a lowercase hyphenated URL part."""
    folded = unicodedata.normalize("NFKD", name)
    ascii_name = "".join(ch for ch in folded if not unicodedata.combining(ch))
    # Drop apostrophes before splitting so "King's Lynn" becomes "kings-lynn", not "king-s".
    ascii_name = ascii_name.replace("'", "").replace("\u2019", "").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")


def _to_plane(geometry: BaseGeometry) -> BaseGeometry:
    return shapely.transform(geometry, lambda coords: coords * (_LON_SCALE, 1.0))


def _tiles(geometry: BaseGeometry) -> np.ndarray:
    """Cut a plane geometry into the non-empty pieces of a regular grid."""
    x0, y0, x1, y1 = geometry.bounds
    xs = np.arange(math.floor(x0 / _TILE) * _TILE, x1, _TILE)
    ys = np.arange(math.floor(y0 / _TILE) * _TILE, y1, _TILE)
    grid_x, grid_y = (axis.ravel() for axis in np.meshgrid(xs, ys))
    boxes = shapely.box(grid_x, grid_y, grid_x + _TILE, grid_y + _TILE)
    pieces = shapely.intersection(geometry, boxes[shapely.intersects(geometry, boxes)])
    return pieces[~shapely.is_empty(pieces)]


def _polygonal(geometry: BaseGeometry) -> BaseGeometry:
    """Repair an invalid boundary, keeping only its areas (make_valid may add stray lines)."""
    if geometry.is_valid:
        return geometry
    repaired = shapely.make_valid(geometry)
    if repaired.geom_type == "GeometryCollection":
        parts = [part for part in repaired.geoms if part.geom_type in ("Polygon", "MultiPolygon")]
        repaired = shapely.union_all(parts)
    return repaired


class Areas:
    """Local authority districts with a spatial index."""

    def __init__(self, areas: list[Area], geometries: list[BaseGeometry]) -> None:
        self._areas = areas
        self._geometries = geometries
        self._by_code = {area.code: index for index, area in enumerate(areas)}
        self._by_slug = {area.slug: area for area in areas}
        pieces = [_tiles(_to_plane(geometry)) for geometry in geometries]
        self._owner = np.repeat(np.arange(len(pieces)), [len(part) for part in pieces])
        self._tree = shapely.STRtree(np.concatenate(pieces))
        self._max_distance = COAST_TOLERANCE_KM / _KM_PER_UNIT
        self._sorted = sorted(areas, key=lambda area: (area.name, area.code))

    @classmethod
    def load(cls, data_dir: Path | None = None) -> Areas:
        """Read the shipped district boundaries."""
        path = (data_dir or DATA_DIR) / "areas" / BOUNDARY_FILE
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
        # Sorting by code fixes the tie-break order for slugs and for shared boundaries.
        features.sort(key=lambda feature: feature["properties"]["LAD23CD"])
        areas: list[Area] = []
        geometries: list[BaseGeometry] = []
        taken: set[str] = set()
        for feature in features:
            props = feature["properties"]
            code = props["LAD23CD"]
            nation = NATIONS[code[0]]
            slug = slugify(props["LAD23NM"])
            # No two 2023 names collide, but a later release might; first by code keeps the
            # plain slug and the others get the nation, then the code, appended.
            if slug in taken:
                slug = f"{slug}-{nation.replace('_', '-')}"
            if slug in taken:
                slug = f"{slug}-{code.lower()}"
            taken.add(slug)
            areas.append(Area(code, props["LAD23NM"], slug, nation))
            geometries.append(_polygonal(shapely.geometry.shape(feature["geometry"])))
        return cls(areas, geometries)

    def locate(self, lat: float, lon: float) -> Area | None:
        """Return the district containing the point, or the nearest one within 5 km."""
        return self.locate_many([lat], [lon])[0]

    def locate_many(self, lats: Sequence[float], lons: Sequence[float]) -> list[Area | None]:
        """Return the district for each point, as locate() would."""
        index = self._locate_indices(
            np.asarray(lats, dtype=float).ravel(), np.asarray(lons, dtype=float).ravel()
        )
        return [self._areas[i] if i >= 0 else None for i in index.tolist()]

    def by_slug(self, slug: str) -> Area | None:
        """Return the district with this slug."""
        return self._by_slug.get(slug)

    def by_code(self, code: str) -> Area | None:
        """Return the district with this ONS code."""
        index = self._by_code.get(code)
        return self._areas[index] if index is not None else None

    def all(self) -> list[Area]:
        """Return every district, sorted by name."""
        return list(self._sorted)

    def geometry(self, code: str) -> BaseGeometry | None:
        """Return the WGS84 boundary of the district with this code."""
        index = self._by_code.get(code)
        return self._geometries[index] if index is not None else None

    def nation_at(self, lat: float, lon: float) -> str:
        """Return the nation at the point, defaulting to England when nothing is near."""
        area = self.locate(lat, lon)
        return area.nation if area is not None else DEFAULT_NATION

    def _locate_indices(self, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
        if lats.shape != lons.shape:
            raise ValueError("lats and lons must have the same length")
        result = np.full(lats.shape, -1, dtype=np.int64)
        finite = np.flatnonzero(np.isfinite(lats) & np.isfinite(lons))
        if finite.size == 0:
            return result
        points = shapely.points(lons[finite] * _LON_SCALE, lats[finite])
        hits, tree_index = self._tree.query(points, predicate="intersects")
        # A point on a shared boundary touches two districts; the lowest index (code order)
        # wins so the answer never depends on the tree's internal order.
        best = np.full(finite.shape, np.iinfo(np.int64).max, dtype=np.int64)
        np.minimum.at(best, hits, self._owner[tree_index])
        found = best != np.iinfo(np.int64).max
        result[finite[found]] = best[found]
        missing = np.flatnonzero(~found)
        if missing.size:
            # A cheap "anything within 5 km?" pass first: most misses are open sea, and the
            # nearest-neighbour search is the slow part.
            close = np.unique(
                self._tree.query(points[missing], predicate="dwithin", distance=self._max_distance)[
                    0
                ]
            )
            missing = missing[close]
            near, near_tree = self._tree.query_nearest(
                points[missing], max_distance=self._max_distance, all_matches=False
            )
            result[finite[missing[near]]] = self._owner[near_tree]
        return result


@functools.cache
def default_areas() -> Areas:
    """Load the shipped district boundaries once per process."""
    return Areas.load()
