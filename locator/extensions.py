"""Flask extensions, created once and bound to each app in create_app."""

from flask import Flask, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

limiter = Limiter(key_func=get_remote_address, default_limits=[])


def init_app(app: Flask) -> None:
    """Configure the rate limiter from the app's settings."""
    app.config["RATELIMIT_STORAGE_URI"] = app.config["RATELIMIT_STORAGE_URI"]
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    # The limiter keeps counters by address only; it never sees locations or message text.
    app.config["RATELIMIT_APPLICATION"] = app.config["API_RATE_LIMIT"]
    limiter.init_app(app)

    @limiter.request_filter
    def _only_api() -> bool:
        return not request.path.startswith("/api/")
