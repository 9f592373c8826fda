"""One JSON error shape under /api, the site's own layout elsewhere; every error path goes here.

Someone who reaches an error page may be in danger: every HTML error page keeps the 999 bar
and the Exit this page button of base.html, and never answers with JSON.
"""

import functools
import time
from html import escape

from flask import Flask, current_app, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from locator.domain import language
from locator.domain.errors import LocatorError
from locator.domain.language import N_, gettext

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
    400: N_("Sorry, there is a problem with that request"),
    404: N_("Page not found"),
    405: N_("Sorry, that cannot be done here"),
    410: N_("Page not found"),
    413: N_("That is too large to send"),
    415: N_("Sorry, there is a problem with that request"),
    429: N_("Too many requests"),
    500: N_("Sorry, something went wrong"),
}

RATE_LIMITED = N_(
    "Too many requests: please wait a minute and try again. If you are in danger, call 999."
)
INTERNAL_ERROR = N_("Something went wrong on our side. If you are in danger, call 999.")
NOT_FOUND = N_("There is nothing at this address.")
# A form without its CSRF token, or with an old one: said so a person knows what to do.
FORM_EXPIRED = N_(
    "This form has expired or was sent from another page, so nothing was saved (the security"
    " check, CSRF, failed). Go back, reload the page and send it again."
)
# Werkzeug's own words for the statuses we do not word ourselves, marked here so that an HTML
# page can say them in Welsh too (a test checks they still match Werkzeug's).
WERKZEUG_DESCRIPTIONS = (
    N_("The browser (or proxy) sent a request that this server could not understand."),
    N_(
        "The requested URL is no longer available on this server and there is no forwarding"
        " address. If you followed a link from a foreign page, please contact the author of"
        " this page."
    ),
    N_("The data value transmitted exceeds the capacity limit."),
    N_("The server does not support the media type transmitted in the request."),
)


def error_response(status: int, code: str, message: str, field: str | None = None):
    """Return the JSON error body and status."""
    body = {"error": {"code": code, "message": message, "field": field}}
    return jsonify(body), status


def error_page(status: int, message: str, heading: str | None = None, link_text: str = ""):
    """Return the site-layout HTML error page and status, in the language of the request."""
    heading = heading or gettext(HEADINGS.get(status) or HEADINGS[400])
    # A message still in English (Werkzeug's, or a marked constant) is said in the page's language.
    message = gettext(message)
    try:
        page = render_template(
            "error.html",
            heading=heading,
            message=message,
            link_text=link_text or gettext("Find a safe space"),
        )
    except Exception:
        # Even when templates fail, the way to help and the way out stay on the page.
        current_app.logger.exception("The error page could not be rendered")
        exit_url = escape(str(current_app.config.get("QUICK_EXIT_URL") or ""), quote=True)
        lang = "cy" if language.current() == language.WELSH else "en-GB"
        words = {
            "danger": gettext("In danger?"),
            "call": gettext("Call 999"),
            "silent": gettext("Can't speak? Dial 999 from a mobile, then press 55."),
            "exit": gettext("Exit this page"),
            "find": gettext("Find a safe space"),
            "heading": heading,
            "message": message,
        }
        said = {name: escape(text) for name, text in words.items()}
        page = (
            f'<!doctype html><html lang="{lang}"><title>{said["heading"]}</title>'
            f'<p><strong>{said["danger"]}</strong> <a href="tel:999">{said["call"]}</a>. '
            f"{said['silent']}</p>"
            f'<p><a id="quick-exit" href="{exit_url}" rel="noreferrer">{said["exit"]}</a></p>'
            f"<h1>{said['heading']}</h1><p>{said['message']}</p>"
            f'<p><a href="/">{said["find"]}</a></p></html>'
        )
    return current_app.response_class(page, status=status, mimetype="text/html"), status


def _rate_limited() -> str:
    """Say how long to wait before trying again, from the limit that was reached."""
    limiter = current_app.extensions.get("rate_limiter")
    breached = limiter.current_limit if limiter else None
    if breached is None:
        return gettext(RATE_LIMITED)
    wait = max(1, round((breached.reset_at - time.time()) / 60))
    if wait <= 1:
        return gettext(
            "Too many requests from your connection: please try again in a minute."
            " If you are in danger, call 999."
        )
    if wait < 90:
        return gettext(
            "Too many requests from your connection: please try again in %(minutes)s minutes."
            " If you are in danger, call 999.",
            minutes=wait,
        )
    return gettext(
        "Too many requests from your connection: please try again in about %(hours)s hours."
        " If you are in danger, call 999.",
        hours=round(wait / 60),
    )


def _wants_json() -> bool:
    path = request.path
    return path == "/api" or path.startswith("/api/") or path == "/healthz"


def _error(status: int, code: str, message: str, field: str | None = None):
    """Answer an error as JSON under /api and /healthz, as an HTML page everywhere else."""
    if _wants_json():
        return error_response(status, code, message, field)
    return error_page(status, message)


def _in_the_answers_language(handler):
    """Say a handler's words in English under /api (never translated), else the page's language.

    An unknown address under /api matches no blueprint, so the request may be speaking Welsh.
    """

    @functools.wraps(handler)
    def answer(error):
        with language.speaking(language.ENGLISH if _wants_json() else language.current()):
            return handler(error)

    return answer


def init_app(app: Flask) -> None:
    """Register the error handlers."""

    @app.errorhandler(LocatorError)
    @_in_the_answers_language
    def _domain_error(error: LocatorError):
        return _error(error.status, error.code, error.message, error.field)

    @app.errorhandler(CSRFError)
    @_in_the_answers_language
    def _form_expired(_expired: CSRFError):
        return _error(400, "form_expired", gettext(FORM_EXPIRED))

    @app.errorhandler(HTTPException)
    @_in_the_answers_language
    def _http_error(error: HTTPException):
        status = error.code or 500
        message = error.description or error.name
        if status == 429:
            message = _rate_limited()
        elif status == 405:
            message = gettext("%(method)s is not allowed here.", method=request.method)
        elif status == 404:
            message = gettext(NOT_FOUND)
        elif status >= 500:
            message = gettext(INTERNAL_ERROR)
        response, status = _error(status, HTTP_CODES.get(status, "error"), message)
        if status == 405 and getattr(error, "valid_methods", None):
            response.headers["Allow"] = ", ".join(error.valid_methods)
        return response, status

    @app.errorhandler(Exception)
    @_in_the_answers_language
    def _unexpected(_failure: Exception):
        app.logger.exception("Unhandled error on %s %s", request.method, request.path)
        return _error(500, HTTP_CODES[500], gettext(INTERNAL_ERROR))
