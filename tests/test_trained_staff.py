"""The trained-staff record: initials or a role and a date, refreshers due, shown and mailed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from test_business import READY, csrf, manage_path, moderator_client, register

from locator.domain import clock
from locator.domain.errors import InvalidParameter
from locator.listings import readiness
from locator.usage import records as review


def add_trained(client, path, who="JS", trained_on=None):
    form = {"csrf_token": csrf(client, path), "who": who}
    form["trained_on"] = (trained_on or clock.today()).isoformat()
    return client.post(f"{path}/training", data=form)


def page(response) -> BeautifulSoup:
    with response:
        return BeautifulSoup(response.get_data(as_text=True), "html.parser")


@pytest.mark.parametrize("who", ["JS", "J.S.", "Shift manager", "Store Manager", "night staff"])
def test_initials_and_roles_are_accepted_as_who_was_trained(who):
    assert readiness.check_training(who, date(2026, 1, 5), date(2026, 2, 1))[0] == who


@pytest.mark.parametrize("who", ["Sarah Jones", "Tom", "Priya Patel trained", "", "x" * 41])
def test_a_name_or_nothing_is_refused_with_a_message_on_the_who_field(who):
    with pytest.raises(InvalidParameter) as refused:
        readiness.check_training(who, date(2026, 1, 5), date(2026, 2, 1))
    assert refused.value.field == "who"


@pytest.mark.parametrize("trained_on", ["2026-02-02", "tomorrow", "2026-13-01"])
def test_a_training_date_in_the_future_or_not_a_date_is_refused(trained_on):
    with pytest.raises(InvalidParameter) as refused:
        readiness.check_training("JS", trained_on, date(2026, 2, 1))
    assert refused.value.field == "trained_on"


def test_a_trained_staff_entry_is_recorded_and_shown_on_the_manage_page(app, client, locator):
    path = manage_path(register(client))
    shown = page(add_trained(client, path, "Shift manager"))
    assert "Added to your trained-staff record" in shown.select_one("#training-message").text
    assert shown.select_one("#staff-record .trained-who").text == "Shift manager"
    assert shown.select_one("#answer-staff_trained strong").text == "Yes — 1 staff trained"


def test_a_full_name_is_refused_and_nothing_is_recorded(app, client, locator):
    done = register(client)
    response = add_trained(client, manage_path(done), "Sarah Jones")
    assert response.status_code == 400
    shown = page(response)
    assert "looks like someone's name" in shown.select_one("#who-error").text
    assert locator.store.training.entries([done["id"]]) == []


def test_an_entry_is_removed_only_from_its_own_premises(app, client, locator):
    mine, other = register(client), register(client, name="Other Shop")
    add_trained(client, manage_path(mine), "JS")
    [entry] = locator.store.training.entries([mine["id"]])
    path = manage_path(other)
    with client.post(
        f"{path}/training/{entry['id']}/delete", data={"csrf_token": csrf(client, path)}
    ) as response:
        assert response.status_code == 400
    assert len(locator.store.training.entries([mine["id"]])) == 1
    path = manage_path(mine)
    removed = client.post(
        f"{path}/training/{entry['id']}/delete", data={"csrf_token": csrf(client, path)}
    )
    assert page(removed).select_one("#staff-record-empty") is not None


@pytest.mark.parametrize(
    ("months", "days_later", "due"),
    [(12, 364, False), (12, 366, True), (6, 180, False), (6, 185, True)],
)
def test_a_refresher_comes_due_after_the_configured_months(
    app, client, locator, months, days_later, due
):
    app.config["TRAINING_REFRESH_MONTHS"] = months
    done = register(client)
    add_trained(client, manage_path(done), "JS", date(2026, 1, 10))
    later = datetime(2026, 1, 10, 12, tzinfo=UTC) + timedelta(days=days_later)
    clock.set_source(lambda: later)
    try:
        shown = page(client.get(manage_path(done)))
    finally:
        clock.set_source(None)
    assert ("refresher due" in shown.select_one("#staff-record").text) is due
    summary = shown.select_one("#answer-staff_trained strong").text
    assert summary == ("Yes — 1 staff trained, 1 refresher due" if due else "Yes — 1 staff trained")


def test_moderators_see_the_staff_trained_answer_backed_by_the_record(app, client, locator):
    done = register(client)
    path = manage_path(done)
    add_trained(client, path, "JS", date(2020, 1, 1))
    add_trained(client, path, "Shift manager")
    review_page = page(moderator_client(app, locator).get(f"/moderate/spaces/{done['id']}"))
    answer = review_page.select_one("#answer-staff_trained").text
    assert answer.startswith("Yes — 2 staff trained, 1 refresher due")


def test_the_reminder_mail_names_staff_due_a_refresher(app, client, locator):
    done = register(client, checklist={**READY, "insurer_consulted": False})
    add_trained(client, manage_path(done), "KB", clock.today() - timedelta(days=30))
    mailer = app.extensions["mailer"]
    before = len(mailer.sent())
    later = datetime.now(UTC) + timedelta(days=400)
    clock.set_source(lambda: later)
    try:
        assert review.remind(locator.store, mailer, "http://x", 90, refresh_months=12) == 1
    finally:
        clock.set_source(None)
    text = mailer.sent()[before].get_content()
    assert "Training refresher due for: KB" in text
    assert "Tell your insurer" in text
    assert "Tell your local partners" not in text


def test_a_reminder_without_refreshers_due_does_not_mention_them(app, client, locator):
    register(client)
    mailer = app.extensions["mailer"]
    before = len(mailer.sent())
    later = datetime.now(UTC) + timedelta(days=100)
    clock.set_source(lambda: later)
    try:
        review.remind(locator.store, mailer, "http://x", 90, refresh_months=12)
    finally:
        clock.set_source(None)
    assert "refresher" not in mailer.sent()[before].get_content()
