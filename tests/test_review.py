"""Record and Review: uses logged without personal data, counted, suppressed, purged."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup

from locator.adapters.db.tables import uses
from locator.listings import accounts
from locator.usage import records as review

from builders import READY_CHECKLIST

LEEDS = (53.7965, -1.5478)


def csrf(client, path: str) -> str:
    page = BeautifulSoup(client.get(path).get_data(as_text=True), "html.parser")
    return page.select_one("input[name=csrf_token]")["value"]


def register(client, organisation="Big Chemist") -> tuple[int, str]:
    done = client.post(
        "/api/v1/registrations",
        json={
            "name": "Chemist",
            "organisation": organisation,
            "address": "1 Briggate, Leeds",
            "postcode": "LS1 6HD",
            "lat": LEEDS[0],
            "lon": LEEDS[1],
            "opening_hours": "24/7",
            "scheme": "external",
            "contact_email": "shop@chemist.example",
            "checklist": READY_CHECKLIST,
        },
    ).get_json()
    return done["id"], "/manage/" + done["manage_url"].rsplit("/", 1)[1]


def record(client, path, **values):
    form = {
        "csrf_token": csrf(client, path),
        "part_of_day": "evening",
        "need": "charge_phone",
        "outcome": "left_safely",
    }
    form.update(values)
    return client.post(path + "/uses", data=form)


def signed_in(app, path, form):
    client = app.test_client()
    form["csrf_token"] = csrf(client, path)
    assert client.post(path, data=form).status_code == 302
    return client


def test_a_logged_use_is_counted_exactly_for_the_premises_and_hidden_when_small_elsewhere(
    app, client, locator
):
    space_id, path = register(client)
    response = record(
        client,
        path,
        need="felt_unsafe",
        outcome="referred",
        referred_to="police",
        staff_support="yes",
    )
    assert "Recorded." in response.get_data(as_text=True)
    own = BeautifulSoup(client.get(path).get_data(as_text=True), "html.parser")
    assert own.select_one("#use-total strong").get_text() == "1"
    csv_text = client.get(path + "/statistics.csv").get_data(as_text=True)
    assert "need,Felt unsafe or followed,1" in csv_text

    accounts.create_organisation(locator.store, "Big Chemist", "hq@chemist.example", "p" * 14)
    accounts.create_moderator(
        locator.store, locator.areas, "m@leeds.example", "M", "q" * 14, ["leeds"]
    )
    partner = signed_in(app, "/moderate/login", {"email": "m@leeds.example", "password": "q" * 14})
    # The organisation typed at registration links nothing; a moderator adds it to the estate.
    review_path = f"/moderate/spaces/{space_id}"
    form = {
        "csrf_token": csrf(partner, review_path),
        "action": "link_head_office",
        "head_office": "hq@chemist.example",
    }
    linked = partner.post(review_path, data=form)
    assert linked.status_code == 302
    head = signed_in(app, "/business/login", {"email": "hq@chemist.example", "password": "p" * 14})
    # Its own estate: the head office sees exact counts; only the partnership sees "<5".
    shared = BeautifulSoup(head.get("/business/statistics").get_data(as_text=True), "html.parser")
    assert shared.select_one("#use-total strong").get_text() == "1"
    assert "need,Felt unsafe or followed,1" in head.get("/business/statistics?format=csv").get_data(
        as_text=True
    )

    page = partner.get("/moderate/statistics").get_data(as_text=True)
    assert "&lt;5" in page and ">1<" not in page

    for _ in range(5):
        record(client, path)
    shared = BeautifulSoup(head.get("/business/statistics").get_data(as_text=True), "html.parser")
    assert shared.select_one("#use-total strong").get_text() == "6"


def test_a_partnership_sees_only_its_own_districts(app, client, locator):
    _, path = register(client)
    for _ in range(6):
        record(client, path)
    accounts.create_moderator(
        locator.store, locator.areas, "m@mcr.example", "M", "q" * 14, ["manchester"]
    )
    partner = signed_in(app, "/moderate/login", {"email": "m@mcr.example", "password": "q" * 14})
    page = BeautifulSoup(partner.get("/moderate/statistics").get_data(as_text=True), "html.parser")
    assert page.select_one("#use-total strong").get_text() == "0"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"need": "gossip"}, "Choose what the person needed"),
        ({"outcome": ""}, "Choose what happened"),
        ({"outcome": "referred"}, "Choose the agency"),
        ({"occurred_on": "yesterday"}, "Give the date as a date"),
        ({"occurred_on": (date.today() + timedelta(days=2)).isoformat()}, "today or earlier"),
        ({"note": "x" * 141}, "under 140 characters"),
    ],
)
def test_a_bad_use_is_explained_and_not_stored(client, locator, values, message):
    space_id, path = register(client)
    response = record(client, path, **values)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert locator.store.uses.recent(space_id) == []


def test_purge_removes_only_uses_older_than_the_retention_period(client, locator, runner):
    space_id, _ = register(client)
    today = date.today()
    for days in (10, 700, 760, 800):
        locator.store.uses.add(
            space_id,
            {
                "occurred_on": today - timedelta(days=days),
                "part_of_day": "night",
                "need": "lost",
                "outcome": "collected",
            },
        )
    result = runner.invoke(args=["purge"])
    assert "Deleted 2 recorded uses older than 24 months" in result.output
    kept = [u["occurred_on"] for u in locator.store.uses.recent(space_id)]
    assert kept == [today - timedelta(days=10), today - timedelta(days=700)]


def test_the_usage_log_has_no_field_for_personal_data():
    columns = set(uses.c.keys())
    assert columns == {
        "id",
        "premises_id",
        "occurred_on",
        "part_of_day",
        "need",
        "outcome",
        "referred_to",
        "staff_support",
        "note",
        "created_at",
    }
    assert uses.c.note.type.length == review.NOTE_LIMIT


def test_businesses_due_a_check_are_reminded_once_with_review_questions_and_keep_their_link(
    app, client, locator
):
    space_id, path = register(client)
    locator.store.premises.change(
        space_id, {"last_confirmed": date.today() - timedelta(days=100)}, "test", "aged", {}
    )
    mailer = app.extensions["mailer"]
    before = len(mailer.sent())
    assert review.remind(locator.store, mailer, "http://x", 90, refresh_months=12) == 1
    assert review.remind(locator.store, mailer, "http://x", 90, refresh_months=12) == 0
    reminder = mailer.sent()[before]
    assert "still right" in reminder["Subject"]
    for question in review.REVIEW_QUESTIONS:  # what worked, what did not, what to change
        assert question in reminder.get_content()
    assert client.get(path).status_code == 200


@pytest.mark.parametrize(
    ("count", "suppress", "text"),
    [(0, True, "0"), (1, True, "<5"), (4, True, "<5"), (5, True, "5"), (3, False, "3")],
)
def test_small_counts_are_hidden_only_when_shared(count, suppress, text):
    assert review.shown(count, suppress) == text
