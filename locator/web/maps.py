"""Maps on our pages: Leaflet and its plugins served from their pip packages, and the map parts."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, abort, current_app, send_from_directory

from locator.geo.maps import map_parts

bp = Blueprint("assets", __name__)

UK_CENTRE = (54.3, -2.5)


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
    folder = _vendor_dirs().get(package)
    if folder is None:
        abort(404)
    return send_from_directory(folder, filename, max_age=86400)
