"""The public JSON API under /api/v1."""

import orjson
from flask import Blueprint, Response, current_app, jsonify, request

from locator.search.query import parse_at, parse_space_query
from locator.web import links
from locator.web.openapi import openapi_document

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def locator():
    """Return the app's Locator service."""
    return current_app.extensions["locator"]


def geojson(document: dict):
    """Return a JSON response typed as GeoJSON (RFC 7946)."""
    response = jsonify(document)
    response.mimetype = "application/geo+json"
    return response


@bp.get("/spaces")
def spaces():
    """Search public safe spaces."""
    service = locator()
    # A plain dict: a MultiDict's get raises and catches an error for each parameter not given.
    query = parse_space_query(request.args.to_dict(), service.areas)
    # Each result's JSON was made when the index was built: join it rather than re-encode.
    body = service.search(query, links.space_urls()).as_json()
    return Response(body, mimetype="application/geo+json")


@bp.get("/spaces/<id:space_id>")
def space(space_id: int):
    """Return one public safe space."""
    at = parse_at(request.args.get("at"))
    return geojson(locator().space(space_id, at, links.space_url))


@bp.post("/chat")
def chat():
    """Answer a message to the assistant; the text is never logged or stored."""
    # Imported on the first chat, not at start-up: its rule tables compile hundreds of regular
    # expressions, which CLI commands (an import, a migration) would pay for nothing.
    from locator.chat import service as chat_service

    body = request.get_json(silent=True)
    reply = chat_service.chat(locator(), chat_service.parse_chat_request(body), links.space_urls())
    # Places could not be searched: the reply (999 first) still goes out, marked as a 503.
    # orjson: a twentieth of the time Flask's encoder takes over a reply of a few places.
    status = 503 if reply["unavailable"] else 200
    return Response(orjson.dumps(reply), status=status, mimetype="application/json")


@bp.get("/openapi.json")
def openapi():
    """Return the OpenAPI document."""
    return jsonify(openapi_document())
