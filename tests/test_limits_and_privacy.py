"""Rate limits (in memory and in Redis), privacy of logs, and the OpenAPI document."""

from __future__ import annotations

import logging
import uuid

import pytest
from openapi_spec_validator import validate

from locator import create_app
from locator.web.openapi import SEARCH_PARAMETERS, openapi_document
from locator.web.privacy import RedactQueryStrings

from conftest import REDIS_URL, require_service


@pytest.fixture(params=["memory", "redis"])
def limited_client(request, database_url):
    if request.param == "redis":
        require_service("Redis", "127.0.0.1", 6379)
        storage = REDIS_URL
    else:
        storage = "memory://"
    app = create_app(
        {
            "DATABASE_URL": database_url,
            "RATELIMIT_ENABLED": True,
            "RATELIMIT_STORAGE_URI": storage,
            # A fresh key prefix keeps runs apart in a shared Redis.
            "RATELIMIT_KEY_PREFIX": f"test-{uuid.uuid4().hex}",
            "API_RATE_LIMIT": "3 per minute",
        }
    )
    app.extensions["locator"].store.migrate()
    yield app.test_client()
    app.extensions["locator"].store.dispose()


def test_too_many_api_requests_get_a_429_in_the_json_error_shape(limited_client):
    statuses = [
        limited_client.get("/api/v1/spaces", query_string={"q": "M1"}).status_code for _ in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    response = limited_client.get("/api/v1/spaces", query_string={"q": "M1"})
    assert response.get_json()["error"]["code"] == "rate_limited"
    assert "Retry-After" in response.headers


def test_health_checks_are_not_rate_limited(limited_client):
    assert {limited_client.get("/healthz").status_code for _ in range(6)} == {200}


@pytest.mark.parametrize(
    ("line", "hidden", "kept"),
    [
        ("GET /api/v1/spaces?lat=53.48&lon=-2.24 HTTP/1.1", "53.48", "/api/v1/spaces?…"),
        ("GET /tiles/16/32412/21012.png HTTP/1.1", "32412", "/tiles/…"),
        ('GET /?q=M1"&lat=53.48 HTTP/1.1', "53.48", "/?…"),
        ("GET /manage/Zq3xY-secret-token_value HTTP/1.1", "secret", "/manage/…"),
        ("POST /manage/Zq3xY-secret-token_value/confirm HTTP/1.1", "secret", "/manage/…/confirm"),
        ("POST /record/Zq3xY-secret-token_value/uses HTTP/1.1", "secret", "/record/…/uses"),
        ("GET /record-and-review HTTP/1.1", "…", "/record-and-review"),
    ],
)
def test_request_logs_never_carry_a_location(line, hidden, kept):
    record = logging.LogRecord(
        "werkzeug",
        logging.INFO,
        __file__,
        1,
        '%s - - "%s" %s %s',
        ("127.0.0.1", line, "200", "-"),
        None,
    )
    RedactQueryStrings().filter(record)
    message = record.getMessage()
    assert hidden not in message and kept in message


def test_the_openapi_document_is_valid_and_served(client):
    served = client.get("/api/v1/openapi.json").get_json()
    assert served == openapi_document()
    validate(served)


def test_the_openapi_document_lists_every_api_route(app):
    documented = set(openapi_document()["paths"])
    routes = {
        rule.rule.replace("<id:space_id>", "{id}").replace("<reference>", "{reference}")
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/") or rule.rule == "/healthz"
    }
    assert routes == documented


@pytest.mark.parametrize("name", [p[0] for p in SEARCH_PARAMETERS if p[0] not in ("q", "area")])
def test_every_documented_search_parameter_is_checked_by_the_code(client, name):
    params = {"lat": "53.48", "lon": "-2.24", name: "not-valid-%%"}
    if name in ("lat", "lon"):
        params = {"lat": "53.48", "lon": "-2.24", name: "x"}
    response = client.get("/api/v1/spaces", query_string=params)
    assert response.status_code == 400
    assert response.get_json()["error"]["field"] == name


def limited_app(database_url, tmp_path, **limits):
    app = create_app(
        {
            "DATABASE_URL": database_url,
            "RATELIMIT_ENABLED": True,
            "RATELIMIT_KEY_PREFIX": f"test-{uuid.uuid4().hex}",
            "MAIL_DIR": str(tmp_path),
            **limits,
        }
    )
    app.extensions["locator"].store.migrate()
    return app


def test_a_refused_registration_does_not_use_up_the_limit_of_saved_ones(database_url, tmp_path):
    from test_business import registration

    app = limited_app(
        database_url,
        tmp_path,
        REGISTRATION_RATE_LIMIT="2 per hour",
        REGISTRATION_ATTEMPT_LIMIT="6 per hour",
    )
    client = app.test_client()
    statuses = [client.post("/api/v1/registrations", json={}).status_code for _ in range(3)]
    statuses += [
        client.post("/api/v1/registrations", json=registration()).status_code for _ in range(3)
    ]
    # Three mistakes, then two saved: the third saved one is over the limit of two an hour.
    assert statuses == [400, 400, 400, 201, 201, 429]
    app.extensions["locator"].store.dispose()


def test_every_registration_attempt_counts_towards_the_looser_attempt_limit(database_url, tmp_path):
    app = limited_app(database_url, tmp_path, REGISTRATION_ATTEMPT_LIMIT="3 per hour")
    client = app.test_client()
    statuses = [client.post("/api/v1/registrations", json={}).status_code for _ in range(4)]
    assert statuses == [400, 400, 400, 429]
    app.extensions["locator"].store.dispose()


def test_problem_reports_have_their_own_limit_and_the_page_says_how_long_to_wait(
    database_url, tmp_path
):
    app = limited_app(
        database_url,
        tmp_path,
        REGISTRATION_ATTEMPT_LIMIT="1 per hour",
        REPORT_RATE_LIMIT="1 per hour",
    )
    client = app.test_client()
    client.post("/api/v1/registrations", json={})
    with client.post("/api/v1/registrations", json={}) as refused:
        assert refused.status_code == 429
        message = refused.get_json()["error"]["message"]
    assert "try again in 60 minutes" in message and "call 999" in message
    # Registrations used up the office's allowance; a report about a listing still goes.
    assert client.post("/spaces/1/report", data={"reason": "closed"}).status_code != 429
    with client.post("/spaces/1/report", data={"reason": "closed"}) as limited:
        assert limited.status_code == 429
        page = limited.get_data(as_text=True)
    assert 'id="quick-exit"' in page and "try again in 60 minutes" in page
    app.extensions["locator"].store.dispose()


def test_the_gunicorn_access_log_hides_locations_and_manage_links():
    from gunicorn.config import Config

    from locator.gunicorn_config import RedactingLogger, access_log_format

    class Response:
        status = "200 OK"
        sent = 120
        headers = ()

    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/manage/secret-token-value?lat=53.48",
        "PATH_INFO": "/manage/secret-token-value",
        "QUERY_STRING": "lat=53.48",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "192.0.2.9",
        "HTTP_REFERER": "https://safe.example/?q=M1%201AE",
    }
    from datetime import timedelta

    atoms = RedactingLogger(Config()).atoms(Response(), {}, environ, timedelta(milliseconds=3))
    line = access_log_format % atoms
    fields = " ".join(str(atoms[name]) for name in ("r", "U", "q", "f"))
    for secret in ("secret", "53.48", "1AE"):
        assert secret not in line and secret not in fields
    assert atoms["r"] == "GET /manage/…?… HTTP/1.1"


def test_a_database_error_never_carries_the_values_it_was_given(locator):
    import sqlalchemy as sa

    with pytest.raises(sa.exc.DBAPIError) as failure, locator.store.engine.connect() as connection:
        connection.execute(
            sa.text("SELECT * FROM no_such_table WHERE email = :email"),
            {"email": "registrant@example.org"},
        )
    assert "registrant@example.org" not in str(failure.value)


def test_gunicorn_refuses_to_serve_without_the_public_address(monkeypatch):
    from locator import gunicorn_config

    monkeypatch.delenv("PUBLIC_BASE_URL", raising=False)
    with pytest.raises(SystemExit, match="PUBLIC_BASE_URL"):
        gunicorn_config.on_starting(None)
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://safespaces.example")
    gunicorn_config.on_starting(None)
