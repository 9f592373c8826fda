"""The open data page: what can be downloaded, under which licence, and every source's notice."""

from __future__ import annotations

from flask import Blueprint, render_template

from locator.opendata import exports, sources

bp = Blueprint("opendata", __name__)


@bp.get("/open-data")
def page():
    """List the exports and the attribution of every dataset the locator uses."""
    return render_template(
        "open_data.html",
        listings_licence=exports.LICENCE,
        listings_licence_url=exports.LICENCE_URL,
        export_sources=exports.ATTRIBUTION,
        place_sources=sources.PLACE_SOURCES,
    )
