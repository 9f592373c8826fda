"""Static files named by their content, so a phone keeps them for a year and never asks again.

Every URL of our own static files carries `?v=` and the first 12 hex digits of the file's SHA-256;
vendored Leaflet files carry their package's version. A request whose `v` matches what is served
now is answered as immutable for a year; any other request gets the usual revalidation.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from flask import Flask, Response, request

IMMUTABLE = "public, max-age=31536000, immutable"


def init_app(app: Flask) -> None:
    """Version our static URLs and let browsers keep the files they name."""
    folder = Path(app.static_folder or "")

    @app.url_defaults
    def _versioned(endpoint: str, values: dict) -> None:
        if endpoint == "static" and "filename" in values and "v" not in values:
            values["v"] = content_version(folder / values["filename"])

    @app.after_request
    def _kept(response: Response) -> Response:
        # The endpoint first: other routes never read the query string here.
        if request.endpoint != "static" or response.status_code != 200:
            return response
        version = request.args.get("v")
        if not version:
            return response
        filename = (request.view_args or {}).get("filename", "")
        if version == content_version(folder / filename):
            response.headers["Cache-Control"] = IMMUTABLE
        return response


@functools.lru_cache(maxsize=512)
def content_version(path: Path) -> str:
    """Return the first 12 hex digits of a file's SHA-256 ("" when there is no such file)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    except OSError:
        return ""
