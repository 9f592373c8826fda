"""The OpenAPI document tells the truth: schemathesis against a live server, on each backend.

Every operation is called with generated requests, valid and invalid: no server error, no
status or content type the document does not list, every body matching its schema, valid
requests accepted and invalid ones refused.
"""

from __future__ import annotations

import threading

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance
from werkzeug.serving import make_server

from locator import create_app
from locator.listings.registration import REGISTRATION_FIELDS
from locator.web.openapi import openapi_document


@pytest.fixture(scope="module")
def live_server(database_url, tmp_path_factory):
    """Serve a fresh app on a free port for the whole module."""
    folder = tmp_path_factory.mktemp("live")
    app = create_app(
        {
            "DATABASE_URL": database_url,
            "RATELIMIT_ENABLED": False,
            "SECRET_KEY": "test-secret",
            "MAIL_DIR": str(folder / "mail"),
            "INSTANCE_PATH": str(folder / "instance"),
        }
    )
    app.extensions["locator"].store.migrate()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()
    app.extensions["locator"].store.dispose()


OPERATIONS = [
    (path, method.upper(), mode)
    for path, item in openapi_document()["paths"].items()
    for method, operation in item.items()
    if method in ("get", "post")
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    # An operation that takes nothing cannot be sent anything invalid.
    if mode is GenerationMode.POSITIVE
    or operation.get("parameters")
    or operation.get("requestBody")
]


# Rules JSON Schema cannot state, each in the document's descriptions: a search needs a place
# (lat and lon, q, bbox or area) that exists; a registration's place must be in the UK, its
# postcode real and its hours in OpenStreetMap's grammar; lat and lon travel together.
BEYOND_SCHEMA = {
    ("/api/v1/spaces", "GET"): {"q", "lat", "lon", "bbox", "area", "near"},
    ("/api/v1/chat", "POST"): {"lat", "lon"},
    ("/api/v1/registrations", "POST"): {"opening_hours", "postcode", "lat", "lon"},
}


@pytest.fixture(scope="module")
def api_schema(live_server):
    return schemathesis.openapi.from_url(f"{live_server}/api/v1/openapi.json")


@pytest.mark.parametrize(("path", "method", "mode"), OPERATIONS)
def test_every_operation_keeps_to_the_openapi_document(api_schema, live_server, path, method, mode):
    operation = api_schema[path][method]

    @settings(
        max_examples=30,
        deadline=None,
        derandomize=True,  # the same requests every run: a failure is one anyone can repeat
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    @given(case=operation.as_strategy(mode))
    def check(case):
        response = case.call_and_validate(
            base_url=live_server, excluded_checks=[positive_data_acceptance]
        )
        if mode is GenerationMode.POSITIVE and response.status_code not in (200, 201, 202, 404):
            # A request the schema allows is refused only for what a schema cannot say, and
            # the refusal names that field.
            error = response.json()["error"]
            allowed = BEYOND_SCHEMA.get((path, method), set())
            assert response.status_code == 400 and error["field"] in allowed, (
                f"{case.as_curl_command()} -> {response.status_code} {error}"
            )

    check()


def test_the_registration_schema_names_exactly_what_the_server_takes():
    schema = openapi_document()["components"]["schemas"]["Registration"]
    assert set(schema["properties"]) == set(REGISTRATION_FIELDS)
