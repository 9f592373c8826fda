"""Read premises files (SPEC CSV/GeoJSON, OpenStreetMap extracts, NHS pharmacy lists) and
validate every row. Nothing here writes to the database: services do, in one transaction."""

from __future__ import annotations

import array
import codecs
import contextlib
import csv
import functools
import io
import itertools
import json
import math
import operator
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

import numpy as np

from locator.domain import clock
from locator.domain.text import CONTROL
from locator.domain.vocabulary import FACILITIES, IMPORT_COLUMNS, SCHEMES, Scheme, facility_code
from locator.geo.gazetteer import Gazetteer, normalise_postcode
from locator.hours import schedule as hours
from locator.importing import gis, osm

FORMATS = ("auto", "csv", "geojson", "osm", "nhs", "gis")
SPEC_COLUMNS = IMPORT_COLUMNS
_SPEC_REQUIRED = ("ref", "name", "opening_hours")
_NHS_REQUIRED = ("pharmacy_name", "opening_hours_monday")
NHS_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# A generous box around the UK (Northern Ireland to Lowestoft, Scilly to Shetland).
UK_BOUNDS = (49.8, -8.7, 60.95, 1.9)
LIMITS = {
    "ref": 100,
    "name": 200,
    "organisation": 200,
    "address": 500,
    "phone": 40,
    "website": 500,
    "how_to_ask": 1000,
}
MAX_FILE_BYTES = 200 * 1024 * 1024
PHONE_PATTERN = re.compile(r"^\+?[0-9 ()\-]{3,30}$")
WEBSITE_PATTERN = re.compile(r"^https?://[^\s/]+\.[^\s]+$", re.IGNORECASE)
# A web address written without its scheme: "www.shop.co.uk", "shop.co.uk/leeds".
BARE_WEBSITE = re.compile(r"^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(/\S*)?$", re.IGNORECASE)


class ImportFileError(ValueError):
    """The file as a whole cannot be read; nothing in it was imported."""


class RowError(ValueError):
    """One row cannot be imported; the message says why."""


@dataclass(frozen=True)
class Rejected:
    """A row left out of an import, with where it is and why."""

    where: str  # "line 7" or "feature 3"
    reason: str
    ref: str | None = None


@dataclass
class ImportPlan:
    """The outcome of reading and validating a file, before anything is written."""

    format: str
    read: int = 0
    # Rows that can be written: how many, and (unless checked as the file was read) the rows.
    accepted: int = 0
    rows: list[dict] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    # Rows placed by their postcode because they gave no coordinates.
    approximate: list[str] = field(default_factory=list)
    # Rows kept, but with something the importer should know (e.g. days without times).
    warnings: list[Rejected] = field(default_factory=list)


@dataclass(frozen=True)
class RawRow:
    """One record as read from a file, before validation."""

    where: str
    values: dict


# -- reading ----------------------------------------------------------------------------


def detect_format(path: Path, text: str) -> str:
    """Guess the format of a file from its contents, and its name where contents cannot say."""
    suffix = path.suffix.lower()
    if osm.looks_like_osm_xml(text) or suffix in {".osm", ".xml"}:
        return "osm"
    if suffix not in {".csv", ".geojson", ".json"} and text.lstrip().startswith("{"):
        suffix = ".json"
    # Parsed once here: a large file is not read twice to tell its kind.
    document = _json_or_none(text) if suffix in {".geojson", ".json"} else None
    if osm.looks_like_overpass(document):
        return "osm"
    if suffix == ".csv":
        header = next(csv.reader(io.StringIO(text)), [])
        names = {name.strip().lower() for name in header}
        return "nhs" if "opening_hours_monday" in names else "csv"
    if suffix in {".geojson", ".json"}:
        features = _load_features(text) if document is None else _features_of(document)
        properties = features[0].get("properties") or {} if features else {}
        if "opening_hours_monday" in properties:
            return "nhs"
        if "ref" in properties and "scheme" in properties:
            return "geojson"
        properties = osm.flatten_feature(properties, None)
        if any(key in properties for key in ("shop", "amenity", "brand", "@id", "__id__")) or any(
            key.startswith("addr:") for key in properties
        ):
            return "osm"
        return "geojson"
    raise ImportFileError(
        f"Cannot tell the format of {path.name}: name it .csv or .geojson, or pass --format."
    )


def _check_openable(path: Path) -> None:
    """Raise ImportFileError unless `path` is a file we can open, within the size limit."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFileError(f"Cannot open {path}: {exc.strerror or exc}.") from None
    if path.is_dir():
        raise ImportFileError(f"{path} is a folder, not a file.")
    if size > MAX_FILE_BYTES:
        raise ImportFileError(f"{path.name} is larger than {MAX_FILE_BYTES // 2**20} MB.")


def read_text(path: Path) -> str:
    """Read a UTF-8 file (a byte-order mark is allowed) or explain why it cannot be read."""
    _check_openable(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ImportFileError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            f"{path.name} is not UTF-8 text (byte {exc.start}); save it as CSV UTF-8."
        ) from None
    lines = text.count("\n") + (not text.endswith("\n"))
    if "\x00" in text and _mostly_nul(lines, _nul_lines(text)):
        raise ImportFileError(NOT_TEXT.format(name=path.name))
    return text


# Valid UTF-8 can still be binary (or UTF-16 without its byte-order mark): a file with a NUL on
# most of its lines is refused whole. A NUL on a few lines is a fault of those rows only, which
# are rejected one by one (clean_text) while the others are imported.
NOT_TEXT = "{name} is not a text file (most of its lines hold NUL bytes); save it as CSV UTF-8."


def _nul_lines(text: str) -> int:
    return sum(1 for line in text.split("\n") if "\x00" in line)


def _mostly_nul(lines: int, nul_lines: int) -> bool:
    """Tell whether NUL bytes are on most lines: the mark of binary or UTF-16, not a bad row."""
    return nul_lines * 2 > lines


def _json_or_none(text: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return None


def _load_features(text: str) -> list[dict]:
    try:
        document = osm.parse_json(text)
    except osm.OsmFileError as error:
        raise ImportFileError(str(error)) from None
    return _features_of(document)


def _features_of(document: object) -> list[dict]:
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise ImportFileError("A GeoJSON file must hold one FeatureCollection.")
    features = document.get("features")
    if not isinstance(features, list):
        raise ImportFileError("The FeatureCollection has no list of features.")
    return features


def csv_rows(text: str, required: tuple[str, ...]) -> Iterator[RawRow]:
    """Yield the rows of CSV text by line, keyed by lowercase header names it must have."""
    return _csv_rows(_numbered_records(text), required)


def _csv_rows(records: Iterator[tuple[int, list[str]]], required: tuple[str, ...]):
    """Yield numbered CSV records as rows keyed by the header's names; raise ImportFileError."""
    yield from _named_rows(records, _csv_header(records, required))


def _csv_header(records: Iterator[tuple[int, list[str]]], required: tuple[str, ...]) -> list[str]:
    """Read the header record; return its lowercase names, or raise ImportFileError."""
    try:
        _, header = next(records)
    except StopIteration:
        raise ImportFileError("The file is empty: it needs a header row.") from None
    names = [name.strip().lower() for name in header]
    missing = [name for name in required if name not in names]
    if missing:
        raise ImportFileError(
            f"The header row lacks the column(s) {', '.join(missing)}; "
            f"it has {', '.join(n for n in names if n) or 'nothing'}."
        )
    return names


def _named_rows(records: Iterator[tuple[int, list[str]]], names: list[str]) -> Iterator[RawRow]:
    """Yield the records after the header as rows keyed by its names (blank ones left out)."""
    width = len(names)
    for start, record in records:
        # One join instead of a strip per cell: blank when no cell has anything but spaces.
        if not "".join(record).strip():
            continue
        if len(record) > width and "".join(record[width:]).strip():
            yield RawRow(
                f"line {start}",
                {"__error__": "it has more cells than the header (quote a cell with a comma)"},
            )
            continue
        yield RawRow(f"line {start}", dict(zip(names, record, strict=False)))


def _numbered_records(text: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (line it starts on, cells) for each CSV record; raise ImportFileError."""
    lines = _plain_lines(text)
    if lines is not None:
        for number, line in enumerate(lines, start=1):
            yield number, line.split(",") if line else []
        return
    yield from _reader_records(csv.reader(io.StringIO(text, newline="")))


def _reader_records(reader) -> Iterator[tuple[int, list[str]]]:
    """Yield (line it starts on, cells) for each record of a csv.reader; raise ImportFileError."""
    line = 0
    while True:
        start = line + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if start == 1:
                raise ImportFileError(f"The header row cannot be read: {exc}.") from None
            raise ImportFileError(f"Line {start} cannot be read as CSV: {exc}.") from None
        line = reader.line_num
        yield start, record


def _plain_lines(text: str) -> list[str] | None:
    """Return the lines of CSV text that has no quoting, or None when csv must read it.

    Without a quote, a stray carriage return, a NUL or an over-long line, every line is one
    record and splitting it at commas gives exactly what csv.reader gives, several times
    faster: reading a large estate took longer than checking it.
    """
    if '"' in text or "\x00" in text:
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n")
        if "\r" in text:
            return None
    lines = text.split("\n")
    if not lines[-1]:
        lines.pop()  # the file's last line break ends a record; it does not start one
    if max(map(len, lines), default=0) > csv.field_size_limit():
        return None
    return lines


def _feature_rows(text: str) -> Iterator[RawRow]:
    try:
        document = osm.parse_json(text)
    except osm.OsmFileError as error:
        raise ImportFileError(str(error)) from None
    features = _features_of(document)
    crs = gis.geojson_crs(document, _first_point(features))
    for number, feature in enumerate(features, start=1):
        where = f"feature {number}"
        if not isinstance(feature, dict) or not isinstance(feature.get("properties"), dict):
            yield RawRow(where, {"__error__": "it is not a Feature with properties"})
            continue
        # osmtogeojson nests the OSM tags; lift them up beside the rest.
        values = osm.flatten_feature(dict(feature["properties"]), feature.get("id"))
        geometry = feature.get("geometry")
        if isinstance(geometry, dict):
            point = _representative_point(geometry)
            if point is None:
                yield RawRow(where, {"__error__": "its geometry is not a point or a shape"})
                continue
            if crs is not None:
                try:
                    point = gis.reprojected_point(crs, *point)
                except gis.GisFileError as error:
                    raise ImportFileError(str(error)) from None
                if math.isnan(point[0]) or math.isnan(point[1]):
                    yield RawRow(where, {"__error__": f"its position is not a place in {crs}"})
                    continue
            values["lon"], values["lat"] = point
            if geometry.get("type") != "Point":
                values["__notes__"] = [f"a {geometry.get('type')}: placed at its middle"]
        if "__id__" not in values and feature.get("id") is not None:
            values["__id__"] = feature["id"]
        yield RawRow(where, values)


def _first_point(features: list) -> tuple[float, float] | None:
    """Return the first position of the first feature with a geometry, as given."""
    for feature in features:
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        if isinstance(geometry, dict):
            return _representative_point(geometry)
    return None


def _representative_point(geometry: dict) -> tuple[float, float] | None:
    """Return (lon, lat) of a Point, or the middle of a shape's outline (its outer ring)."""
    coordinates = geometry.get("coordinates")
    kind = geometry.get("type")
    try:
        if kind == "Point":
            return float(coordinates[0]), float(coordinates[1])
        ring = {
            "LineString": lambda c: c,
            "Polygon": lambda c: c[0],
            "MultiPolygon": lambda c: c[0][0],
        }[kind](coordinates)
        points = [(float(y), float(x)) for x, y, *_ in ring]
    except (KeyError, IndexError, TypeError, ValueError):
        return None
    middle = osm.middle(points)
    return (middle[1], middle[0]) if middle else None


def _pbf_source(path: Path) -> list[RawRow]:
    """Read every tagged object of an .osm.pbf extract, or explain why it cannot be read."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ImportFileError(f"{path.name} is larger than {MAX_FILE_BYTES // 2**20} MB.")
    try:
        return [RawRow(where, values) for where, values in osm.pbf_rows(path)]
    except osm.OsmFileError as error:
        raise ImportFileError(str(error)) from None


def _osm_source(text: str) -> Iterator[RawRow]:
    """Yield the rows of any OpenStreetMap container: OSM XML, Overpass JSON or GeoJSON."""
    try:
        if osm.looks_like_osm_xml(text):
            yield from (RawRow(where, values) for where, values in osm.xml_rows(text))
            return
        document = osm.parse_json(text)
    except osm.OsmFileError as error:
        raise ImportFileError(str(error)) from None
    if osm.looks_like_overpass(document):
        yield from (RawRow(where, values) for where, values in osm.overpass_rows(document))
        return
    yield from _feature_rows(text)


def _osm_values(values: dict, organisation: str | None) -> dict:
    """Map OpenStreetMap tags to import fields."""
    street = " ".join(
        part for part in (values.get("addr:housenumber"), values.get("addr:street")) if part
    )
    address = ", ".join(
        str(part)
        for part in (
            values.get("addr:housename"),
            street,
            values.get("addr:place"),
            values.get("addr:city"),
        )
        if part
    )
    facilities = []
    if str(values.get("wheelchair", "")).lower() == "yes":
        facilities.append("step_free")
    if str(values.get("toilets:wheelchair", "")).lower() == "yes":
        facilities.append("accessible_toilet")
    if str(values.get("toilets", "")).lower() in {"yes", "customers"}:
        facilities.append("toilet")
    if str(values.get("internet_access", "")).lower() in {"wlan", "yes", "wifi"}:
        facilities.append("wifi")
    if str(values.get("drinking_water", "")).lower() == "yes":
        facilities.append("drinking_water")
    return {
        "ref": values.get("__id__") or values.get("id") or values.get("@id"),
        "name": values.get("name"),
        "organisation": organisation or values.get("brand") or "OpenStreetMap",
        "address": address or values.get("addr:full"),
        "postcode": values.get("addr:postcode"),
        "lat": values.get("lat"),
        "lon": values.get("lon"),
        "opening_hours": values.get("opening_hours"),
        "facilities": facilities,
        "phone": values.get("phone") or values.get("contact:phone"),
        "website": values.get("website") or values.get("contact:website"),
        "how_to_ask": None,
        "scheme": Scheme.EXTERNAL.value,
    }


def _nhs_values(values: dict, organisation: str | None) -> dict:
    """Map an NHS pharmacy list record to import fields."""
    week = {day: values.get(f"opening_hours_{day}") for day in NHS_DAYS}
    try:
        opening = hours.nhs_week_to_osm(week)
    except hours.HoursError as exc:
        opening = RowError(f"opening hours: {exc}")
    return {
        "ref": values.get("organisation_data_service_code"),
        "name": values.get("pharmacy_name"),
        "organisation": organisation or "Community pharmacy",
        "address": values.get("address"),
        "postcode": values.get("postcode"),
        "lat": values.get("lat"),
        "lon": values.get("lon"),
        "opening_hours": opening,
        "facilities": [],
        "phone": values.get("phone"),
        "website": values.get("website"),
        "how_to_ask": None,
        "scheme": Scheme.EXTERNAL.value,
    }


def read_rows(path: Path, fmt: str, organisation: str | None) -> tuple[str, list[RawRow]]:
    """Read a file into raw rows in the import format; return (format, rows)."""
    if fmt not in FORMATS:
        raise ImportFileError(f"Unknown format {fmt!r}; use one of {', '.join(FORMATS)}.")
    binary = _binary_rows(path, fmt, organisation)
    if binary is not None:
        return binary
    return _text_rows(path, fmt, read_text(path), organisation)


def _text_rows(path: Path, fmt: str, text: str, organisation: str | None):
    """Read a text file's rows in the import format; return (format, rows)."""
    if fmt == "auto":
        fmt = detect_format(path, text)
    if fmt == "csv":
        rows = list(csv_rows(text, _SPEC_REQUIRED))
        if organisation:
            for row in rows:
                row.values["organisation"] = organisation
        return fmt, rows
    if fmt == "nhs":
        source = (
            csv_rows(text, _NHS_REQUIRED) if path.suffix.lower() == ".csv" else _feature_rows(text)
        )
        return fmt, [_adapt(row, _nhs_values, organisation) for row in source]
    if fmt == "osm":
        return fmt, [_adapt(row, _osm_values, organisation) for row in _osm_source(text)]
    rows = list(_feature_rows(text))
    if organisation:
        for row in rows:
            row.values["organisation"] = organisation
    return fmt, rows


def _binary_rows(path: Path, fmt: str, organisation: str | None):
    """Read an .osm.pbf extract or a GIS file as (format, rows); None for a text file."""
    if fmt in ("auto", "osm") and osm.is_pbf(path):
        return "osm", [_adapt(row, _osm_values, organisation) for row in _pbf_source(path)]
    if fmt in ("auto", "gis") and gis.is_gis(path):
        return "gis", _gis_source(path, organisation)
    if fmt == "gis" or gis.is_zip(path):
        raise ImportFileError(
            f"{path.name} is not a GeoPackage, Shapefile (zipped or a folder) or KML file."
        )
    return None


def _gis_source(path: Path, organisation: str | None) -> list[RawRow]:
    """Read a GIS file's features as rows in the import format, or as OpenStreetMap tags."""
    size = (
        sum(child.stat().st_size for child in path.iterdir() if child.is_file())
        if path.is_dir()
        else path.stat().st_size
    )
    if size > MAX_FILE_BYTES:
        raise ImportFileError(f"{path.name} is larger than {MAX_FILE_BYTES // 2**20} MB.")
    try:
        found = [RawRow(where, values) for where, values in gis.rows(path)]
    except gis.GisFileError as error:
        raise ImportFileError(str(error)) from None
    names = set().union(*(row.values for row in found)) if found else set()
    if {"ref", "name", "opening_hours"} <= names:
        if organisation:
            for row in found:
                row.values["organisation"] = organisation
        return found
    if names & _OSM_ATTRIBUTES or any(name.startswith("addr:") for name in names):
        # An OpenStreetMap extract saved from QGIS (QuickOSM): its ids in full_id or osm_id.
        for row in found:
            osm_id = row.values.get("full_id") or row.values.get("osm_id")
            if osm_id is not None and "__id__" not in row.values:
                row.values["__id__"] = str(osm_id)
        return [_adapt(row, _osm_values, organisation) for row in found]
    shown = ", ".join(sorted(name for name in names if not name.startswith("__"))) or "none"
    raise ImportFileError(
        f"{path.name}: its features need the attributes ref, name and opening_hours (the import "
        f"format's columns) or OpenStreetMap tags; they have {shown}."
    )


_OSM_ATTRIBUTES = frozenset({"shop", "amenity", "brand", "full_id", "osm_id", "@id"})


def _adapt(row: RawRow, adapter: Callable[[dict, str | None], dict], organisation) -> RawRow:
    if "__error__" in row.values:
        return row
    adapted = adapter(row.values, organisation)
    if "__notes__" in row.values:
        adapted["__notes__"] = row.values["__notes__"]
    return RawRow(row.where, adapted)


# -- reading a file a chunk at a time ------------------------------------------------------

# Rows checked and written together: enough that the work done once per chunk is small beside
# the rows', few enough that a chunk's rows take a few megabytes whatever the file's size.
CHUNK_ROWS = 2000
_BLOCK_BYTES = 1 << 20


class RowSource:
    """A file's rows in the import format, handed out a chunk at a time in file order."""

    def __init__(self, fmt: str, total: int, rows: Iterable[RawRow]):
        self.format = fmt
        self.total = total  # rows expected (a CSV's lines), for a progress bar
        # Read as it goes (a CSV), not held whole in memory (any other format).
        self.streamed = not isinstance(rows, list)
        self._rows = rows

    def chunks(self, size: int = CHUNK_ROWS) -> Iterator[list[RawRow]]:
        """Yield the rows `size` at a time; raise ImportFileError where the file is unreadable."""
        rows = iter(self._rows)
        while chunk := list(itertools.islice(rows, size)):
            yield chunk


def open_rows(path: Path, fmt: str, organisation: str | None) -> RowSource:
    """Open a file's rows as read_rows reads them: a CSV as it goes, any other format whole.

    A CSV's bytes are checked in one pass first, so a file that is not UTF-8 text, or whose
    header is wrong, is refused before any row is checked, as when it was read whole.
    """
    if fmt not in FORMATS:
        raise ImportFileError(f"Unknown format {fmt!r}; use one of {', '.join(FORMATS)}.")
    binary = _binary_rows(path, fmt, organisation)
    if binary is not None:
        return RowSource(binary[0], len(binary[1]), binary[1])
    scan = _scan_text(path)
    csv_format = _csv_format(path, fmt)
    if csv_format is None:
        fmt, rows = _text_rows(path, fmt, read_text(path), organisation)
        return RowSource(fmt, len(rows), rows)
    records = _file_records(path, scan)
    names = _csv_header(records, _NHS_REQUIRED if csv_format == "nhs" else _SPEC_REQUIRED)
    rows = _named_rows(records, names)
    if csv_format == "nhs":
        rows = (_adapt(row, _nhs_values, organisation) for row in rows)
    elif organisation:
        rows = _with_organisation(rows, organisation)
    return RowSource(csv_format, max(scan.lines - 1, 0), rows)


def _with_organisation(rows: Iterable[RawRow], organisation: str) -> Iterator[RawRow]:
    for row in rows:
        row.values["organisation"] = organisation
        yield row


@dataclass
class _TextScan:
    """What one pass over a text file's bytes found that decides how its lines are read."""

    lines: int = 0
    crlf: bool = False
    # No quote, lone carriage return or over-long line: each line is one record (_plain_lines).
    plain: bool = True


def _scan_text(path: Path) -> _TextScan:
    """Check a file as read_text does, a block at a time, and say how its records are read."""
    _check_openable(path)
    scan = _TextScan()
    offset = 0  # of the block, counted as read_text counts: after any byte-order mark
    nul_lines = 0
    try:
        with path.open("rb") as handle:
            for number, block in enumerate(_byte_blocks(handle)):
                bom = number == 0 and block.startswith(codecs.BOM_UTF8)
                body = block[len(codecs.BOM_UTF8) :] if bom else block
                try:
                    body.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise ImportFileError(
                        f"{path.name} is not UTF-8 text (byte {offset + exc.start}); "
                        "save it as CSV UTF-8."
                    ) from None
                offset += len(body)
                # NULs refuse the file only once all of it is known to be UTF-8, as in read_text.
                if b"\x00" in body:
                    nul_lines += sum(1 for line in body.split(b"\n") if b"\x00" in line)
                scan.lines += body.count(b"\n") + (not body.endswith(b"\n"))
                scan.plain = scan.plain and _plain_block(body, scan)
    except OSError as exc:
        raise ImportFileError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    if nul_lines and _mostly_nul(scan.lines, nul_lines):
        raise ImportFileError(NOT_TEXT.format(name=path.name))
    return scan


def _byte_blocks(handle) -> Iterator[bytes]:
    """Yield a binary file's bytes in blocks of whole lines (the last may lack its line end)."""
    pending: list[bytes] = []
    while block := handle.read(_BLOCK_BYTES):
        end = block.rfind(b"\n") + 1
        if not end:
            pending.append(block)
            continue
        yield b"".join([*pending, block[:end]])
        pending = [block[end:]]
    if rest := b"".join(pending):
        yield rest


def _plain_block(block: bytes, scan: _TextScan) -> bool:
    """Return whether whole lines of UTF-8 can be split at commas, as _plain_lines decides."""
    if b'"' in block:
        return False
    if b"\r" in block:
        block = block.replace(b"\r\n", b"\n")
        if b"\r" in block:
            return False
        scan.crlf = True
    limit = csv.field_size_limit()
    # A line has no more characters than bytes: only a line with more bytes is counted again.
    return all(
        len(line.decode("utf-8")) <= limit for line in block.split(b"\n") if len(line) > limit
    )


def _csv_format(path: Path, fmt: str) -> str | None:
    """Return "csv" or "nhs" when _text_rows would read the file as CSV, else None."""
    csv_named = path.suffix.lower() == ".csv"
    if fmt in ("csv", "nhs"):
        return fmt if fmt == "csv" or csv_named else None
    if fmt != "auto" or not csv_named:
        return None
    # What detect_format reads of a .csv file's text: its start, then its first record.
    try:
        with path.open(encoding="utf-8-sig", newline="\n") as handle:
            head = ""
            while len(head.lstrip()) < 500 and (more := handle.read(1 << 16)):
                head += more
        if osm.looks_like_osm_xml(head):
            return None
        with path.open(encoding="utf-8-sig", newline="\n") as handle:
            header = next(csv.reader(handle), [])
    except OSError as exc:
        raise ImportFileError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    names = {name.strip().lower() for name in header}
    return "nhs" if "opening_hours_monday" in names else "csv"


def _file_records(path: Path, scan: _TextScan) -> Iterator[tuple[int, list[str]]]:
    """Yield (line it starts on, cells) for each record of a scanned file, as its text gives."""
    try:
        if not scan.plain:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                yield from _reader_records(csv.reader(handle))
            return
        number = 0
        with path.open("rb") as handle:
            for block_number, block in enumerate(_byte_blocks(handle)):
                text = block.decode("utf-8-sig" if block_number == 0 else "utf-8")
                if scan.crlf:
                    text = text.replace("\r\n", "\n")
                lines = text.split("\n")
                if not lines[-1]:
                    lines.pop()  # the block's last line break ends a record; it starts none
                for at, line in enumerate(lines, start=number + 1):
                    yield at, line.split(",") if line else []
                number += len(lines)
    except OSError as exc:
        raise ImportFileError(f"Cannot read {path}: {exc.strerror or exc}.") from None


# -- validation ---------------------------------------------------------------------------


def clean_text(values: dict, name: str, required: bool = False) -> str | None:
    """Return a cell as text with its spaces collapsed, None when empty; raise RowError."""
    value = values.get(name)
    if value is None:
        value = ""
    elif value.__class__ is not str:
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise RowError(f"{name} must be text")
        value = str(value)
    if "  " in value or not value.isprintable() or value[:1].isspace() or value[-1:].isspace():
        if CONTROL.search(value):
            # A stray NUL (or other control) sinks its own row, never the rest of the file.
            raise RowError(f"{name} contains a control character (such as a NUL byte)")
        value = " ".join(value.split())
    if not value:
        if required:
            raise RowError(f"{name} is missing")
        return None
    limit = LIMITS.get(name)
    if limit and len(value) > limit:
        raise RowError(f"{name} is longer than {limit} characters")
    return value


# The text cells of a premises row, in the order validate_row reads (and reports) them.
_CELLS = (
    "ref",
    "name",
    "organisation",
    "address",
    "phone",
    "website",
    "how_to_ask",
    "scheme",
    "opening_hours",
    "postcode",
)
_REQUIRED_CELLS = frozenset({"ref", "name", "organisation", "opening_hours"})
_KEY = ("organisation", "ref")
_CELL_LIMITS = tuple(LIMITS.get(name, math.inf) for name in _CELLS)
_TEXT_ONLY = {str}


def _tidy_cells(values: dict) -> dict[str, str | None] | None:
    """Return a row's text cells as clean_text gives them when all are tidy, else None.

    Tidy cells are text without doubled, leading or trailing spaces or unprintable
    characters, within their limits, and present when required: clean_text would return them
    as they are. Most rows of a large file are tidy, and one check of the row joined costs a
    fraction of ten calls.
    """
    cells = [values.get(name, "") for name in _CELLS]
    if set(map(type, cells)) != _TEXT_ONLY:
        return None  # a number, a JSON null or a kind of text: clean_text says what it becomes
    joined = "|".join(cells)
    if (
        "  " in joined
        or "| " in joined
        or " |" in joined
        or joined[:1] == " "
        or joined[-1:] == " "
        or not joined.isprintable()
        or any(map(operator.lt, _CELL_LIMITS, map(len, cells)))
    ):
        return None
    tidy = dict(zip(_CELLS, [cell or None for cell in cells], strict=True))
    return tidy if all(map(tidy.get, _REQUIRED_CELLS)) else None


class _CellsInTurn(dict):
    """A row's text cells, each cleaned when first asked for: the first bad one is reported."""

    def __init__(self, values: dict):
        super().__init__()
        self._values = values

    def __missing__(self, name: str) -> str | None:
        return clean_text(self._values, name, required=name in _REQUIRED_CELLS)


def _coordinate(values: dict, name: str) -> float | None:
    value = values.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise RowError(f"{name} {value!r} is not a number") from None
    if not math.isfinite(number):
        raise RowError(f"{name} is not a finite number")
    return round(number, 7)


def parse_facilities(value, *, forgiving: bool = False) -> list[str]:
    """Return facility codes in vocabulary order from a ';'-joined string or a list.

    `forgiving` (imports) also takes a facility's name in any case and spacing ("Phone
    Charging", "toilets"); otherwise (the API) only its code.
    """
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return list(_facilities_from_text(value, forgiving))
    if not isinstance(value, list):
        raise RowError("facilities must be codes separated by ';'")
    return _facility_codes(value, forgiving)


@functools.lru_cache(maxsize=4096)
def _facilities_from_text(text: str, forgiving: bool) -> tuple[str, ...]:
    # Estates repeat the same few facility lists thousands of times.
    return tuple(_facility_codes(re.split(r"[;,]", text), forgiving))


# What an unknown facility's refusal offers: every code, with the name it may be written as.
_FACILITY_CHOICES = ", ".join(f"{code} ({label})" for code, label in FACILITIES.items())


def _facility_codes(items: list, forgiving: bool) -> list[str]:
    codes = set()
    for item in items:
        if not isinstance(item, str):
            raise RowError("facilities must be codes separated by ';'")
        code = item.strip().lower()
        if not code:
            continue
        if code not in FACILITIES:
            code = facility_code(item) if forgiving else None
            if code is None:
                raise RowError(f"unknown facility {item.strip()!r}; use {_FACILITY_CHOICES}")
        codes.add(code)
    return [code for code in FACILITIES if code in codes]


@functools.lru_cache(maxsize=8192)
def _checked_hours_or_error(text: str, today: date) -> str | RowError:  # noqa: ARG001 - cache key
    # Checked once per distinct expression and day: the never-open check looks a year ahead.
    try:
        return hours.check_hours(text)
    except hours.HoursError as exc:
        return RowError(f"opening_hours: {exc}")


def hours_warnings(expression: str) -> tuple[str, ...]:
    """Return what an accepted opening-hours expression does not say (e.g. days without times)."""
    try:
        return hours.parse_hours(expression).warnings
    except hours.HoursError:
        return ()


def _checked_hours(text: str, today: date) -> str:
    result = _checked_hours_or_error(text, today)
    if isinstance(result, RowError):
        raise RowError(str(result))
    return result


def _check_contacts(row: dict, lenient: bool) -> list[str]:
    """Tidy the phone and website in place; return notes, or raise RowError when strict."""
    notes = []
    if row["phone"] and not PHONE_PATTERN.match(row["phone"]):
        if not lenient:
            raise RowError(f"phone {row['phone']!r} is not a phone number")
        notes.append(f"phone {row['phone']!r} is not a phone number: left out")
        row["phone"] = None
    website = row["website"]
    if website and not WEBSITE_PATTERN.match(website) and BARE_WEBSITE.match(website):
        row["website"] = f"https://{website}"
        notes.append(f"website {website!r} read as {row['website']}")
    elif website and not WEBSITE_PATTERN.match(website):
        if not lenient:
            raise RowError("website must be an address starting with http:// or https://")
        notes.append(f"website {website!r} is not a web address: left out")
        row["website"] = None
    return notes


def validate_row(
    values: dict, gazetteer: Gazetteer, *, lenient: bool = False
) -> tuple[dict, bool, list[str]]:
    """Return a clean premises row, whether it was placed by its postcode, and notes.

    With `lenient` (imports), a wrong optional field is left out with a note instead of sinking
    the row, and a row with a position but no address is described as near what is nearest.
    """
    return _validated(values, gazetteer, lenient, clock.today())


def _validated(
    values: dict, gazetteer: Gazetteer, lenient: bool, today: date
) -> tuple[dict, bool, list[str]]:
    notes: list[str] = []
    if "__error__" in values:
        raise RowError(values["__error__"])
    opening = values.get("opening_hours")
    if isinstance(opening, RowError):
        raise opening
    cells = _tidy_cells(values) or _CellsInTurn(values)
    row = {
        "ref": cells["ref"],
        "name": cells["name"],
        "organisation": cells["organisation"],
        "address": cells["address"] or "",
        "phone": cells["phone"],
        "website": cells["website"],
        "how_to_ask": cells["how_to_ask"],
    }
    scheme = (cells["scheme"] or "").lower()
    if scheme not in SCHEMES:
        raise RowError("scheme must be external or internal")
    row["scheme"] = scheme
    notes += _check_contacts(row, lenient)
    row["opening_hours"] = _checked_hours(cells["opening_hours"], today)
    row["facilities"] = ";".join(parse_facilities(values.get("facilities"), forgiving=lenient))
    postcode_text = cells["postcode"]
    postcode = normalise_postcode(postcode_text) if postcode_text else None
    if postcode_text and (postcode is None or " " not in postcode):
        raise RowError(f"postcode {postcode_text!r} is not a full UK postcode")
    row["postcode"] = postcode
    lat, lon = _coordinate(values, "lat"), _coordinate(values, "lon")
    approximate = False
    if (lat is None) != (lon is None):
        raise RowError("give both lat and lon, or neither")
    if lat is None:
        lat, lon = _postcode_position(postcode, gazetteer)
        approximate = True
    south, west, north, east = UK_BOUNDS
    if not (south <= lat <= north and west <= lon <= east):
        raise RowError(f"lat/lon {lat}, {lon} is not in the UK (are lat and lon swapped?)")
    row["lat"], row["lon"] = lat, lon
    if not row["address"] and not postcode:
        near = gazetteer.nearest_name(lat, lon) if lenient else None
        if near is None:
            raise RowError("give an address or a postcode")
        row["address"] = f"near {near.label}"
        notes.append(f"no address or postcode: described as {row['address']!r}")
    return row, approximate, notes


def _postcode_position(postcode: str | None, gazetteer: Gazetteer) -> tuple[float, float]:
    """Return where a row given no lat/lon is placed by its postcode; raise RowError."""
    if not postcode:
        raise RowError("give lat and lon, or a postcode")
    place = gazetteer.find(postcode)
    if place is None:
        raise RowError(f"postcode {postcode} is in a district we cannot locate; add lat/lon")
    if gazetteer.is_unknown_postcode(postcode):
        # Never at its district's centre: a made-up or mistyped postcode would pin it there.
        raise RowError(f"postcode {postcode} does not exist; check it, or give lat and lon")
    return round(place.lat, 7), round(place.lon, 7)


# The cells a chunk is checked by, a column at a time: the text cells, then those read raw.
_BY_COLUMN = (*_CELLS, "facilities", "lat", "lon")
_COLUMNS = operator.itemgetter(*_BY_COLUMN)
# The keys of a clean row, in the order _validated gives them: the text cells, with the
# facilities before the postcode, then the position.
_ROW_KEYS = (*_CELLS[:-1], "facilities", _CELLS[-1], "lat", "lon")
# A good row as RowChecker gives it: a tuple of these, in the order the premises table's
# writes take them (the key, then the other columns of the import format).
ROW_FIELDS = ("organisation", "ref", *(name for name in IMPORT_COLUMNS if name not in _KEY))
_AS_FIELDS = operator.itemgetter(*ROW_FIELDS)
_AS_ROW_KEYS = operator.itemgetter(*(ROW_FIELDS.index(name) for name in _ROW_KEYS))
_ORGANISATION, _REF = 0, 1
_HOURS = ROW_FIELDS.index("opening_hours")
_LIMITED = tuple((index, limit) for index, limit in enumerate(_CELL_LIMITS) if limit != math.inf)
_REQUIRED_INDEXES = tuple(index for index, name in enumerate(_CELLS) if name in _REQUIRED_CELLS)
_NOT_VOUCHED = object()


class _PerValue(dict):
    """A function's results by argument, each computed once (a chunk repeats its values).

    `refused` holds the arguments it gave _NOT_VOUCHED for.
    """

    def __init__(self, compute: Callable[[object], object]):
        super().__init__()
        self._compute = compute
        self.refused: set = set()

    def __missing__(self, value):
        result = self[value] = self._compute(value)
        if result is _NOT_VOUCHED:
            self.refused.add(value)
        return result


def _checked_by_column(rows: list[dict], today: date) -> list[tuple | None]:
    """Return the ROW_FIELDS of each row of a chunk this can vouch for, else None.

    A row vouched for is one that _validated gives as it is, placed by its own position and
    with nothing to note.

    Most rows of a large file are tidy and repeat their scheme, hours, facilities and contacts:
    here the cells are checked a column at a time and each repeated value once, several times
    faster than row by row. A row with anything to mend, note or refuse is left to
    _validated, which alone decides what is wrong with a row and says so.
    """
    if not rows:
        return []
    try:
        cells = list(map(_COLUMNS, rows))
    except KeyError:  # a row lacking a column: as _tidy_cells and _coordinate read it
        cells = [tuple(row.get(name, "") for name in _BY_COLUMN) for row in rows]
    columns = list(zip(*cells, strict=True))
    unsure = {index for index, row in enumerate(rows) if "__error__" in row}
    unsure.update(_untidy(columns[: len(_CELLS)]))
    ref, name, organisation, address, phone, website, how_to_ask, *rest = columns
    scheme, opening, postcode, facilities, lat, lon = rest
    vouched = []
    for column, compute in (
        (phone, _when_tidy(_vouched_phone, "phone")),
        (website, _when_tidy(_vouched_website, "website")),
        (scheme, _when_tidy(_vouched_scheme, "scheme")),
        (opening, _when_tidy(lambda text: _vouched_hours(text, today), "opening_hours")),
        (facilities, _vouched_facilities),
        (postcode, _when_tidy(_vouched_postcode, "postcode")),
    ):
        per_value = _PerValue(compute)
        try:
            vouched.append(list(map(per_value.__getitem__, column)))
        except TypeError:  # a value that cannot be a key (a list of facilities)
            vouched.append(list(map(compute, column)))
            per_value.refused.add(_NOT_VOUCHED)
            column = vouched[-1]  # noqa: PLW2901 - the results are looked through instead
        if per_value.refused:
            refused = per_value.refused
            unsure.update(index for index, value in enumerate(column) if value in refused)
    phones, websites, schemes, hours_checked, facility_codes, postcodes = vouched
    lats, lons = _coordinates(lat), _coordinates(lon)
    south, west, north, east = UK_BOUNDS
    # NaN and infinity are never within the bounds; nor is a coordinate not vouched for (NaN).
    unsure.update(
        index
        for index, (y, x) in enumerate(zip(lats, lons, strict=True))
        if not (south <= y <= north and west <= x <= east)
    )
    # A row with neither address nor postcode is described by the nearest place, with a note.
    unsure.update(
        index
        for index, (text, code) in enumerate(zip(address, postcodes, strict=True))
        if not text and code is None
    )
    fields = zip(  # in ROW_FIELDS order
        organisation,
        ref,
        name,
        address,
        postcodes,
        lats,
        lons,
        hours_checked,
        facility_codes,
        phones,
        websites,
        [text or None for text in how_to_ask],
        schemes,
        strict=True,
    )
    if not unsure:
        return list(fields)
    return [None if index in unsure else row for index, row in enumerate(fields)]


def _untidy(columns: list[tuple]) -> list[int]:
    """Return the rows with a text cell clean_text would change or refuse, or not text at all."""
    everything = list(itertools.chain.from_iterable(columns))
    if set(map(type, everything)) == _TEXT_ONLY:
        joined = "|".join(everything)  # as in _tidy_cells: a "|" beside a space costs only time
        if not (
            "  " in joined
            or "| " in joined
            or " |" in joined
            or joined[:1] == " "
            or joined[-1:] == " "
            or not joined.isprintable()
            or any(max(map(len, columns[index])) > limit for index, limit in _LIMITED)
            or not all(all(columns[index]) for index in _REQUIRED_INDEXES)
        ):
            return []
    return [
        index
        for index, row in enumerate(zip(*columns, strict=True))
        if not all(map(_tidy, row, _CELL_LIMITS, map(_REQUIRED_CELLS.__contains__, _CELLS)))
    ]


def _tidy(cell, limit: float, required: bool) -> bool:
    """Tell whether clean_text would give a cell as it is (and not refuse it)."""
    return (
        cell.__class__ is str
        and "  " not in cell
        and cell[:1] != " "
        and cell[-1:] != " "
        and cell.isprintable()
        and len(cell) <= limit
        and (bool(cell) or not required)
    )


def _when_tidy(compute: Callable[[str], object], name: str) -> Callable[[object], object]:
    """Return `compute` for a cell's tidy text; anything else is left to _validated."""
    limit, required = LIMITS.get(name, math.inf), name in _REQUIRED_CELLS
    return lambda cell: compute(cell) if _tidy(cell, limit, required) else _NOT_VOUCHED


def _vouched_phone(text: str) -> str | object | None:
    if not text:
        return None
    return text if PHONE_PATTERN.match(text) else _NOT_VOUCHED


def _vouched_website(text: str) -> str | object | None:
    if not text:
        return None
    return text if WEBSITE_PATTERN.match(text) else _NOT_VOUCHED


def _vouched_scheme(text: str) -> str | object:
    scheme = text.lower()
    return scheme if scheme in SCHEMES else _NOT_VOUCHED


def _vouched_hours(text: str, today: date) -> str | object:
    checked = _checked_hours_or_error(text, today)
    return _NOT_VOUCHED if isinstance(checked, RowError) else checked


def _vouched_postcode(text: str) -> str | object | None:
    if not text:
        return None
    postcode = normalise_postcode(text)
    return postcode if postcode is not None and " " in postcode else _NOT_VOUCHED


def _vouched_facilities(value) -> str | object:
    if value.__class__ not in (str, list):
        return _NOT_VOUCHED
    try:
        return ";".join(parse_facilities(value, forgiving=True))
    except RowError:
        return _NOT_VOUCHED


def _coordinates(column: tuple) -> list[float]:
    """Return a column of coordinates as _coordinate reads them; NaN where it would not."""
    try:
        return [round(number, 7) for number in map(float, column)]
    except (TypeError, ValueError, OverflowError):
        return list(map(_vouched_coordinate, column))


def _vouched_coordinate(value) -> float:
    if value.__class__ is str:
        if not value.strip():
            return math.nan  # no position: placed by the postcode, if it has one
    elif value.__class__ is not float and value.__class__ is not int:
        return math.nan
    try:
        return round(float(value), 7)
    except (ValueError, OverflowError):
        return math.nan


class RowChecker:
    """Validate a file's rows in file order, a chunk at a time, into one plan.

    A row is checked against the chunks before it as in one pass: a ref seen again is rejected,
    naming where it first was. Of the good rows the plan keeps only their number unless asked
    to keep them, so a file of any length is checked in the memory of one chunk.
    """

    def __init__(self, plan: ImportPlan, gazetteer: Gazetteer, *, keep_rows: bool = False):
        self.plan = plan
        self._gazetteer = gazetteer
        self._keep_rows = keep_rows
        self._seen = _FirstSeen()
        # One day for the whole file: every row's hours are checked against the same year.
        self._today = clock.today()

    def check(self, raw_rows: Sequence[RawRow]) -> list[tuple]:
        """Return the next chunk's good rows as ROW_FIELDS; the plan counts them and lists
        the others."""
        plan = self.plan
        outcomes: list[tuple | RowError] = _checked_by_column(
            [raw.values for raw in raw_rows], self._today
        )
        notes: dict[int, tuple[bool, list[str]]] = {}  # of rows _validated had to check
        for index, raw in enumerate(raw_rows):
            if outcomes[index] is None:
                try:
                    row, approximate, row_notes = _validated(
                        raw.values, self._gazetteer, True, self._today
                    )
                except RowError as exc:
                    outcomes[index] = exc
                    continue
                outcomes[index] = _AS_FIELDS(row)
                notes[index] = (approximate, row_notes)
        earlier = self._seen.find([row[:2] for row in outcomes if not isinstance(row, RowError)])
        first: dict[tuple[str, str], str] = {}
        good = []
        for index, (raw, outcome) in enumerate(zip(raw_rows, outcomes, strict=True)):
            error = outcome
            if not isinstance(outcome, RowError):
                key = outcome[:2]
                seen_at = earlier.get(key) or first.get(key)
                if seen_at is None:
                    first[key] = raw.where
                    good.append(outcome)
                    self._note(raw, outcome, *notes.get(index, (False, ())))
                    continue
                error = RowError(f"ref {outcome[_REF]!r} already appears at {seen_at}")
            ref = raw.values.get("ref")
            plan.rejected.append(Rejected(raw.where, str(error), str(ref) if ref else None))
        self._seen.add(first)
        plan.read += len(raw_rows)
        plan.accepted += len(good)
        if self._keep_rows:
            plan.rows += [dict(zip(_ROW_KEYS, _AS_ROW_KEYS(row), strict=True)) for row in good]
        return good

    def close(self) -> None:
        """Let go of what the checker kept to find refs seen again (a temporary file)."""
        self._seen.close()

    def _note(self, raw: RawRow, row: tuple, approximate: bool, notes: Sequence[str]) -> None:
        """List what the importer should know of a good row: placed by postcode, warnings."""
        plan = self.plan
        if approximate:
            plan.approximate.append(raw.where)
        if notes or "__notes__" in raw.values:
            notes = [*raw.values.get("__notes__", ()), *notes]
            plan.warnings += [Rejected(raw.where, note, row[_REF]) for note in notes]
        for warning in hours_warnings(row[_HOURS]):
            plan.warnings.append(Rejected(raw.where, f"opening_hours: {warning}", row[_REF]))


class _FirstSeen:
    """Where each accepted (organisation, ref) first appeared, in about 20 bytes of memory a key.

    A dict of a large estate's keys took ~270 bytes a row, most of what an import kept as it
    went. Here a key is found by its 64-bit hash in sorted runs (merged as they grow, so adding
    n keys costs n log n), and its text, kept in a temporary file, is read back to confirm a
    match: a hash collision rejects no row.
    """

    def __init__(self, hasher: Callable[[tuple[str, str]], int] = hash):
        self._hash = hasher
        # (sorted hashes, the entry of each), each run more than twice the size of the next.
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []
        # Entry i is "organisation<US>ref<US>where" in UTF-8 (a validated cell holds no unit
        # separator) at bytes _ends[i] to _ends[i + 1] of the file.
        self._ends = array.array("q", [0])
        self._file: BinaryIO | None = None

    def close(self) -> None:
        """Delete the temporary file."""
        if self._file is not None:
            self._file.close()

    def find(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """Return where each key seen before first appeared (keys never seen are left out)."""
        if not keys or not self._runs:
            return {}
        hashes = np.fromiter(map(self._hash, keys), dtype=np.int64, count=len(keys))
        order = np.argsort(hashes)
        wanted = hashes[order]  # in order, so each search starts where the last one ended
        found = {}
        for run, entries in self._runs:
            at = np.searchsorted(run, wanted)
            for index in np.flatnonzero(run[np.minimum(at, len(run) - 1)] == wanted).tolist():
                key = keys[order[index]]
                position = int(at[index])
                while position < len(run) and run[position] == wanted[index]:
                    organisation, ref, where = self._entry(int(entries[position]))
                    if (organisation, ref) == key:
                        found[key] = where
                    position += 1
        return found

    def add(self, first: dict[tuple[str, str], str]) -> None:
        """Remember where keys not seen before first appeared."""
        if not first:
            return
        texts = [
            f"{organisation}\x1f{ref}\x1f{where}" for (organisation, ref), where in first.items()
        ]
        text = "".join(texts)
        if not text.isascii():  # then a text's length in bytes is not its length in characters
            texts = [part.encode("utf-8", "surrogatepass") for part in texts]
        if self._file is None:
            self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        self._file.seek(0, os.SEEK_END)
        self._file.write(text.encode("utf-8", "surrogatepass"))
        start = len(self._ends) - 1
        self._ends.extend(itertools.accumulate(map(len, texts), initial=self._ends[-1]))
        del self._ends[start + 1]  # accumulate began with the end already there
        hashes = np.fromiter(map(self._hash, first), dtype=np.int64, count=len(first))
        order = np.argsort(hashes)
        hashes, entries = hashes[order], (order + start).astype(np.int32)
        while self._runs and len(self._runs[-1][0]) <= 2 * len(hashes):
            run, run_entries = self._runs.pop()
            at = np.searchsorted(run, hashes)
            hashes, entries = np.insert(run, at, hashes), np.insert(run_entries, at, entries)
        self._runs.append((hashes, entries))

    def _entry(self, entry: int) -> list[str]:
        self._file.seek(self._ends[entry])
        text = self._file.read(self._ends[entry + 1] - self._ends[entry])
        return text.decode("utf-8", "surrogatepass").split("\x1f", 2)


def plan_import(
    fmt: str,
    raw_rows: list[RawRow],
    gazetteer: Gazetteer,
    on_progress: Callable[[int], None] | None = None,
) -> ImportPlan:
    """Validate every row read from a file; bad rows are listed, good rows kept for writing."""
    plan = ImportPlan(format=fmt)
    with contextlib.closing(RowChecker(plan, gazetteer, keep_rows=True)) as checker:
        for start in range(0, len(raw_rows), 1000):
            chunk = raw_rows[start : start + 1000]
            checker.check(chunk)
            if on_progress:
                on_progress(len(chunk))
    return plan
