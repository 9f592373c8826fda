"""Read the place files operators download: ONSPD/NSPL, Code-Point, OS Open Names, NaPTAN.

Files are streamed member by member and row by row, and handed on in batches, so memory stays
flat whether a file holds a thousand rows or the 2.9 million of OS Open Names. A row that cannot
be used is counted by reason, with its first few file and line numbers; it never stops the load.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO, NamedTuple

import numpy as np

from locator.geo.bng import to_wgs84
from locator.geo.gazetteer import name_key, normalise_postcode

FORMATS = ("auto", "onspd", "codepoint", "open-names", "naptan")
BATCH_ROWS = 5000
EXAMPLES_KEPT = 3
# A position outside this box (south, west, north, east) is a mistake in the file, not a place in
# the UK: Channel Islands and Isle of Man rows carry no positions in these products anyway.
UK_BOX = (49.8, -8.7, 60.95, 1.9)
# ONSPD and NSPL mark a postcode without a position with these latitudes.
_NO_LATITUDE = frozenset({"99.999999", "0", "0.0", "0.000000", ""})
_OPEN_NAMES_COLUMNS = 34

# Reasons a row is left out; the operator reads them in the load's summary.
WRONG_COLUMNS = "wrong number of columns"
NOT_A_POSTCODE = "not a full postcode"
NO_POSITION = "no position given"
BAD_POSITION = "position is not a number"
OUTSIDE_UK = "position outside the UK"
TERMINATED = "terminated postcode"
NOT_ACTIVE = "stop not active"
NO_NAME = "no name"
NOT_KEPT = "not a place people name (postcode, numbered road, water or land feature)"

# OS Open Names: what each kept LOCAL_TYPE is as a gazetteer place; others kept are landmarks.
_OPEN_NAMES_KINDS = {
    "City": "place",
    "Town": "place",
    "Village": "locality",
    "Hamlet": "locality",
    "Other Settlement": "locality",
    "Suburban Area": "suburb",
    "Named Road": "street",
    "Section Of Named Road": "street",
    "Railway Station": "station",
    "Bus Station": "stop",
    "Coach Station": "stop",
    "Airport": "airport",
}
# Postcode rows repeat Code-Point Open; a numbered road ("A6") runs the length of the country.
_OPEN_NAMES_DROPPED_TYPES = frozenset({"hydrography", "landcover", "landform"})
_OPEN_NAMES_DROPPED_LOCAL = frozenset({"Postcode", "Numbered Road", "Section Of Numbered Road"})
_NAPTAN_KINDS = {"RLY": "station", "RSE": "station", "RPL": "station", "AIR": "airport"}
_NAPTAN_ACTIVE = frozenset({"active", "act"})
# A landmark beside a stop worth a name of its own: two words or more, letters only, and not
# what stands beside stops everywhere ("Bus Shelter", "Post Office"); "Layby" and "opp 23" fail.
_LANDMARK_RE = re.compile(r"^[A-Z][A-Za-z'&.\-]*(?: [A-Za-z'&.\-]+)+$")
_OPERATOR_SUFFIX_RE = re.compile(r"\s*\([^)]*\)\s*$")
_GENERIC_LANDMARKS = frozenset(
    (
        "bus shelter|bus stop|bus station|post office|post box|telephone box|phone box|car park|"
        "lay by|village hall|public house|the church|parish church|primary school|the green|"
        "war memorial|bus garage|petrol station|filling station|railway station|the shops"
    ).split("|")
)

_CODEPOINT_RE = re.compile(r"(^|/)data/csv/[^/]+\.csv$", re.IGNORECASE)
_ONSPD_RE = re.compile(r"(^|/)data/(onspd|nspl)[^/]*\.csv$", re.IGNORECASE)
_ONSPD_PARTS_RE = re.compile(r"(^|/)data/multi_csv/[^/]+\.csv$", re.IGNORECASE)
_OPEN_NAMES_RE = re.compile(r"(^|/)data/[^/]+\.csv$", re.IGNORECASE)
_NAPTAN_RE = re.compile(r"(^|/)[^/]*stops\.csv$", re.IGNORECASE)


class PlaceFileError(ValueError):
    """The file as a whole cannot be loaded; the message says why, and nothing was changed."""


class LoadedPlace(NamedTuple):
    """One place from an operator's file, as the database keeps it."""

    kind: str  # "postcode" (key: the postcode without spaces) or "name" (key: its name key)
    key: str
    label: str
    place_kind: str  # one of gazetteer.PLACE_KINDS
    lat: float
    lon: float


@dataclass
class LoadReport:
    """What a load read, kept and left out, for the operator."""

    format: str
    rows_read: int = 0
    loaded: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def skip(self, reason: str, where: str) -> None:
        """Count a row left out, keeping where the first few were."""
        self.skipped[reason] += 1
        kept = self.examples.setdefault(reason, [])
        if len(kept) < EXAMPLES_KEPT:
            kept.append(where)


class _Pending(NamedTuple):
    """A place read from a row, its position not yet in WGS84 when given as grid metres."""

    kind: str
    key: str
    label: str
    place_kind: str
    a: float  # latitude, or easting when grid
    b: float  # longitude, or northing when grid
    grid: bool
    where: str


# A row parser returns the places of one row, or the reason it is left out.
RowParser = Callable[[list[str], str], "list[_Pending] | str"]


@dataclass(frozen=True)
class _Member:
    """One CSV to read: a plain file, a gzipped file or a member of a zip."""

    name: str
    size: int
    opener: Callable[[ExitStack, Callable[[int], None] | None], BinaryIO]


class _Counting(io.RawIOBase):
    """Pass bytes through, telling a progress callback how many went by."""

    def __init__(self, inner: BinaryIO, on_bytes: Callable[[int], None] | None):
        self._inner = inner
        self._on_bytes = on_bytes

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = self._inner.readinto(buffer)
        if count and self._on_bytes is not None:
            self._on_bytes(count)
        return count or 0


class PlaceFile:
    """An operator's place file, its format known, to be read in batches of places."""

    def __init__(self, path: Path, fmt: str = "auto", batch_rows: int = BATCH_ROWS):
        if fmt not in FORMATS:
            raise PlaceFileError(f"Unknown format {fmt!r}: use one of {', '.join(FORMATS)}.")
        self.path = Path(path)
        self.batch_rows = batch_rows
        self._zip: zipfile.ZipFile | None = None
        if not self.path.is_file():
            raise PlaceFileError(f"{self.path} is not a file.")
        try:
            if zipfile.is_zipfile(self.path):
                self._zip = zipfile.ZipFile(self.path)
                self.format, self.members = self._zip_members(fmt)
            else:
                member = _plain_member(self.path)
                self.format = fmt if fmt != "auto" else _sniff(member, self.path.name)
                self.members = [member]
        except (OSError, EOFError, zipfile.BadZipFile, UnicodeError, csv.Error) as exc:
            self.close()
            raise PlaceFileError(f"{self.path.name} cannot be read: {exc}") from exc
        except PlaceFileError:
            self.close()
            raise
        self.total_bytes = sum(member.size for member in self.members)

    def __enter__(self) -> PlaceFile:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the zip, if the file is one."""
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    def _zip_members(self, fmt: str) -> tuple[str, list[_Member]]:
        archive = self._zip
        infos = [i for i in archive.infolist() if not i.is_dir() and _is_csv(i.filename)]
        if not infos:
            raise PlaceFileError(f"{self.path.name} holds no CSV file.")
        if fmt == "auto":
            fmt = _format_of_zip(infos, self.path.name, lambda info: _zip_member(archive, info))
        chosen = _chosen_members(fmt, infos)
        if not chosen:
            raise PlaceFileError(
                f"{self.path.name} holds no CSV the {fmt} loader reads ({_EXPECTED_MEMBERS[fmt]})."
            )
        return fmt, [_zip_member(archive, info) for info in chosen]

    def batches(
        self, report: LoadReport, on_bytes: Callable[[int], None] | None = None
    ) -> Iterator[list[LoadedPlace]]:
        """Yield the file's places in batches, counting what is left out in the report.

        Raise PlaceFileError when the file breaks part-way or gives no place at all, so a
        caller writing inside one transaction changes nothing.
        """
        pending: list[_Pending] = []
        for member in self.members:
            for found in self._places_of(member, report, on_bytes):
                pending.extend(found)
                if len(pending) >= self.batch_rows:
                    yield _placed(pending, report)
                    pending = []
        if pending:
            yield _placed(pending, report)
        if report.loaded == 0:
            raise PlaceFileError(
                f"No row of {self.path.name} gave a place with a position "
                f"({report.rows_read} rows read as {self.format})."
            )

    def _places_of(
        self, member: _Member, report: LoadReport, on_bytes: Callable[[int], None] | None
    ) -> Iterator[list[_Pending]]:
        line = 0
        try:
            with ExitStack() as stack:
                text = io.TextIOWrapper(
                    member.opener(stack, on_bytes),
                    encoding="utf-8-sig",
                    errors="replace",
                    newline="",
                )
                stack.callback(text.detach)
                rows = csv.reader(text)
                parse = _PARSERS[self.format](rows, member.name)
                short_name = PurePosixPath(member.name).name
                for row in rows:
                    line = rows.line_num
                    if not row:
                        continue
                    report.rows_read += 1
                    where = f"{short_name} line {line}"
                    found = parse(row, where)
                    if isinstance(found, str):
                        report.skip(found, where)
                    else:
                        yield found
        except (OSError, EOFError, zipfile.BadZipFile, csv.Error) as exc:
            raise PlaceFileError(f"{member.name} breaks off near line {line + 1}: {exc}") from exc


def _placed(pending: list[_Pending], report: LoadReport) -> list[LoadedPlace]:
    """Return places with WGS84 positions, grid ones converted at once; count those off the map."""
    lats = np.fromiter((p.a for p in pending), dtype=np.float64, count=len(pending))
    lons = np.fromiter((p.b for p in pending), dtype=np.float64, count=len(pending))
    grid = np.fromiter((p.grid for p in pending), dtype=bool, count=len(pending))
    if grid.any():
        lats[grid], lons[grid] = to_wgs84(lats[grid], lons[grid])
    south, west, north, east = UK_BOX
    inside = (lats >= south) & (lats <= north) & (lons >= west) & (lons <= east)
    places = []
    for entry, lat, lon, ok in zip(
        pending, lats.tolist(), lons.tolist(), inside.tolist(), strict=True
    ):
        if ok:
            places.append(
                LoadedPlace(
                    entry.kind,
                    entry.key,
                    entry.label,
                    entry.place_kind,
                    round(lat, 6),
                    round(lon, 6),
                )
            )
        else:
            report.skip(OUTSIDE_UK, entry.where)
    report.loaded += len(places)
    return places


# -- finding the CSVs ----------------------------------------------------------------------

_EXPECTED_MEMBERS = {
    "codepoint": "Data/CSV/*.csv",
    "onspd": "Data/ONSPD_*.csv or one CSV",
    "open-names": "Data/*.csv",
    "naptan": "Stops.csv or NNNStops.csv",
}


def _is_csv(name: str) -> bool:
    return name.lower().endswith(".csv") and not PurePosixPath(name).name.startswith(".")


def _plain_member(path: Path) -> _Member:
    size = path.stat().st_size

    def opener(stack: ExitStack, on_bytes):
        raw = stack.enter_context(path.open("rb"))
        counted = stack.enter_context(io.BufferedReader(_Counting(raw, on_bytes)))
        if path.suffix.lower() == ".gz":
            return stack.enter_context(gzip.GzipFile(fileobj=counted))
        return counted

    return _Member(path.name, size, opener)


def _zip_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> _Member:
    def opener(stack: ExitStack, on_bytes):
        raw = stack.enter_context(archive.open(info))
        return stack.enter_context(io.BufferedReader(_Counting(raw, on_bytes)))

    return _Member(info.filename, info.file_size, opener)


def _chosen_members(fmt: str, infos: list[zipfile.ZipInfo]) -> list[zipfile.ZipInfo]:
    """Return the zip's CSVs that a format's loader reads, in name order."""
    names = sorted(infos, key=lambda info: info.filename)
    if fmt == "codepoint":
        chosen = [i for i in names if _CODEPOINT_RE.search(i.filename)]
    elif fmt == "onspd":
        # The whole directory is in Data/; Data/multi_csv/ repeats it split by area.
        chosen = [i for i in names if _ONSPD_RE.search(i.filename)] or [
            i for i in names if _ONSPD_PARTS_RE.search(i.filename)
        ]
    elif fmt == "open-names":
        chosen = [i for i in names if _OPEN_NAMES_RE.search(i.filename)]
    else:
        chosen = [i for i in names if _NAPTAN_RE.search(i.filename)]
    return chosen or (names if len(names) == 1 else [])


def _format_of_zip(infos: list[zipfile.ZipInfo], file_name: str, member_of) -> str:
    """Tell a zip's format from its member names, or from the first line of its first CSV."""
    if any(_CODEPOINT_RE.search(info.filename) for info in infos):
        return "codepoint"
    if any(_ONSPD_RE.search(info.filename) for info in infos):
        return "onspd"
    first = min(infos, key=lambda info: info.filename)
    return _sniff(member_of(first), file_name)


def _sniff(member: _Member, file_name: str) -> str:
    """Tell a CSV's format from its first row: header names, or the count of columns."""
    with ExitStack() as stack:
        text = io.TextIOWrapper(
            member.opener(stack, None), encoding="utf-8-sig", errors="replace", newline=""
        )
        stack.callback(text.detach)
        first = next(csv.reader(text), [])
    names = {name.strip().lower() for name in first}
    if "pcds" in names or {"pcd", "doterm"} <= names:
        return "onspd"
    if {"atcocode", "commonname"} <= names:
        return "naptan"
    if len(first) == _OPEN_NAMES_COLUMNS:
        return "open-names"
    if len(first) >= 4 and _full_postcode(first[0]):
        return "codepoint"
    raise PlaceFileError(
        f"Could not tell the format of {file_name}: its first row is neither an ONSPD/NSPL or "
        "NaPTAN header, nor a Code-Point (postcode first) or OS Open Names (34 columns) row. "
        "Name it with --format."
    )


# -- the formats --------------------------------------------------------------------------


def _full_postcode(text: str) -> str | None:
    normal = normalise_postcode(text)
    return normal if normal and " " in normal else None


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if np.isfinite(value) else None


def _postcode_entry(text: str, a: str, b: str, grid: bool, where: str) -> list[_Pending] | str:
    normal = _full_postcode(text)
    if normal is None:
        return NOT_A_POSTCODE
    first, second = _number(a), _number(b)
    if first is None or second is None:
        return BAD_POSITION
    if first == 0 and second == 0:
        return NO_POSITION
    return [
        _Pending(
            "postcode", normal.replace(" ", ""), normal, "postcode", first, second, grid, where
        )
    ]


def _codepoint(_rows, _member: str) -> RowParser:
    """Code-Point Open: no header; postcode, quality, eastings, northings, then codes."""

    def parse(row: list[str], where: str) -> list[_Pending] | str:
        if len(row) < 4:
            return WRONG_COLUMNS
        if row[1].strip() == "90":  # OS's quality code for "no position"
            return NO_POSITION
        return _postcode_entry(row[0], row[2], row[3], True, where)

    return parse


def _onspd(rows, member: str) -> RowParser:
    """ONSPD or NSPL: a header names the columns, whose order changes between releases."""
    header = [name.strip().lower() for name in next(rows, [])]
    postcode = next(
        (name for name in ("pcds", "pcd", "pcd7", "pcd8", "pcd2") if name in header), None
    )
    missing = [name for name in ("lat", "long") if name not in header]
    if postcode is None or missing:
        wanted = ", ".join(["pcds"] * (postcode is None) + missing)
        raise PlaceFileError(f"{member} has no column named {wanted}: is it an ONSPD or NSPL file?")
    at_postcode, at_lat, at_lon = (header.index(name) for name in (postcode, "lat", "long"))
    at_term = header.index("doterm") if "doterm" in header else None
    width = max(at_postcode, at_lat, at_lon, at_term or 0) + 1

    def parse(row: list[str], where: str) -> list[_Pending] | str:
        if len(row) < width:
            return WRONG_COLUMNS
        if at_term is not None and row[at_term].strip():
            return TERMINATED
        if row[at_lat].strip() in _NO_LATITUDE:
            return NO_POSITION if _full_postcode(row[at_postcode]) else NOT_A_POSTCODE
        return _postcode_entry(row[at_postcode], row[at_lat], row[at_lon], False, where)

    return parse


def _open_names(_rows, _member: str) -> RowParser:
    """OS Open Names: no header, 34 columns; places people name, labelled with their town."""

    def parse(row: list[str], where: str) -> list[_Pending] | str:
        if len(row) != _OPEN_NAMES_COLUMNS:
            return WRONG_COLUMNS
        local_type = row[7]
        if local_type in _OPEN_NAMES_DROPPED_LOCAL or row[6] in _OPEN_NAMES_DROPPED_TYPES:
            return NOT_KEPT
        name = row[2].strip()
        key = name_key(name)
        if not key:
            return NO_NAME
        x, y = _number(row[8]), _number(row[9])
        if x is None or y is None:
            return BAD_POSITION
        town = row[18].strip() or row[21].strip() or row[24].strip()
        label = f"{name}, {town}" if town and town != name else name
        place_kind = _OPEN_NAMES_KINDS.get(local_type, "landmark")
        found = [_Pending("name", key, label, place_kind, x, y, True, where)]
        # NAME2 is the Welsh or Gaelic name: a second key for the same place.
        second = name_key(row[4])
        if second and second != key:
            found.append(found[0]._replace(key=second))
        return found

    return parse


def _naptan(rows, member: str) -> RowParser:
    """NaPTAN stops: a header of 43 columns; active stops, named with their locality."""
    header = [name.strip().lower() for name in next(rows, [])]
    if "commonname" not in header:
        raise PlaceFileError(f"{member} has no CommonName column: is it a NaPTAN Stops file?")
    column = {name: header.index(name) for name in header}
    wanted = ("commonname", "localityname", "landmark", "latitude", "longitude", "easting")
    at_name, at_locality, at_landmark, at_lat, at_lon, at_east = (column.get(n) for n in wanted)
    at_north, at_type, at_status = (column.get(n) for n in ("northing", "stoptype", "status"))
    landmarks_seen: set[tuple[str, str]] = set()

    def cell(row: list[str], at: int | None) -> str:
        return row[at].strip() if at is not None and at < len(row) else ""

    def parse(row: list[str], where: str) -> list[_Pending] | str:
        if len(row) < len(header):
            return WRONG_COLUMNS
        if at_status is not None and cell(row, at_status).lower() not in _NAPTAN_ACTIVE:
            return NOT_ACTIVE
        name, locality = cell(row, at_name), cell(row, at_locality)
        key = name_key(name)
        if not key:
            return NO_NAME
        lat, lon = cell(row, at_lat), cell(row, at_lon)
        grid = not (lat and lon)  # some areas give only Easting and Northing
        if grid:
            lat, lon = cell(row, at_east), cell(row, at_north)
        first, second = _number(lat), _number(lon)
        if not (lat and lon):
            return NO_POSITION
        if first is None or second is None:
            return BAD_POSITION
        label = f"{name}, {locality}" if locality and locality.lower() not in name.lower() else name
        place_kind = _NAPTAN_KINDS.get(cell(row, at_type), "stop")
        found = [_Pending("name", key, label, place_kind, first, second, grid, where)]
        # "Market Street (Manchester Metrolink)" is asked for as "Market Street".
        bare_key = name_key(_OPERATOR_SUFFIX_RE.sub("", name))
        if bare_key and bare_key != key:
            found.append(found[0]._replace(key=bare_key))
        landmark = cell(row, at_landmark)
        landmark_key = name_key(landmark)
        if (
            _LANDMARK_RE.match(landmark)
            and landmark_key not in (key, "")
            and landmark_key not in _GENERIC_LANDMARKS
            and (landmark_key, locality) not in landmarks_seen
        ):
            # "Manchester Arndale" beside the Market Street platforms; one per locality.
            landmarks_seen.add((landmark_key, locality))
            text = f"{landmark}, {locality}" if locality else landmark
            found.append(found[0]._replace(key=landmark_key, label=text, place_kind="landmark"))
        return found

    return parse


_PARSERS: dict[str, Callable[..., RowParser]] = {
    "codepoint": _codepoint,
    "onspd": _onspd,
    "open-names": _open_names,
    "naptan": _naptan,
}
