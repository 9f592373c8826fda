"""Welsh and English public pages: which language a request gets, and links that keep it.

The language comes from ?lang=cy|en, then Accept-Language, then English; no cookie holds it
(public pages set none). A language chosen with ?lang= rides on every link the page makes.
Business, moderation and partner pages stay in English: their words are not translated yet.
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Flask, Response, g, request
from flask_babel import Babel

from locator.domain import language

# Blueprints whose pages are translated; None is a page no route matched (a 404).
PUBLIC_BLUEPRINTS = frozenset({"pages", "embed", "offline", None})
# Pages of those blueprints that are for partners, not the public, and stay in English.
ENGLISH_ONLY_ENDPOINTS = frozenset({"embed.partners_embed"})


def is_public() -> bool:
    """Tell whether this request is for a translated public page."""
    return request.blueprint in PUBLIC_BLUEPRINTS and request.endpoint not in ENGLISH_ONLY_ENDPOINTS


def init_app(app: Flask) -> None:
    """Choose each request's language and give templates the switch to the other one."""
    app.config.setdefault("BABEL_DEFAULT_LOCALE", language.ENGLISH)
    Babel(
        app,
        locale_selector=selected,
        default_translation_directories=str(language.CATALOGUES),
    )

    @app.before_request
    def _choose() -> None:
        lang, explicit = language.ENGLISH, False
        if is_public():
            lang, explicit = language.chosen(
                request.args.get("lang"), request.headers.get("Accept-Language")
            )
        g.language, g.language_explicit = lang, explicit
        g.language_token = language.start_speaking(lang)

    @app.teardown_request
    def _forget(_error: BaseException | None) -> None:
        token = g.pop("language_token", None)
        if token is not None:
            language.stop_speaking(token)

    @app.url_defaults
    def _keep(endpoint: str, values: dict) -> None:
        # A visitor who picked Welsh on an English browser keeps it from link to link.
        if endpoint != "static" and g.get("language_explicit") and "lang" not in values:
            values["lang"] = g.language

    @app.after_request
    def _vary(response: Response) -> Response:
        if is_public() and response.mimetype == "text/html":
            response.vary.add("Accept-Language")
        return response

    @app.context_processor
    def _words() -> dict:
        lang = g.get("language", language.ENGLISH)
        return {"language": lang, "language_switch": switch}


def selected() -> str:
    """Return this request's language (Flask-Babel's locale selector)."""
    return g.get("language", language.ENGLISH)


def switch() -> dict[str, str] | None:
    """Return the other language's name, code and this page's address in it (None off public)."""
    if not is_public() or request.method != "GET":
        return None
    here = g.get("language", language.ENGLISH)
    other = language.WELSH if here == language.ENGLISH else language.ENGLISH
    args = [(key, value) for key, value in request.args.items(multi=True) if key != "lang"]
    args.append(("lang", other))
    return {
        "code": other,
        "name": language.NAMES[other],
        "href": f"{request.path}?{urlencode(args)}",
    }
