"""Open-data exports under /api/v1: every public space as GeoJSON and as HSDS 3.0 JSON."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

from flask import Blueprint, Response, current_app, request, send_file

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


def _export(kind: str, mimetype: str, suffix: str, chunks: Callable[[], Iterator[str]]):
    """Answer 304 when the client holds this data version, else send the version's file."""
    service = current_app.extensions["locator"]
    # The version is read before any row, so a change during the build only makes the next
    # request build again.
    version = service.store.data_version()
    etag = f"{kind}-{version}"
    if _client_holds(etag):
        return Response(status=304, headers=_headers(etag))
    # Links in the file name the site's address: one file per address (one in production).
    base = hashlib.sha256(links.base_url().encode()).hexdigest()[:8]
    stem = f"{kind}-{base}"
    write = lambda path: exports.write_text(chunks(), path)  # noqa: E731 - named for reading
    path = exports.cached_file(_folder(), stem, version, suffix, write)
    return _send(path, mimetype, etag)


def _folder() -> Path:
    return Path(current_app.instance_path) / "exports"


def _send(path: Path, mimetype: str, etag: str, **download) -> Response:
    """Send an export file (its gzipped copy when the client takes gzip), with ranges."""
    packed = path.with_name(path.name + ".gz")
    gzipped = packed.exists() and request.accept_encodings["gzip"] > 0
    response = send_file(
        packed if gzipped else path,
        mimetype=mimetype,
        etag=f"{etag}:gzip" if gzipped else etag,
        conditional=True,  # Range requests resume a broken download
        max_age=MAX_AGE,
        **download,
    )
    if gzipped:
        response.headers["Content-Encoding"] = "gzip"
    response.vary.add("Accept-Encoding")
    headers = _headers(etag)
    del headers["ETag"]  # send_file's, which names the encoding sent
    response.headers.update(headers)
    return response


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
    return _export(
        "geojson", "application/geo+json", ".json", lambda: exports.geojson_chunks(store, urls)
    )


@bp.get("/export.hsds.json")
def export_hsds():
    """Stream every public space as HSDS 3.0 services."""
    service = current_app.extensions["locator"]
    area_name = _area_name(service.areas)
    urls = links.space_urls()
    return _export(
        "hsds",
        "application/json",
        ".json",
        lambda: exports.hsds_chunks(service.store, urls, area_name),
    )


def _epsg(text: str | None) -> int:
    """Read the crs parameter: WGS84 (4326, the default) or British National Grid (27700)."""
    code = "4326" if text is None else text.strip().upper().removeprefix("EPSG:")
    if not code.isdigit() or int(code) not in exports.GEOPACKAGE_CRS:
        raise InvalidParameter(
            "crs must be 4326 (WGS84 longitude/latitude) or 27700 (British National Grid).", "crs"
        )
    return int(code)


@bp.get("/export.gpkg")
def export_geopackage():
    """Send every public space as a GeoPackage for GIS teams (crs=27700: British National Grid)."""
    epsg = _epsg(request.args.get("crs"))
    service = current_app.extensions["locator"]
    version = service.store.data_version()
    etag = f"gpkg-{epsg}-{version}"
    if _client_holds(etag):
        return Response(status=304, headers=_headers(etag))
    path = exports.geopackage_file(service.store, links.space_urls(), _folder(), version, epsg=epsg)
    return _send(
        path,
        "application/geopackage+sqlite3",
        etag,
        as_attachment=True,
        download_name=f"safe_spaces_{epsg}.gpkg",
    )
