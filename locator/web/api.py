"""The public JSON API under /api/v1."""

from flask import Blueprint, current_app, jsonify, request

from ..services import parse_at, parse_space_query
from .openapi import openapi_document

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def locator():
    """Return the app's Locator service."""
    return current_app.extensions["locator"]


def space_url(space_id: int) -> str:
    """Return the absolute URL of a space's public page."""
    base = current_app.config["PUBLIC_BASE_URL"]
    if base:
        return f"{base.rstrip('/')}/spaces/{space_id}"
    return f"{request.host_url.rstrip('/')}/spaces/{space_id}"


@bp.get("/spaces")
def spaces():
    service = locator()
    query = parse_space_query(request.args, service.areas)
    result = service.search(query, space_url)
    return jsonify(result.as_geojson())


@bp.get("/spaces/<int(signed=True):space_id>")
def space(space_id: int):
    at = parse_at(request.args.get("at"))
    return jsonify(locator().space(space_id, at, space_url))


@bp.get("/openapi.json")
def openapi():
    return jsonify(openapi_document())
