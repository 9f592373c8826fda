"""Hours and closures on the manage page: the grid, what changed, closed from a date to a date."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from bs4 import BeautifulSoup
from test_business import LEEDS, decide, manage_path, moderator_client, register

from locator.domain import clock
from locator.domain.errors import InvalidParameter
from locator.listings import manage

LATE_FRIDAY = "Mo-Sa 09:00-17:30, Fr 18:00-01:00"
# The clock of these tests: Thursday 4 June 2026, noon (no bank holiday near).
THURSDAY = datetime(2026, 6, 4, 12, 0, tzinfo=clock.LONDON)
NEXT_MONDAY, NEXT_WEDNESDAY = date(2026, 6, 8), date(2026, 6, 10)


@pytest.fixture(autouse=True)
def thursday():
    clock.set_source(lambda: THURSDAY)
    yield THURSDAY
    clock.set_source(None)


def page_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def manage_form(page: BeautifulSoup) -> dict[str, list[str]]:
    """Return what the manage form sends as the page shows it (ticked boxes only)."""
    sent: dict[str, list[str]] = {}
    for field in page.select("#manage-form input[name]"):
        if field.get("type") in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        sent.setdefault(field["name"], []).append(field.get("value", ""))
    return sent


def edit_on_page(client, path: str, **changes: str):
    """Send the manage form as the page fills it, with some fields changed."""
    with client.get(path) as response:
        form = manage_form(page_of(response))
    form.update({name: [value] for name, value in changes.items()})
    return client.post(path, data=form)


def listed(client, space_id: int, at: str) -> dict:
    with client.get(f"/api/v1/spaces/{space_id}", query_string={"at": at}) as response:
        return response.get_json()["properties"]


def published(app, client, locator, opening_hours: str) -> dict:
    done = register(client, opening_hours=opening_hours)
    decide(moderator_client(app, locator), done["id"], "approve").close()
    return done


def test_the_manage_page_fills_the_grid_from_the_listings_hours(client):
    with client.get(manage_path(register(client, opening_hours=LATE_FRIDAY))) as response:
        page = page_of(response)
    cells = {
        box["name"]: box.get("value", "") for box in page.select(".hours-grid input[type=time]")
    }
    assert (cells["friday_open2"], cells["friday_close2"]) == ("18:00", "01:00")
    assert cells["sunday_open1"] == ""
    assert page.select_one("#bank-holidays-unsure").has_attr("checked")
    assert not page.select_one("details#hours-line").has_attr("open")
    assert page.select_one("#hours-reason") is None


def test_hours_the_grid_cannot_hold_open_the_osm_line_and_say_why(client):
    seasonal = "Mar-Oct Mo-Su 10:00-18:00; Nov-Feb Mo-Su 10:00-16:00"
    with client.get(manage_path(register(client, opening_hours=seasonal))) as response:
        page = page_of(response)
    assert page.select_one("details#hours-line").has_attr("open")
    assert page.select_one("#opening_hours")["value"] == seasonal
    assert "change with the date" in page.select_one("#hours-reason").get_text()
    assert all(not box.get("value") for box in page.select(".hours-grid input[type=time]"))


def test_editing_saturday_on_the_manage_page_keeps_fridays_late_night(app, client, locator):
    done = published(app, client, locator, LATE_FRIDAY)
    with edit_on_page(client, manage_path(done), saturday_close1="16:00") as response:
        assert response.status_code == 200
        page = page_of(response)
    assert "Saved and shown now: opening hours." in page.select_one("#manage-message").get_text()
    changed = [row.th.get_text() for row in page.select("#hours-change tr.changed")]
    assert changed == ["Saturday"]
    assert page.select_one("#hours-warnings") is None
    assert listed(client, done["id"], "2026-06-06T00:30")["open_now"] is True  # Friday night
    assert listed(client, done["id"], "2026-06-06T16:30")["open_now"] is False


def test_an_osm_line_that_cuts_an_untouched_day_is_named_after_the_save(app, client, locator):
    done = published(app, client, locator, LATE_FRIDAY)
    line = LATE_FRIDAY + "; Sa 09:00-16:00"
    with edit_on_page(client, manage_path(done), opening_hours=line) as response:
        page = page_of(response)
    assert page.select_one("#hours-warnings").get_text() == (
        "Friday's hours changed too: 09:00–17:30, 18:00–01:00 → 09:00–17:30, 18:00–00:00. "
        "If that is not what you meant, put it back below."
    )
    rows = {
        row.th.get_text(): [cell.get_text() for cell in row.select("td")]
        for row in page.select("#hours-change tbody tr")
    }
    assert rows["Friday"] == ["09:00–17:30, 18:00–01:00", "09:00–17:30, 18:00–00:00 (changed)"]
    assert locator.store.premises.get(done["id"]).opening_hours == line


def test_a_mistake_in_the_grid_is_explained_and_what_was_typed_stays(client, locator):
    done = register(client, opening_hours=LATE_FRIDAY)
    with edit_on_page(client, manage_path(done), monday_open2="12:00") as response:
        assert response.status_code == 400
        page = page_of(response)
    assert "Give both an opening and a closing time for Monday." in page.get_text()
    assert page.select_one("#monday_open2")["value"] == "12:00"
    assert locator.store.premises.get(done["id"]).opening_hours == LATE_FRIDAY


def test_a_head_office_edits_a_premises_hours_through_the_same_grid(client, head_office, locator):
    done = register(client, opening_hours=LATE_FRIDAY)
    office = locator.store.accounts.organisation(email="hq@chemist.example").id
    locator.store.premises.change(done["id"], {"organisation_id": office}, "test", "linked", {})
    path = f"/business/premises/{done['id']}"
    with edit_on_page(head_office, path, sunday_open1="10:00", sunday_close1="16:00") as response:
        assert response.status_code == 200
    stored = locator.store.premises.get(done["id"]).opening_hours
    assert stored == "Mo-Th 09:00-17:30, Fr 09:00-17:30,18:00-01:00, Sa 09:00-17:30, Su 10:00-16:00"


def search(client, **query) -> dict[int, dict]:
    query = {"lat": LEEDS[0], "lon": LEEDS[1], **query}
    with client.get("/api/v1/spaces", query_string=query) as response:
        return {feature["id"]: feature["properties"] for feature in response.get_json()["features"]}


def test_a_closure_from_next_monday_to_wednesday_is_open_today_and_closed_on_tuesday(
    app, client, locator
):
    done = published(app, client, locator, "24/7")
    with edit_on_page(
        client,
        manage_path(done),
        closed_from=NEXT_MONDAY.isoformat(),
        closed_to=NEXT_WEDNESDAY.isoformat(),
    ) as response:
        said = page_of(response).select_one("#closure-now").get_text()
    assert (
        said == "Shown as closed from Monday 8 June to Wednesday 10 June 2026, both days included."
    )
    assert done["id"] in search(client, open_now="true")
    assert done["id"] not in search(client, open_now="true", at="2026-06-09T12:00")
    tuesday = search(client, open_now="false", at="2026-06-09T12:00")[done["id"]]
    assert tuesday["status_text"] == "Temporarily closed · reopens Thu 11 Jun"
    assert (tuesday["closed_from"], tuesday["closed_until"]) == ("2026-06-08", "2026-06-11")
    assert done["id"] in search(client, open_now="true", at="2026-06-11T12:00")
    # Late on Sunday a 24-hour place closes at midnight, and says so.
    sunday = search(client, open_now="true", at="2026-06-07T23:50")[done["id"]]
    assert sunday["status_text"] == "Closes in 10 min"
    assert sunday["next_change"] == "2026-06-08T00:00:00+01:00"


def test_the_public_page_says_when_a_scheduled_closure_is_and_marks_its_days(app, client, locator):
    done = published(app, client, locator, "24/7")
    form = {"closed_from": NEXT_MONDAY.isoformat(), "closed_to": NEXT_WEDNESDAY.isoformat()}
    edit_on_page(client, manage_path(done), **form).close()
    with client.get(f"/spaces/{done['id']}") as response:
        said = page_of(response).select_one("#closure").get_text()
    assert said == "Closed from Monday 8 June to Wednesday 10 June, both days included."
    with client.get(f"/spaces/{done['id']}", query_string={"at": "2026-06-09T12:00"}) as response:
        page = page_of(response)
    days = {row.th.get_text(): row.td.get_text() for row in page.select("#weekly-hours tbody tr")}
    assert [days[f"{day} {n} Jun"] for day, n in (("Monday", 8), ("Thursday", 11))] == [
        "Temporarily closed",
        "00:00–24:00",
    ]
    said = page.select_one("#closure").get_text()
    assert said == "Temporarily closed until Wednesday 10 June: open again on Thursday 11 June."


@pytest.mark.parametrize(
    ("first", "last", "field", "message"),
    [
        ("2026-06-10", "2026-06-08", "closed_to", "is before the first"),
        ("2026-06-01", "2026-06-08", "closed_from", "The first day you close has passed"),
        (None, "2026-06-03", "closed_to", "The last day you are closed has passed"),
        (None, "2027-06-05", "closed_to", "no later than 4 June 2027"),
        ("2026-06-08", None, "closed_to", "Give the last day you are closed too"),
    ],
)
def test_a_closure_that_does_not_add_up_is_refused_on_its_field(first, last, field, message):
    days = [date.fromisoformat(day) if day else None for day in (first, last)]
    with pytest.raises(InvalidParameter) as refused:
        manage.scheduled_closure(*days)
    assert (refused.value.field, message in refused.value.message) == (field, True)


@pytest.mark.parametrize(
    ("first", "last", "stored"),
    [
        (None, "2026-06-04", (None, date(2026, 6, 5))),  # today only
        ("2026-06-04", "2026-06-10", (None, date(2026, 6, 11))),  # from today: from now
        ("2026-06-08", "2027-06-04", (date(2026, 6, 8), date(2027, 6, 5))),
        (None, None, (None, None)),
    ],
)
def test_a_closure_is_stored_as_its_first_day_and_the_day_it_reopens(first, last, stored):
    days = [date.fromisoformat(day) if day else None for day in (first, last)]
    assert manage.scheduled_closure(*days) == stored


def test_a_closure_refused_on_the_page_names_its_field_and_keeps_the_dates(client):
    done = register(client)
    form = {"closed_from": "2026-06-10", "closed_to": "2026-06-08"}
    with edit_on_page(client, manage_path(done), **form) as response:
        assert response.status_code == 400
        page = page_of(response)
    assert "before the first" in page.select_one("#closed_to-error").get_text()
    assert page.select_one("#closed_to")["aria-invalid"] == "true"
    assert page.select_one("#closed_from")["value"] == "2026-06-10"


def test_a_closure_begun_can_be_made_longer_without_giving_its_first_day_again(client, locator):
    done = register(client)
    path = manage_path(done)
    edit_on_page(client, path, closed_from="2026-06-05", closed_to="2026-06-06").close()
    clock.set_source(lambda: datetime(2026, 6, 6, 9, 0, tzinfo=clock.LONDON))
    with edit_on_page(client, path, closed_to="2026-06-09") as response:
        assert response.status_code == 200
    row = locator.store.premises.get(done["id"])
    assert (row.closed_from, row.closed_until) == (None, date(2026, 6, 10))
