"""The chat as a service: a message and its context in, one reply with places and lines out."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from locator import presenting
from locator.chat import Analysis, Helpline
from locator.chat import lines as helpline_hours
from locator.chat import replies as chat_replies
from locator.chat.conversation import CONVERSATION_INTENTS, Context, ContextError, Where, understand
from locator.domain import helplines as known_lines
from locator.domain.errors import InvalidParameter, Unavailable, refuse_unknown_members
from locator.domain.language import LANGUAGES, WELSH, gettext, speaking
from locator.geo import names
from locator.geo.gazetteer import Place
from locator.search.query import MAX_RADIUS_KM, Location, SpaceQuery, parse_at
from locator.search.service import Locator

CHAT_RESULTS = 3
CHAT_FIELDS = ("message", "lat", "lon", "at", "context", "lang")
MAX_CONTEXT_CHARS = 4000


@dataclass(frozen=True)
class ChatRequest:
    """A validated chat message, with the device position when the person shared it."""

    message: str
    at: datetime
    lat: float | None = None
    lon: float | None = None
    context: Context = field(default_factory=Context)
    # The page's language: the answer's when neither the message nor the conversation says.
    language: str | None = None


def parse_chat_request(body) -> ChatRequest:
    """Check a chat request body; raise InvalidParameter naming the field."""
    if not isinstance(body, dict):
        raise InvalidParameter('Send a JSON object such as {"message": "..."}.', "body")
    refuse_unknown_members(body, CHAT_FIELDS, "a chat request")
    message = body.get("message")
    if not isinstance(message, str):
        raise InvalidParameter("message must be text.", "message")
    coordinates = {}
    for name, low, high in (("lat", -90, 90), ("lon", -180, 180)):
        value = body.get(name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InvalidParameter(f"{name} must be a number.", name)
        if not math.isfinite(value) or not low <= value <= high:
            raise InvalidParameter(f"{name} must be between {low} and {high}.", name)
        coordinates[name] = float(value)
    if len(coordinates) == 1:
        raise InvalidParameter(
            "Give lat and lon together.", "lon" if "lat" in coordinates else "lat"
        )
    at = body.get("at")
    if at is not None and (not isinstance(at, str) or not at.strip()):
        raise InvalidParameter("at must be an ISO 8601 time.", "at")
    context = parse_chat_context(body.get("context"))
    lang = body.get("lang")
    if lang is not None and lang not in LANGUAGES:
        raise InvalidParameter(f"lang must be one of {', '.join(LANGUAGES)}.", "lang")
    return ChatRequest(
        message, parse_at(at), coordinates.get("lat"), coordinates.get("lon"), context, lang
    )


def parse_chat_context(data) -> Context:
    """Read the context a client sent back (a JSON object or, from a form, its text)."""
    if isinstance(data, str):
        if not data.strip():
            return Context()
        if len(data) > MAX_CONTEXT_CHARS:
            raise InvalidParameter("context is too long.", "context")
        try:
            data = json.loads(data)
        except ValueError:
            raise InvalidParameter(
                "context must be the object the last reply gave.", "context"
            ) from None
    try:
        return Context.parse(data)
    except ContextError as error:
        raise InvalidParameter(error.message, "context") from None


def chat(service: Locator, request: ChatRequest, url_for_space: Callable[[int], str]) -> dict:
    """Answer a chat message: emergencies first, then the nearest open spaces if we know where.

    The answer is in the language of the message (or of the conversation, or the page).
    """
    device = None if request.lat is None else (request.lat, request.lon)
    turn = understand(request.message, service.gazetteer, request.context, device, request.language)
    with speaking(turn.language):
        return _answer(service, request, turn, device, url_for_space)


def _answer(
    service: Locator,
    request: ChatRequest,
    turn: Analysis,
    device: tuple[float, float] | None,
    url_for_space: Callable[[int], str],
) -> dict:
    location, near = _chat_location(turn.place, device, request.context)
    searched = chat_replies.wants_places(turn) and location is not None
    searched = searched or (turn.intent == "support" and location is not None)
    unavailable = False
    try:
        results = (
            _chat_results(service, turn, location, request.at, url_for_space) if searched else []
        )
        # A partnership's own contacts for the topics, beside the national lines: the point is
        # only used to find its district.
        local = (
            service.referral_contacts(location.lat, location.lon, turn.carried_topics, request.at)
            if location is not None and turn.carried_topics
            else []
        )
    except Unavailable:
        # The database is down: everything that needs no database is still said, 999 first.
        results, local, unavailable = [], [], True
    helplines = list(turn.helplines)
    opened = [result for result in results if result["open_now"]]
    far = not opened or opened[0].get("distance_m", 0) > chat_replies.WALK_LIMIT_M
    if ((searched and far) or unavailable) and known_lines.POLICE_NON_EMERGENCY not in helplines:
        helplines.append(known_lines.POLICE_NON_EMERGENCY)
    for line in helpline_hours.for_topics(
        turn.carried_topics, request.at, turn.wales, turn.language == WELSH
    ):
        if line not in helplines:
            helplines.append(line)  # a 24-hour line beside one that is closed now
    step = chat_replies.next_step(turn, location is not None)
    named = location if location is not None and location.source != "device" else None
    context = Context(
        question=step.question,
        intent=turn.intent if turn.intent in CONVERSATION_INTENTS else request.context.intent,
        emergency=turn.emergency,
        needs=turn.facilities,
        topics=turn.carried_topics,
        location=Where(named.lat, named.lon, named.label, _where_source(named))
        if named is not None
        else request.context.location,
        language=turn.language,
    )
    reply = chat_replies.compose(turn, results, near, searched and not unavailable, request.at)
    if unavailable:
        reply = f"{chat_replies.cannot_search()} {reply}"
    return {
        "reply": reply,
        "unavailable": unavailable,
        "intent": turn.intent,
        "emergency": turn.emergency,
        "facilities": list(turn.facilities),
        "location": None
        if location is None
        else {
            "lat": location.lat,
            "lon": location.lon,
            "label": location.label,
            "source": location.source,
        },
        "needs_location": step.question == "location",
        "question": step.question,
        "choices": list(step.choices),
        "results": results,
        "helplines": [_helpline_json(line, request.at) for line in helplines],
        "local_contacts": local,
        "context": context.as_json(),
        "matched": list(turn.matched),
    }


def _chat_location(
    place: Place | None, device: tuple[float, float] | None, context: Context
) -> tuple[Location | None, str | None]:
    """Pick where to search: a place named now, then the device, then one named earlier."""
    if place is not None:
        source = "postcode" if place.kind in ("postcode", "district") else "place"
        label = names.shown(place.label, place.lat, place.lon)
        near = (
            gettext("near %(place)s, as you asked", place=label)
            if device is not None
            else gettext("near %(place)s", place=label)
        )
        return Location(place.lat, place.lon, place.label, source), near
    if device is not None:
        return Location(device[0], device[1], "your location", "device"), gettext("near you")
    if context.location is not None:
        where = context.location
        near = gettext("near %(place)s", place=names.shown(where.label, where.lat, where.lon))
        return Location(where.lat, where.lon, where.label, where.source), near
    return None, None


def _where_source(location: Location) -> str:
    return "postcode" if location.source == "postcode" else "place"


def _chat_results(
    service: Locator,
    turn: Analysis,
    location: Location,
    at: datetime,
    url_for_space: Callable[[int], str],
) -> list[dict]:
    query = SpaceQuery(
        at=at,
        lat=location.lat,
        lon=location.lon,
        radius_km=MAX_RADIUS_KM,
        open_now=True,
        facilities=turn.facilities,
        limit=CHAT_RESULTS,
    )
    results = []
    for feature in service.search(query, url_for_space, with_unconfirmed=True).features:
        lon, lat = feature["geometry"]["coordinates"]
        entry = {**feature["properties"], "lat": lat, "lon": lon}
        entry["directions"] = presenting.directions(lat, lon, entry["name"])
        results.append(entry)
    return results


def _helpline_json(line: Helpline, at: datetime) -> dict:
    return {
        "name": gettext(line.name),
        "phone": line.phone,
        "topic": line.topic,
        "hours": gettext(line.hours_text),
        "open_now": helpline_hours.answers_at(line, at) == "open",
    }
