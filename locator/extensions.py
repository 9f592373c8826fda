"""Flask extensions, created for each app in create_app."""

from flask import Flask, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address


def init_app(app: Flask) -> Limiter:
    """Attach a rate limiter configured from the app's settings and return it."""
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    # One limit shared by all of /api; counters are keyed by client address only and never
    # see locations or message text.
    app.config["RATELIMIT_APPLICATION"] = app.config["API_RATE_LIMIT"]
    # A limiter per app, not per module: each app (and each test) keeps its own storage.
    limiter = Limiter(key_func=get_remote_address, default_limits=[])
    limiter.init_app(app)

    @limiter.request_filter
    def _exempt() -> bool:
        # Reading pages is free; the API and every form post count.
        return request.method == "GET" and not request.path.startswith("/api/")

    return limiter
