"""Flask extensions, created for each app in create_app."""

import importlib.util

from flask import Flask, Response, request
from flask_compress import Compress
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect

from locator.domain.errors import InvalidParameter
from locator.domain.premises import space_id_of

# Where a business asks for a new manage link: the API and the /manage/lost form.
NEW_LINK_ENDPOINTS = ("registrations.new_link_api", "business.lost_link")


def init_app(app: Flask) -> Limiter:
    """Attach compression, a rate limiter configured from the app's settings and CSRF."""
    _compress(app)
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    # One limit shared by all of /api; counters are keyed by client address only and never
    # see locations or message text.
    app.config["RATELIMIT_APPLICATION"] = app.config["API_RATE_LIMIT"]
    storage = str(app.config.get("RATELIMIT_STORAGE_URI", ""))
    if storage.startswith(("redis://", "rediss://")) and importlib.util.find_spec("redis") is None:
        raise RuntimeError(
            "RATELIMIT_STORAGE_URI is a Redis address but the redis client is not installed: "
            "pip install 'safe-spaces-locator[redis]'"
        )
    # A limiter per app, not per module: each app (and each test) keeps its own storage.
    limiter = Limiter(key_func=get_remote_address, default_limits=[])
    limiter.init_app(app)
    # Flask-Limiter holds only a weak reference; the app keeps the limiter alive.
    app.extensions["rate_limiter"] = limiter

    # Forms posted with a session (registration, manage link, moderation) carry a CSRF token.
    # The JSON API and the anonymous one-tap public forms keep no session to ride on.
    csrf = CSRFProtect(app)
    for endpoint in ("pages.report", "pages.chat_page"):
        if endpoint in app.view_functions:
            csrf.exempt(app.view_functions[endpoint])
    for blueprint in ("api", "registrations"):
        if blueprint in app.blueprints:
            csrf.exempt(app.blueprints[blueprint])

    # A registration is counted once it is saved: someone correcting a form's mistakes tries
    # again and again, and only the looser attempt limit applies to that.
    saved = {"REGISTRATION_RATE_LIMIT"}
    limits = {
        "api.chat": ("CHAT_RATE_LIMIT",),
        "pages.chat_page": ("CHAT_RATE_LIMIT",),
        "registrations.register_api": ("REGISTRATION_RATE_LIMIT", "REGISTRATION_ATTEMPT_LIMIT"),
        "business.register_page": ("REGISTRATION_RATE_LIMIT", "REGISTRATION_ATTEMPT_LIMIT"),
        "pages.report": ("REPORT_RATE_LIMIT",),
        "business.login": ("LOGIN_RATE_LIMIT",),
        "business.business_login": ("LOGIN_RATE_LIMIT",),
        **dict.fromkeys(NEW_LINK_ENDPOINTS, ("LINK_RATE_LIMIT",)),
    }
    for endpoint, settings in limits.items():
        if endpoint not in app.view_functions:
            continue
        for setting in settings:
            app.view_functions[endpoint] = limiter.shared_limit(
                lambda setting=setting: app.config[setting],
                scope=setting.lower(),
                deduct_when=_saved if setting in saved else None,
            )(app.view_functions[endpoint])
    # A new manage link is limited per listing as well, whoever asks: requests from many
    # addresses neither fill the business's inbox nor keep replacing its link.
    for endpoint in NEW_LINK_ENDPOINTS:
        if endpoint in app.view_functions:
            app.view_functions[endpoint] = limiter.shared_limit(
                lambda: app.config["LINK_RATE_LIMIT"],
                scope="link_rate_limit_per_listing",
                key_func=_listing_named,
            )(app.view_functions[endpoint])

    @limiter.request_filter
    def _exempt() -> bool:
        # Reading pages is free; the API and every form post count.
        return request.method == "GET" and not request.path.startswith("/api/")

    return limiter


def _listing_named() -> str:
    """Return the listing a request for a new manage link names, however it writes the reference."""
    text = (request.view_args or {}).get("reference") or request.form.get("reference", "")
    try:
        return str(space_id_of(text.strip()))
    except InvalidParameter:
        return "none"  # refused anyway; every malformed reference shares one count


def _saved(response: Response) -> bool:
    """Tell whether a registration was saved (201 from the API, 200 from the form)."""
    return response.status_code < 300


UNCOMPRESSED_BLUEPRINTS = frozenset({"business"})


def _compress(app: Flask) -> None:
    """Compress pages, JSON, GeoJSON, CSS and scripts (Brotli, zstd, gzip) for slow phones."""
    app.config["COMPRESS_REGISTER"] = False
    app.config["COMPRESS_MIMETYPES"] = [
        "text/html",
        "text/css",
        "text/javascript",
        "application/javascript",
        "application/json",
        "application/geo+json",
        "image/svg+xml",
    ]
    # The streamed exports too, for clients that speak only gzip (curl, older tools).
    app.config["COMPRESS_ALGORITHM_STREAMING"] = ["zstd", "br", "gzip", "deflate"]
    compress = Compress(app)
    app.extensions["compress"] = compress

    # Registered first, so it runs after every other after_request: the body is final.
    @app.after_request
    def _compressed(response: Response) -> Response:
        # BREACH: the business pages (sign-in, registration, manage links, moderation) put a
        # CSRF token beside text from the request; compressed, their size would leak it. They
        # are few and small; the public pages and the API hold no secret.
        if request.blueprint in UNCOMPRESSED_BLUEPRINTS:
            return response
        original = response.response
        compressed = compress.after_request(response)
        if compressed.response is not original and hasattr(original, "close"):
            # A static file now read through the compressor: close it when the response is.
            compressed.call_on_close(original.close)
        return compressed
