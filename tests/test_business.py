"""Businesses and moderators: register → pending → approved → public; manage links; scope."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup

from locator.domain.errors import InvalidParameter
from locator.domain.premises import reference
from locator.hours import grid as hours_grid
from locator.hours import schedule as hours
from locator.listings import accounts, moderation

from builders import READY_CHECKLIST, add_premises, ready_form
from conftest import london, premises_row

LEEDS = (53.7965, -1.5478)
MANCHESTER = (53.4808, -2.2426)
NOON = "2026-12-02T12:00"
READY = READY_CHECKLIST


def registration(**values) -> dict:
    body = {
        "name": "Corner Shop",
        "organisation": "Corner Shops Ltd",
        "address": "1 Briggate, Leeds",
        "postcode": "LS1 6HD",
        "lat": LEEDS[0],
        "lon": LEEDS[1],
        "opening_hours": "Mo-Su 08:00-20:00",
        "facilities": ["phone_charging", "seating"],
        "how_to_ask": "Ask at the till",
        "phone": "0113 496 0000",
        "website": "https://corner.example",
        "scheme": "external",
        "contact_email": "manager@corner.example",
        "checklist": dict(READY),
    }
    body.update(values)
    return body


def register(client, **values) -> dict:
    response = client.post("/api/v1/registrations", json=registration(**values))
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def public_ids(client, lat=LEEDS[0], lon=LEEDS[1]) -> list[int]:
    found = client.get("/api/v1/spaces", query_string={"lat": lat, "lon": lon, "at": NOON})
    return [f["id"] for f in found.get_json()["features"]]


def csrf(client, path: str) -> str:
    page = BeautifulSoup(client.get(path).get_data(as_text=True), "html.parser")
    return page.select_one("input[name=csrf_token]")["value"]


def moderator_client(app, locator, email="mod@council.example", areas=()):
    accounts.create_moderator(
        locator.store, locator.areas, email, "Mo Derator", "correct horse battery", areas
    )
    client = app.test_client()
    token = csrf(client, "/moderate/login")
    response = client.post(
        "/moderate/login",
        data={"email": email, "password": "correct horse battery", "csrf_token": token},
    )
    assert response.status_code == 302
    return client


def decide(client, space_id: int, action: str, reason: str = ""):
    token = csrf(client, f"/moderate/spaces/{space_id}")
    return client.post(
        f"/moderate/spaces/{space_id}",
        data={"action": action, "reason": reason, "csrf_token": token},
    )


def test_a_registration_is_pending_and_not_public_anywhere_until_approved(app, client, locator):
    done = register(client)
    assert done["status"] == "pending" and done["reference"].startswith("SSL-")
    space_id = done["id"]
    assert space_id not in public_ids(client)
    assert client.get(f"/api/v1/spaces/{space_id}").status_code == 404
    assert client.get(f"/spaces/{space_id}").status_code == 404
    assert "Corner Shop" not in client.get("/?q=LS1&open_now=false").get_data(as_text=True)
    assert "Corner Shop" not in client.get("/embed?area=leeds").get_data(as_text=True)
    chat = client.post(
        "/api/v1/chat", json={"message": "need to charge my phone in LS1", "at": NOON}
    ).get_json()
    assert space_id not in [r["id"] for r in chat["results"]]

    moderator = moderator_client(app, locator)
    assert decide(moderator, space_id, "approve").status_code == 302
    assert space_id in public_ids(client)
    assert client.get(f"/spaces/{space_id}").status_code == 200
    assert "Corner Shop" in client.get("/?q=LS1&open_now=false").get_data(as_text=True)
    assert "Corner Shop" in client.get("/embed?area=leeds&open_now=false").get_data(as_text=True)
    chat = client.post(
        "/api/v1/chat", json={"message": "need to charge my phone in LS1", "at": NOON}
    ).get_json()
    assert space_id in [r["id"] for r in chat["results"]]


def test_the_manage_link_and_the_decision_are_mailed(app, client, locator):
    done = register(client)
    mail = app.extensions["mailer"].sent()
    assert mail[0]["To"] == "manager@corner.example"
    assert done["manage_url"] in mail[0].get_content()
    decide(moderator_client(app, locator), done["id"], "reject", "We could not confirm it.")
    last = app.extensions["mailer"].sent()[-1]
    assert "not approved" in last.get_content() and "could not confirm" in last.get_content()


def test_an_internal_registration_is_never_public_even_when_approved(app, client, locator):
    done = register(client, scheme="internal")
    decide(moderator_client(app, locator), done["id"], "approve")
    assert done["id"] not in public_ids(client)
    assert client.get(f"/spaces/{done['id']}").status_code == 404


def test_business_text_with_markup_is_stored_as_text_and_shown_escaped(app, client, locator):
    probe = '<script>window.__xss=1</script><img src=x onerror="alert(1)">'
    done = register(client, name=f"Shop {probe}", how_to_ask=probe)
    assert locator.store.premises.get(done["id"]).name == f"Shop {probe}"
    moderator = moderator_client(app, locator)
    review = moderator.get(f"/moderate/spaces/{done['id']}").get_data(as_text=True)
    assert "<script>window.__xss" not in review and "&lt;script&gt;" in review
    decide(moderator, done["id"], "approve")
    page = client.get(f"/spaces/{done['id']}").get_data(as_text=True)
    assert "<script>window.__xss" not in page and "<img src=x" not in page


def manage_path(done) -> str:
    return "/manage/" + done["manage_url"].rsplit("/", 1)[1]


def post_manage(client, path, **changes):
    form = {
        "csrf_token": csrf(client, path),
        "opening_hours": "Mo-Su 08:00-20:00",
        "name": "Corner Shop",
        "how_to_ask": "Ask at the till",
        "phone": "0113 496 0000",
        "website": "https://corner.example",
        "facilities": ["phone_charging", "seating"],
    }
    form.update(changes)
    return client.post(path, data=form)


def test_new_hours_from_the_manage_link_are_public_at_once(app, client, locator):
    done = register(client)
    decide(moderator_client(app, locator), done["id"], "approve")
    response = post_manage(client, manage_path(done), opening_hours="Mo-Su 10:00-11:00")
    assert "Saved and shown now: opening hours." in response.get_data(as_text=True)
    feature = client.get(f"/api/v1/spaces/{done['id']}", query_string={"at": NOON}).get_json()
    assert feature["properties"]["opening_hours"] == "Mo-Su 10:00-11:00"
    assert feature["properties"]["open_now"] is False


def test_a_new_name_waits_for_a_moderator_while_the_old_one_stays_public(app, client, locator):
    done = register(client)
    moderator = moderator_client(app, locator)
    decide(moderator, done["id"], "approve")
    response = post_manage(client, manage_path(done), name="Totally Different Name")
    said = response.get_data(as_text=True)
    assert "Sent to a moderator before they are public: premises name" in said
    feature = client.get(f"/api/v1/spaces/{done['id']}").get_json()
    assert feature["properties"]["name"] == "Corner Shop"
    queue = moderator.get("/moderate").get_data(as_text=True)
    assert "Changes waiting for approval" in queue
    decide(moderator, done["id"], "apply_changes")
    feature = client.get(f"/api/v1/spaces/{done['id']}").get_json()
    assert feature["properties"]["name"] == "Totally Different Name"
    actions = [entry["action"] for entry in locator.store.premises.audit_entries(done["id"])]
    assert actions[:4] == ["apply_changes", "edited", "approve", "registered"]


def test_a_wrong_or_replaced_manage_link_is_not_found(app, client):
    done = register(client)
    path = manage_path(done)
    assert client.get(path + "x").status_code == 404
    assert client.get("/manage/short").status_code == 404
    token = csrf(client, path)
    new = client.post(path + "/new-link", data={"csrf_token": token})
    assert new.status_code == 302
    assert client.get(path).status_code == 404
    assert client.get(new.headers["Location"]).status_code == 200


def test_a_temporary_closure_hides_the_place_from_open_now_until_the_date(app, client, locator):
    done = register(client, opening_hours="24/7")
    decide(moderator_client(app, locator), done["id"], "approve")
    reopen = date.today() + timedelta(days=3)
    last_day = (reopen - timedelta(days=1)).isoformat()
    post_manage(client, manage_path(done), opening_hours="24/7", closed_to=last_day)
    now = {"lat": LEEDS[0], "lon": LEEDS[1], "open_now": "true"}
    found_now = client.get("/api/v1/spaces", query_string=now).get_json()["features"]
    assert done["id"] not in [f["id"] for f in found_now]
    later = {**now, "at": (reopen + timedelta(days=1)).isoformat() + "T12:00"}
    found = client.get("/api/v1/spaces", query_string=later).get_json()["features"]
    assert done["id"] in [f["id"] for f in found]
    everything = client.get("/api/v1/spaces", query_string={**now, "open_now": "false"})
    closed = next(f for f in everything.get_json()["features"] if f["id"] == done["id"])
    assert closed["properties"]["status_text"].startswith("Temporarily closed")


def test_a_moderator_for_leeds_cannot_see_or_decide_a_manchester_registration(app, client, locator):
    leeds = register(client)
    manchester = register(
        client,
        name="Piccadilly Shop",
        address="1 Market St, Manchester",
        postcode="M1 1AD",
        lat=MANCHESTER[0],
        lon=MANCHESTER[1],
    )
    moderator = moderator_client(app, locator, areas=["leeds"])
    queue = moderator.get("/moderate").get_data(as_text=True)
    assert reference(leeds["id"]) in queue
    assert reference(manchester["id"]) not in queue
    assert moderator.get(f"/moderate/spaces/{manchester['id']}").status_code == 404
    token = csrf(moderator, f"/moderate/spaces/{leeds['id']}")
    attempt = moderator.post(
        f"/moderate/spaces/{manchester['id']}", data={"action": "approve", "csrf_token": token}
    )
    assert attempt.status_code == 404
    assert locator.store.premises.get(manchester["id"]).status == "pending"


def test_a_district_moderator_sees_their_item_however_many_older_ones_wait_elsewhere(
    app, client, locator
):
    # More than any page or fetch limit, all older than the Leeds registration.
    rows = [premises_row(f"m{i}", MANCHESTER[0] + i * 1e-5, MANCHESTER[1]) for i in range(650)]
    add_premises(locator, rows, publish=False)
    leeds = register(client)
    queue = moderator_client(app, locator, areas=["leeds"]).get("/moderate")
    page = BeautifulSoup(queue.get_data(as_text=True), "html.parser")
    assert [row["data-id"] for row in page.select("#queue tr[data-id]")] == [str(leeds["id"])]
    assert page.select_one("#queue-position").get_text(strip=True).startswith("Showing 1–1 of 1")


def test_the_whole_queue_is_paged_oldest_first_and_a_bad_page_is_refused(app, client, locator):
    rows = [premises_row(f"m{i}", MANCHESTER[0] + i * 1e-5, MANCHESTER[1]) for i in range(150)]
    add_premises(locator, rows, publish=False)
    moderator = moderator_client(app, locator)
    first = BeautifulSoup(moderator.get("/moderate").get_data(as_text=True), "html.parser")
    assert len(first.select("#queue tr[data-id]")) == moderation.QUEUE_PAGE
    assert "of 150" in first.select_one("#queue-position").get_text()
    second = BeautifulSoup(
        moderator.get(first.select_one("#queue-next")["href"]).get_data(as_text=True),
        "html.parser",
    )
    seen = {row["data-id"] for row in first.select("#queue tr[data-id]")}
    later = {row["data-id"] for row in second.select("#queue tr[data-id]")}
    assert len(later) == 50 and not seen & later
    assert second.select_one("#queue-previous") and not second.select_one("#queue-next")
    for bad in ("0", "-1", "two", ""):
        assert moderator.get(f"/moderate?page={bad}").status_code == 400


def test_rejecting_needs_a_reason(app, client, locator):
    done = register(client)
    moderator = moderator_client(app, locator)
    response = decide(moderator, done["id"], "reject")
    assert response.status_code == 400
    assert "Give a reason" in response.get_data(as_text=True)


def test_a_similar_name_at_the_same_postcode_is_flagged_as_a_duplicate(app, client, locator):
    first = register(client)
    second = register(client, name="Corner Shop Leeds")
    queue = moderator_client(app, locator).get("/moderate").get_data(as_text=True)
    row = BeautifulSoup(queue, "html.parser").select_one(f"tr[data-id='{second['id']}']")
    assert reference(first["id"]) in row.get_text()


def test_public_reports_reach_the_moderators_queue(app, client, locator):
    done = register(client)
    moderator = moderator_client(app, locator)
    decide(moderator, done["id"], "approve")
    client.post(f"/spaces/{done['id']}/report", data={"reason": "closed"})
    queue = moderator.get("/moderate").get_data(as_text=True)
    assert "Reported by the public" in queue and "It was closed ×1" in queue


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"contact_email": "not-an-email"}, "contact_email"),
        ({"checklist": {"staff_trained": True}}, "checklist"),
        ({"checklist": {**READY, "staff_trained": False}}, "checklist"),
        ({"name": ""}, "name"),
        ({"opening_hours": "whenever"}, "opening_hours"),
        ({"facilities": ["jacuzzi"]}, "facilities"),
        # The API takes the codes its OpenAPI document lists; only imports forgive names.
        ({"facilities": ["Phone Charging"]}, "facilities"),
        ({"postcode": "LS99 9ZZ", "lat": None, "lon": None}, "postcode"),
        ({"scheme": "secret"}, "scheme"),
        ({"website": "javascript:alert(1)"}, "website"),
        ({"lat": 40.0}, "lat"),
        ({"postcode": "", "lat": None, "lon": None}, "lat"),
    ],
)
def test_bad_registrations_get_a_clear_message_naming_the_field(client, values, field):
    response = client.post("/api/v1/registrations", json=registration(**values))
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["field"] == field and error["message"][0].isupper()


def test_a_registration_placed_by_a_postcode_that_does_not_exist_is_refused_as_an_import_is(
    client, locator
):
    response = client.post(
        "/api/v1/registrations", json=registration(postcode="LS99 9ZZ", lat=None, lon=None)
    )
    assert response.get_json()["error"]["message"] == (
        "Postcode LS99 9ZZ does not exist; check it, or give lat and lon."
    )
    # Given its position, a registration keeps it, as an import's row does.
    done = register(client, postcode="LS99 9ZZ")
    stored = locator.store.premises.get(done["id"])
    assert (stored.lat, stored.lon) == LEEDS


def test_a_registration_body_that_is_not_an_object_is_refused(client):
    response = client.post("/api/v1/registrations", data="[]", content_type="application/json")
    assert response.status_code == 400 and response.get_json()["error"]["field"] == "body"


def test_a_complete_registration_form_is_refused_without_its_csrf_token_only(client, locator):
    form = grid_registration(client, bank_holidays="closed")
    without = {name: value for name, value in form.items() if name != "csrf_token"}
    refused = client.post("/register", data=without)
    assert refused.status_code == 400
    assert "This form has expired" in refused.get_data(as_text=True)
    assert locator.store.premises.count() == 0
    assert client.post("/register", data=form).status_code == 200
    assert locator.store.premises.count() == 1


def test_the_registration_form_turns_the_weekly_grid_into_hours_and_says_them_back(client):
    form = {
        "csrf_token": csrf(client, "/register"),
        "organisation": "Grid Ltd",
        "name": "Grid",
        "address": "2 Briggate, Leeds",
        "postcode": "LS1 6HD",
        "scheme": "external",
        "contact_email": "grid@example.org",
        "monday_open1": "09:00",
        "monday_close1": "12:00",
        "monday_open2": "13:00",
        "monday_close2": "17:30",
        "friday_open1": "18:00",
        "friday_close1": "02:00",
        **ready_form(),
    }
    response = client.post("/register", data=form)
    assert response.status_code == 200, response.get_data(as_text=True)[:2000]
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert re.match(r"SSL-\d{6}", page.select_one("#reference").get_text())
    rows = {r.th.get_text(): r.td.get_text() for r in page.select("table.hours tr")}
    assert rows["Monday"] == "09:00–12:00, 13:00–17:30"
    # A late night is said as the shop gave it, on the evening it starts.
    assert rows["Friday"] == "18:00–02:00" and rows["Saturday"] == "Closed"
    assert page.select_one("#manage-link")["href"].startswith("http://localhost/manage/")


def test_a_half_filled_day_in_the_grid_is_explained(client):
    form = {"csrf_token": csrf(client, "/register"), "monday_open1": "09:00"}
    response = client.post("/register", data=form)
    assert response.status_code == 400
    assert "Give both an opening and a closing time for Monday" in response.get_data(as_text=True)


def test_moderators_sign_in_with_the_right_password_only(app, locator):
    accounts.create_moderator(locator.store, locator.areas, "a@b.example", "A", "x" * 12, [])
    client = app.test_client()
    token = csrf(client, "/moderate/login")
    attempt = {"email": "a@b.example", "password": "y" * 12, "csrf_token": token}
    wrong = client.post("/moderate/login", data=attempt)
    assert wrong.status_code == 401
    assert client.get("/moderate").status_code == 302
    stored = locator.store.accounts.moderator(email="a@b.example").password_hash
    assert stored.startswith("$argon2")


def test_create_moderator_command_scopes_to_areas(runner, locator):
    result = runner.invoke(
        args=[
            "create-moderator",
            "--email",
            "c@d.example",
            "--name",
            "C",
            "--area",
            "leeds",
            "--password",
            "long enough pass",
        ]
    )
    assert result.exit_code == 0, result.output
    assert "for leeds" in result.output
    assert locator.store.accounts.moderator(email="c@d.example").area_codes == "E08000035"
    bad = runner.invoke(
        args=[
            "create-moderator",
            "--email",
            "e@f.example",
            "--name",
            "E",
            "--area",
            "atlantis",
            "--password",
            "long enough pass",
        ]
    )
    assert bad.exit_code == 2 and "Unknown area" in bad.output


def test_the_sticker_from_the_manage_link_opens_the_public_page_by_qr_code(client):
    import io

    import zxingcpp
    from PIL import Image
    from pypdf import PdfReader

    done = register(client)
    response = client.get(manage_path(done) + "/sticker.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    image = next(iter(PdfReader(io.BytesIO(response.data)).pages[0].images))
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(image.data)))
    assert [code.text for code in decoded] == [f"http://localhost/spaces/{done['id']}"]
    card = client.get(manage_path(done) + "/staff-card.pdf")
    assert card.status_code == 200 and card.data.startswith(b"%PDF")
    assert client.get(manage_path(done) + "/other.pdf").status_code == 404


# -- the hours grid's bank-holiday row ---------------------------------------------------------

MO_SA = {
    f"{day}_{part}1": time
    for day in hours_grid.GRID_DAYS[:6]
    for part, time in (("open", "09:00"), ("close", "17:30"))
}
EVERY_NIGHT = {
    f"{day}_{part}1": time
    for day in hours_grid.GRID_DAYS
    for part, time in (("open", "18:00"), ("close", "02:00"))
}
ALL_DAY = {f"{day}_{part}1": "00:00" for day in hours_grid.GRID_DAYS for part in ("open", "close")}
PH_10_TO_4 = {"ph_open1": "10:00", "ph_close1": "16:00"}


@pytest.mark.parametrize(
    ("grid", "expected"),
    [
        ({**MO_SA, "bank_holidays": "closed"}, "Mo-Sa 09:00-17:30; PH off"),
        ({**MO_SA, "bank_holidays": "open", **PH_10_TO_4}, "Mo-Sa 09:00-17:30; PH 10:00-16:00"),
        (
            {
                **MO_SA,
                "bank_holidays": "open",
                "ph_open1": "13:00",
                "ph_close1": "16:00",
                "ph_open2": "10:00",
                "ph_close2": "12:00",
            },
            "Mo-Sa 09:00-17:30; PH 10:00-12:00,13:00-16:00",
        ),
        (
            {**MO_SA, "bank_holidays": "open", "ph_open1": "20:00", "ph_close1": "02:00"},
            "Mo-Sa 09:00-17:30; PH 20:00-02:00",
        ),
        (
            {**MO_SA, "bank_holidays": "open", "ph_open1": "10:00", "ph_close1": "00:00"},
            "Mo-Sa 09:00-17:30; PH 10:00-24:00",
        ),
        ({**MO_SA, "bank_holidays": "unsure"}, "Mo-Sa 09:00-17:30"),
        (MO_SA, "Mo-Sa 09:00-17:30"),
        ({**MO_SA, **PH_10_TO_4}, "Mo-Sa 09:00-17:30; PH 10:00-16:00"),
        ({**EVERY_NIGHT, "bank_holidays": "closed"}, "Mo-Su 18:00-02:00; PH off"),
        (
            {
                "monday_open1": "09:00",
                "monday_close1": "12:00",
                "friday_open1": "18:00",
                "friday_close1": "02:00",
                "bank_holidays": "closed",
            },
            "Mo 09:00-12:00, Fr 18:00-02:00; PH off",
        ),
        ({**ALL_DAY, "bank_holidays": "open", **PH_10_TO_4}, "24/7; PH 10:00-16:00"),
    ],
)
def test_the_hours_grid_becomes_opening_hours_with_the_bank_holiday_rule_last(grid, expected):
    assert hours_grid.hours_from_grid(grid) == expected
    assert hours.check_hours(expected) == expected


@pytest.mark.parametrize(
    ("when", "state"),
    [("2026-08-31 11:00", "open"), ("2026-08-31 17:00", "closed"), ("2026-09-01 17:00", "open")],
)
def test_bank_holiday_hours_from_the_grid_replace_the_weekday_on_the_day(when, state):
    expression = hours_grid.hours_from_grid({**MO_SA, "bank_holidays": "open", **PH_10_TO_4})
    assert hours.parse_hours(expression, "england").status(london(when)).state == state


@pytest.mark.parametrize(
    ("grid", "message"),
    [
        (
            {**MO_SA, "bank_holidays": "open"},
            "Give your opening and closing times on bank holidays, or choose closed or not sure.",
        ),
        (
            {**MO_SA, "bank_holidays": "open", "ph_open1": "10:00"},
            "Give both an opening and a closing time for bank holidays.",
        ),
        (
            {**MO_SA, "bank_holidays": "closed", **PH_10_TO_4},
            "You gave times for bank holidays but chose 'Closed on bank holidays'",
        ),
        (
            {**MO_SA, "bank_holidays": "unsure", **PH_10_TO_4},
            "You gave times for bank holidays but chose 'Not sure, or it varies'",
        ),
        (
            {**MO_SA, "bank_holidays": "same_as_monday"},
            "Choose closed, open at set times, or not sure for bank holidays.",
        ),
        (
            {**MO_SA, "bank_holidays": "open", "ph_open1": "10:00", "ph_close1": "10:00"},
            "The opening and closing times for bank holidays are the same (10:00)",
        ),
        (
            {**MO_SA, "bank_holidays": "open", "ph_open1": "10am", "ph_close1": "4pm"},
            "Give the times for bank holidays in hours and minutes, such as 09:00.",
        ),
        (
            {**MO_SA, "friday_open1": "25:00"},
            "Give the times for Friday in hours and minutes, such as 09:00.",
        ),
        ({"bank_holidays": "open", **PH_10_TO_4}, "closed every day"),
    ],
)
def test_a_bank_holiday_row_that_does_not_add_up_is_explained(grid, message):
    with pytest.raises(InvalidParameter) as raised:
        hours_grid.hours_from_grid(grid)
    assert message in raised.value.message
    assert raised.value.field == "opening_hours"


def grid_registration(client, **values) -> dict:
    form = {
        "csrf_token": csrf(client, "/register"),
        "organisation": "Grid Ltd",
        "name": "Grid",
        "address": "2 Briggate, Leeds",
        "postcode": "LS1 6HD",
        "scheme": "external",
        "contact_email": "grid@example.org",
        **MO_SA,
        **ready_form(),
    }
    form.update(values)
    return form


def test_the_registration_grid_offers_three_bank_holiday_choices_and_says_what_unsure_means(client):
    page = BeautifulSoup(client.get("/register").get_data(as_text=True), "html.parser")
    choices = page.select("input[name=bank_holidays]")
    assert [choice["value"] for choice in choices] == ["closed", "open", "unsure"]
    assert not any(choice.has_attr("checked") for choice in choices)
    labels = [page.select_one(f"label[for={choice['id']}]").get_text() for choice in choices]
    assert not any("same" in label.lower() for label in labels)
    hint = page.select_one("#" + choices[2]["aria-describedby"]).get_text()
    assert "Bank holiday: hours not confirmed, phone first" in hint
    assert len(page.select("input[type=time][name^=ph_]")) == 4


def test_the_registration_grid_stores_the_bank_holiday_rule(client, locator):
    response = client.post("/register", data=grid_registration(client, bank_holidays="closed"))
    assert response.status_code == 200, response.get_data(as_text=True)[:2000]
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    space_id = int(page.select_one("#reference").get_text().removeprefix("SSL-"))
    assert locator.store.premises.get(space_id).opening_hours == "Mo-Sa 09:00-17:30; PH off"


def test_the_bank_holiday_row_is_filled_in_again_after_a_mistake(client):
    form = grid_registration(client, bank_holidays="open", contact_email="", **PH_10_TO_4)
    response = client.post("/register", data=form)
    assert response.status_code == 400
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert page.select_one("input#bank-holidays-open").has_attr("checked")
    assert page.select_one("input[name=ph_open1]")["value"] == "10:00"
    assert page.select_one("input[name=ph_close1]")["value"] == "16:00"
    assert page.select_one("input[name=monday_close1]")["value"] == "17:30"


def test_a_bank_holiday_mistake_in_the_form_is_explained_and_nothing_is_stored(client, locator):
    form = grid_registration(client, bank_holidays="closed", **PH_10_TO_4)
    response = client.post("/register", data=form)
    assert response.status_code == 400
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert "You gave times for bank holidays" in page.select_one("#form-error").get_text()
    assert page.select_one("input#bank-holidays-closed").has_attr("checked")
    assert locator.store.premises.count() == 0


UNSAFE_EDITS = [
    ("website", "javascript:alert(document.cookie)", "website must be an address"),
    ("website", "data:text/html,<script>alert(1)</script>", "website must be an address"),
    ("phone", "<a href='https://evil.example'>0113</a>", "is not a phone number"),
    ("facilities", "teleport", "unknown facility"),
]


@pytest.mark.parametrize(("field", "value", "message"), UNSAFE_EDITS)
def test_an_unsafe_edit_is_refused_through_the_manage_link(
    app, client, locator, field, value, message
):
    done = register(client)
    decide(moderator_client(app, locator), done["id"], "approve")
    with post_manage(client, manage_path(done), **{field: value}) as response:
        assert response.status_code == 400
        assert message in response.get_data(as_text=True).lower()
    stored = locator.store.premises.get(done["id"])
    assert value not in (stored.website, stored.phone, stored.pending_changes or "")


@pytest.mark.parametrize(("field", "value", "message"), UNSAFE_EDITS)
def test_an_unsafe_edit_is_refused_on_the_head_office_pages(app, locator, field, value, message):
    from test_head_office import confirm, estate_csv, rows, upload

    accounts.create_organisation(locator.store, "Big Chemist", "hq@chemist.example", "p" * 14)
    office = app.test_client()
    form = {"email": "hq@chemist.example", "password": "p" * 14}
    form["csrf_token"] = csrf(office, "/business/login")
    assert office.post("/business/login", data=form).status_code == 302
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        confirm(office, upload(office, estate_csv(Path(folder), rows("s1")))).close()
    (space,) = locator.store.premises.estate(
        locator.store.accounts.organisation(email="hq@chemist.example").id
    )
    with post_manage(office, f"/business/premises/{space.id}", **{field: value}) as response:
        assert response.status_code == 400
        assert message in response.get_data(as_text=True).lower()
    stored = locator.store.premises.get(space.id)
    assert value not in (stored.website, stored.phone, stored.pending_changes or "")


# -- stickers that tell the truth ----------------------------------------------------------------


def pdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def test_a_business_in_no_codeword_scheme_gets_a_sticker_in_its_own_words(client):
    done = register(client, how_to_ask="Ask for Sam at the counter")
    with client.get(manage_path(done) + "/sticker.pdf") as response:
        text = pdf_text(response.data)
    assert "Ask for Sam at the counter" in text
    assert "ANI" not in text and "Angela" not in text


def test_a_business_that_joined_ani_gets_it_on_its_sticker(client, locator):
    done = register(client, codewords=["ask_for_ani"])
    assert locator.store.premises.get(done["id"]).codewords == ("ask_for_ani",)
    with client.get(manage_path(done) + "/sticker.pdf") as response:
        text = pdf_text(response.data)
    assert "Ask for ANI" in text and "Angela" not in text


def test_a_business_says_on_its_manage_page_which_schemes_it_joined(client, locator):
    done = register(client)
    with post_manage(
        client, manage_path(done), codewords_shown="1", codewords=["ask_for_angela"]
    ) as response:
        assert response.status_code == 200
    assert locator.store.premises.get(done["id"]).codewords == ("ask_for_angela",)
    with post_manage(client, manage_path(done), codewords_shown="1") as response:
        assert response.status_code == 200
    assert locator.store.premises.get(done["id"]).codewords == ()


@pytest.mark.parametrize("codewords", [["ask_for_batman"], "ask_for_ani", [{"x": 1}], [None]])
def test_an_unknown_codeword_scheme_is_refused_naming_the_field(client, codewords):
    with client.post("/api/v1/registrations", json=registration(codewords=codewords)) as response:
        assert response.status_code == 400
        assert response.get_json()["error"]["field"] == "codewords"


def test_an_internal_safe_space_gets_no_sticker_only_the_staff_card(client):
    done = register(client, scheme="internal")
    with client.get(manage_path(done)) as page:
        text = page.get_data(as_text=True)
    assert 'id="sticker"' not in text and "not publicised" in text
    with client.get(manage_path(done) + "/sticker.pdf") as response:
        assert response.status_code == 404
    with client.get(manage_path(done) + "/staff-card.pdf") as response:
        assert response.status_code == 200


def test_a_suspended_listing_gets_no_sticker(app, client, locator):
    done = register(client)
    decide(moderator_client(app, locator), done["id"], "approve")
    decide(moderator_client(app, locator, email="b@council.example"), done["id"], "suspend", "x")
    with client.get(manage_path(done) + "/sticker.pdf") as response:
        assert response.status_code == 404


def test_moderators_see_which_codeword_schemes_a_business_joined(app, client, locator):
    done = register(client, codewords=["ask_for_ani"])
    moderator = moderator_client(app, locator)
    with moderator.get(f"/moderate/spaces/{done['id']}") as page:
        text = BeautifulSoup(page.get_data(as_text=True), "html.parser")
    assert text.select_one("#codewords-joined").get_text(" ", strip=True).endswith("Ask for ANI")
