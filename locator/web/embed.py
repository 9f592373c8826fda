"""The embed partners put on their own sites, and the page that builds its snippet."""

from __future__ import annotations

from dataclasses import dataclass, replace

from flask import Blueprint, render_template, request

from locator.domain.errors import LocatorError
from locator.domain.language import N_, gettext, ngettext
from locator.domain.vocabulary import FACILITIES
from locator.geo.towns import main_town
from locator.search.query import (
    SpaceQuery,
    describe_when,
    parse_bbox,
    parse_space_query,
    with_facilities,
)
from locator.search.service import PageResults, search_for_people
from locator.web import links
from locator.web.api import locator
from locator.web.maps import UK_CENTRE, map_for
from locator.web.pages import map_filters, page_params, place_choices, place_error

bp = Blueprint("embed", __name__)

# The partner's choices, kept as hidden fields by the embed's search form.
EMBED_SCOPE = (
    "area",
    "bbox",
    "lat",
    "lon",
    "zoom",
    "facilities",
    "open_now",
    "at",
    "radius_km",
    "limit",
)


# Further than any district is across: without a search, a district's list is ordered from its
# centre and never cut by distance.
WHOLE_SCOPE_KM = 1000.0

# Where the list is measured from when the visitor has not searched. In the summary's sentences
# each follows "of" or "to", so a translation may give the form that reads there (Welsh mutates).
CHOSEN_CENTRE = N_("the centre you chose")
MAP_MIDDLE = N_("the middle of the map area")
# Sentences of the summary, whole so that a translation can order its words freely.
NONE_LISTED = N_("No safe space%(details)s.")
NONE_WITHIN = N_("No safe space%(details)s within %(km)s km of %(origin)s.")
SOME_OF = N_("%(shown)s of %(total)s safe spaces%(details)s.")
SOME_OF_NEAREST = N_("%(shown)s of %(total)s safe spaces%(details)s: the nearest to %(origin)s.")


@dataclass(frozen=True)
class _EmbedList:
    """What the embed lists, where it is measured from, and how many match in the district."""

    query: SpaceQuery | None = None
    results: PageResults | None = None
    origin: str | None = None  # "the centre of Leeds", "the centre you chose", "M1 1AE"
    total: int | None = None  # every match in the district; None without a district
    searched: bool = False  # the visitor typed a place or shared their position


def _embed_list(service, params: dict[str, str], area) -> tuple[_EmbedList, LocatorError | None]:
    """Search from the visitor's place or position, else the partner's centre or main town."""
    scope = {key: params[key] for key in EMBED_SCOPE if params.get(key)}
    origin = None
    if params.get("q", "").strip():
        where = {"q": params["q"], "near": params.get("near", "")}
    elif params.get("my_lat") or params.get("my_lon"):
        where = {"lat": params.get("my_lat", ""), "lon": params.get("my_lon", "")}
    elif scope.keys() & {"lat", "lon"}:
        where, origin = {}, gettext(CHOSEN_CENTRE)
    else:
        town = main_town(service.areas, area.code) if area is not None else None
        where = {"lat": str(town.lat), "lon": str(town.lon)} if town else {}
        origin = gettext("the centre of %(town)s", town=town.name) if town else None
    searched = bool(where) and origin is None
    if not (where or scope.keys() & {"area", "bbox", "lat", "lon"}):
        return _EmbedList(), None
    if searched:
        # The visitor's place replaces the partner's centre.
        scope = {key: value for key, value in scope.items() if key not in ("lat", "lon")}
    try:
        query = parse_space_query({**scope, **where}, service.areas, open_now_default=True)
        if origin and (query.area or query.bbox) and "radius_km" not in scope:
            query = replace(query, radius_km=WHOLE_SCOPE_KM)
        results = search_for_people(service, query, links.space_urls())
    except LocatorError as error:
        return _EmbedList(searched=searched), error
    location = results.result.location
    total = service.count(query) if query.area else None
    origin = origin or (location.label if location else None)
    return _EmbedList(query, results, origin, total, searched), None


def _spaces_details(query: SpaceQuery, area) -> str:
    """Say what the listed spaces are, after the noun: ' open now with toilet in Leeds'."""
    details = [describe_when(query)] if query.open_now else []
    if query.facilities:
        details.append(with_facilities(query.facilities, conjunction=False))
    if area is not None:
        details.append(gettext("in %(area)s", area=area.name))
    return "".join(" " + words for words in details)


def _embed_summary(listing: _EmbedList, area) -> str:
    """Say what the embed lists: how many of how many match, where, and nearest to what."""
    query, results = listing.query, listing.results
    if results is None:
        return ""
    features = results.result.features
    if query.open_now:
        features = [feature for feature in features if feature["properties"]["open_now"]]
    shown = len(features)
    total, origin = listing.total, listing.origin
    # Each case is one whole sentence: Welsh orders and mutates its words differently.
    said = {"details": _spaces_details(query, area), "total": total, "origin": origin}
    within = results.result.location is not None and query.radius_km < WHOLE_SCOPE_KM
    if within:
        said["km"] = f"{query.radius_km:g}"
    if shown == 0:
        return gettext(NONE_WITHIN if within else NONE_LISTED, **said)
    if total is not None and shown < total:
        if within and shown < query.limit:
            return ngettext(
                "%(num)s of %(total)s safe spaces%(details)s is within %(km)s km of %(origin)s.",
                "%(num)s of %(total)s safe spaces%(details)s are within %(km)s km of "
                "%(origin)s, nearest first.",
                shown,
                **said,
            )
        return gettext(SOME_OF_NEAREST if origin else SOME_OF, shown=shown, **said)
    if total is None and shown >= query.limit:
        said["origin"] = origin or gettext(MAP_MIDDLE)
        return ngettext(
            "The %(num)s safe space%(details)s nearest to %(origin)s; there may be more.",
            "The %(num)s safe spaces%(details)s nearest to %(origin)s; there may be more.",
            shown,
            **said,
        )
    if within:
        return ngettext(
            "%(num)s safe space%(details)s within %(km)s km of %(origin)s.",
            "%(num)s safe spaces%(details)s within %(km)s km of %(origin)s, nearest first.",
            shown,
            **said,
        )
    if origin and shown > 1:
        return ngettext(
            "%(num)s safe space%(details)s, nearest to %(origin)s first.",
            "%(num)s safe spaces%(details)s, nearest to %(origin)s first.",
            shown,
            **said,
        )
    return ngettext(
        "%(num)s safe space%(details)s.", "%(num)s safe spaces%(details)s.", shown, **said
    )


@bp.get("/embed")
def embed():
    """A chrome-less map and list for partners' iframes, scoped by area, box or centre.

    Visitors may search for a place (q) or share their position (my_lat, my_lon); otherwise the
    list starts from the partner's centre (lat, lon) or the district's main town.
    """
    service = locator()
    params = page_params(request.args)
    error = None
    centre, zoom, bounds = UK_CENTRE, 6, None
    area = (
        service.areas.by_slug(params.get("area", "").strip().lower())
        if params.get("area")
        else None
    )
    if area is not None:
        west, south, east, north = service.areas.geometry(area.code).bounds
        bounds = [south, west, north, east]
    elif params.get("bbox"):
        try:
            west, south, east, north = parse_bbox(params["bbox"])
            bounds = [south, west, north, east]
        except LocatorError as exc:
            error = exc.message
    elif params.get("lat") and params.get("lon"):
        try:
            centre = (float(params["lat"]), float(params["lon"]))
            zoom = min(max(int(params.get("zoom") or 14), 5), 18)
        except ValueError:
            error = gettext("lat, lon and zoom must be numbers.")
    if area is None and params.get("area"):
        error = gettext("Unknown area %(area)s.", area=repr(params["area"][:60]))
    listing, search_error = _embed_list(service, params, area)
    scope = {key: params[key] for key in EMBED_SCOPE if params.get(key)}
    field_error, suggestions = place_error(search_error, "embed.embed", scope)
    if field_error is not None:
        # A place we cannot find is said beside the box; the partner's own list stays below.
        listing, search_error = _embed_list(service, {**params, "q": ""}, area)
    here = listing.results.result.location if listing.searched and listing.results else None
    if here is not None:
        centre, zoom, bounds = (here.lat, here.lon), 14, None
    error = error or (search_error.message if search_error else None)
    # 503 when the database is down, 400 for a mistake in the request.
    status = search_error.status if search_error else (400 if error or field_error else 200)
    return render_template(
        "embed.html",
        results=listing.results,
        query=listing.query,
        error=error,
        field_error=field_error,
        suggestions=suggestions,
        choices=place_choices(listing.results, "embed.embed", params) if listing.searched else [],
        summary=_embed_summary(listing, area),
        here=here,
        q=params.get("q", ""),
        scope=list(scope.items()),
        map=map_for(centre, zoom),
        bounds=bounds,
        map_filters=map_filters(listing.query, params),
    ), status


def _builder_centre(service, area, raw_lat: str, raw_lon: str):
    """Check the centre a partner chose for the list; return ((lat, lon) or None, error)."""
    if not (raw_lat or raw_lon):
        return None, None
    try:
        query = parse_space_query({"lat": raw_lat, "lon": raw_lon}, service.areas)
    except LocatorError as error:
        return None, error.message
    found = service.areas.locate(query.lat, query.lon)
    if found is None or found.code != area.code:
        return None, (
            f"That centre is not in {area.name}: check the numbers (latitude first, such as "
            "53.7965, then longitude, such as -1.5478), or leave both empty."
        )
    return (query.lat, query.lon), None


@bp.get("/partners/embed")
def partners_embed():
    """Build the iframe snippet for a partner's website, with a live preview."""
    service = locator()
    areas = service.areas.all()
    slug = request.args.get("area", "").strip().lower()
    area = service.areas.by_slug(slug) or service.areas.by_slug("leeds") or areas[0]
    chosen_facilities = [c for c in request.args.getlist("facilities") if c in FACILITIES]
    try:
        height = min(max(int(request.args.get("height") or 600), 300), 2000)
    except ValueError:
        height = 600
    raw_lat, raw_lon = (request.args.get(key, "").strip()[:40] for key in ("lat", "lon"))
    centre, centre_error = _builder_centre(service, area, raw_lat, raw_lon)
    query = f"area={area.slug}"
    if chosen_facilities:
        query += "&facilities=" + ",".join(chosen_facilities)
    if centre is not None:
        query += f"&lat={centre[0]:.5f}&lon={centre[1]:.5f}"
    embed_path = f"/embed?{query}"
    base = links.base_url()
    snippet = (
        f'<iframe src="{base}{embed_path}" title="Safe spaces in {area.name}" '
        f'width="100%" height="{height}" style="border:0" loading="lazy" '
        f'allow="geolocation"></iframe>'
    )
    chosen = {
        "area": area.slug,
        "facilities": set(chosen_facilities),
        "height": height,
        "lat": raw_lat,
        "lon": raw_lon,
    }
    return render_template(
        "partners_embed.html",
        areas=areas,
        facilities=FACILITIES,
        chosen=chosen,
        snippet=snippet,
        embed_path=embed_path,
        town=main_town(service.areas, area.code),
        centre_error=centre_error,
    ), (400 if centre_error else 200)
