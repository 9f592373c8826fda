"""Control characters and deep JSON are refused with a 400 naming the field, on every path in."""

from __future__ import annotations

import pytest
from test_business import csrf

from locator.listings import accounts

NUL = "Shop\x00name"

FORMS = [
    ("/register", {"name": NUL}),
    ("/moderate/login", {"email": "a\x00@b.example", "password": "x" * 12}),
    ("/business/login", {"email": "a@b.example", "password": "pass\x00word"}),
    ("/spaces/1/report", {"problem": "closed", "details": NUL}),
    ("/chat", {"message": "help\x00"}),
    ("/manage/not-a-token", {"name": NUL}),
]


@pytest.mark.parametrize(("path", "form"), FORMS)
def test_a_form_field_with_a_nul_byte_is_refused_naming_the_field(client, path, form):
    field = next(name for name, value in form.items() if "\x00" in value)
    with client.post(path, data={**form, "csrf_token": csrf(client, "/register")}) as response:
        assert response.status_code == 400
        text = response.get_data(as_text=True)
    assert f"{field} contains a control character" in text
    assert 'id="call-999"' in text


@pytest.mark.parametrize(
    "path",
    ["/?q=M1%00", "/embed?q=Leeds%1b", "/results?q=%07", "/api/v1/spaces?q=M1%00"],
)
def test_a_query_string_with_a_control_character_is_refused(client, path):
    with client.get(path) as response:
        assert response.status_code == 400


@pytest.mark.parametrize(
    "body",
    [
        {"message": "I need help\x00"},
        {"message": "hi", "context": {"location": {"label": "M1\x00"}}},
        {"message": "hi", "\x00": 1},
    ],
)
def test_json_with_a_control_character_is_refused(client, body):
    with client.post("/api/v1/chat", json=body) as response:
        assert response.status_code == 400
        assert response.get_json()["error"]["code"] == "invalid_parameter"


@pytest.mark.parametrize("depth", [17, 1000, 100_000])
def test_json_nested_deeply_is_refused_not_a_crash(client, depth):
    body = '{"message": "hi", "context": ' + "[" * depth + "]" * depth + "}"
    for path in ("/api/v1/chat", "/api/v1/registrations"):
        with client.post(path, data=body, content_type="application/json") as response:
            assert response.status_code == 400
            assert "nested more than 16 deep" in response.get_json()["error"]["message"]


def test_a_message_with_line_breaks_and_tabs_is_still_answered(client):
    with client.post("/api/v1/chat", json={"message": "I'm lost\n\tnear M1 1AE"}) as response:
        assert response.status_code == 200


@pytest.mark.parametrize(
    "target",
    ["/moderate%0d%0aSet-Cookie:%20x=1", "/moderate%0aX", "//evil.example/moderate", "/moderately"],
)
def test_signing_in_never_follows_a_next_address_outside_the_signed_in_area(app, locator, target):
    accounts.create_moderator(locator.store, locator.areas, "a@b.example", "A", "x" * 12, [])
    client = app.test_client()
    form = {"email": "a@b.example", "password": "x" * 12, "csrf_token": csrf(client, "/register")}
    with client.post(f"/moderate/login?next={target}", data=form) as response:
        assert response.status_code == 302
        assert response.headers["Location"] == "/moderate"


def test_signing_in_returns_to_the_page_asked_for(app, locator):
    accounts.create_moderator(locator.store, locator.areas, "a@b.example", "A", "x" * 12, [])
    client = app.test_client()
    form = {"email": "a@b.example", "password": "x" * 12, "csrf_token": csrf(client, "/register")}
    with client.post("/moderate/login?next=/moderate/statistics", data=form) as response:
        assert response.headers["Location"] == "/moderate/statistics"
