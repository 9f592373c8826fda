"""Maps on our pages: Leaflet and its plugins served from their pip packages, and the map parts."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, abort, current_app, request, send_from_directory

from locator.geo.maps import map_parts
from locator.web.caching import IMMUTABLE

bp = Blueprint("assets", __name__)

UK_CENTRE = (54.3, -2.5)


def _vendor_packages() -> dict:
    import xstatic.pkg.leaflet
    import xstatic.pkg.leaflet_markercluster

    return {"leaflet": xstatic.pkg.leaflet, "markercluster": xstatic.pkg.leaflet_markercluster}


def vendor_url(path: str) -> str:
    """Return the URL of a vendored (pip-packaged) front-end file, named by its version."""
    package, _, filename = path.partition("/")
    return f"/static/vendor/{package}/{filename}?v={_vendor_packages()[package].VERSION}"


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


@bp.get("/static/vendor/<package>/<path:filename>")
def vendor(package: str, filename: str):
    """Serve Leaflet and its plugins from their pip packages (no CDN)."""
    found = _vendor_packages().get(package)
    if found is None:
        abort(404)
    response = send_from_directory(Path(found.BASE_DIR), filename, max_age=86400)
    if request.args.get("v") == found.VERSION:
        # The URL names the version: a browser may keep this file until the version changes.
        response.headers["Cache-Control"] = IMMUTABLE
    return response
