"""Input every route gets checked the same way: no control characters, no deeply nested JSON.

A NUL byte reaches PostgreSQL as an error and any control character can forge a log line or
hide text in a listing, so query strings, forms and JSON bodies are refused (400, naming the
field) before a route sees them; tabs and line breaks, which a person types, are allowed.
"""

from __future__ import annotations

from urllib.parse import unquote_plus

from flask import Flask, request
from flask.json.provider import DefaultJSONProvider

from locator.domain.errors import InvalidParameter
from locator.domain.language import gettext
from locator.domain.text import CONTROL

# Deeper than any body the API takes (a chat's context is three levels).
MAX_JSON_DEPTH = 16
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def control_message(name: str) -> str:
    """Say which field holds a control character."""
    return gettext(
        "%(name)s contains a control character (such as a NUL byte); remove it and try again.",
        name=name,
    )


def check_text(name: str, value: str) -> None:
    """Raise InvalidParameter when a value holds a control character."""
    if CONTROL.search(value):
        raise InvalidParameter(control_message(name), name)


def check_json(document) -> None:
    """Raise InvalidParameter for JSON nested too deeply or holding a control character."""
    pending = [(document, 1, "body")]
    while pending:
        value, depth, name = pending.pop()
        if depth > MAX_JSON_DEPTH:
            raise InvalidParameter(f"The JSON is nested more than {MAX_JSON_DEPTH} deep.", "body")
        if isinstance(value, str):
            check_text(name, value)
        elif isinstance(value, dict):
            for key, item in value.items():
                check_text(name, key)
                pending.append((item, depth + 1, key if depth == 1 else name))
        elif isinstance(value, list):
            pending.extend((item, depth + 1, name) for item in value)


class CheckedJSONProvider(DefaultJSONProvider):
    """Flask's JSON, refusing request bodies nested too deeply or with control characters."""

    def loads(self, s, **kwargs):
        try:
            document = super().loads(s, **kwargs)
        except RecursionError:
            raise InvalidParameter(
                f"The JSON is nested more than {MAX_JSON_DEPTH} deep.", "body"
            ) from None
        check_json(document)
        return document


def init_app(app: Flask) -> None:
    """Check every request's query string and form fields before its route runs."""
    app.json = CheckedJSONProvider(app)
    app.json.sort_keys = False

    @app.before_request
    def _no_control_characters():
        # One look at the whole decoded query string first: a search must not pay for a walk
        # through every parameter when none holds anything to refuse.
        query = request.query_string.decode("latin-1")
        if CONTROL.search(unquote_plus(query) if "%" in query else query):
            _check_fields(request.args)
        # Only a form body has fields: reading request.form on a GET would parse for nothing.
        if request.mimetype in FORM_TYPES:
            _check_fields(request.form)
            for name, upload in request.files.items(multi=True):
                check_text(name, upload.filename or "")


def _check_fields(fields) -> None:
    """Raise InvalidParameter naming the first field whose name or value holds a control."""
    for name, value in fields.items(multi=True):
        check_text("parameter name", name)
        check_text(name, value)
