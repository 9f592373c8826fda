"""Browser test infrastructure: a live app, a second origin, and Playwright with guards.

The app runs on a real threaded WSGI server with its own SQLite file (never the parametrized
`app` fixture of tests/conftest.py). A second server on another port is "somebody else's
website": it frames /embed and hosts the neutral page that quick exit goes to.

Every browser context is guarded: requests to anything but 127.0.0.1/localhost are aborted
and recorded, and uncaught page errors are recorded; a test fails when either list is not
empty at its end. Chromium is Debian's /usr/bin/chromium; Playwright's own browsers are never
downloaded. Without Chromium the tests skip locally and fail in CI.

tests/browser has an __init__.py on purpose: without it this file would be imported under
the module name "conftest" and replace tests/conftest.py in sys.modules, breaking every
`from conftest import ...` in the other test modules.
"""

from __future__ import annotations

import html
import os
import threading
from dataclasses import dataclass, field
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from werkzeug.serving import make_server

from locator import create_app

from .support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    LEEDS,
    LOCAL_HOSTS,
    MANCHESTER,
    MONTHS,
    XSS_NAME,
    XSS_POINT,
)
from builders import add_premises, ids_by_ref
from conftest import IN_CI, premises_row


def closed_now_hours(today: date | None = None) -> str:
    """Return hours open one hour on a day about six months away: closed now, still valid."""
    day = (today or date.today()) + timedelta(days=182)
    return f"{MONTHS[day.month - 1]} {min(day.day, 28):02d} 10:00-11:00"


def seed_rows() -> list[dict]:
    """Return the premises every browser test sees (all external, all published)."""
    lat, lon = LEEDS
    return [
        premises_row(
            "leeds-charging-247",
            lat + 0.0010,
            lon,
            name="Briggate Late Shop",
            opening_hours="24/7",
            facilities="phone_charging;phone_use;wifi;seating",
            phone="0113 496 0000",
            how_to_ask="Ask for Safe Space at the till",
        ),
        premises_row(
            "leeds-first-aid-247",
            lat - 0.0040,
            lon + 0.0020,
            name="Station Pharmacy",
            opening_hours="24/7",
            facilities="first_aid;defibrillator;step_free;toilet;accessible_toilet",
        ),
        premises_row(
            "leeds-water-247",
            lat + 0.0150,
            lon - 0.0100,
            name="Headrow Corner Shop",
            opening_hours="24/7",
            facilities="drinking_water;seating",
        ),
        premises_row(
            "leeds-daytime",
            lat + 0.0025,
            lon + 0.0030,
            name="Kirkgate Stationers",
            opening_hours="Mo-Sa 08:00-20:00; Su 10:00-16:00",
            facilities="phone_charging;toilet",
        ),
        premises_row(
            "leeds-evening",
            lat - 0.0020,
            lon - 0.0030,
            name="Park Row Bookshop",
            opening_hours="Mo-Fr 17:00-23:30; PH off",
            facilities="wifi;drinking_water",
        ),
        premises_row(
            "leeds-closed",
            lat + 0.0060,
            lon + 0.0060,
            name="Vicar Lane Gallery",
            opening_hours=closed_now_hours(),
            facilities="private_room",
        ),
        premises_row(
            "leeds-xss",
            *XSS_POINT,
            name=XSS_NAME,
            opening_hours="24/7",
            facilities="wifi",
        ),
        premises_row(
            "manchester-247",
            *MANCHESTER,
            name="Piccadilly Safe Shop",
            opening_hours="24/7",
            facilities="phone_charging;first_aid",
        ),
    ]


@dataclass
class Site:
    """The running app as the browser tests see it."""

    base: str  # e.g. http://127.0.0.1:41234
    other: str  # the second origin, e.g. http://127.0.0.1:41235
    exit_url: str  # QUICK_EXIT_URL, on the second origin
    ids: dict[str, int]  # premises id by ref
    app: object = None  # the Flask app, for arranging data (e.g. a moderator account)

    def url(self, path: str) -> str:
        return self.base + path

    def place(self, ref: str) -> str:
        return f"{self.base}/spaces/{self.ids[ref]}"


def _other_origin_pages(base: str) -> dict[str, str]:
    """Pages of the second origin, by path."""
    embed = html.escape(f"{base}/embed?area=leeds", quote=True)
    home = html.escape(f"{base}/", quote=True)
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        "</head><body>{body}</body></html>"
    )
    return {
        "/exit.html": page.format(
            title="Weather forecast", body="<h1>Weather forecast</h1><p>Light rain later.</p>"
        ),
        "/start.html": page.format(title="News", body="<h1>News</h1><p>Nothing happened.</p>"),
        "/frame-embed.html": page.format(
            title="Partner site",
            body=f'<h1>Partner site</h1><iframe src="{embed}" title="Safe spaces" '
            'width="800" height="600"></iframe>',
        ),
        "/frame-home.html": page.format(
            title="Framing attempt",
            body=f'<h1>Framing attempt</h1><iframe src="{home}" title="Locator" width="800" '
            'height="600" onload="document.body.dataset.frameLoaded = 1"></iframe>',
        ),
    }


def _start_other_origin(pages: dict[str, str]) -> ThreadingHTTPServer:
    """Serve pages (a dict filled in later) from a thread on a free port."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = pages.get(urlsplit(self.path).path)
            status = 200 if body is not None else 404
            payload = (body or "Not found").encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """Run the app on a live threaded server with seeded premises; yield a Site."""
    pages: dict[str, str] = {}
    other_server = _start_other_origin(pages)
    other = f"http://127.0.0.1:{other_server.server_port}"
    exit_url = f"{other}/exit.html"
    database = tmp_path_factory.mktemp("browser-db") / "locator.sqlite3"
    app = create_app(
        {
            "DATABASE_URL": f"sqlite:///{database}",
            "TESTING": True,
            "RATELIMIT_ENABLED": False,
            "TILE_URL": "",
            "QUICK_EXIT_URL": exit_url,
        }
    )
    locator = app.extensions["locator"]
    locator.store.migrate()
    add_premises(locator, seed_rows(), publish=True)
    ids = ids_by_ref(locator)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    base = f"http://127.0.0.1:{server.server_port}"
    pages.update(_other_origin_pages(base))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(base=base, other=other, exit_url=exit_url, ids=ids, app=app)
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
        other_server.shutdown()
        other_server.server_close()
        locator.store.dispose()


@pytest.fixture(scope="session")
def playwright():
    """Start Playwright once; skip locally, fail in CI, when Chromium is missing."""
    if not os.path.exists(CHROMIUM):
        message = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright):
    """Debian's headless Chromium, shared by every browser test."""
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@dataclass
class Guard:
    """What the pages of one test did that they must not: leave localhost, throw."""

    outside_requests: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def route(self, route) -> None:
        url = route.request.url
        if urlsplit(url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.outside_requests.append(url)
            route.abort()

    def watch(self, page) -> None:
        page.on("pageerror", lambda error: self.page_errors.append(f"{page.url}: {error}"))
        page.on(
            "console",
            lambda message: (
                self.console_errors.append(f"{page.url}: {message.text}")
                if message.type == "error"
                else None
            ),
        )


@pytest.fixture
def guard():
    """The Guard every context of this test reports to; checked when the test ends."""
    guard = Guard()
    yield guard
    assert not guard.outside_requests, (
        f"requests left localhost: {guard.outside_requests}; console: {guard.console_errors}"
    )
    assert not guard.page_errors, (
        f"pages threw: {guard.page_errors}; console errors: {guard.console_errors}"
    )


@pytest.fixture
def new_context(browser, guard):
    """Return a factory of guarded contexts (en-GB, Europe/London); all closed at the end."""
    contexts = []

    def factory(**options):
        settings = {"locale": "en-GB", "timezone_id": "Europe/London", **options}
        context = browser.new_context(**settings)
        context.set_default_timeout(10_000)
        context.route("**/*", guard.route)
        context.on("page", guard.watch)
        contexts.append(context)
        return context

    yield factory
    for context in contexts:
        context.close()


@pytest.fixture
def context(new_context):
    return new_context()


@pytest.fixture
def page(context):
    return context.new_page()
