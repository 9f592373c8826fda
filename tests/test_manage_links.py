"""Manage links that last: kept by reminders, mailed again when lost, explained when replaced."""

from __future__ import annotations

import re
import uuid
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from test_business import csrf, grid_registration, manage_path, register
from test_store import RefusingTransport

from locator.adapters.mail.outbox import Mailer
from locator.domain.errors import InvalidParameter
from locator.domain.premises import space_id_of
from locator.listings.registration import NEW_LINK_ANSWER

from conftest import configured_app

PUBLIC = "https://safespaces.example"
CONTACT = "manager@corner.example"  # the contact email test_business.register gives


def mails_to(app, address: str) -> list:
    return [m for m in app.extensions["mailer"].sent() if m["To"].lower() == address.lower()]


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def age(locator, space_id: int, days: int = 100) -> None:
    """Make a listing's last confirmation `days` old, so it is due a reminder."""
    locator.store.premises.change(
        space_id, {"last_confirmed": date.today() - timedelta(days=days)}, "test", "aged", {}
    )


def ask_for_link(client, reference: str, email: str):
    return client.post(f"/api/v1/registrations/{reference}/link", json={"contact_email": email})


@pytest.mark.parametrize(
    ("text", "space_id"),
    [("SSL-000123", 123), ("ssl-7", 7), ("SSL-0", None), ("SSL-999999999999", None)],
)
def test_a_reference_names_its_premises_id_or_none_beyond_any_id(text, space_id):
    assert space_id_of(text) == space_id


@pytest.mark.parametrize("text", ["123", "SSL-", "SSL-12a", " SSL-1", "SSL-1\n", "ſSL-1", None])
def test_text_that_is_not_a_reference_is_refused_naming_the_field(text):
    with pytest.raises(InvalidParameter) as refused:
        space_id_of(text)
    assert refused.value.field == "reference"


def test_remind_keeps_the_existing_manage_link_working_and_mails_no_localhost_address(
    app, client, locator, runner
):
    done = register(client)
    path = manage_path(done)
    age(locator, done["id"])
    app.config["PUBLIC_BASE_URL"] = PUBLIC
    result = runner.invoke(args=["remind"])
    assert result.exit_code == 0, result.output
    assert "Sent 1 reminder mails." in result.output
    reminder = mails_to(app, CONTACT)[-1]
    body = reminder.get_content()
    assert "localhost" not in body and "127.0.0.1" not in body
    # No secret in the mail: the link the business keeps is the one that works.
    assert path not in body and not re.search(r"/manage/[A-Za-z0-9_-]{20,}", body)
    assert f"{PUBLIC}/manage?reference={done['reference']}" in body
    with client.get(path) as kept:
        assert kept.status_code == 200
    actions = [entry["action"] for entry in locator.store.premises.audit_entries(done["id"])]
    assert "new_link" not in actions and actions[0] == "reminded"


def test_the_reminders_page_says_where_the_link_is_and_offers_a_new_one(client):
    done = register(client)
    with client.get(f"/manage?reference={done['reference']}") as response:
        assert response.status_code == 200
        shown = page(response)
    heading = " ".join(shown.select_one("h1").get_text().split())
    assert heading == f"Check your listing {done['reference']}"
    assert "email we sent when you registered" in shown.select_one("#link-intro").get_text()
    assert shown.select_one("#lost-link input[name=reference]")["value"] == done["reference"]
    assert shown.select_one("#lost-link input[name=csrf_token]")["value"]


def test_the_reminders_page_shows_only_a_reference_never_other_text_from_its_address(client):
    with client.get("/manage?reference=Call+0800+000000+now") as response:
        shown = page(response)
    assert "0800" not in shown.get_text()
    assert shown.select_one("input[name=reference]")["value"] == ""


@pytest.mark.parametrize(
    ("asked_with", "mailed"),
    [
        (CONTACT, True),
        ("Manager@CORNER.example", True),
        ("someone@else.example", False),
        ("manager@corner.example.evil.example", False),
    ],
)
def test_a_lost_link_is_mailed_again_only_to_the_listings_own_contact_with_one_answer(
    app, client, asked_with, mailed
):
    done = register(client)
    old_path = manage_path(done)
    before = len(app.extensions["mailer"].sent())
    response = ask_for_link(client, done["reference"], asked_with)
    assert response.status_code == 202
    assert response.get_json() == {"status": "accepted", "message": NEW_LINK_ANSWER}
    sent = app.extensions["mailer"].sent()[before:]
    assert [m["To"] for m in sent] == ([CONTACT] if mailed else [])
    with client.get(old_path) as old:
        assert old.status_code == (404 if mailed else 200)
    if mailed:
        new_path = re.search(r"http://localhost(/manage/\S+)", sent[0].get_content()).group(1)
        with client.get(new_path) as new:
            assert new.status_code == 200


def test_a_new_link_for_an_unknown_reference_gets_the_same_answer_and_mails_nothing(app, client):
    register(client)
    before = len(app.extensions["mailer"].sent())
    for reference in ("SSL-999999", "ssl-999999", "SSL-999999999999"):
        response = ask_for_link(client, reference, CONTACT)
        assert response.status_code == 202, reference
        assert response.get_json() == {"status": "accepted", "message": NEW_LINK_ANSWER}
    assert len(app.extensions["mailer"].sent()) == before


@pytest.mark.parametrize(
    ("reference", "body", "field"),
    [
        ("123", {"contact_email": CONTACT}, "reference"),
        ("SSL-12a", {"contact_email": CONTACT}, "reference"),
        ("SSL-1", {"contact_email": "not an email"}, "contact_email"),
        ("SSL-1", {}, "contact_email"),
        ("SSL-1", {"contact_email": CONTACT, "name": "x"}, "name"),
        ("SSL-1", ["not", "an", "object"], "body"),
    ],
)
def test_a_malformed_request_for_a_new_link_is_refused_naming_the_field(
    app, client, reference, body, field
):
    response = client.post(f"/api/v1/registrations/{reference}/link", json=body)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["field"] == field and error["message"].endswith(".")
    assert app.extensions["mailer"].sent() == []


def test_new_link_mail_uses_the_public_address_and_says_the_old_link_stopped(app, client):
    app.config["PUBLIC_BASE_URL"] = PUBLIC
    done = register(client)
    (registered,) = mails_to(app, CONTACT)
    assert f"{PUBLIC}/manage/" in registered.get_content()
    assert done["manage_url"].startswith(f"{PUBLIC}/manage/")
    ask_for_link(client, done["reference"], CONTACT)
    body = mails_to(app, CONTACT)[-1].get_content()
    assert f"{PUBLIC}/manage/" in body and "localhost" not in body
    assert "old link no longer works" in body and done["reference"] in body


def lost_form(client, reference: str, email: str, **extra):
    form = {"csrf_token": csrf(client, "/manage/lost"), "reference": reference}
    return client.post("/manage/lost", data={**form, "contact_email": email, **extra})


def test_the_lost_link_page_answers_the_same_whether_or_not_the_email_matched(app, client):
    done = register(client)
    answers = []
    for email in ("someone@else.example", CONTACT.upper()):
        with lost_form(client, f" {done['reference'].lower()} ", email) as response:
            assert response.status_code == 200
            shown = page(response)
        answers.append((shown.select_one("h1").get_text(), shown.select_one("#link-answer").text))
    assert answers[0] == answers[1] == ("Check your email", NEW_LINK_ANSWER)
    assert [m["To"] for m in mails_to(app, CONTACT)][-1:] == [CONTACT]
    assert len(mails_to(app, CONTACT)) == 2  # the registration's, then one new link
    with client.get(manage_path(done)) as old:
        assert old.status_code == 404


@pytest.mark.parametrize(
    ("reference", "email", "field"),
    [("SSL-12x", CONTACT, "reference"), ("SSL-000001", "nobody", "contact_email")],
)
def test_the_lost_link_page_points_at_the_field_to_correct(client, reference, email, field):
    with lost_form(client, reference, email) as response:
        assert response.status_code == 400
        shown = page(response)
    summary = shown.select_one("#error-summary a")
    assert summary["href"] == f"#{field}"
    box = shown.select_one(f"#{field}")
    assert box["aria-invalid"] == "true" and box["aria-describedby"] == f"{field}-error"
    assert shown.select_one(f"#{field}-error").get_text() == summary.get_text()
    assert shown.select_one("#reference")["value"] == reference


def test_the_lost_link_form_needs_its_csrf_token(app, client):
    done = register(client)
    form = {"reference": done["reference"], "contact_email": CONTACT}
    with client.post("/manage/lost", data=form) as response:
        assert response.status_code == 400
    assert len(mails_to(app, CONTACT)) == 1


def manage_urls(app, token: str) -> list[tuple[str, str]]:
    """Return (method, URL) for every route under /manage/<token>, each choice of an any()."""
    found = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/manage/<token>"):
            continue
        urls = [rule.rule]
        for part in re.finditer(r"<(?:([^<>]+?):)?([^<>:]+)>", rule.rule):
            converter, name = part.groups()
            choices = re.findall(r"'([^']+)'", converter or "") or [
                {"use_id": "1", "entry_id": "1"}.get(name, token)
            ]
            urls = [url.replace(part.group(0), choice) for url in urls for choice in choices]
        found += [
            (method, url) for url in urls for method in sorted(rule.methods & {"GET", "POST"})
        ]
    return found


def test_every_page_of_a_replaced_manage_link_says_so_and_offers_a_new_one(app, client):
    done = register(client)
    old_token = manage_path(done).rsplit("/", 1)[1]
    ask_for_link(client, done["reference"], CONTACT)
    token = csrf(client, "/manage/lost")
    urls = manage_urls(app, old_token)
    assert len(urls) >= 10  # the page, its forms, downloads and uses
    for method, url in urls:
        data = {"csrf_token": token} if method == "POST" else None
        with client.open(url, method=method, data=data) as response:
            assert response.status_code == 404, (method, url)
            shown = page(response)
        heading = shown.select_one("h1").get_text()
        assert heading == "This manage link has been replaced or is not valid", (method, url)
        assert shown.select_one("#lost-link button[type=submit]") is not None
        assert shown.select_one("#quick-exit") is not None  # the site's layout, its way out
        assert response.headers["Cache-Control"] == "no-store"


class BrokenMailer(Mailer):
    """A mailer whose whole delivery round fails (say, the database went away after commit)."""

    def deliver(self, _limit: int = 100):
        raise RuntimeError("delivery failed after the registration was committed")


@pytest.mark.parametrize("failure", ["transport", "mailer"])
def test_a_registration_whose_mail_fails_is_saved_and_shows_its_link(app, client, locator, failure):
    working = app.extensions["mailer"]
    if failure == "transport":
        working.transport = RefusingTransport("file", "x@example.org", working.transport.folder)
    else:
        app.extensions["mailer"] = BrokenMailer(locator.store, working.transport)
    with client.post("/register", data=grid_registration(client)) as response:
        assert response.status_code == 200
        shown = page(response)
    assert "registration is saved" in shown.select_one("#mail-delayed").get_text()
    link = shown.select_one("#manage-link")["href"]
    assert locator.store.premises.count() == 1
    assert locator.store.outbox.waiting()["waiting"] == 1
    with client.get(link.removeprefix("http://localhost")) as manage:
        assert manage.status_code == 200


def test_a_registration_whose_mail_went_does_not_warn(client):
    with client.post("/register", data=grid_registration(client)) as response:
        shown = page(response)
    assert shown.select_one("#mail-delayed") is None
    assert "We have also emailed it to you" in shown.get_text()


@pytest.fixture
def limited(database_url, tmp_path):
    """Return an app that limits requests for a new link to 2 an hour."""
    app = configured_app(
        database_url,
        tmp_path,
        RATELIMIT_ENABLED=True,
        RATELIMIT_KEY_PREFIX=f"test-{uuid.uuid4().hex}",
        LINK_RATE_LIMIT="2 per hour",
    )
    app.extensions["locator"].store.migrate()
    yield app
    app.extensions["locator"].store.dispose()


def from_address(app, address: str):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def test_one_client_asking_for_many_listings_links_is_limited_on_the_api_and_the_form(limited):
    client = from_address(limited, "203.0.113.7")
    statuses = [ask_for_link(client, f"SSL-9{n:05d}", CONTACT).status_code for n in range(2)]
    # The form counts with the API: one allowance per client.
    with lost_form(client, "SSL-900009", CONTACT) as response:
        statuses.append(response.status_code)
    assert statuses == [202, 202, 429]


def test_many_clients_asking_for_one_listings_link_are_limited(limited):
    statuses = [
        ask_for_link(from_address(limited, f"198.51.100.{n}"), "SSL-900001", CONTACT).status_code
        for n in range(3)
    ]
    assert statuses == [202, 202, 429]
    # However the reference is written, it is the same listing.
    other = from_address(limited, "198.51.100.99")
    assert ask_for_link(other, "ssl-00900001", CONTACT).status_code == 429
    assert ask_for_link(other, "SSL-900002", CONTACT).status_code == 202
