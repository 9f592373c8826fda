"""Open-data exports under /api/v1: every public space as GeoJSON and as HSDS 3.0 JSON."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from flask import Blueprint, Response, current_app, request, send_file, stream_with_context

from locator.domain.errors import InvalidParameter
from locator.opendata import exports
from locator.web import links

bp = Blueprint("exports", __name__, url_prefix="/api/v1")

MAX_AGE = 300


def _headers(etag: str) -> dict[str, str]:
    return {
        # Open data: any site may fetch it from a browser.
        "Access-Control-Allow-Origin": "*",
        # Browsers hide ETag from cross-origin scripts unless it is exposed.
        "Access-Control-Expose-Headers": "ETag",
        "Cache-Control": f"public, max-age={MAX_AGE}",
        "ETag": f'"{etag}"',
    }


def _export(kind: str, mimetype: str, chunks: Callable[[], Iterator[str]]) -> Response:
    """Answer 304 when the client holds this data version, else stream the export."""
    service = current_app.extensions["locator"]
    # The version is read before any row, so a change during the download only makes the
    # next request fetch again.
    etag = f"{kind}-{service.store.data_version()}"
    headers = _headers(etag)
    if _client_holds(etag):
        return Response(status=304, headers=headers)
    return Response(stream_with_context(chunks()), mimetype=mimetype, headers=headers)


def _client_holds(etag: str) -> bool:
    """Tell whether If-None-Match names this version, as sent or as compressed ("…:br")."""
    return any(
        held == etag or held.startswith(f"{etag}:")
        for held in request.if_none_match.as_set(include_weak=True)
    )


def _area_name(areas) -> Callable[[str | None], str | None]:
    def name(code: str | None) -> str | None:
        area = areas.by_code(code) if code else None
        return area.name if area else None

    return name


@bp.get("/export.geojson")
def export_geojson():
    """Stream every public space as an RFC 7946 FeatureCollection."""
    store = current_app.extensions["locator"].store
    urls = links.space_urls()
    return _export("geojson", "application/geo+json", lambda: exports.geojson_chunks(store, urls))


@bp.get("/export.hsds.json")
def export_hsds():
    """Stream every public space as HSDS 3.0 services."""
    service = current_app.extensions["locator"]
    area_name = _area_name(service.areas)
    return _export(
        "hsds",
        "application/json",
        lambda: exports.hsds_chunks(service.store, links.space_urls(), area_name),
    )


def _epsg(text: str) -> int:
    """Read the crs parameter: WGS84 (4326, the default) or British National Grid (27700)."""
    code = text.strip().upper().removeprefix("EPSG:") if text.strip() else "4326"
    if not code.isdigit() or int(code) not in exports.GEOPACKAGE_CRS:
        raise InvalidParameter(
            "crs must be 4326 (WGS84 longitude/latitude) or 27700 (British National Grid).", "crs"
        )
    return int(code)


@bp.get("/export.gpkg")
def export_geopackage():
    """Send every public space as a GeoPackage for GIS teams (crs=27700: British National Grid)."""
    epsg = _epsg(request.args.get("crs", ""))
    service = current_app.extensions["locator"]
    version = service.store.data_version()
    etag = f"gpkg-{epsg}-{version}"
    if _client_holds(etag):
        return Response(status=304, headers=_headers(etag))
    folder = Path(current_app.instance_path) / "exports"
    path = exports.geopackage_file(service.store, links.space_urls(), folder, version, epsg=epsg)
    response = send_file(
        path,
        mimetype="application/geopackage+sqlite3",
        as_attachment=True,
        download_name=f"safe_spaces_{epsg}.gpkg",
        etag=False,
        conditional=False,
    )
    response.headers.update(_headers(etag))
    return response
