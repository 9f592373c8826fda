"""Fixtures: an app per database backend (SQLite always; PostgreSQL and Redis when present).

In CI (the CI environment variable is set) a missing PostgreSQL or Redis fails the run
instead of skipping, so the suite is never silently SQLite-only there.
"""

from __future__ import annotations

import os
import secrets
import socket
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from locator import create_app

POSTGRES_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
LONDON = ZoneInfo("Europe/London")
IN_CI = bool(os.environ.get("CI"))


def reachable(host: str, port: int) -> bool:
    """Return True when a TCP connection to host:port succeeds quickly."""
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def require_service(name: str, host: str, port: int) -> None:
    """Skip locally, fail in CI, when a service the test needs is not running."""
    if reachable(host, port):
        return
    message = f"{name} is not running on {host}:{port}"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(request, tmp_path_factory):
    """Yield a migrated, empty database URL for each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
        return
    require_service("PostgreSQL", "127.0.0.1", 5432)
    # A schema of our own, named for this run, so the suite touches nothing it did not make and
    # two runs at once (a developer's and CI's) never meet.
    schema = f"locator_test_{os.getpid()}_{secrets.token_hex(4)}"
    engine = sa.create_engine(POSTGRES_URL)
    with engine.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    url = sa.make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with engine.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


def configured_app(database_url: str, tmp_path, **settings):
    """Return an app for a test: limits off, mail and kept files in the test's own folder."""
    return create_app(
        {
            "DATABASE_URL": database_url,
            "TESTING": True,
            "RATELIMIT_ENABLED": False,
            "MAIL_BACKEND": "file",
            "MAIL_DIR": str(tmp_path / "mail"),
            "SECRET_KEY": "test-secret",
            # Files the app keeps (the GeoPackage export) stay in this test's own folder.
            "INSTANCE_PATH": str(tmp_path / "instance"),
            **settings,
        }
    )


@pytest.fixture
def app(database_url, tmp_path):
    """Return an app on an empty, migrated database, with mail written under tmp_path."""
    app = configured_app(database_url, tmp_path)
    store = app.extensions["locator"].store
    store.migrate()
    from locator.adapters.db.tables import (
        audit_log,
        data_version,
        loaded_places,
        loaded_sources,
        moderators,
        organisations,
        outbox,
        premises,
        referral_contacts,
        reports,
        sign_ins,
        training_records,
        uploads,
    )

    tables = (reports, audit_log, premises, moderators, organisations, referral_contacts, outbox)
    tables += (loaded_places, loaded_sources, sign_ins, uploads, training_records)
    with store.transaction() as connection:
        for table in tables:
            connection.execute(table.delete())
        # A new version, so nothing cached for an earlier test's data is taken as current.
        connection.execute(data_version.update().values(version=data_version.c.version + 1))
    yield app
    store.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def locator(app):
    return app.extensions["locator"]


@pytest.fixture
def head_office(app, locator):
    """Return a client signed in as the head office "Big Chemist" (hq@chemist.example)."""
    from bs4 import BeautifulSoup

    from locator.listings import accounts

    accounts.create_organisation(locator.store, "Big Chemist", "hq@chemist.example", "p" * 14)
    client = app.test_client()
    with client.get("/business/login") as response:
        page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    form = {"email": "hq@chemist.example", "password": "p" * 14}
    form["csrf_token"] = page.select_one("input[name=csrf_token]")["value"]
    with client.post("/business/login", data=form) as response:
        assert response.status_code == 302
    return client


def london(text: str) -> datetime:
    """Return an aware Europe/London datetime from 'YYYY-MM-DD HH:MM'."""
    return datetime.fromisoformat(text).replace(tzinfo=LONDON)


def premises_row(ref: str, lat: float, lon: float, **values) -> dict:
    """Return a valid import row (SPEC fields) with sensible defaults."""
    row = {
        "ref": ref,
        "name": f"Shop {ref}",
        "organisation": "Test Retail",
        "address": f"{ref} High Street",
        "postcode": "",
        "lat": str(lat),
        "lon": str(lon),
        "opening_hours": "Mo-Su 08:00-20:00",
        "facilities": "",
        "phone": "",
        "website": "",
        "how_to_ask": "Ask at the till",
        "scheme": "external",
    }
    row.update(values)
    return row
