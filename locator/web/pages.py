"""Public pages: search with map and list, place pages, quick exit, embed and its builder."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from flask import Blueprint, abort, current_app, render_template, request, send_from_directory
from werkzeug.datastructures import MultiDict

from locator import presenting
from locator.chat import service as chat_service
from locator.domain.errors import LocatorError, SpaceNotFound
from locator.domain.helplines import ROUND_THE_CLOCK
from locator.domain.vocabulary import FACILITIES, REPORT_REASONS
from locator.geo.maps import map_parts
from locator.geo.towns import main_town
from locator.hours import schedule as hours
from locator.search.features import safe_schedule
from locator.search.query import (
    DEFAULT_RADIUS_KM,
    SpaceQuery,
    describe_when,
    parse_at,
    parse_bbox,
    parse_space_query,
)
from locator.search.service import PageResults, search_for_people
from locator.web import links
from locator.web.api import locator
from locator.web.errors import error_page

bp = Blueprint("pages", __name__)

UK_CENTRE = (54.3, -2.5)
RADII_KM = (1, 2, 5, 10, 25, 50)


def _vendor_dirs() -> dict[str, Path]:
    import xstatic.pkg.leaflet
    import xstatic.pkg.leaflet_markercluster

    return {
        "leaflet": Path(xstatic.pkg.leaflet.BASE_DIR),
        "markercluster": Path(xstatic.pkg.leaflet_markercluster.BASE_DIR),
    }


def vendor_url(path: str) -> str:
    """Return the URL of a file from a vendored (pip-packaged) front-end library."""
    package, _, filename = path.partition("/")
    return f"/static/vendor/{package}/{filename}"


def page_params(args: MultiDict) -> dict[str, str]:
    """Flatten form parameters: checkboxes repeat `facilities`, the API joins them with commas."""
    params = {key: args.get(key, "") for key in args}
    params["facilities"] = ",".join(v for v in args.getlist("facilities") if v)
    return params


def map_for(centre, zoom, *, cluster=True, marker=None):
    config = current_app.config
    return map_parts(
        centre,
        zoom,
        str(config["TILE_URL"] or ""),
        str(config["TILE_ATTRIBUTION"]),
        vendor_url,
        cluster=cluster,
        marker=marker,
    )


def _search(params: dict[str, str]):
    """Run a page search; return (query, results, error)."""
    service = locator()
    has_where = any(params.get(k) for k in ("q", "lat", "bbox", "area"))
    if not has_where:
        return None, None, None
    try:
        query = parse_space_query(params, service.areas, open_now_default=True)
        return query, search_for_people(service, query, links.space_url), None
    except LocatorError as error:
        return None, None, error


def _form_state(params: dict[str, str], query) -> dict:
    chosen = set(query.facilities) if query else set(filter(None, params["facilities"].split(",")))
    open_now = params.get("open_now", "true").strip().lower() not in ("false", "0", "no", "off")
    radius = query.radius_km if query else DEFAULT_RADIUS_KM
    at = params.get("at", "")
    words = [
        "open now"
        if open_now and not at
        else ("open at the time chosen" if open_now else "open or closed"),
        f"within {radius:g} km",
    ]
    words.append(
        ", ".join(FACILITIES[c].lower() for c in FACILITIES if c in chosen) or "any facilities"
    )
    return {
        "q": params.get("q", ""),
        # A shared position travels with the filter form, so applying a filter keeps it.
        "lat": f"{query.lat:.5f}" if query and query.lat is not None else "",
        "lon": f"{query.lon:.5f}" if query and query.lon is not None else "",
        "open_now": open_now,
        "at": at,
        "facilities": chosen,
        "radius_km": radius,
        "filtered": bool(chosen or at or not open_now or radius != DEFAULT_RADIUS_KM),
        "summary": " · ".join(words),
    }


def _spaces_words(query, count: int, area_name: str | None = None) -> str:
    """Say 'safe spaces open now with toilet in Leeds' for a query (singular for one)."""
    words = ["safe space" if count == 1 else "safe spaces"]
    if query.open_now:
        words.append(describe_when(query))
    if query.facilities:
        words.append("with " + ", ".join(FACILITIES[c].lower() for c in query.facilities))
    if area_name:
        words.append(f"in {area_name}")
    return " ".join(words)


def _summary(query, results) -> str:
    """Say what the list shows in one sentence."""
    if results is None:
        return ""
    shown = results.result
    where = shown.location.label if shown.location else "the map area"
    opened = [f for f in shown.features if f["properties"]["open_now"]]
    if opened or (shown.features and not query.open_now):
        listed = opened if query.open_now else shown.features
        within = f" within {query.radius_km:g} km of {where}" if shown.location else ""
        return f"{len(listed)} {_spaces_words(query, len(listed))}{within}."
    opening = f"{describe_when(query)} " if query.open_now else ""
    return f"No safe space {opening}within {query.radius_km:g} km of {where}."


@bp.get("/")
def index():
    """Show the search form, the list and the map."""
    params = page_params(request.args)
    query, results, error = _search(params)
    location = results.result.location if results else None
    centre, zoom = ((location.lat, location.lon), 14) if location else (UK_CENTRE, 6)
    # A place we cannot find is said beside the search box; other mistakes above the list.
    field_error = error.message if error is not None and error.field == "q" else None
    return render_template(
        "index.html",
        form=_form_state(params, query),
        results=results,
        query=query,
        error=None if error is None or field_error else error.message,
        field_error=field_error,
        summary=_summary(query, results),
        facilities=FACILITIES,
        radii=RADII_KM,
        map=map_for(centre, zoom),
        map_filters=_map_filters(query, params),
    ), (400 if error else 200)


@bp.get("/results")
def results_fragment():
    """Return just the results list, for the page's "use my location" button."""
    params = page_params(request.args)
    query, results, error = _search(params)
    return render_template(
        "_results.html",
        results=results,
        query=query,
        error=error.message if error else None,
        summary=_summary(query, results),
    ), (400 if error else 200)


def _map_filters(query, params) -> dict[str, str]:
    """Return the filters the map's own API requests must repeat."""
    return {
        "open_now": "true"
        if (query.open_now if query else _form_state(params, None)["open_now"])
        else "false",
        "at": params.get("at", ""),
        "facilities": ",".join(query.facilities) if query else params.get("facilities", ""),
    }


@bp.get("/spaces/<int:space_id>")
def place(space_id: int):
    """Show one safe space: hours, facilities, how to ask, map and directions."""
    service = locator()
    try:
        at = parse_at(request.args.get("at"))
        feature = service.space(space_id, at, links.space_url)
    except SpaceNotFound:
        if service.store.premises.get(space_id) is None:
            abort(404)
        # Withdrawn or suspended: a sticker's QR code or an old link may still lead here.
        return error_page(
            404,
            "The business is not listed as a safe space at the moment. Other safe spaces may "
            "be open near you.",
            heading="This safe space is no longer listed",
            link_text="Find another safe space",
        )
    except LocatorError:
        abort(404)
    props = feature["properties"]
    lon, lat = feature["geometry"]["coordinates"]
    schedule = safe_schedule(props["opening_hours"], props["nation"])
    return render_template(
        "place.html",
        space=props,
        lat=lat,
        lon=lon,
        week=presenting.weekly_table(schedule, at) if schedule else [],
        bank_holidays=presenting.bank_holiday_note(schedule, at) if schedule else "",
        facilities=presenting.facility_labels(props["facilities"]),
        directions=presenting.directions(lat, lon, props["name"]),
        reasons=REPORT_REASONS,
        map=map_for((lat, lon), 16, cluster=False, marker=(lat, lon)),
        today=hours.local_time(at),
    )


@bp.post("/spaces/<int:space_id>/report")
def report(space_id: int):
    """Record a one-tap report that a listing is wrong."""
    reason = request.form.get("reason", "")
    if reason not in REPORT_REASONS:
        return render_template(
            "message.html",
            title="Choose what is wrong",
            message="Please go back and choose one of the buttons.",
        ), 400
    if not locator().store.reports.add(space_id, reason):
        abort(404)
    return render_template(
        "message.html",
        title="Thank you",
        message="We will check this listing. You do not need to do anything else.",
        back=f"/spaces/{space_id}",
    )


@bp.post("/chat")
def chat_page():
    """Answer the chat form without JavaScript; the message is not kept."""
    message = request.form.get("choice") or request.form.get("message", "")
    context = chat_service.parse_chat_context(request.form.get("context", ""))
    chat_request = chat_service.ChatRequest(message, parse_at(None), context=context)
    reply = chat_service.chat(locator(), chat_request, links.space_url)
    return render_template("chat.html", chat_reply=reply, chat_message=message[:1000])


@bp.get("/quick-exit")
def quick_exit():
    """Explain what quick exit does and what it cannot hide."""
    return render_template("quick_exit.html")


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


@dataclass(frozen=True)
class _EmbedList:
    """What the embed lists, where it is measured from, and how many match in the district."""

    query: SpaceQuery | None = None
    results: PageResults | None = None
    origin: str | None = None  # "the centre of Leeds", "the centre you chose", "your location"
    total: int | None = None  # every match in the district; None without a district
    searched: bool = False  # the visitor typed a place or shared their position


def _embed_list(service, params: dict[str, str], area) -> tuple[_EmbedList, LocatorError | None]:
    """Search from the visitor's place or position, else the partner's centre or main town."""
    scope = {key: params[key] for key in EMBED_SCOPE if params.get(key)}
    origin = None
    if params.get("q", "").strip():
        where = {"q": params["q"]}
    elif params.get("my_lat") or params.get("my_lon"):
        where = {"lat": params.get("my_lat", ""), "lon": params.get("my_lon", "")}
    elif scope.keys() & {"lat", "lon"}:
        where, origin = {}, "the centre you chose"
    else:
        town = main_town(service.areas, area.code) if area is not None else None
        where = {"lat": str(town.lat), "lon": str(town.lon)} if town else {}
        origin = f"the centre of {town.name}" if town else None
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
        results = search_for_people(service, query, links.space_url)
    except LocatorError as error:
        return _EmbedList(searched=searched), error
    location = results.result.location
    total = service.count(query) if query.area else None
    origin = origin or (location.label if location else None)
    return _EmbedList(query, results, origin, total, searched), None


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
    within = ""
    if results.result.location is not None and query.radius_km < WHOLE_SCOPE_KM:
        within = f" within {query.radius_km:g} km of {origin}"

    def spaces(count: int) -> str:
        return _spaces_words(query, count, area.name if area is not None else None)

    in_order = ", nearest first" if shown > 1 else ""
    if shown == 0:
        return f"No {spaces(1)}{within}."
    if total is not None and shown < total:
        if within and shown < query.limit:
            verb = "is" if shown == 1 else "are"
            return f"{shown} of {total} {spaces(total)} {verb}{within}{in_order}."
        nearest = f": the nearest to {origin}" if origin else ""
        return f"{shown} of {total} {spaces(total)}{nearest}."
    if total is None and shown >= query.limit:
        origin = origin or "the middle of the map area"
        return f"The {shown} {spaces(shown)} nearest to {origin}; there may be more."
    if within:
        return f"{shown} {spaces(shown)}{within}{in_order}."
    if origin and shown > 1:
        return f"{shown} {spaces(shown)}, nearest to {origin} first."
    return f"{shown} {spaces(shown)}."


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
            error = "lat, lon and zoom must be numbers."
    if area is None and params.get("area"):
        error = f"Unknown area {params['area'][:60]!r}."
    listing, search_error = _embed_list(service, params, area)
    field_error = None
    if search_error is not None and search_error.field == "q":
        # A place we cannot find is said beside the box; the partner's own list stays below.
        field_error = search_error.message
        listing, search_error = _embed_list(service, {**params, "q": ""}, area)
    here = listing.results.result.location if listing.searched and listing.results else None
    if here is not None:
        centre, zoom, bounds = (here.lat, here.lon), 14, None
    error = error or (search_error.message if search_error else None)
    return render_template(
        "embed.html",
        results=listing.results,
        query=listing.query,
        error=error,
        field_error=field_error,
        summary=_embed_summary(listing, area),
        here=here,
        q=params.get("q", ""),
        scope=[(key, params[key]) for key in EMBED_SCOPE if params.get(key)],
        map=map_for(centre, zoom),
        bounds=bounds,
        map_filters=_map_filters(listing.query, params),
    ), (400 if error or field_error else 200)


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


@bp.app_context_processor
def _template_helpers() -> dict:
    return {
        "facility_label": FACILITIES.get,
        "directions": presenting.directions,
        "nothing_open_helplines": ROUND_THE_CLOCK,
    }


@bp.get("/static/vendor/<package>/<path:filename>")
def vendor(package: str, filename: str):
    """Serve Leaflet and its plugins from their pip packages (no CDN)."""
    folder = _vendor_dirs().get(package)
    if folder is None:
        abort(404)
    return send_from_directory(folder, filename, max_age=86400)
