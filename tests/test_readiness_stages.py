"""Readiness by the guidance's five stages: asked at registration, changed, reminded, moderated."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from test_business import (
    READY,
    csrf,
    grid_registration,
    manage_path,
    moderator_client,
    register,
    registration,
)
from test_head_office import uploaded_estate

from locator.domain import clock
from locator.domain.errors import InvalidParameter
from locator.listings import checklist
from locator.usage import records as review

from builders import ready_form

PHYSICAL_ONE_BY_ONE = {
    **{key: value for key, value in READY.items() if key != "space_checked"},
    "line_of_sight": True,
    "exit_route": True,
    "phone_or_internet": True,
    "first_aid_kit": False,
    "lighting": True,
    "nothing_harmful": True,
    "cctv_signage": False,
}


def page(response) -> BeautifulSoup:
    with response:
        return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def answer(shown: BeautifulSoup, key: str) -> str:
    return shown.select_one(f"#answer-{key} strong").text


def readiness_form(client, path, **answers) -> dict:
    form = {"csrf_token": csrf(client, path), **ready_form()}
    form.update(answers)
    return form


def remind_later(app, locator, days=100) -> str:
    mailer = app.extensions["mailer"]
    before = len(mailer.sent())
    later = datetime.now(UTC) + timedelta(days=days)
    clock.set_source(lambda: later)
    try:
        review.remind(locator.store, mailer, "http://x", 90, refresh_months=12)
    finally:
        clock.set_source(None)
    return mailer.sent()[before].get_content()


def test_every_question_belongs_to_one_of_the_guidances_five_stages():
    assert list(checklist.STAGES) == ["planning", "training", "physical", "response", "review"]
    for stage in checklist.STAGES:
        assert [q for q in checklist.QUESTIONS if q.stage == stage], stage
    physical = {q.key for q in checklist.QUESTIONS if q.stage == "physical"}
    assert physical == {
        "line_of_sight",
        "exit_route",
        "phone_or_internet",
        "first_aid_kit",
        "lighting",
        "nothing_harmful",
        "cctv_signage",
    }


def test_the_first_checklists_one_space_answer_still_registers_and_counts_for_each_check(
    app, client, locator
):
    shown = page(client.get(manage_path(register(client))))
    for key in ("line_of_sight", "exit_route", "cctv_signage"):
        assert answer(shown, key) == "Yes"
    # Questions the first checklist never asked are open, not assumed.
    assert answer(shown, "approach") == "Not answered"
    titles = [h.text for h in shown.select("#readiness-answers h3")]
    assert [t.split(" (")[0] for t in titles] == [
        "1. Planning",
        "2. Staff training",
        "3. The physical safe space",
        "4. Response",
        "5. Record and review",
    ]


def test_each_physical_check_is_answered_on_its_own_and_a_not_yet_is_kept(app, client, locator):
    done = register(client, checklist=PHYSICAL_ONE_BY_ONE)
    shown = page(client.get(manage_path(done)))
    assert answer(shown, "first_aid_kit") == "Not yet"
    assert answer(shown, "exit_route") == "Yes"
    assert "to do" in shown.select_one("#answers-physical").text


@pytest.mark.parametrize(
    ("changed", "named"),
    [
        ({"exit_route": False}, "way out"),
        ({"nothing_harmful": False}, "cause harm"),
        ({"space_checked": False}, "way out"),
        ({"staff_trained": False}, "Staff are trained"),
    ],
)
def test_a_registration_not_ready_on_an_essential_point_is_refused_naming_it(
    client, locator, changed, named
):
    body = registration(checklist={**PHYSICAL_ONE_BY_ONE, **changed})
    with client.post("/api/v1/registrations", json=body) as response:
        assert response.status_code == 400
        assert named in response.get_json()["error"]["message"]
    assert locator.store.premises.count() == 0


@pytest.mark.parametrize(
    ("checklist_sent", "field_message"),
    [
        ({**READY, "approach": "sometimes"}, "approach"),
        ({**READY, "first_aid_kit": "yes"}, "true or false"),
        ({**READY, "lights_on": True}, "lights_on"),
        ({key: v for key, v in READY.items() if key != "space_checked"}, "space_checked"),
    ],
)
def test_a_malformed_checklist_is_refused_with_what_to_send(client, checklist_sent, field_message):
    with client.post(
        "/api/v1/registrations", json=registration(checklist=checklist_sent)
    ) as response:
        assert response.status_code == 400
        error = response.get_json()["error"]
        assert error["field"] == "checklist"
        assert field_message in error["message"]


def test_the_registration_form_asks_every_stage_and_refuses_a_question_left_open(client, locator):
    shown = page(client.get("/register"))
    legends = [legend.text for legend in shown.select(".readiness-stage legend")]
    assert legends == [
        "1. Planning",
        "2. Staff training",
        "3. The physical safe space",
        "4. Response",
        "5. Record and review",
    ]
    form = grid_registration(client)
    del form["approach"]
    refused = client.post("/register", data=form)
    assert refused.status_code == 400
    assert "How do your staff respond" in page(refused).select_one("#checklist-error").text
    assert locator.store.premises.count() == 0


def test_the_registration_form_keeps_every_answer_by_stage(client, locator):
    form = grid_registration(client, approach="proactive", cctv_signage="no")
    with client.post("/register", data=form) as response:
        assert response.status_code == 200
    (space_id,) = locator.store.premises.ids_in_areas([])
    row = locator.store.premises.get(space_id)
    assert row.readiness["approach"] == "proactive"
    assert row.readiness["cctv_signage"] is False


def test_a_business_changes_its_answers_and_the_manage_page_shows_them(app, client, locator):
    done = register(client, checklist={**READY, "insurer_consulted": False})
    path = manage_path(done)
    form = readiness_form(client, path, approach="proactive", codewords=["ask_for_angela"])
    shown = page(client.post(f"{path}/readiness", data=form))
    assert "Saved your readiness answers" in shown.select_one("#readiness-message").text
    assert answer(shown, "insurer_consulted") == "Yes"
    assert answer(shown, "approach").startswith("Proactive")
    assert locator.store.premises.get(done["id"]).codewords == ("ask_for_angela",)
    assert locator.store.premises.audit_entries(done["id"])[0]["action"] == "readiness"


def test_an_essential_point_cannot_be_changed_to_not_yet_and_nothing_is_saved(app, client, locator):
    done = register(client)
    path = manage_path(done)
    before = locator.store.premises.get(done["id"]).checklist
    response = client.post(f"{path}/readiness", data=readiness_form(client, path, exit_route="no"))
    assert response.status_code == 400
    error = page(response).select_one("#readiness-error").text
    assert "close temporarily" in error
    assert "way out" in error
    assert locator.store.premises.get(done["id"]).checklist == before


def test_the_reminder_asks_about_each_step_not_yet_done_and_each_question_open(
    app, client, locator
):
    register(client, checklist=PHYSICAL_ONE_BY_ONE)
    text = remind_later(app, locator)
    assert "Keep a first aid kit" in text
    assert "signs that say so" in text
    assert "Answer the 6 readiness questions still open" in text


def test_a_fully_ready_business_is_not_nagged_about_readiness(app, client, locator):
    path = manage_path(register(client))
    client.post(f"{path}/readiness", data=readiness_form(client, path))
    assert "Your readiness" not in remind_later(app, locator)


def test_moderators_see_the_answers_by_stage(app, client, locator):
    done = register(client, checklist=PHYSICAL_ONE_BY_ONE)
    shown = page(moderator_client(app, locator).get(f"/moderate/spaces/{done['id']}"))
    assert answer(shown, "first_aid_kit") == "Not yet"
    assert answer(shown, "risk_owner") == "Not answered"
    assert shown.select_one("#answers-planning") is not None


def test_the_openapi_document_describes_every_readiness_question(client):
    with client.get("/api/v1/openapi.json") as response:
        schema = response.get_json()["components"]["schemas"]["Registration"]
    described = schema["properties"]["checklist"]
    assert set(described["properties"]) == {*checklist.BY_KEY, "space_checked"}
    assert described["properties"]["approach"]["enum"] == ["reactive", "proactive"]
    assert described["properties"]["exit_route"]["enum"] == [True]


@pytest.mark.parametrize("value", [None, [], "yes", 3])
def test_a_checklist_that_is_not_an_object_is_refused(value):
    with pytest.raises(InvalidParameter) as refused:
        checklist.check_answers(value)
    assert refused.value.field == "checklist"


ESTATE_PLAN = {
    "serves": "both",
    "focus": "general",
    "approach": "reactive",
    "risk_owner": "head_office",
    "insurer_consulted": "yes",
    "partners_informed": "yes",
    "staff_trained": "yes",
    "designated_person": "yes",
    "referral_contacts": "yes",
    "escalation": "yes",
    "record_and_review": "yes",
}


def declare_for_estate(client, **answers):
    form = {"csrf_token": csrf(client, "/business/readiness"), **answers}
    return client.post("/business/readiness", data=form)


def test_a_head_office_declares_readiness_once_and_every_store_shows_it(
    head_office, locator, tmp_path
):
    ids = uploaded_estate(head_office, locator, tmp_path, "s1", "s2")
    shown = page(declare_for_estate(head_office, **ESTATE_PLAN))
    assert "stand for every store" in shown.select_one("#readiness-message").text
    assert shown.select_one("#estate-coverage").text.startswith("0 of 2 stores")
    store_page = page(head_office.get(f"/business/premises/{ids['s1']}"))
    assert answer(store_page, "risk_owner") == "Head office"
    assert answer(store_page, "staff_trained") == "Yes"
    # The physical space varies by store: left open for the estate, each store answers it.
    assert answer(store_page, "exit_route") == "Not answered"


def test_a_stores_own_answer_comes_before_its_estates(head_office, locator, tmp_path):
    ids = uploaded_estate(head_office, locator, tmp_path, "s1", "s2")
    declare_for_estate(head_office, **ESTATE_PLAN)
    base = f"/business/premises/{ids['s1']}"
    form = {"csrf_token": csrf(head_office, base), **ready_form(), "approach": "proactive"}
    with head_office.post(f"{base}/readiness", data=form) as response:
        assert response.status_code == 200
    assert answer(page(head_office.get(base)), "approach").startswith("Proactive")
    other = page(head_office.get(f"/business/premises/{ids['s2']}"))
    assert answer(other, "approach").startswith("Reactive")
    coverage = page(head_office.get("/business/readiness")).select_one("#estate-coverage")
    assert coverage.text.startswith("1 of 2 stores")


def test_an_estate_cannot_declare_an_essential_point_not_yet(head_office, locator):
    response = declare_for_estate(head_office, **{**ESTATE_PLAN, "staff_trained": "no"})
    assert response.status_code == 400
    assert "store by store" in page(response).select_one("#readiness-error").text
    assert locator.store.accounts.organisation(email="hq@chemist.example").readiness == {}


def test_estate_readiness_needs_a_head_office_sign_in(client):
    with client.get("/business/readiness") as response:
        assert response.status_code in (302, 401, 403)
