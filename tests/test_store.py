"""The store's transaction helper, its repositories' records and the mail outbox."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from test_business import register

from locator.adapters.db.outbox import MAX_ATTEMPTS
from locator.adapters.db.tables import moderators, organisations, outbox, premises
from locator.adapters.mail.transport import Transport
from locator.domain.accounts import Moderator, Organisation
from locator.domain.premises import Premises


class RefusingTransport(Transport):
    """A mail server that is down: every delivery raises, as smtplib does."""

    def deliver(self, *_message: str) -> None:
        raise ConnectionRefusedError(111, "Connection refused")


@pytest.mark.parametrize(
    ("record", "table"),
    [(Premises, premises), (Moderator, moderators), (Organisation, organisations)],
)
def test_each_record_has_exactly_the_columns_of_its_table(record, table):
    assert [field.name for field in dataclasses.fields(record)] == [c.name for c in table.c]


def test_a_premises_record_cannot_be_changed_in_place(client, locator):
    space = locator.store.premises.get(register(client)["id"])
    with pytest.raises(dataclasses.FrozenInstanceError):
        space.name = "Something else"
    assert space.changed(name="Something else").name == "Something else"
    assert locator.store.premises.get(space.id).name == "Corner Shop"


def test_a_failure_inside_a_transaction_keeps_neither_the_change_nor_its_mail(app, locator):
    store, mailer = locator.store, app.extensions["mailer"]
    with pytest.raises(RuntimeError), store.transaction():
        store.accounts.add_organisation("Chain", "hq@chain.example", "x")
        mailer.send("hq@chain.example", "Welcome", "Your account is ready.")
        raise RuntimeError("the request failed after both were written")
    assert store.accounts.organisation(email="hq@chain.example") is None
    assert store.outbox.waiting() == {"waiting": 0, "given_up": 0}
    assert mailer.sent() == []


def test_mail_is_only_sent_once_the_change_it_tells_of_is_committed(app, locator):
    store, mailer = locator.store, app.extensions["mailer"]
    with store.transaction():
        mailer.send("someone@example.org", "Hello", "Body")
        assert mailer.sent() == []
    mailer.deliver()
    assert [message["To"] for message in mailer.sent()] == ["someone@example.org"]


def test_a_registration_made_while_the_mail_server_is_down_is_kept_and_mailed_later(
    app, client, locator, runner
):
    mailer = app.extensions["mailer"]
    working = mailer.transport
    mailer.transport = RefusingTransport("file", "x@example.org", working.folder)
    done = register(client)
    assert locator.store.premises.get(done["id"]).status == "pending"
    assert locator.store.outbox.waiting()["waiting"] == 1
    mailer.transport = working
    app.config["PUBLIC_BASE_URL"] = "https://safespaces.example"
    result = runner.invoke(args=["outbox", "send"])
    assert result.exit_code == 0, result.output
    assert "Sent: 1" in result.output and "Still waiting: 0" in result.output
    (message,) = mailer.sent()
    assert done["manage_url"] in message.get_content()


def test_a_sent_message_keeps_no_manage_link_in_the_database(app, client, locator):
    done = register(client)
    token = done["manage_url"].rsplit("/", 1)[1]
    with locator.store.engine.connect() as connection:
        bodies = [row.body for row in connection.execute(outbox.select())]
    assert bodies == [""]
    assert all(token not in body for body in bodies)


def test_two_deliverers_never_take_the_same_message(locator):
    store = locator.store
    for n in range(3):
        store.outbox.add(f"shop{n}@example.org", "Subject", "Body")
    first, second = store.outbox.claim(2), store.outbox.claim(10)
    assert len(first) == 2 and len(second) == 1
    assert {letter.id for letter in first}.isdisjoint(letter.id for letter in second)


def test_a_message_that_keeps_failing_stops_being_tried_until_an_operator_says_so(
    app, locator, runner
):
    mailer = app.extensions["mailer"]
    working = mailer.transport
    mailer.transport = RefusingTransport("file", "x@example.org", working.folder)
    locator.store.outbox.add("shop@example.org", "Subject", "Body")
    for _ in range(MAX_ATTEMPTS + 2):
        mailer.deliver()
    assert locator.store.outbox.waiting() == {"waiting": 0, "given_up": 1}
    mailer.transport = working
    app.config["PUBLIC_BASE_URL"] = "https://safespaces.example"
    result = runner.invoke(args=["outbox", "send", "--retry-given-up"])
    assert "Given fresh tries: 1" in result.output and "Sent: 1" in result.output


class BrokenTransport(RefusingTransport):
    """A transport that fails in a way nobody planned for."""

    def deliver(self, *_message: str) -> None:
        raise ValueError("an SMTP URL nobody could parse")


def test_a_registration_is_answered_even_when_mail_fails_unexpectedly(app, client, locator):
    mailer = app.extensions["mailer"]
    mailer.transport = BrokenTransport("file", "x@example.org", mailer.transport.folder)
    done = register(client)
    assert locator.store.premises.get(done["id"]).status == "pending"
    assert locator.store.outbox.waiting()["waiting"] == 1


@pytest.mark.parametrize("command", [["remind"], ["outbox", "send"]])
def test_commands_that_mail_refuse_to_run_without_the_sites_public_address(
    app, client, locator, runner, command
):
    done = register(client)
    locator.store.premises.change(
        done["id"], {"last_confirmed": date.today() - timedelta(days=400)}, "test", "aged", {}
    )
    locator.store.outbox.add("shop@example.org", "Waiting", "A letter from before")
    mailed = len(app.extensions["mailer"].sent())
    app.config["PUBLIC_BASE_URL"] = ""
    result = runner.invoke(args=command)
    assert result.exit_code == 1
    assert "set PUBLIC_BASE_URL" in result.output and "localhost" in result.output
    assert len(app.extensions["mailer"].sent()) == mailed
    assert locator.store.outbox.waiting()["waiting"] == 1
