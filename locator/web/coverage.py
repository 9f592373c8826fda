"""Coverage gaps for partners: when and where in a district no safe space is open nearby."""

from __future__ import annotations

import json
import math
from dataclasses import replace

import shapely
from flask import Blueprint, current_app, render_template, request
from shapely.geometry.base import BaseGeometry

from locator.coverage import gaps as coverage
from locator.domain.errors import InvalidParameter
from locator.geo.maps import map_parts
from locator.search.index import EARTH_RADIUS_M
from locator.web.api import locator
from locator.web.maps import vendor_url

bp = Blueprint("coverage", __name__)

RADIUS_CHOICES_KM = (0.5, 1, 1.5, 2, 3, 5)
# Coordinates to ~1 m and outlines simplified to ~20 m: enough for a district map, and the
# page stays small (Highland's boundary has thousands of points).
PRECISION_DEG = 1e-5
SIMPLIFY_DEG = 2e-4
OUTLINE_STYLE = {"color": "#1b1b1b", "weight": 3, "fill": False}
GAP_STYLE = {"color": "#a50e1e", "weight": 1, "fillColor": "#a50e1e", "fillOpacity": 0.35}
CENTRE_STYLE = {"color": "#1d4ed8", "weight": 3, "dashArray": "8 6", "fill": False}


@bp.get("/partners/coverage")
def page():
    """Show the hour-by-week grid and the map of gaps for one district."""
    service = locator()
    raw_area = request.args.get("area", "")
    slug = raw_area.strip().lower()
    chosen = {"area": slug, "day": 4, "hour": 22, "radius_km": 1.0}
    try:
        chosen["day"] = coverage.parse_day(request.args.get("day"))
        chosen["hour"] = coverage.parse_hour(request.args.get("hour"))
        chosen["radius_km"] = coverage.parse_radius_km(request.args.get("radius_km"))
    except InvalidParameter as error:
        return _render(chosen, area=service.areas.by_slug(slug), error=error.message), 400
    if not slug:
        return _render(chosen)
    area = service.areas.by_slug(slug)
    if area is None:
        message = f"There is no district called {raw_area.strip()[:60]!r}: choose one below."
        return _render(chosen, error=message), 404
    district = service.areas.geometry(area.code)
    radius_m = chosen["radius_km"] * 1000
    week = coverage.reference_week(area.nation)
    nearby = coverage.premises_near(service.store.premises.located(), district, radius_m, area.code)
    town = _town_centre(service, area.name, district)
    result = coverage.analyse(district, nearby, week, radius_m, centre=town)
    day, hour = chosen["day"], chosen["hour"]
    gaps = result.gaps(day, hour)
    return _render(
        chosen,
        area=area,
        result=result,
        cell=result.cell(day, hour),
        gaps=gaps,
        sentence=coverage.summary(result, day, hour, area.name),
        town_centre=town is not None,
        map=_gap_map(district, gaps.uncovered, result.centre, radius_m),
    )


def _town_centre(service, name: str, district: BaseGeometry) -> tuple[float, float] | None:
    """Return the place of the district's name (Leeds in Leeds) when it lies inside it."""
    place = service.gazetteer.find(name)
    # find() forgives typos, so a near-miss name could land elsewhere: insist on inside.
    if place is None or place.kind != "place":
        return None
    if not shapely.contains_xy(district, place.lon, place.lat):
        return None
    return (place.lat, place.lon)


def _render(chosen: dict, **values):
    """Render the page with the form kept as chosen."""
    radii = sorted({*RADIUS_CHOICES_KM, chosen["radius_km"]})
    return render_template(
        "coverage.html",
        areas=locator().areas.all(),
        chosen=chosen,
        days=coverage.DAYS,
        day_names=coverage.DAY_NAMES,
        radii=radii,
        radius_text=coverage.radius_words(chosen["radius_km"] * 1000),
        percent=coverage.percent,
        **values,
    )


def _gap_map(district: BaseGeometry, uncovered: BaseGeometry, centre, radius_m: float):
    """Return a folium map of the district, its uncovered part and the circle at its centre."""
    west, south, east, north = district.bounds
    span = max(east - west, (north - south) * 1.6, 1e-3)
    zoom = min(max(round(math.log2(360 / span)), 5), 16)
    config = current_app.config
    parts = map_parts(
        ((south + north) / 2, (west + east) / 2),
        zoom,
        str(config["TILE_URL"] or ""),
        str(config["TILE_ATTRIBUTION"]),
        vendor_url,
        cluster=False,
        layers=[
            (_geojson(district.boundary), OUTLINE_STYLE),
            # Leaflet cannot draw an empty shape: leave the layer out when nothing is a gap.
            *([(_geojson(uncovered), GAP_STYLE)] if not uncovered.is_empty else []),
            (_geojson(_circle(centre, radius_m)), CENTRE_STYLE),
        ],
    )
    # Show the whole district whatever the screen size.
    fit = json.dumps([[south, west], [north, east]])
    return replace(parts, script=f"{parts.script}\n{parts.variable}.fitBounds({fit});\n")


def _geojson(geometry: BaseGeometry) -> dict:
    """Return a geometry as a small GeoJSON dict for the map."""
    simpler = shapely.simplify(geometry, SIMPLIFY_DEG, preserve_topology=True)
    return json.loads(shapely.to_geojson(shapely.set_precision(simpler, PRECISION_DEG)))


def _circle(centre: tuple[float, float], radius_m: float, sides: int = 72) -> BaseGeometry:
    """Return a ring of points `radius_m` from a point (flat-earth offsets, fine for 5 km)."""
    lat, lon = centre
    d_lat = radius_m / (EARTH_RADIUS_M * math.pi / 180)
    d_lon = d_lat / math.cos(math.radians(lat))
    angles = [2 * math.pi * i / sides for i in range(sides + 1)]
    return shapely.LineString(
        [(lon + d_lon * math.sin(a), lat + d_lat * math.cos(a)) for a in angles]
    )
