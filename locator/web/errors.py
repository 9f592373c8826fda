"""One JSON error shape under /api, the site's own layout elsewhere; every error path goes here.

Someone who reaches an error page may be in danger: every HTML error page keeps the 999 bar
and the Exit this page button of base.html, and never answers with JSON.
"""

import time
from html import escape

from flask import Flask, current_app, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from locator.domain.errors import LocatorError

HTTP_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    410: "gone",
    413: "payload_too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
    500: "internal_error",
}

# The plain heading each HTML error page shows; any other status gets the 400 one.
HEADINGS = {
    400: "Sorry, there is a problem with that request",
    404: "Page not found",
    405: "Sorry, that cannot be done here",
    410: "Page not found",
    413: "That is too large to send",
    415: "Sorry, there is a problem with that request",
    429: "Too many requests",
    500: "Sorry, something went wrong",
}

IN_DANGER = "If you are in danger, call 999."
RATE_LIMITED = f"Too many requests: please wait a minute and try again. {IN_DANGER}"
INTERNAL_ERROR = "Something went wrong on our side. If you are in danger, call 999."
# A form without its CSRF token, or with an old one: said so a person knows what to do.
FORM_EXPIRED = (
    "This form has expired or was sent from another page, so nothing was saved (the security"
    " check, CSRF, failed). Go back, reload the page and send it again."
)


def error_response(status: int, code: str, message: str, field: str | None = None):
    """Return the JSON error body and status."""
    body = {"error": {"code": code, "message": message, "field": field}}
    return jsonify(body), status


def error_page(status: int, message: str, heading: str | None = None, link_text: str = ""):
    """Return the site-layout HTML error page and status."""
    heading = heading or HEADINGS.get(status) or HEADINGS[400]
    try:
        page = render_template(
            "error.html",
            heading=heading,
            message=message,
            link_text=link_text or "Find a safe space",
        )
    except Exception:
        # Even when templates fail, the way to help and the way out stay on the page.
        current_app.logger.exception("The error page could not be rendered")
        exit_url = escape(str(current_app.config.get("QUICK_EXIT_URL") or ""), quote=True)
        page = (
            f'<!doctype html><html lang="en-GB"><title>{escape(heading)}</title>'
            f'<p><strong>In danger?</strong> <a href="tel:999">Call 999</a>. '
            f"Can't speak? Dial 999 from a mobile, then press 55.</p>"
            f'<p><a id="quick-exit" href="{exit_url}" rel="noreferrer">Exit this page</a></p>'
            f"<h1>{escape(heading)}</h1><p>{escape(message)}</p>"
            f'<p><a href="/">Find a safe space</a></p></html>'
        )
    return current_app.response_class(page, status=status, mimetype="text/html"), status


def _rate_limited() -> str:
    """Say how long to wait before trying again, from the limit that was reached."""
    limiter = current_app.extensions.get("rate_limiter")
    breached = limiter.current_limit if limiter else None
    if breached is None:
        return RATE_LIMITED
    wait = max(1, round((breached.reset_at - time.time()) / 60))
    if wait <= 1:
        when = "in a minute"
    elif wait < 90:
        when = f"in {wait} minutes"
    else:
        when = f"in about {round(wait / 60)} hours"
    return f"Too many requests from your connection: please try again {when}. {IN_DANGER}"


def _wants_json() -> bool:
    path = request.path
    return path == "/api" or path.startswith("/api/") or path == "/healthz"


def _error(status: int, code: str, message: str, field: str | None = None):
    """Answer an error as JSON under /api and /healthz, as an HTML page everywhere else."""
    if _wants_json():
        return error_response(status, code, message, field)
    return error_page(status, message)


def init_app(app: Flask) -> None:
    """Register the error handlers."""

    @app.errorhandler(LocatorError)
    def _domain_error(error: LocatorError):
        return _error(error.status, error.code, error.message, error.field)

    @app.errorhandler(CSRFError)
    def _form_expired(_expired: CSRFError):
        return _error(400, "form_expired", FORM_EXPIRED)

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException):
        status = error.code or 500
        message = error.description or error.name
        if status == 429:
            message = _rate_limited()
        elif status == 405:
            message = f"{request.method} is not allowed here."
        elif status == 404:
            message = "There is nothing at this address."
        elif status >= 500:
            message = INTERNAL_ERROR
        response, status = _error(status, HTTP_CODES.get(status, "error"), message)
        if status == 405 and getattr(error, "valid_methods", None):
            response.headers["Allow"] = ", ".join(error.valid_methods)
        return response, status

    @app.errorhandler(Exception)
    def _unexpected(_failure: Exception):
        app.logger.exception("Unhandled error on %s %s", request.method, request.path)
        return _error(500, HTTP_CODES[500], INTERNAL_ERROR)
