"""A form with several mistakes shows them all at once, in its order, and loses nothing typed."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from test_business import grid_registration, manage_path, post_manage, register, registration

from locator.domain.errors import InvalidParameter
from locator.listings import registration as registration_cases

MISTAKES = {
    "name": "",
    "postcode": "LS1",
    "phone": "call us",
    "contact_email": "not an email",
    "approach": "",
}


def page(response) -> BeautifulSoup:
    with response:
        return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def test_every_mistake_of_a_registration_form_is_listed_at_once_in_the_forms_order(client, locator):
    form = grid_registration(client, **MISTAKES)
    response = client.post("/register", data=form)
    assert response.status_code == 400
    shown = page(response)
    summary = shown.select_one("#form-error")
    assert summary["role"] == "alert"
    targets = [link["href"] for link in summary.select("a")]
    assert targets == ["#name", "#postcode", "#phone", "#contact_email", "#readiness-heading"]
    assert summary.select_one("h2").text == "There are 5 problems"
    for field in ("name", "postcode", "phone", "contact_email"):
        control = shown.select_one(f"#{field}")
        assert control["aria-invalid"] == "true"
        described = shown.select_one(f"#{control['aria-describedby']}")
        assert described.text.strip(), field
        assert described.get("role") is None  # the summary is the one announcement
    assert "How do your staff respond" in shown.select_one("#checklist-error").text
    assert locator.store.premises.count() == 0


def test_a_grid_mistake_is_listed_with_the_others(client):
    form = grid_registration(client, monday_open1="9am", contact_email="nope")
    shown = page(client.post("/register", data=form))
    messages = [item.text for item in shown.select("#form-error li")]
    assert len(messages) == 2
    assert "Monday" in messages[0] and "email" in messages[1].lower()


def test_a_correct_field_is_not_marked_when_others_are_wrong(client):
    shown = page(client.post("/register", data=grid_registration(client, phone="call us")))
    assert shown.select_one("#name").get("aria-invalid") is None
    assert shown.select_one("#phone")["aria-invalid"] == "true"
    assert shown.select_one("#form-error h2").text == "There is a problem"


def test_the_api_answers_the_first_mistake_in_the_forms_order(client):
    body = registration(name="", phone="call us", contact_email="nope")
    with client.post("/api/v1/registrations", json=body) as response:
        assert response.status_code == 400
        assert response.get_json()["error"]["field"] == "name"


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({"organisation": "", "name": ""}, ["organisation", "name"]),
        (
            {"postcode": "ZZ", "lat": None, "lon": None, "website": "not a site"},
            ["postcode", "website"],
        ),
        ({"scheme": "both", "opening_hours": "sometimes"}, ["opening_hours", "scheme"]),
    ],
)
def test_the_registration_check_names_every_field_it_refuses(locator, changes, fields):
    payload = registration(**changes)
    with pytest.raises(InvalidParameter) as refused:
        registration_cases.register(locator, payload, mailer=None, base_url="http://x")
    assert [problem.field for problem in refused.value.problems] == fields


def test_every_mistake_on_the_manage_page_is_listed_and_nothing_is_saved(client, locator):
    done = register(client)
    path = manage_path(done)
    before = locator.store.premises.get(done["id"])
    response = post_manage(
        client, path, opening_hours="sometimes", name="", phone="call us", how_to_ask="Ask Sam"
    )
    assert response.status_code == 400
    shown = page(response)
    targets = [link["href"] for link in shown.select("#manage-error a")]
    assert targets == ["#hours-heading", "#name", "#phone"]
    for field in ("opening_hours", "name", "phone"):
        assert shown.select_one(f"#{field}")["aria-invalid"] == "true"
    # What was typed is kept for correcting; nothing of it was saved.
    assert shown.select_one("#how_to_ask")["value"] == "Ask Sam"
    assert shown.select_one("#phone")["value"] == "call us"
    after = locator.store.premises.get(done["id"])
    assert (after.opening_hours, after.how_to_ask, after.pending_changes) == (
        before.opening_hours,
        before.how_to_ask,
        before.pending_changes,
    )
