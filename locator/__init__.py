"""Safe Spaces Locator: find the nearest open safe space in UK shops."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from locator.config import load_config


def create_app(config: Mapping[str, object] | None = None) -> Flask:
    """Build the app: settings → store → services → blueprints → limits → headers → errors."""
    from locator import cli
    from locator.adapters.db.store import Store
    from locator.adapters.mail.outbox import Mailer
    from locator.adapters.mail.transport import Transport
    from locator.geo.areas import default_areas
    from locator.geo.gazetteer import default_gazetteer
    from locator.search.service import Locator
    from locator.web import (
        api,
        caching,
        embed,
        errors,
        extensions,
        inputs,
        language,
        listings,
        maps,
        offline,
        opendata,
        ops,
        pages,
        privacy,
        security,
        tiles,
    )
    from locator.web import coverage as coverage_views
    from locator.web import exports as export_views
    from locator.web.converters import IdConverter

    settings = load_config()
    if config:
        settings.update(config)
    # Templates and static files live in the package (locator/web/), so a wheel carries them.
    app = Flask(
        __name__,
        template_folder="web/templates",
        static_folder="web/static",
        instance_path=str(settings["INSTANCE_PATH"]),
    )
    app.config.update(settings)
    app.secret_key = app.config["SECRET_KEY"]
    # Only business and moderator pages use the session; it is never set on public pages.
    app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")
    public_base = str(app.config["PUBLIC_BASE_URL"] or "")
    if app.config["SESSION_COOKIE_SECURE"] is None:
        app.config["SESSION_COOKIE_SECURE"] = public_base.startswith("https://")
    if public_base and app.config.get("TRUSTED_HOSTS") is None:
        # Requests naming another host are refused (400): links and mail follow our own name.
        app.config["TRUSTED_HOSTS"] = [urlsplit(public_base).hostname, "localhost", "127.0.0.1"]
    if int(app.config["TRUSTED_PROXIES"]):
        hops = int(app.config["TRUSTED_PROXIES"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)
    # Requests are small (a chat message, a form, an estate file); anything over 8 MB gets 413.
    if app.config.get("MAX_CONTENT_LENGTH") is None:
        app.config["MAX_CONTENT_LENGTH"] = 8 * 1024 * 1024
    privacy.init_app(app)
    # The language first: the input checks' refusals are said in it.
    language.init_app(app)
    inputs.init_app(app)
    store = Store(str(app.config["DATABASE_URL"]))
    app.extensions["locator"] = Locator(
        store,
        default_gazetteer,
        default_areas(),
        index_check_seconds=float(app.config["INDEX_CHECK_SECONDS"]),
    )
    app.url_map.converters["id"] = IdConverter
    app.register_blueprint(api.bp)
    app.register_blueprint(export_views.bp)
    app.register_blueprint(opendata.bp)
    app.register_blueprint(ops.bp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(embed.bp)
    app.register_blueprint(maps.bp)
    app.register_blueprint(listings.bp)
    app.register_blueprint(listings.api_bp)
    app.register_blueprint(coverage_views.bp)
    app.register_blueprint(tiles.bp)
    app.register_blueprint(offline.bp)
    transport = Transport(
        str(app.config["MAIL_BACKEND"]),
        str(app.config["MAIL_FROM"]),
        app.config["MAIL_DIR"],
        str(app.config["MAIL_SMTP_URL"]),
    )
    app.extensions["mailer"] = Mailer(store, transport)
    extensions.init_app(app)
    caching.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    cli.init_app(app)
    return app
