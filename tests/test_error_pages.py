"""Error pages keep the way out: the site layout on pages, the one JSON shape under /api."""

from __future__ import annotations

import uuid

import pytest
from bs4 import BeautifulSoup
from flask import abort

from locator import create_app
from locator.domain.errors import InvalidParameter

from builders import add_premises, ids_by_ref
from conftest import premises_row

STATUSES = [400, 404, 405, 413, 429, 500]


@pytest.fixture
def failing_app(app):
    """The test app with routes that fail on purpose, on a page path and under /api."""

    def fail_with(status: int):
        if status == 405:
            abort(405, valid_methods=["GET"])
        abort(status)

    def raise_unexpected():
        raise RuntimeError("a bug nobody expected")

    def raise_domain_error():
        raise InvalidParameter("radius_km must be between 0.1 and 50.", "radius_km")

    for prefix in ("/test-errors", "/api/v1/test-errors"):
        app.add_url_rule(f"{prefix}/<int:status>", f"fail_{prefix}", fail_with)
        app.add_url_rule(f"{prefix}/unexpected", f"unexpected_{prefix}", raise_unexpected)
        app.add_url_rule(f"{prefix}/domain", f"domain_{prefix}", raise_domain_error)
    return app


@pytest.fixture
def failing_client(failing_app):
    return failing_app.test_client()


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def assert_site_layout(app, response) -> BeautifulSoup:
    """Assert the response is an HTML page with the 999 bar, quick exit and a way back."""
    assert response.mimetype == "text/html"
    page = soup(response)
    assert page.select_one("a#call-999")["href"] == "tel:999"
    assert "55" in page.select_one("#silent-solution").get_text()
    assert page.select_one("a#quick-exit")["href"] == app.config["QUICK_EXIT_URL"]
    assert page.select_one("script[src*='/quick-exit.js']")
    assert page.h1.get_text(strip=True)
    assert page.select_one("main a[href='/']")
    return page


def assert_json_error(response, status: int) -> dict:
    assert response.status_code == status
    assert response.is_json
    error = response.get_json()["error"]
    assert set(error) == {"code", "message", "field"}
    return error


@pytest.mark.parametrize("status", STATUSES)
def test_every_html_error_status_renders_the_site_layout(failing_app, failing_client, status):
    response = failing_client.get(f"/test-errors/{status}")
    assert response.status_code == status
    assert_site_layout(failing_app, response)


@pytest.mark.parametrize("status", STATUSES)
def test_the_same_statuses_under_the_api_answer_the_one_json_shape(failing_client, status):
    assert_json_error(failing_client.get(f"/api/v1/test-errors/{status}"), status)


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/no-such-page", 404),
        ("GET", "/spaces/not-a-number", 404),
        ("POST", "/quick-exit", 405),
        ("DELETE", "/", 405),
    ],
)
def test_real_html_errors_render_the_site_layout(app, client, method, path, status):
    response = client.open(path, method=method)
    assert response.status_code == status
    assert_site_layout(app, response)


def test_a_405_page_still_says_which_methods_are_allowed(client):
    response = client.post("/quick-exit")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]


def test_a_form_too_large_gets_the_413_page_and_json_under_the_api(app, client):
    app.config["MAX_CONTENT_LENGTH"] = 100
    page = client.post("/chat", data={"message": "x" * 500})
    assert page.status_code == 413
    assert_site_layout(app, page)
    too_large = client.post("/api/v1/chat", json={"message": "x" * 500})
    assert assert_json_error(too_large, 413)["code"] == "payload_too_large"


@pytest.mark.parametrize("path", ["/test-errors/429", "/api/v1/test-errors/429"])
def test_a_429_message_says_to_call_999_in_danger(failing_client, path):
    response = failing_client.get(path)
    assert response.status_code == 429
    if response.is_json:
        message = response.get_json()["error"]["message"]
    else:
        message = soup(response).select_one("#error-message").get_text()
    assert "call 999" in message


@pytest.fixture
def rate_limited_client(database_url):
    """A client of an app whose chat allows one message a minute."""
    app = create_app(
        {
            "DATABASE_URL": database_url,
            "RATELIMIT_ENABLED": True,
            "RATELIMIT_STORAGE_URI": "memory://",
            "RATELIMIT_KEY_PREFIX": f"test-{uuid.uuid4().hex}",
            "CHAT_RATE_LIMIT": "1 per minute",
        }
    )
    app.extensions["locator"].store.migrate()
    yield app, app.test_client()
    app.extensions["locator"].store.dispose()


def test_a_rate_limited_chat_form_gets_the_429_page_with_999(rate_limited_client):
    app, client = rate_limited_client
    assert client.post("/chat", data={"message": "hello"}).status_code == 200
    response = client.post("/chat", data={"message": "hello"})
    assert response.status_code == 429
    page = assert_site_layout(app, response)
    assert "call 999" in page.select_one("#error-message").get_text()


def test_a_rate_limited_chat_api_gets_the_json_429_with_999(rate_limited_client):
    _, client = rate_limited_client
    assert client.post("/api/v1/chat", json={"message": "hello"}).status_code == 200
    error = assert_json_error(client.post("/api/v1/chat", json={"message": "hello"}), 429)
    assert error["code"] == "rate_limited"
    assert "call 999" in error["message"]


def test_an_unexpected_exception_on_a_page_renders_the_html_500(failing_app, failing_client):
    response = failing_client.get("/test-errors/unexpected")
    assert response.status_code == 500
    page = assert_site_layout(failing_app, response)
    assert "a bug nobody expected" not in response.get_data(as_text=True)
    assert "999" in page.select_one("#error-message").get_text()


def test_an_unexpected_exception_under_the_api_answers_json_500(failing_client):
    error = assert_json_error(failing_client.get("/api/v1/test-errors/unexpected"), 500)
    assert error["code"] == "internal_error"


def test_a_domain_error_on_a_page_renders_html_with_its_message(failing_app, failing_client):
    response = failing_client.get("/test-errors/domain")
    assert response.status_code == 400
    page = assert_site_layout(failing_app, response)
    assert page.select_one("#error-message").get_text() == "radius_km must be between 0.1 and 50."


def test_a_domain_error_under_the_api_keeps_its_code_and_field(failing_client):
    error = assert_json_error(failing_client.get("/api/v1/test-errors/domain"), 400)
    assert (error["code"], error["field"]) == ("invalid_parameter", "radius_km")


def test_health_check_errors_stay_json(client):
    assert_json_error(client.post("/healthz"), 405)


@pytest.fixture
def listed(locator):
    lat, lon = 53.7965, -1.5478
    add_premises(locator, [premises_row("listed", lat, lon), premises_row("gone", lat, lon + 0.01)])
    return ids_by_ref(locator)


def test_a_withdrawn_listing_says_it_is_no_longer_listed_and_links_to_another(
    app, client, locator, listed
):
    locator.store.premises.set_status(listed["gone"], "suspended")
    response = client.get(f"/spaces/{listed['gone']}")
    assert response.status_code == 404
    page = assert_site_layout(app, response)
    assert page.h1.get_text() == "This safe space is no longer listed"
    assert page.select_one("main a[href='/']").get_text() == "Find another safe space"
    assert "Shop gone" not in response.get_data(as_text=True)


def test_a_listing_that_never_existed_is_simply_not_found(app, client, listed):
    response = client.get("/spaces/999999")
    assert response.status_code == 404
    assert assert_site_layout(app, response).h1.get_text() == "Page not found"


def test_the_search_page_title_never_names_the_place_searched(client, listed):
    page = soup(client.get("/?q=LS1"))
    assert page.title.get_text() == "Find a safe space · Safe Spaces Locator"
