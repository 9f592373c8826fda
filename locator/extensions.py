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
    # Flask-Limiter holds only a weak reference; the app keeps the limiter alive.
    app.extensions["rate_limiter"] = limiter

    # The chat (API and no-JavaScript form) shares its own, tighter limit.
    chat_limit = limiter.shared_limit(lambda: app.config["CHAT_RATE_LIMIT"], scope="chat")
    for endpoint in ("api.chat", "pages.chat_page"):
        if endpoint in app.view_functions:
            app.view_functions[endpoint] = chat_limit(app.view_functions[endpoint])

    @limiter.request_filter
    def _exempt() -> bool:
        # Reading pages is free; the API and every form post count.
        return request.method == "GET" and not request.path.startswith("/api/")

    return limiter
