"""OpenStreetMap as partnerships export it: Overpass API JSON, OSM XML, and osmtogeojson GeoJSON.

Each reader yields (where, tags) for every tagged object with a position: the tags as they are,
with `__id__` ("node/123") and `lat`/`lon` added. A way is placed at the middle of its nodes (or
the centre Overpass gives with `out center`); an object with tags but no position is yielded with
`__error__`, so the import can say which one and why. Plain untagged nodes (the corners of ways)
are not premises and are passed over.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from xml.etree.ElementTree import ParseError

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

NO_POSITION = "it has no position (ask Overpass for 'out center', or include its nodes)"


class OsmFileError(ValueError):
    """The file is not OpenStreetMap data we can read; the message says why."""


def looks_like_osm_xml(text: str) -> bool:
    """Return True for OSM XML: an <osm> root, perhaps after an XML declaration."""
    head = text.lstrip()[:500]
    return head.startswith("<") and "<osm" in head


def looks_like_overpass(document: object) -> bool:
    """Return True for an Overpass API JSON answer (a list of elements)."""
    return isinstance(document, dict) and isinstance(document.get("elements"), list)


def overpass_rows(document: dict) -> Iterator[tuple[str, dict]]:
    """Yield the tagged elements of an Overpass API JSON answer."""
    for number, element in enumerate(document["elements"], start=1):
        if not isinstance(element, dict):
            yield f"element {number}", {"__error__": "it is not an OSM element"}
            continue
        tags = element.get("tags")
        if not isinstance(tags, dict) or not tags:
            continue
        kind, ident = element.get("type"), element.get("id")
        where = f"element {number} ({kind}/{ident})"
        values = {**tags, "__id__": f"{kind}/{ident}"}
        position = _element_position(element)
        if position is None:
            yield where, {**values, "__error__": NO_POSITION}
            continue
        values["lat"], values["lon"] = position
        yield where, values


def _element_position(element: dict) -> tuple[float, float] | None:
    if "lat" in element and "lon" in element:
        return element["lat"], element["lon"]
    centre = element.get("center")
    if isinstance(centre, dict) and "lat" in centre and "lon" in centre:
        return centre["lat"], centre["lon"]
    points = [
        (point["lat"], point["lon"])
        for point in element.get("geometry") or []
        if isinstance(point, dict) and "lat" in point and "lon" in point
    ]
    return middle(points)


def xml_rows(text: str) -> Iterator[tuple[str, dict]]:
    """Yield the tagged nodes, ways and relations of an OSM XML file."""
    try:
        root = ElementTree.fromstring(text)
    except (ParseError, DefusedXmlException) as error:
        raise OsmFileError(f"The file is not readable OSM XML ({error}).") from None
    if root.tag != "osm":
        raise OsmFileError("An OSM XML file must have <osm> as its root element.")
    nodes = {
        node.get("id"): (node.get("lat"), node.get("lon"))
        for node in root.iter("node")
        if node.get("lat") is not None and node.get("lon") is not None
    }
    number = 0
    for element in root:
        if element.tag not in ("node", "way", "relation"):
            continue
        tags = {tag.get("k"): tag.get("v") for tag in element.iter("tag") if tag.get("k")}
        if not tags:
            continue
        number += 1
        ident = f"{element.tag}/{element.get('id')}"
        where = f"{element.tag} {element.get('id')}"
        values = {**tags, "__id__": ident}
        position = _xml_position(element, nodes)
        if position is None:
            yield where, {**values, "__error__": NO_POSITION}
            continue
        values["lat"], values["lon"] = position
        yield where, values


def _xml_position(element, nodes: dict) -> tuple[float, float] | None:
    try:
        if element.tag == "node":
            return float(element.get("lat")), float(element.get("lon"))
        centre = element.find("center")
        if centre is not None:
            return float(centre.get("lat")), float(centre.get("lon"))
        points = [
            (float(nodes[nd.get("ref")][0]), float(nodes[nd.get("ref")][1]))
            for nd in element.iter("nd")
            if nd.get("ref") in nodes
        ]
    except (TypeError, ValueError):
        return None
    return middle(points)


def flatten_feature(properties: dict, feature_id) -> dict:
    """Return an osmtogeojson feature's properties with its nested `tags` lifted up."""
    tags = properties.get("tags")
    if not isinstance(tags, dict):
        return properties
    ident = feature_id or (
        f"{properties.get('type')}/{properties.get('id')}" if properties.get("id") else None
    )
    values = {**tags}
    if ident:
        values["__id__"] = ident
    return values


def middle(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Return the mean (lat, lon) of an outline's points, counting a closing point once."""
    if not points:
        return None
    # A closed way repeats its first node: count it once.
    if len(points) > 1 and points[0] == points[-1]:
        points = points[:-1]
    return (
        round(sum(lat for lat, _ in points) / len(points), 7),
        round(sum(lon for _, lon in points) / len(points), 7),
    )


def parse_json(text: str) -> object:
    """Return a JSON document, or raise OsmFileError saying where it breaks."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise OsmFileError(
            f"The file is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})."
        ) from None


def is_pbf(path) -> bool:
    """Return True for an OSM PBF file: its first block is the 'OSMHeader'."""
    try:
        with open(path, "rb") as handle:
            return b"OSMHeader" in handle.read(64)
    except OSError:
        return False


def pbf_rows(path) -> Iterator[tuple[str, dict]]:
    """Yield the tagged nodes and ways of an .osm.pbf extract (relations have no position)."""
    import osmium  # only imports of .osm.pbf need it

    try:
        source = osmium.io.File(str(path), "pbf")  # by its contents, whatever its name
        for element in osmium.FileProcessor(source).with_locations():
            if not element.tags:
                continue
            kind = element.type_str()
            name = {"n": "node", "w": "way", "r": "relation"}.get(kind, kind)
            values = {tag.k: tag.v for tag in element.tags}
            values["__id__"] = f"{name}/{element.id}"
            position = _pbf_position(element, kind)
            where = f"{name} {element.id}"
            if position is None:
                yield where, {**values, "__error__": NO_POSITION}
                continue
            values["lat"], values["lon"] = position
            yield where, values
    except RuntimeError as error:  # osmium's own: a damaged or truncated file
        raise OsmFileError(f"The .osm.pbf file cannot be read ({error}).") from None


def _pbf_position(element, kind: str) -> tuple[float, float] | None:
    if kind == "n":
        location = element.location
        return (location.lat, location.lon) if location.valid() else None
    if kind == "w":
        located = [node.location for node in element.nodes if node.location.valid()]
        points = [(location.lat, location.lon) for location in located]
        return middle(points)
    return None
