"""Help with no signal and little data: the service worker, the app manifest, low-data pages.

/sw.js keeps the page shell, the last search's results and the offline page on the phone
(static/sw.js says how). It is served from the site root so that it may answer for every page,
and always revalidated: a deploy changes its first line (the cache version), so phones take
the new worker and drop the old caches. The manifest lets the site open from the home screen.

Low data (?lite=1 on the search page) is the list alone in one response: no map, no Leaflet, no
icons, the style sheet and the few scripts written into the page.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

from flask import Blueprint, Response, current_app, has_request_context, request, url_for
from markupsafe import Markup
from werkzeug.datastructures import MultiDict

from locator.domain import language
from locator.domain.language import N_, gettext
from locator.web.caching import content_version

bp = Blueprint("offline", __name__)

# The worker's own code; /sw.js is this file after one line of settings written here.
WORKER = "sw.js"
# Kept at install, so that the offline page and a cached results page have their style and scripts.
SHELL_FILES = ("site.css", "no-trail.js", "quick-exit.js", "offline.js", "icons.svg")
# The page that says what to do with no signal: as the browser's language asks ("") and in each.
OFFLINE_PAGES = ("", *language.LANGUAGES)
# Pages that can be asked for with little data, and the request values that ask for it.
LOW_DATA_PAGES = frozenset({"pages.index"})
LOW_DATA_VALUES = frozenset({"1", "true", "yes", "on"})
# The colours of site.css: the danger bar's red leads every page; the page itself is white.
THEME_COLOUR = "#a50e1e"
BACKGROUND_COLOUR = "#ffffff"
ICONS = (
    ("icon-192.png", 192, "any"),
    ("icon-512.png", 512, "any"),
    ("icon-maskable-192.png", 192, "maskable"),
    ("icon-maskable-512.png", 512, "maskable"),
)
APP_NAME = N_("Safe Spaces Locator")
APP_SHORT_NAME = N_("Safe spaces")
APP_DESCRIPTION = N_("Find the nearest open safe space: shops whose staff will help you.")


@bp.get("/sw.js")
def service_worker():
    """Send the service worker with its settings: cache version, shell files, offline pages."""
    settings = {
        "version": cache_version(),
        "shell": [url_for("static", filename=name) for name in SHELL_FILES],
        "offline": {
            lang: url_for("pages.offline", **({"lang": lang} if lang else {}))
            for lang in OFFLINE_PAGES
        },
    }
    code = Path(current_app.static_folder, WORKER).read_text(encoding="utf-8")
    response = Response(
        f"const SETTINGS = {json.dumps(settings)};\n{code}", mimetype="text/javascript"
    )
    return revalidated(response)


@bp.get("/manifest.webmanifest")
def manifest():
    """Send the web app manifest, in the language the page asked for, so the site installs."""
    lang, explicit = language.chosen(
        request.args.get("lang"), request.headers.get("Accept-Language")
    )
    with language.speaking(lang):
        words = {
            "name": gettext(APP_NAME),
            "short_name": gettext(APP_SHORT_NAME),
            "description": gettext(APP_DESCRIPTION),
        }
    body = {
        "id": "/",
        **words,
        "lang": lang,
        "dir": "ltr",
        # Installed from a page with ?lang=, the app opens in that language.
        "start_url": url_for("pages.index", **({"lang": lang} if explicit else {})),
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [
            {
                "src": url_for("static", filename=name),
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": purpose,
            }
            for name, size, purpose in ICONS
        ],
    }
    response = Response(json.dumps(body, ensure_ascii=False), mimetype="application/manifest+json")
    response.vary.add("Accept-Language")
    return revalidated(response)


def revalidated(response: Response) -> Response:
    """Have browsers ask every time, answered "not modified" (no body) when nothing changed."""
    # Never the year-long caching of static files: a phone must learn of a new worker at once,
    # and browsers check for one on every page they open, so an unchanged one costs no data.
    response.headers["Cache-Control"] = "no-cache"
    response.add_etag()
    return response.make_conditional(request)


def cache_version() -> str:
    """Return 12 hex digits that change whenever a file of the shell or the offline pages does."""
    app = current_app
    templates = Path(app.root_path, app.template_folder or "")
    return _version_of((Path(app.static_folder or ""), templates, language.CATALOGUES))


@functools.cache
def _version_of(folders: tuple[Path, ...]) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(f"{path.relative_to(folder)}={content_version(path)}\n".encode())
    return digest.hexdigest()[:12]


def low_data() -> bool:
    """Return whether this page was asked for with little data (?lite=1 on a page that can)."""
    return (
        has_request_context()
        and request.endpoint in LOW_DATA_PAGES
        and request.args.get("lite", "").strip().lower() in LOW_DATA_VALUES
    )


def low_data_switch() -> str:
    """Return this page's address in the other mode (low data on or off), keeping its search."""
    args = MultiDict(request.args)
    args.pop("lite", None)
    values = args.to_dict(flat=False)
    # None keeps the low-data default below from adding it back.
    values["lite"] = None if low_data() else "1"
    return url_for(request.endpoint, **values)


@functools.cache
def _file_text(path: Path, version: str) -> Markup:
    del version  # part of the cache key only: a changed file is read again
    return Markup(path.read_text(encoding="utf-8"))  # noqa: S704 - our own static file


@bp.app_template_global()
def inline_static(filename: str) -> Markup:
    """Return one of our static files' text, to write a style sheet or script into a page."""
    path = Path(current_app.static_folder or "", filename)
    return _file_text(path, content_version(path))


@bp.app_context_processor
def _low_data_words() -> dict:
    return {"lite": low_data(), "low_data_switch": low_data_switch}


@bp.app_url_defaults
def _keep_low_data(endpoint: str, values: dict) -> None:
    # Links from a low-data search to the search page stay low data, as its form does.
    if endpoint in LOW_DATA_PAGES and "lite" not in values and low_data():
        values["lite"] = "1"
