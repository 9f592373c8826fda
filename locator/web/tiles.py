"""Map tiles through our own site: /tiles/<z>/<x>/<y>.png, fetched and cached server-side."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, current_app

from locator.geo.tiles import BROWSER_MAX_AGE_S, TileCache, user_agent

bp = Blueprint("tiles", __name__)


@bp.record_once
def _make_cache(state) -> None:
    config = state.app.config
    state.app.extensions["tiles"] = TileCache(
        upstream=str(config["TILE_UPSTREAM"]),
        folder=Path(config["TILE_CACHE_DIR"]),
        max_bytes=int(config["TILE_CACHE_MAX_MB"]) * 1024 * 1024,
        user_agent=user_agent(str(config["PUBLIC_BASE_URL"] or "")),
    )


@bp.get("/tiles/<int:z>/<int:x>/<int:y>.png")
def tile(z: int, x: int, y: int):
    """Answer one map tile; errors (404, 502, 504) go through the app's error handlers."""
    png = current_app.extensions["tiles"].tile(z, x, y)
    return Response(
        png,
        mimetype="image/png",
        headers={"Cache-Control": f"public, max-age={BROWSER_MAX_AGE_S}"},
    )
