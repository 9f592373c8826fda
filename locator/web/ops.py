"""Operational endpoints."""

from flask import Blueprint, current_app, jsonify

bp = Blueprint("ops", __name__)


@bp.get("/healthz")
def healthz():
    """Answer 200 when the database is reachable, 503 when not."""
    store = current_app.extensions["locator"].store
    if store.ping():
        return jsonify({"status": "ok", "database": store.backend})
    body = {"error": {"code": "unavailable", "message": "The database is not reachable."}}
    return jsonify({**body, "status": "unavailable"}), 503
