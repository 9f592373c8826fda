"""Open-data exports of every public premises: GeoJSON (RFC 7946) and HSDS 3.0 JSON, streamed.

Both exports are built as a generator of text chunks: rows come from the database in batches
by keyset pagination (id order, each batch its own short read), so memory stays flat however
many premises there are, and no connection or read transaction is held while a slow client
downloads. Only public premises are read (scheme external and status published). Demo
premises are included, as the API shows them, but flagged: `demo: true` and a `source` naming
the open data they came from, whose licence is in `attribution`.

GeoJSON: a FeatureCollection whose features carry `id` = the premises id (stable) and the
public properties of the API except the ones that depend on the moment of the request
(open_now, state, next_change, status_text, stale): the export is cached by data version, so
it holds data only. Foreign members: `licence`, `licence_url`, `attribution`, `generated`.

HSDS: the service-centric shape of the HSDS 3.0 API's paged `/services?full=true` answer, as
one page holding every service (Page fields from the specification's `schema/openapi.json`):

    {"hsds_version": "3.0", "licence", "licence_url", "attribution", "generated",
     "contents": [service, ...],
     "total_items", "total_pages": 1, "page_number": 1, "size", "first_page": true,
     "last_page": true, "empty"}

Each premises is one service ("Safe space at <name>") with its `organization` nested, and one
`service_at_locations` entry holding the `location` (physical, latitude/longitude,
`addresss`, `phones`, `accessibilitys` – HSDS 3.0's own spelling of those arrays) and the
`schedules`. The page counters come after `contents` because they are only known once every
row has been streamed; JSON members are unordered, so this changes nothing for a reader.
Ids are UUIDs derived with uuid5 from a fixed namespace and the premises id (the organisation
name for organizations), so they stay the same from one export to the next.

Schema files read: openreferral/specification `schema/organization.json`, `service.json`,
`service_at_location.json`, `location.json`, `address.json`, `phone.json`, `schedule.json`,
`accessibility.json` and `openapi.json` (the HSDS 3.0 schema at commit 67e7b37).
"""

from __future__ import annotations

import fcntl
import gzip
import hashlib
import json
import os
import tempfile
import uuid
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path

import numpy as np

from locator.adapters.db.store import Store
from locator.domain import clock, features
from locator.domain.premises import Premises
from locator.domain.vocabulary import FACILITIES
from locator.geo import bng
from locator.hours import schedule as hours
from locator.importing.demo import SOURCES as DEMO_SOURCES

BATCH_SIZE = 500
HSDS_VERSION = "3.0"
# Fixed for ever: every HSDS id is derived from it, so changing it would change every id.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:safe-spaces-locator:hsds")
_NAMESPACE_BYTES = NAMESPACE.bytes

LICENCE = "Open Government Licence v3.0"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
OGL = "Open Government Licence v3.0"
ATTRIBUTION = (
    {
        "key": "listings",
        "name": "Safe Spaces Locator listings",
        "licence": OGL,
        "url": LICENCE_URL,
        "applies_to": "Premises registered by businesses and approved by a moderator "
        "(demo: false).",
    },
    {
        "key": "ons_lad",
        "name": "Local Authority Districts (May 2023), Office for National Statistics",
        "licence": OGL,
        "url": LICENCE_URL,
        "notice": "Source: Office for National Statistics licensed under the Open Government "
        "Licence v.3.0; Contains OS data © Crown copyright and database right 2023.",
        "applies_to": "area_code and nation (and the HSDS address city and region).",
    },
    {
        "key": "os_codepoint",
        "name": "OS Code-Point Open postcodes",
        "licence": OGL,
        "url": LICENCE_URL,
        "notice": "Contains OS data © Crown copyright and database right; Contains Royal Mail "
        "data © Royal Mail copyright and database right; Contains National Statistics data "
        "© Crown copyright and database right.",
        "applies_to": "Positions of premises registered with a postcode only (placed at the "
        "postcode's own position).",
    },
    {
        "key": "nhsbsa",
        "name": "NHS Business Services Authority, Consolidated Pharmaceutical List",
        "licence": OGL,
        "url": LICENCE_URL,
        "notice": "Contains public sector information licensed under the Open Government "
        "Licence v3.0.",
        "applies_to": "Demo premises with source 'nhsbsa' (Greater Manchester pharmacies). "
        "They are not real safe spaces.",
    },
    {
        "key": "osm",
        "name": "OpenStreetMap",
        "licence": "Open Database License (ODbL) 1.0",
        "url": "https://www.openstreetmap.org/copyright",
        "notice": "© OpenStreetMap contributors",
        "applies_to": "Demo premises with source 'osm' (Norwich shops): they remain under the "
        "ODbL 1.0, not the OGL. They are not real safe spaces.",
    },
)
# The demo loader names each source's organisation "<label> (demo)"; map it to its licence key.
_DEMO_SOURCE_KEYS = {"nhs": "nhsbsa", "osm": "osm"}
DEMO_SOURCE_BY_ORGANISATION = {
    f"{label} (demo)": _DEMO_SOURCE_KEYS[fmt] for label, _file, fmt, _kind in DEMO_SOURCES
}

NATION_NAMES = {
    "england": "England",
    "wales": "Wales",
    "scotland": "Scotland",
    "northern_ireland": "Northern Ireland",
}
ACCESSIBILITY = ("step_free", "accessible_toilet")
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# Two ordinary weeks with no bank holiday in any UK nation and no clock change, one in summer
# time and one in winter time: hours that give the same openings in both repeat every week.
REFERENCE_WEEKS = (date(2025, 6, 9), date(2025, 1, 13))
TIME_NOTE = (
    "opens_at and closes_at are UK local time (Europe/London: GMT in winter, BST in summer); "
    "closes_at at or before opens_at means the next day. Bank holidays and dated exceptions "
    "follow the OpenStreetMap opening_hours in the description."
)

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _generated(generated: datetime | None) -> str:
    return (generated or clock.utc_now()).isoformat(timespec="seconds")


def _demo_source(row: Premises) -> str | None:
    return DEMO_SOURCE_BY_ORGANISATION.get(row.organisation) if row.demo else None


def _collection_head(generated: datetime | None) -> dict:
    return {
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "attribution": list(ATTRIBUTION),
        "generated": _generated(generated),
    }


# -- GeoJSON ----------------------------------------------------------------------------------


def geojson_feature(row: Premises, url: str) -> dict:
    """Turn a public premises row into an RFC 7946 Feature holding its data properties."""
    properties = features.data_properties(row, url)
    source = _demo_source(row)
    if source:
        properties["source"] = source
    return {
        "type": "Feature",
        "id": row.id,
        # RFC 7946 section 11.2: six decimal places (about 10 cm) is more than enough.
        "geometry": {"type": "Point", "coordinates": [round(row.lon, 6), round(row.lat, 6)]},
        "properties": properties,
    }


def geojson_chunks(
    store: Store,
    url_for_space: Callable[[int], str],
    *,
    batch_size: int = BATCH_SIZE,
    generated: datetime | None = None,
) -> Iterator[str]:
    """Yield the GeoJSON export of every public premises as chunks of one JSON document."""
    head = {"type": "FeatureCollection", **_collection_head(generated)}
    yield _dumps(head)[:-1] + ',"features":['
    separator = ""
    for rows in store.premises.public_in_batches(batch_size):
        yield separator + ",".join(
            _dumps(geojson_feature(row, url_for_space(row.id))) for row in rows
        )
        separator = ","
    yield "]}"


# -- HSDS -------------------------------------------------------------------------------------


def hsds_id(kind: str, key: object) -> str:
    """Return the stable UUID of one HSDS object, e.g. hsds_id("service", 42)."""
    # uuid.uuid5(NAMESPACE, f"{kind}:{key}") done by hand: the uuid module's objects cost half
    # of an HSDS export (nine ids per premises); a test checks both give the same id.
    name = _NAMESPACE_BYTES + f"{kind}:{key}".encode()
    digest = bytearray(hashlib.sha1(name, usedforsecurity=False).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


@lru_cache(maxsize=4096)
def _organisation_id(name: str) -> str:
    return hsds_id("organization", name)


def _week_openings(schedule: hours.Schedule, monday: date) -> tuple | None:
    """Return (weekday, opens, closes) openings in one week, or None if any time is unknown."""
    day = timedelta(days=1)
    # A day either side, so an overnight opening on Sunday is seen to its end and Monday's
    # early hours are recognised as the tail of Sunday night.
    start = datetime.combine(monday - day, time(), hours.LONDON)
    end = datetime.combine(monday + 8 * day, time(), hours.LONDON)
    pieces = []  # (date, opens, closes or None for midnight), cut at every midnight
    for span_start, span_end, state in schedule.intervals(start, end):
        if state == "unknown":
            return None
        if state != "open":
            continue
        moment = span_start
        while moment < span_end:
            midnight = datetime.combine(moment.date() + day, time(), hours.LONDON)
            until = min(span_end, midnight)
            pieces.append(
                (moment.date(), moment.time(), until.time() if until < midnight else None)
            )
            moment = until
    openings = []
    index = 0
    while index < len(pieces):
        when, opens, closes = pieces[index]
        following = pieces[index + 1] if index + 1 < len(pieces) else None
        # Late nights (18:00-02:00) stay one opening on the day they start.
        if (
            closes is None
            and following is not None
            and following[0] == when + day
            and following[1] == time()
            and following[2] is not None
        ):
            closes = following[2]
            index += 1
        index += 1
        if monday <= when < monday + 7 * day:
            openings.append(
                (when.weekday(), f"{opens:%H:%M}", f"{closes:%H:%M}" if closes else "00:00")
            )
    return tuple(openings)


def weekly_rules(
    expression: str,
    nation: str,  # noqa: ARG001 - see below: the answer is the same in every nation
) -> tuple[tuple[str, str, str], ...] | None:
    """Return (byday, opens_at, closes_at) rules when the hours repeat every week, else None.

    HSDS schedules are RFC 5545-style recurrences; OpenStreetMap hours can say more (bank
    holidays, dates, seasons, comments, open ends). Where a plain weekly rule would be wrong
    or unknown we give none, and the OSM string in the description stays the authority.
    """
    # The nation only chooses the bank-holiday calendar and the reference weeks have none, so
    # one answer per expression serves every nation (and the cache holds expressions only).
    return _weekly_rules(expression)


@lru_cache(maxsize=8192)
def _weekly_rules(expression: str) -> tuple[tuple[str, str, str], ...] | None:
    try:
        schedule = hours.parse_hours(expression, "england")
        weeks = [_week_openings(schedule, monday) for monday in REFERENCE_WEEKS]
    except (hours.HoursError, RuntimeError):
        return None
    if weeks[0] is None or weeks[0] != weeks[1] or not weeks[0]:
        return None
    grouped: dict[tuple[str, str], list[int]] = {}
    for weekday, opens, closes in weeks[0]:
        grouped.setdefault((opens, closes), []).append(weekday)
    rules = [
        (",".join(BYDAY[d] for d in sorted(days)), opens, closes)
        for (opens, closes), days in grouped.items()
    ]
    rules.sort(key=lambda rule: (BYDAY.index(rule[0][:2]), rule[1]))
    return tuple(rules)


def hsds_schedules(row: Premises, sal_id: str) -> list[dict]:
    """Return the HSDS schedules of a premises' opening hours."""
    expression = row.opening_hours
    description = f"Opening hours (OpenStreetMap opening_hours syntax): {expression}"
    rules = weekly_rules(expression, row.nation)
    if rules is None:
        return [
            {
                "id": hsds_id("schedule", f"{row.id}:0"),
                "service_at_location_id": sal_id,
                "description": description,
                "notes": "These hours cannot be given as weekly rules without losing "
                "something (bank holidays, dates, seasons or hours not known); read the "
                "description.",
            }
        ]
    return [
        {
            "id": hsds_id("schedule", f"{row.id}:{number}"),
            "service_at_location_id": sal_id,
            "freq": "WEEKLY",
            "interval": 1,
            "byday": byday,
            "opens_at": opens,
            "closes_at": closes,
            "description": description,
            "notes": TIME_NOTE,
        }
        for number, (byday, opens, closes) in enumerate(rules)
    ]


def hsds_service(row: Premises, url: str, area_name: Callable[[str | None], str | None]) -> dict:
    """Turn a public premises row into an HSDS 3.0 service with its location nested."""
    space_id = row.id
    service_id = hsds_id("service", space_id)
    location_id = hsds_id("location", space_id)
    sal_id = hsds_id("service_at_location", space_id)
    organisation_id = _organisation_id(row.organisation)
    facilities = row.facility_codes
    offered = ", ".join(FACILITIES[code] for code in facilities if code in FACILITIES)
    description = (
        "A safe space (Operation Portum): somewhere to wait safely, be helped to call for help "
        "and be put in touch with the right agency."
    )
    if offered:
        description += f" Also here: {offered}."
    service = {
        "id": service_id,
        "organization_id": organisation_id,
        "name": f"Safe space at {row.name}",
        "description": description,
        "url": url,
        "status": "active",
        "application_process": row.how_to_ask or "Ask a member of staff for the safe space.",
        "fees_description": "Free.",
        "eligibility_description": "Anyone who feels unsafe or needs help.",
    }
    confirmed = features.iso_date(row.last_confirmed)
    if confirmed:
        service["assured_date"] = confirmed
    alerts = []
    if row.demo:
        alerts.append("Demo listing built from open data: this is not a real safe space.")
    if row.closed_until:
        begins = f" from {row.closed_from:%Y-%m-%d}" if row.closed_from else ""
        alerts.append(f"Temporarily closed{begins}; reopens {row.closed_until:%Y-%m-%d}.")
    if alerts:
        service["alert"] = " ".join(alerts)
    service["organization"] = {
        "id": organisation_id,
        "name": row.organisation,
        "description": f"{row.organisation}: a business that offers safe spaces on its premises.",
    }
    district = area_name(row.area_code)
    address = {
        "id": hsds_id("address", space_id),
        "location_id": location_id,
        "address_1": row.address or row.name,
        # HSDS requires these as strings; the local authority district stands in for the town.
        "city": district or "",
        "region": district or "",
        "state_province": NATION_NAMES.get(row.nation, ""),
        "postal_code": row.postcode or "",
        "country": "GB",
        "address_type": "physical",
    }
    location = {
        "id": location_id,
        "location_type": "physical",
        "organization_id": organisation_id,
        "name": row.name,
        "latitude": row.lat,
        "longitude": row.lon,
        "addresss": [address],
        "phones": [],
        "accessibilitys": [
            {
                "id": hsds_id("accessibility", f"{space_id}:{code}"),
                "location_id": location_id,
                "description": FACILITIES[code],
            }
            for code in ACCESSIBILITY
            if code in facilities
        ],
    }
    if row.phone:
        location["phones"].append(
            {
                "id": hsds_id("phone", space_id),
                "location_id": location_id,
                "number": row.phone,
                "type": "voice",
            }
        )
    service["service_at_locations"] = [
        {
            "id": sal_id,
            "service_id": service_id,
            "location_id": location_id,
            "schedules": hsds_schedules(row, sal_id),
            "location": location,
        }
    ]
    return service


def hsds_chunks(
    store: Store,
    url_for_space: Callable[[int], str],
    area_name: Callable[[str | None], str | None],
    *,
    batch_size: int = BATCH_SIZE,
    generated: datetime | None = None,
) -> Iterator[str]:
    """Yield the HSDS 3.0 export of every public premises as chunks of one JSON document."""
    head = {"hsds_version": HSDS_VERSION, **_collection_head(generated)}
    yield _dumps(head)[:-1] + ',"contents":['
    count = 0
    for rows in store.premises.public_in_batches(batch_size):
        yield ("," if count else "") + ",".join(
            _dumps(hsds_service(row, url_for_space(row.id), area_name)) for row in rows
        )
        count += len(rows)
    page = {
        "total_items": count,
        "total_pages": 1,
        "page_number": 1,
        "size": count,
        "first_page": True,
        "last_page": True,
        "empty": count == 0,
    }
    yield "]," + _dumps(page)[1:]


# -- GeoPackage -------------------------------------------------------------------------------

GEOPACKAGE_LAYER = "safe_spaces"
GEOPACKAGE_CRS = {4326: "EPSG:4326", 27700: "EPSG:27700"}
# The API's data properties, in its order, and the demo source: one field each.
GEOPACKAGE_FIELDS = (
    "id",
    "name",
    "organisation",
    "address",
    "postcode",
    "facilities",
    "opening_hours",
    "closed_from",
    "closed_until",
    "phone",
    "website",
    "how_to_ask",
    "url",
    "area_code",
    "nation",
    "demo",
    "last_confirmed",
    "source",
)


def geopackage_records(row: Premises, url: str) -> dict:
    """Return a public premises' data properties as flat GeoPackage fields (lists joined by ;)."""
    properties = features.data_properties(row, url)
    properties["facilities"] = ";".join(properties["facilities"])
    properties["source"] = _demo_source(row)
    return properties


def write_geopackage(
    store: Store,
    url_for_space: Callable[[int], str],
    path: Path,
    *,
    epsg: int = 4326,
    batch_size: int = BATCH_SIZE,
    generated: datetime | None = None,
) -> int:
    """Write every public premises to a GeoPackage layer in WGS84 or British National Grid.

    Returns how many premises it holds. The licence and attribution go in its metadata.
    """
    # geopandas costs a second at import: only a GeoPackage download pays it.
    import geopandas
    import shapely

    records, lats, lons = [], [], []
    for rows in store.premises.public_in_batches(batch_size):
        for row in rows:
            records.append(geopackage_records(row, url_for_space(row.id)))
            lats.append(row.lat)
            lons.append(row.lon)
    if epsg == 27700:
        xs, ys = bng.from_wgs84(lats, lons)
    else:
        xs, ys = lons, lats
    frame = geopandas.GeoDataFrame(
        {name: [record[name] for record in records] for name in GEOPACKAGE_FIELDS},
        geometry=shapely.points(np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)),
        crs=GEOPACKAGE_CRS[epsg],
    )
    metadata = {
        "LICENCE": LICENCE,
        "LICENCE_URL": LICENCE_URL,
        "GENERATED": _generated(generated),
        "ATTRIBUTION": "; ".join(
            f"{item['name']} ({item['licence']}): {item.get('notice', '')}".rstrip(": ")
            for item in ATTRIBUTION
        ),
    }
    frame.to_file(
        path,
        layer=GEOPACKAGE_LAYER,
        driver="GPKG",
        engine="pyogrio",
        metadata=metadata,
        geometry_type="Point",
    )
    return len(records)


def geopackage_file(
    store: Store,
    url_for_space: Callable[[int], str],
    folder: Path,
    version: int,
    *,
    epsg: int = 4326,
) -> Path:
    """Return the GeoPackage of a data version (read just before), writing it if new.

    A GeoPackage is a database file, so it is built whole rather than streamed.
    """
    return cached_file(
        folder,
        f"{GEOPACKAGE_LAYER}-{epsg}",
        version,
        ".gpkg",
        lambda path: write_geopackage(store, url_for_space, path, epsg=epsg),
    )


def cached_file(
    folder: Path, stem: str, version: int, suffix: str, write: Callable[[Path], None]
) -> Path:
    """Return the file `stem` has for a data version, writing it first when there is none.

    One file per data version, kept until the data changes: however slowly it is downloaded,
    no database connection is held and nothing is computed again. It is written aside and
    renamed, so no reader sees half a file, and one worker per machine writes it while the
    others wait (a lock file), so a burst of requests after a change builds it once. Files
    `write` adds beside it (a gzipped copy) travel with it.
    """
    name = f"{stem}-{version}{suffix}"
    path = folder / name
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / f"{stem}.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if path.exists():
            return path  # another worker wrote it while this one waited
        with tempfile.TemporaryDirectory(dir=folder) as scratch:
            write(Path(scratch) / name)
            # Companions first: whoever sees the main file sees them too.
            for made in sorted(Path(scratch).iterdir(), key=lambda made: made.name == name):
                os.replace(made, folder / made.name)
        for old in folder.glob(f"{stem}-*"):
            if not old.name.startswith(name):
                old.unlink(missing_ok=True)
    return path


def write_text(chunks: Iterator[str], path: Path) -> None:
    """Write a streamed export to `path`, and gzipped beside it (`path`.gz) for most clients."""
    with (
        path.open("wb") as plain,
        gzip.open(path.with_name(path.name + ".gz"), "wb", compresslevel=6) as packed,
    ):
        for chunk in chunks:
            data = chunk.encode()
            plain.write(data)
            packed.write(data)
