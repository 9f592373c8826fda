"""GIS files a council's GIS team keeps premises in: GeoPackage, Shapefile, KML, GeoJSON in any CRS.

Read through geopandas (pyogrio's GDAL) and reprojected to WGS84. Each feature becomes one raw
row: its attributes keyed by lowercase name (a Shapefile's ten-character names, "opening_ho",
mapped back to the import column they cut short) and its position. A point is used as it is; a
polygon or line by a point inside it, with a note; a feature with no geometry is refused.
"""

from __future__ import annotations

import functools
import math
import threading
import warnings
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import numpy as np

from locator.domain.vocabulary import IMPORT_COLUMNS
from locator.geo import bng

SUFFIXES = (".gpkg", ".shp", ".kml", ".kmz", ".zip")
WGS84 = "EPSG:4326"
BRITISH_NATIONAL_GRID = "EPSG:27700"
# A dBase field name holds at most ten characters: "opening_hours" arrives as "opening_ho".
_DBF_NAME_LENGTH = 10
_SQLITE_MAGIC = b"SQLite format 3\x00"
_SHP_MAGIC = b"\x00\x00\x27\x0a"
_ZIP_MAGIC = b"PK\x03\x04"
# Eastings and northings of Great Britain and its islands, in metres.
_BNG_BOUNDS = (-1_000.0, -1_000.0, 700_000.0, 1_300_000.0)


class GisFileError(ValueError):
    """The GIS file as a whole cannot be read."""


def is_gis(path: Path) -> bool:
    """Tell from its content (a folder's files, a file's first bytes) whether it is a GIS file."""
    if path.is_dir():
        return any(child.suffix.lower() == ".shp" for child in path.iterdir())
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError:
        return False
    if head.startswith(_SQLITE_MAGIC):
        return head[68:72] == b"GPKG"  # a GeoPackage's application id
    if head.startswith(_SHP_MAGIC):
        return True
    if head.startswith(_ZIP_MAGIC):
        return _zip_member(path) is not None
    text = head.decode("utf-8", "ignore").lstrip("\ufeff \t\r\n")
    return text.startswith("<") and "<kml" in text


def is_zip(path: Path) -> bool:
    """Tell whether a file is a zip archive (whatever it holds)."""
    try:
        with path.open("rb") as handle:
            return handle.read(4) == _ZIP_MAGIC
    except OSError:
        return False


def _zip_member(path: Path) -> str | None:
    """Return the GIS file inside a zip (a Shapefile, GeoPackage or KML), or None."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = [name for name in archive.namelist() if not name.startswith("__MACOSX/")]
    except (zipfile.BadZipFile, OSError):
        return None
    for suffix in (".shp", ".gpkg", ".kml"):
        found = [name for name in names if name.lower().endswith(suffix)]
        if found:
            return sorted(found)[0]
    return None


def _source(path: Path) -> str:
    """Return what GDAL opens for a path: a zip member through /vsizip/, else the path."""
    if path.is_dir():
        return str(path)
    with path.open("rb") as handle:
        head = handle.read(4)
    if head == _ZIP_MAGIC:
        member = _zip_member(path)
        if member is None:
            raise GisFileError(f"{path.name} holds no Shapefile, GeoPackage or KML.")
        if path.suffix.lower() == ".kmz":
            return str(path)  # GDAL's LIBKML reads a KMZ whole
        # The braces mark where the archive's own path ends, whatever its name.
        return f"/vsizip/{{{path}}}/{member}"
    return str(path)


def rows(path: Path) -> Iterator[tuple[str, dict]]:
    """Yield (where, values) for every feature of every layer, positions in WGS84."""
    source = _source(path)
    with warnings.catch_warnings():
        # GDAL warns of what does not stop it (a GeoPackage not named .gpkg, say) as
        # RuntimeWarnings; what stops it is raised, and reported.
        warnings.simplefilter("ignore", RuntimeWarning)
        yield from _layers(path, source)


def _layers(path: Path, source: str) -> Iterator[tuple[str, dict]]:
    import pyogrio

    try:
        layers = [str(name) for name, _ in pyogrio.list_layers(source)]
    except Exception as error:  # pyogrio raises GDAL's own errors, of several kinds
        message = f"{path.name} cannot be read as a GIS file: {_gdal_message(error)}"
        raise GisFileError(message) from None
    if not layers:
        raise GisFileError(f"{path.name} holds no layers.")
    for layer in layers:
        prefix = f"layer {layer}, " if len(layers) > 1 else ""
        yield from _layer_rows(path, source, layer, prefix)


def _layer_rows(path: Path, source: str, layer: str, prefix: str) -> Iterator[tuple[str, dict]]:
    # geopandas (and pandas, GDAL) cost a second at import: only GIS files pay it.
    import geopandas
    import shapely

    try:
        frame = geopandas.read_file(source, layer=layer, engine="pyogrio")
    except Exception as error:  # GDAL's errors, of several kinds
        raise GisFileError(f"{path.name} cannot be read: {_gdal_message(error)}") from None
    if frame.empty:
        return
    notes: list[str] = []
    if frame.crs is None:
        frame, guessed = _assume_crs(frame, path)
        notes.append(guessed)
    # A shape's inside point is found where it was drawn, then only points are converted; an
    # empty or missing shape has no point (NaN), and its row says so below.
    shapes = frame.geometry.to_numpy()
    shapes = np.where(shapely.is_empty(shapes), None, shapes)  # GEOS has no x of an empty point
    points = shapely.point_on_surface(shapes)
    lats, lons = to_wgs84(frame.crs, shapely.get_x(points), shapely.get_y(points), path.name)
    columns = _column_names([str(name) for name in frame.columns if name != frame.geometry.name])
    geometry_name = frame.geometry.name
    records = frame.to_dict("records")
    for number, (record, lat, lon) in enumerate(zip(records, lats, lons, strict=True), start=1):
        where = f"{prefix}feature {number}"
        values = {
            columns[name]: _plain(value)
            for name, value in record.items()
            if name != geometry_name and name in columns
        }
        shape = record[geometry_name]
        if shape is None or shape.is_empty:
            yield where, {"__error__": "it has no position (an empty geometry)"}
            continue
        if math.isnan(lat) or math.isnan(lon):
            yield where, {"__error__": "its position cannot be converted to latitude/longitude"}
            continue
        row_notes = list(notes)
        if shape.geom_type != "Point":
            row_notes.append(f"a {shape.geom_type}: placed at a point inside it")
        values["lat"], values["lon"] = round(float(lat), 7), round(float(lon), 7)
        if row_notes:
            values["__notes__"] = row_notes
        yield where, values


def to_wgs84(crs, xs, ys, source: str) -> tuple[np.ndarray, np.ndarray]:
    """Return (lats, lons) of points given in a CRS; British National Grid through OSTN15."""
    if crs.to_epsg() == 27700:
        return bng.to_wgs84(xs, ys)
    try:
        transformer = _transformer(crs.to_string())
    except GisFileError as error:
        raise GisFileError(f"{source}: {error}") from None
    lons, lats = transformer.transform(xs, ys, errcheck=False)
    lats, lons = np.asarray(lats, dtype=np.float64), np.asarray(lons, dtype=np.float64)
    bad = ~np.isfinite(lats) | ~np.isfinite(lons)
    lats[bad], lons[bad] = np.nan, np.nan
    return lats, lons


def _assume_crs(frame, path: Path):
    """Give a file with no CRS (a Shapefile without its .prj) the one its numbers show."""
    west, south, east, north = frame.total_bounds
    if max(abs(west), abs(east)) <= 180 and max(abs(south), abs(north)) <= 90:
        return frame.set_crs(WGS84), "the file names no CRS: read as WGS84 longitude/latitude"
    low_x, low_y, high_x, high_y = _BNG_BOUNDS
    if low_x <= west and east <= high_x and low_y <= south and north <= high_y:
        return (
            frame.set_crs(BRITISH_NATIONAL_GRID),
            "the file names no CRS: read as British National Grid eastings/northings",
        )
    raise GisFileError(
        f"{path.name} names no coordinate reference system (a Shapefile's .prj is missing) and "
        "its numbers are neither longitude/latitude nor British National Grid."
    )


def _column_names(names: list[str]) -> dict[str, str]:
    """Map each attribute to its lowercase name, a truncated dBase name to the column it cut."""
    mapped = {}
    for name in names:
        key = name.strip().lower()
        if len(key) == _DBF_NAME_LENGTH and key not in IMPORT_COLUMNS:
            cut = [column for column in IMPORT_COLUMNS if column.startswith(key)]
            if len(cut) == 1:
                key = cut[0]
        mapped[name] = key
    return mapped


def _plain(value):
    """Return a cell as the text or number the validator reads; a missing value is None."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _gdal_message(error: Exception) -> str:
    message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return message.rstrip(".") + "."


def reprojected_point(crs_name: str, x: float, y: float) -> tuple[float, float]:
    """Return (lon, lat) in WGS84 of a point in a named CRS ("EPSG:27700"); NaN off its area."""
    lats, lons = to_wgs84(_crs(crs_name), [x], [y], f"Positions in {crs_name}")
    return float(lons[0]), float(lats[0])


@functools.cache
def _crs(name: str):
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    try:
        return CRS.from_user_input(name)
    except CRSError:
        raise GisFileError(f"The coordinate reference system {name!r} is unknown.") from None


# A pyproj Transformer may not be shared between threads: each keeps its own.
_LOCAL = threading.local()


def _transformer(crs_name: str):
    from pyproj import Transformer
    from pyproj.exceptions import ProjError

    kept = _LOCAL.__dict__.setdefault("transformers", {})
    if crs_name not in kept:
        try:
            kept[crs_name] = Transformer.from_crs(_crs(crs_name), WGS84, always_xy=True)
        except ProjError:
            raise GisFileError(f"{crs_name} has no conversion to WGS84.") from None
    return kept[crs_name]


def geojson_crs(document: dict, first_point: tuple[float, float] | None) -> str | None:
    """Return the CRS a GeoJSON file's positions are in when it is not WGS84, else None.

    RFC 7946 allows WGS84 only, but older exports name another in a `crs` member, and some
    councils' tools write British National Grid with no `crs` at all.
    """
    named = document.get("crs")
    if isinstance(named, dict):
        name = str((named.get("properties") or {}).get("name") or "")
        if name and not any(wgs in name.upper() for wgs in ("CRS84", "4326")):
            return name
    if first_point is not None:
        x, y = first_point
        low_x, low_y, high_x, high_y = _BNG_BOUNDS
        if (abs(x) > 180 or abs(y) > 90) and low_x <= x <= high_x and low_y <= y <= high_y:
            return BRITISH_NATIONAL_GRID
    return None
