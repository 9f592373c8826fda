"""One JSON error shape under /api, friendly text elsewhere; every error path goes here."""

from flask import Flask, jsonify, request
from werkzeug.exceptions import HTTPException

from .exceptions import LocatorError

HTTP_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
}


def error_response(status: int, code: str, message: str, field: str | None = None):
    """Return the JSON error body and status."""
    body = {"error": {"code": code, "message": message, "field": field}}
    return jsonify(body), status


def _wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/healthz"


def init_app(app: Flask) -> None:
    """Register the error handlers."""

    @app.errorhandler(LocatorError)
    def _domain_error(error: LocatorError):
        return error_response(error.status, error.code, error.message, error.field)

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException):
        status = error.code or 500
        message = error.description or error.name
        if status == 429:
            message = "Too many requests: please wait a minute and try again."
        elif status == 405:
            message = f"{request.method} is not allowed here."
        elif status == 404:
            message = "There is nothing at this address."
        if _wants_json():
            response, status = error_response(status, HTTP_CODES.get(status, "error"), message)
        else:
            response = app.response_class(
                f"<!doctype html><title>{error.name}</title><h1>{error.name}</h1>"
                f"<p>{message}</p><p><a href='/'>Find a safe space</a></p>",
                status=status,
                mimetype="text/html",
            )
        if status == 405 and hasattr(error, "valid_methods") and error.valid_methods:
            response.headers["Allow"] = ", ".join(error.valid_methods)
        return response, status

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):
        app.logger.exception("Unhandled error on %s %s", request.method, request.path)
        return error_response(500, "internal_error", "Something went wrong on our side.")
