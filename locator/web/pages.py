"""Public pages: search with map and list, place pages, the chat without JavaScript, quick exit."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, current_app, render_template, request, url_for
from werkzeug.datastructures import MultiDict

from locator import presenting
from locator.domain import helplines, language
from locator.domain import training as training_pack
from locator.domain.errors import InvalidParameter, LocatorError, SpaceNotFound, Unavailable
from locator.domain.language import gettext, ngettext
from locator.domain.premises import closed_on
from locator.domain.vocabulary import FACILITIES, REPORT_REASONS, facility_label
from locator.hours import schedule as hours
from locator.listings import reports
from locator.search.features import safe_schedule
from locator.search.query import (
    DEFAULT_RADIUS_KM,
    describe_when,
    parse_at,
    parse_space_query,
    spaces_details,
    within_words,
)
from locator.search.service import search_for_people
from locator.web import links
from locator.web.api import locator
from locator.web.errors import error_page
from locator.web.maps import UK_CENTRE, map_for

bp = Blueprint("pages", __name__)

RADII_KM = (1, 2, 5, 10, 25, 50)


def place_error(error, endpoint: str, params: dict[str, str]):
    """Return what to say beside the search box, and (name, link) for each place it may mean.

    The links keep the search's other choices; an error about anything but the place is None.
    """
    if error is None or error.field != "q":
        return None, []
    labels = getattr(error, "suggestions", ())
    if not labels:
        return error.message, []
    kept = {key: value for key, value in params.items() if value and key != "q"}
    return error.advice, [(label, url_for(endpoint, **kept, q=label)) for label in labels]


def place_choices(results, endpoint: str, params: dict[str, str]) -> list[tuple[str, str]]:
    """Return (label, link) for each other place the searched name may mean.

    A link asks for the same name near that place, so it lands there and keeps the filters.
    """
    location = results.result.location if results else None
    if location is None or not location.alternatives:
        return []
    kept = {key: value for key, value in params.items() if value and key != "near"}
    return [
        (other.label, url_for(endpoint, **kept, near=f"{other.lat:.5f},{other.lon:.5f}"))
        for other in location.alternatives
    ]


def page_params(args: MultiDict) -> dict[str, str]:
    """Flatten form parameters: checkboxes repeat `facilities`, the API joins them with commas."""
    params = {key: args.get(key, "") for key in args}
    params["facilities"] = ",".join(v for v in args.getlist("facilities") if v)
    return params


def _search(params: dict[str, str]):
    """Run a page search; return (query, results, error)."""
    service = locator()
    has_where = any(params.get(k) for k in ("q", "lat", "bbox", "area"))
    if not has_where:
        return None, None, None
    try:
        query = parse_space_query(params, service.areas, open_now_default=True)
        return query, search_for_people(service, query, links.space_urls()), None
    except LocatorError as error:
        return None, None, error


def _form_state(params: dict[str, str], query) -> dict:
    chosen = set(query.facilities) if query else set(filter(None, params["facilities"].split(",")))
    open_now = params.get("open_now", "true").strip().lower() not in ("false", "0", "no", "off")
    radius = query.radius_km if query else DEFAULT_RADIUS_KM
    at = params.get("at", "")
    if open_now and not at:
        opening = gettext("open now")
    else:
        opening = gettext("open at the time chosen") if open_now else gettext("open or closed")
    words = [opening, gettext("within %(km)s km", km=f"{radius:g}")]
    words.append(
        ", ".join(facility_label(c).lower() for c in FACILITIES if c in chosen)
        or gettext("any facilities")
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


def _summary(query, results) -> str:
    """Say what the list shows in one sentence."""
    if results is None:
        return ""
    shown = results.result
    within = within_words(query.radius_km, shown.location)
    opened = [f for f in shown.features if f["properties"]["open_now"]]
    if opened or (shown.features and not query.open_now):
        count = len(opened if query.open_now else shown.features)
        said = spaces_details(query)
        if shown.location is None:
            return ngettext(
                "%(num)s safe space%(details)s.",
                "%(num)s safe spaces%(details)s.",
                count,
                details=said,
            )
        return ngettext(
            "%(num)s safe space%(details)s %(within)s.",
            "%(num)s safe spaces%(details)s %(within)s.",
            count,
            details=said,
            within=within,
        )
    if query.open_now:
        return gettext(
            "No safe space %(when)s %(within)s.", when=describe_when(query), within=within
        )
    return gettext("No safe space %(within)s.", within=within)


@bp.get("/")
def index():
    """Show the search form, the list and the map."""
    params = page_params(request.args)
    query, results, error = _search(params)
    location = results.result.location if results else None
    centre, zoom = ((location.lat, location.lon), 14) if location else (UK_CENTRE, 6)
    # A place we cannot find is said beside the search box; other mistakes above the list.
    field_error, suggestions = place_error(error, "pages.index", params)
    return render_template(
        "index.html",
        form=_form_state(params, query),
        results=results,
        query=query,
        error=None if error is None or field_error else error.message,
        field_error=field_error,
        suggestions=suggestions,
        choices=place_choices(results, "pages.index", params),
        summary=_summary(query, results),
        facilities=FACILITIES,
        radii=RADII_KM,
        map=map_for(centre, zoom),
        map_filters=map_filters(query, params),
    ), (error.status if error else 200)


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
        choices=place_choices(results, "pages.index", params),
    ), (error.status if error else 200)


def map_filters(query, params) -> dict[str, str]:
    """Return the filters the map's own API requests must repeat."""
    return {
        "open_now": "true"
        if (query.open_now if query else _form_state(params, None)["open_now"])
        else "false",
        "at": params.get("at", ""),
        "facilities": ",".join(query.facilities) if query else params.get("facilities", ""),
    }


@bp.get("/spaces/<id:space_id>")
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
            gettext(
                "The business is not listed as a safe space at the moment. Other safe spaces "
                "may be open near you."
            ),
            heading=gettext("This safe space is no longer listed"),
            link_text=gettext("Find another safe space"),
        )
    except Unavailable:
        raise  # the database is down: a 503 page, not "not found"
    except LocatorError:
        abort(404)
    props = feature["properties"]
    lon, lat = feature["geometry"]["coordinates"]
    schedule = safe_schedule(props["opening_hours"], props["nation"])
    week = presenting.weekly_table(schedule, at) if schedule else []
    closed_from, closed_until = (
        date.fromisoformat(props[name]) if props[name] else None
        for name in ("closed_from", "closed_until")
    )
    return render_template(
        "place.html",
        space=props,
        lat=lat,
        lon=lon,
        week=week,
        closure=presenting.closure_phrase(closed_from, closed_until, hours.local_time(at).date()),
        closed_days={row.day for row in week if closed_on(row.day, closed_from, closed_until)},
        bank_holidays=presenting.bank_holiday_note(schedule, at) if schedule else "",
        facilities=presenting.facility_labels(props["facilities"]),
        directions=presenting.directions(lat, lon, props["name"]),
        reasons=REPORT_REASONS,
        map=map_for((lat, lon), 16, cluster=False, marker=(lat, lon)),
        today=hours.local_time(at),
    )


@bp.post("/spaces/<id:space_id>/report")
def report(space_id: int):
    """Record a one-tap report that a listing is wrong, with a few words if given."""
    form = request.form
    if form.get("reason", "") not in REPORT_REASONS:
        return render_template(
            "message.html",
            title=gettext("Choose what is wrong"),
            message=gettext("Please go back and choose one of the buttons."),
        ), 400
    store = locator().store
    try:
        reported = reports.report_problem(store, space_id, form["reason"], form.get("text", ""))
    except InvalidParameter as error:
        row = store.premises.public_one(space_id)
        if row is None:
            abort(404)
        return render_template(
            "report.html",
            space_id=space_id,
            name=row.name,
            reasons=REPORT_REASONS,
            text=form.get("text", "")[: reports.TEXT_LIMIT * 2],
            error=error,
        ), 400
    if not reported:
        abort(404)
    return render_template(
        "message.html",
        title=gettext("Thank you"),
        message=gettext("We will check this listing. You do not need to do anything else."),
        back=url_for("pages.place", space_id=space_id),
    )


@bp.post("/chat")
def chat_page():
    """Answer the chat form without JavaScript; the message is not kept."""
    # Imported on the first chat, not at start-up (see api.chat).
    from locator.chat import service as chat_service

    message = request.form.get("choice") or request.form.get("message", "")
    context = chat_service.parse_chat_context(request.form.get("context", ""))
    # The page's language answers a message that is in neither language ("CF10 1EP").
    chat_request = chat_service.ChatRequest(
        message, parse_at(None), context=context, language=language.current()
    )
    reply = chat_service.chat(locator(), chat_request, links.space_urls())
    page = render_template("chat.html", chat_reply=reply, chat_message=message[:1000])
    return page, (503 if reply["unavailable"] else 200)


@bp.get("/quick-exit")
def quick_exit():
    """Explain what quick exit does and what it cannot hide."""
    return render_template("quick_exit.html")


@bp.get("/offline")
def offline():
    """Show what to do with no signal (the service worker keeps it): 999 first, then helplines."""
    return render_template("offline.html")


@bp.get("/training")
def training():
    """Show the staff training pack: the guidance's five stages in plain words."""
    return render_template("training.html", pack=training_pack.written())


@bp.get("/training.pdf")
def training_pdf():
    """Send the same training pack as a printable A4 PDF."""
    # Imported when the PDF is asked for: fpdf costs a third of a second at start-up.
    from locator.printing.training import training_pack_pdf

    pdf = training_pack_pdf(links.base_url() + url_for("pages.training"), language.current())
    response = current_app.response_class(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = 'inline; filename="safe-spaces-training-pack.pdf"'
    response.vary.add("Accept-Language")  # printed in the browser's language, as the page is
    return response


@bp.app_context_processor
def _template_helpers() -> dict:
    return {
        "facility_label": facility_label,
        "holiday_name": presenting.holiday_words,
        "directions": presenting.directions,
        "nothing_open_helplines": _round_the_clock,
    }


def _round_the_clock(location=None) -> tuple:
    """Return the day-and-night lines for a searched place (Wales's own there), or by language."""
    if location is not None:
        wales = locator().areas.nation_at(location.lat, location.lon) == "wales"
    else:
        wales = language.current() == language.WELSH
    return helplines.round_the_clock(wales)
