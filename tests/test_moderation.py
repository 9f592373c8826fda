"""Moderation that talks: reports with words, decisions mailed with reasons, screens in words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from test_business import (
    LEEDS,
    csrf,
    decide,
    manage_path,
    moderator_client,
    post_manage,
    public_ids,
    register,
)

from locator.domain import clock
from locator.domain import moderation as rules
from locator.domain.errors import InvalidParameter
from locator.domain.moderation import AuditEntry
from locator.domain.premises import reference
from locator.listings import accounts, reports

from builders import add_premises, ids_by_ref
from conftest import premises_row

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
WHY = "Staff must be able to tell who is asking: keep 'Ask at the till'."


def soup(response) -> BeautifulSoup:
    with response:
        return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def text_of(page: BeautifulSoup, selector: str) -> str:
    found = page.select_one(selector)
    assert found is not None, selector
    return found.get_text(" ", strip=True)


def mails_since(app, before: int) -> dict[str, str]:
    return {mail["To"]: mail.get_content() for mail in app.extensions["mailer"].sent()[before:]}


def mail_count(app) -> int:
    return len(app.extensions["mailer"].sent())


def approved(app, client, locator, **values) -> tuple[dict, object]:
    """Register a listing, have a moderator approve it; return it and the moderator's client."""
    done = register(client, **values)
    moderator = moderator_client(app, locator)
    decide(moderator, done["id"], "approve")
    return done, moderator


def post_form(client, path: str, page: str, **form):
    return client.post(path, data={"csrf_token": csrf(client, page), **form})


# --- reports with date, time and words ---------------------------------------------------------


def test_a_reports_text_reaches_the_moderator_and_the_business_with_its_date_and_time(
    app, client, locator
):
    done, moderator = approved(app, client, locator)
    clock.set_source(lambda: NOW)
    try:
        with client.post(
            f"/spaces/{done['id']}/report",
            data={"reason": "closed", "text": "  Shutters down at 7pm on a Wednesday  "},
        ) as response:
            assert response.status_code == 200
    finally:
        clock.set_source(None)
    review = soup(moderator.get(f"/moderate/spaces/{done['id']}"))
    said = text_of(review, "#reports li")
    assert said == "It was closed · Wed 2 Dec 2026, 12:00 “Shutters down at 7pm on a Wednesday”"
    business = soup(client.get(manage_path(done)))
    assert text_of(business, "#public-reports li") == said
    queue = text_of(soup(moderator.get("/moderate")), f"tr[data-id='{done['id']}']")
    assert "It was closed ×1" in queue and "“Shutters down at 7pm on a Wednesday”" in queue


def test_a_report_dealt_with_stays_on_the_business_page_marked_so(app, client, locator):
    done, moderator = approved(app, client, locator)
    client.post(f"/spaces/{done['id']}/report", data={"reason": "wrong_hours"}).close()
    decide(moderator, done["id"], "resolve_reports")
    business = soup(client.get(manage_path(done)))
    assert text_of(business, "#public-reports li").endswith("dealt with by a moderator")
    assert soup(moderator.get(f"/moderate/spaces/{done['id']}")).select("#reports") == []


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("Sarah on the till told me to leave", "“Sarah” (a name)"),
        ("The man in the red hoodie refused", "how someone looks"),
        ("Ring me on 07700 900123", "a phone number"),
        ("x" * 501, "Keep what you write to 500 characters (it has 501)"),
    ],
)
def test_report_words_that_identify_anyone_or_run_long_are_refused_and_kept_for_correcting(
    app, client, locator, text, refused
):
    done, _moderator = approved(app, client, locator)
    response = client.post(f"/spaces/{done['id']}/report", data={"reason": "refused", "text": text})
    assert response.status_code == 400
    page = soup(response)
    assert refused in text_of(page, "#text-error")
    assert page.select_one("#report-text")["aria-invalid"] == "true"
    assert page.select_one("#report-text").get_text() == text
    assert locator.store.reports.listed([done["id"]])[done["id"]] == []


def test_a_control_character_in_a_reports_words_is_refused():
    with pytest.raises(InvalidParameter, match="control character") as refused:
        reports.check_report("closed", "locked\x1b[2J")
    assert refused.value.field == "text"


def test_a_report_without_words_keeps_none():
    assert reports.check_report("moved", "   ") == ("moved", None)


# --- decisions on changes, field by field, mailed with the reasons -----------------------------


def ask_for_changes(client, done):
    response = post_manage(
        client, manage_path(done), name="Corner Shop Briggate", how_to_ask="Say the word"
    )
    assert response.status_code == 200


def test_field_by_field_apply_shows_one_change_discards_the_other_and_mails_the_reason(
    app, client, locator
):
    done, moderator = approved(app, client, locator)
    ask_for_changes(client, done)
    path = f"/moderate/spaces/{done['id']}"
    before = mail_count(app)
    response = post_form(
        moderator,
        path,
        path,
        action="decide_changes",
        **{
            "change-name": "apply",
            "change-how_to_ask": "discard",
            "reason-how_to_ask": WHY,
        },
    )
    assert response.status_code == 302
    feature = client.get(f"/api/v1/spaces/{done['id']}").get_json()["properties"]
    assert feature["name"] == "Corner Shop Briggate"
    assert feature["how_to_ask"] == "Ask at the till"
    assert locator.store.premises.get(done["id"]).pending_changes is None
    mail = mails_since(app, before)["manager@corner.example"]
    assert "- Premises name: applied, now shown to the public." in mail
    assert f"- How to ask for help: not applied. The moderator's reason: {WHY}" in mail
    trail = text_of(soup(moderator.get(path)), "#audit tbody tr")
    assert trail.endswith(
        "applied the change to premises name; discarded the change to how to ask for help "
        f"(“{WHY}”)"
    )


def test_a_change_with_no_choice_keeps_waiting_while_the_chosen_one_is_applied(
    app, client, locator
):
    done, moderator = approved(app, client, locator)
    ask_for_changes(client, done)
    path = f"/moderate/spaces/{done['id']}"
    post_form(moderator, path, path, action="decide_changes", **{"change-name": "apply"}).close()
    row = locator.store.premises.get(done["id"])
    assert row.name == "Corner Shop Briggate"
    assert row.waiting_changes == {"how_to_ask": "Say the word"}
    assert "Changes waiting for approval" in text_of(soup(moderator.get("/moderate")), "#queue")


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        ({"change-how_to_ask": "discard"}, "reason-how_to_ask", "Say why the how to ask for"),
        ({}, "changes", "Choose apply or discard for at least one change."),
        ({"change-name": "maybe"}, "change-name", "Choose apply or discard for the premises"),
    ],
)
def test_a_field_by_field_decision_that_does_not_add_up_changes_nothing(
    app, client, locator, form, field, message
):
    done, moderator = approved(app, client, locator)
    ask_for_changes(client, done)
    path = f"/moderate/spaces/{done['id']}"
    before = mail_count(app)
    response = post_form(moderator, path, path, action="decide_changes", **form)
    assert response.status_code == 400
    assert message in text_of(soup(response), "#decision-error")
    row = locator.store.premises.get(done["id"])
    assert set(row.waiting_changes) == {"name", "how_to_ask"} and row.name == "Corner Shop"
    assert mail_count(app) == before


def test_discarding_all_the_changes_needs_a_reason_and_mails_it(app, client, locator):
    done, moderator = approved(app, client, locator)
    ask_for_changes(client, done)
    assert decide(moderator, done["id"], "discard_changes").status_code == 400
    before = mail_count(app)
    assert (
        decide(moderator, done["id"], "discard_changes", "Not what the shop is called.").status_code
        == 302
    )
    mail = mails_since(app, before)["manager@corner.example"]
    assert (
        "- Premises name: not applied. The moderator's reason: Not what the shop is called." in mail
    )
    assert "- How to ask for help: not applied." in mail
    assert locator.store.premises.get(done["id"]).name == "Corner Shop"


def test_a_rejection_is_mailed_with_its_reason_to_the_store_and_its_head_office(
    app, head_office, client, locator
):
    done = register(client)
    moderator = moderator_client(app, locator)
    link = {"action": "link_head_office", "head_office": "hq@chemist.example"}
    post_form(moderator, f"/moderate/spaces/{done['id']}", "/moderate", **link).close()
    before = mail_count(app)
    decide(moderator, done["id"], "reject", "We could not find this shop at the address.")
    sent = mails_since(app, before)
    assert sorted(sent) == ["hq@chemist.example", "manager@corner.example"]
    assert all("We could not find this shop at the address." in mail for mail in sent.values())


# --- the partnership's contact, and asking for a review ----------------------------------------


def test_the_partnerships_contact_is_in_decision_mails_and_on_the_manage_page(app, client, locator):
    app.config["PARTNERSHIP_CONTACT"] = "safespaces@leeds.example"
    before = mail_count(app)
    done, _moderator = approved(app, client, locator)
    mail = mails_since(app, before)["manager@corner.example"]
    assert mail.rstrip().endswith("Questions? Contact safespaces@leeds.example.")
    page = soup(client.get(manage_path(done)))
    assert text_of(page, "#partnership-contact") == "Questions? Contact safespaces@leeds.example ."
    assert page.select_one("#partnership-contact a")["href"] == "mailto:safespaces@leeds.example"


def test_a_district_moderators_email_is_given_only_when_the_setting_says_so(app, client, locator):
    accounts.create_moderator(
        locator.store, locator.areas, "leeds-team@leeds.example", "Leeds", "p" * 14, ["leeds"]
    )
    app.config["PARTNERSHIP_CONTACT"] = "0113 496 0999"
    done, moderator = approved(app, client, locator)  # by an every-district moderator
    page = soup(client.get(manage_path(done)))
    assert "leeds-team@leeds.example" not in page.get_text()
    assert page.select_one("#partnership-contact a")["href"] == "tel:01134960999"
    app.config["PARTNERSHIP_CONTACT_FROM_MODERATORS"] = True
    before = mail_count(app)
    decide(moderator, done["id"], "suspend", "Reported closed for good.")
    assert (
        "Questions? Contact leeds-team@leeds.example."
        in mails_since(app, before)["manager@corner.example"]
    )
    assert "mod@council.example" not in text_of(soup(client.get(manage_path(done))), "main")


def test_a_rejected_business_asks_for_a_review_and_is_back_in_the_queue_with_its_words(
    app, client, locator
):
    done = register(client)
    moderator = moderator_client(app, locator)
    decide(moderator, done["id"], "reject", "Staff are not trained yet.")
    path = manage_path(done)
    asked = "All four staff finished the training on Monday."
    response = post_form(client, f"{path}/review", path, review_message=asked)
    assert "Sent to a moderator with your message" in text_of(soup(response), "#manage-message")
    row = locator.store.premises.get(done["id"])
    assert row.status == "pending" and done["id"] not in public_ids(client)
    queue = text_of(soup(moderator.get("/moderate")), f"tr[data-id='{done['id']}']")
    assert "Review asked by the business" in queue and "New registration" not in queue
    review = soup(moderator.get(f"/moderate/spaces/{done['id']}"))
    assert text_of(review, "#pending-because") == f"Review asked by the business : “{asked}”"
    assert f"Business asked for a review: “{asked}”" in text_of(review, "#audit")
    assert soup(client.get(path)).select("#ask-review") == []  # waiting already


def test_a_review_request_naming_someone_or_from_a_public_listing_is_refused(app, client, locator):
    done = register(client)
    moderator = moderator_client(app, locator)
    decide(moderator, done["id"], "reject", "Staff are not trained yet.")
    path = manage_path(done)
    response = post_form(client, f"{path}/review", path, review_message="Ask Priya, she knows")
    assert response.status_code == 400
    assert "“Priya” (a name)" in text_of(soup(response), "#review_message-error")
    assert locator.store.premises.get(done["id"]).status == "rejected"
    decide(moderator, done["id"], "approve")
    assert soup(client.get(path)).select("#ask-review") == []
    refused = post_form(client, f"{path}/review", path, review_message="Please look again")
    assert refused.status_code == 400
    assert locator.store.premises.get(done["id"]).status == "published"


# --- withdrawing, with a yes, and listing again through moderation -----------------------------


def test_withdrawing_needs_a_yes_and_listing_again_goes_through_a_moderator(app, client, locator):
    done, moderator = approved(app, client, locator)
    path = manage_path(done)
    refused = post_form(client, f"{path}/withdraw", path)
    assert refused.status_code == 400
    assert "Tick “Yes, take us off the public list”" in text_of(
        soup(refused), "#confirm_withdraw-error"
    )
    assert done["id"] in public_ids(client)

    post_form(client, f"{path}/withdraw", path, confirm_withdraw="yes").close()
    assert done["id"] not in public_ids(client)
    page = soup(client.get(path))
    assert text_of(page, "#listing-status") == "withdrawn by you: not shown to the public"
    assert page.select("#withdraw") == [] and page.select("#ask-review") == []
    assert reference(done["id"]) not in text_of(soup(moderator.get("/moderate")), "main")

    post_form(client, f"{path}/list-again", path).close()
    assert locator.store.premises.get(done["id"]).status == "pending"
    assert done["id"] not in public_ids(client)
    queue = text_of(soup(moderator.get("/moderate")), f"tr[data-id='{done['id']}']")
    assert "Listed again by the business" in queue
    decide(moderator, done["id"], "approve")
    assert done["id"] in public_ids(client)


def test_only_a_withdrawn_listing_can_be_listed_again(app, client, locator):
    done, moderator = approved(app, client, locator)
    decide(moderator, done["id"], "suspend", "Reported closed for good.")
    path = manage_path(done)
    assert post_form(client, f"{path}/list-again", path).status_code == 400
    assert locator.store.premises.get(done["id"]).status == "suspended"


def test_a_head_office_withdraws_a_store_with_a_yes_and_the_audit_names_it(
    app, head_office, locator
):
    space_id = estate(locator, "s1")["s1"]
    path = f"/business/premises/{space_id}"
    assert post_form(head_office, f"{path}/withdraw", path).status_code == 400
    post_form(head_office, f"{path}/withdraw", path, confirm_withdraw="yes").close()
    assert rules.is_withdrawn(locator.store.premises.get(space_id))
    newest = locator.store.premises.audit_entries(space_id)[0]
    assert (newest["action"], newest["actor"].split(":")[::2]) == (
        "withdrawn",
        ["organisation", "hq@chemist.example"],
    )


# --- screens a moderator can read ----------------------------------------------------------------


def test_the_review_page_says_hours_facilities_and_history_in_words(app, client, locator):
    done = register(client, opening_hours="Mo-Fr 09:00-17:30; Sa 10:00-16:00")
    page = soup(moderator_client(app, locator).get(f"/moderate/spaces/{done['id']}"))
    assert text_of(page, "#hours-words") == "Mon–Fri 9am–5:30pm; Sat 10am–4pm"
    assert text_of(page, "#osm-hours") == "Mo-Fr 09:00-17:30; Sa 10:00-16:00"
    rows = [
        text_of(row, "th") + " " + text_of(row, "td")
        for row in page.select("#weekly-hours tbody tr")
    ]
    assert rows[0].startswith("Monday 09:00–17:30") and rows[6].startswith("Sunday Closed")
    assert text_of(page, "#facilities") == "Phone charging, Somewhere to sit"
    trail = text_of(page, "#audit tbody")
    assert "Business registered the listing (External scheme)" in trail
    assert "{" not in trail and 'registered"' not in trail


def test_the_review_page_flags_a_pin_at_a_postcode_districts_or_a_towns_centre_only(
    app, client, locator
):
    district = locator.gazetteer.find("LS1")
    rows = [premises_row("rough", district.lat, district.lon, postcode="LS1 4AP")]
    rows.append(premises_row("exact", *LEEDS, postcode="LS1 6HD"))
    town = locator.gazetteer.find("Leeds")
    rows.append(premises_row("town", town.lat, town.lon))
    add_premises(locator, rows, publish=False)
    ids = ids_by_ref(locator)
    moderator = moderator_client(app, locator)
    rough = soup(moderator.get(f"/moderate/spaces/{ids['rough']}"))
    assert text_of(rough, "#pin-warning").startswith(
        "Pin is the district centre only: check the address"
    )
    in_town = soup(moderator.get(f"/moderate/spaces/{ids['town']}"))
    assert text_of(in_town, "#pin-warning").startswith(
        "Pin is the centre of Leeds only: check the address"
    )
    assert soup(moderator.get(f"/moderate/spaces/{ids['exact']}")).select("#pin-warning") == []
    queue = soup(moderator.get("/moderate"))
    assert "district centre only" in text_of(queue, f"tr[data-id='{ids['rough']}']")
    assert "district centre only" not in text_of(queue, f"tr[data-id='{ids['exact']}']")


def test_the_queue_says_how_long_each_item_has_waited(app, client, locator):
    clock.set_source(lambda: NOW - timedelta(days=3, hours=2))
    try:
        old = register(client)
    finally:
        clock.set_source(None)
    new = register(client, name="Another Shop", postcode="LS2 7EY")
    clock.set_source(lambda: NOW)
    try:
        queue = soup(moderator_client(app, locator).get("/moderate"))
    finally:
        clock.set_source(None)
    assert "waiting 3 days" in text_of(queue, f"tr[data-id='{old['id']}'] .waiting-age")
    assert text_of(queue, f"tr[data-id='{new['id']}'] .waiting-age").startswith("waiting")


def test_a_duplicate_warning_goes_once_the_duplicate_is_rejected(app, client, locator):
    first = register(client)
    second = register(client, name="Corner Shop Leeds")
    moderator = moderator_client(app, locator)
    row = f"tr[data-id='{second['id']}']"
    assert reference(first["id"]) in text_of(soup(moderator.get("/moderate")), row)
    decide(moderator, first["id"], "reject", "The same shop as the other registration.")
    assert "duplicate" not in text_of(soup(moderator.get("/moderate")), row)
    assert soup(moderator.get(f"/moderate/spaces/{second['id']}")).select("#duplicates") == []


def test_a_duplicate_warning_goes_from_a_listing_a_moderator_approved_knowing_of_it(
    app, client, locator
):
    first = register(client)
    second = register(client, name="Corner Shop Leeds")
    moderator = moderator_client(app, locator)
    decide(moderator, second["id"], "approve")
    client.post(f"/spaces/{second['id']}/report", data={"reason": "closed"}).close()
    queue = soup(moderator.get("/moderate"))
    assert "duplicate" not in text_of(queue, f"tr[data-id='{second['id']}']")
    # The one not yet decided still shows it: the moderator has a choice to make there.
    assert reference(second["id"]) in text_of(queue, f"tr[data-id='{first['id']}']")


# --- bulk approve for an estate ------------------------------------------------------------------


def estate(locator, *refs) -> dict[str, int]:
    """Add pending stores to Big Chemist's estate (the head_office fixture's); return their ids."""
    rows = [premises_row(ref, LEEDS[0] + i * 0.001, LEEDS[1]) for i, ref in enumerate(refs)]
    add_premises(locator, rows, publish=False)
    office = locator.store.accounts.organisation(email="hq@chemist.example")
    ids = {ref: space_id for ref, space_id in ids_by_ref(locator).items() if ref in refs}
    locator.store.premises.change_many(
        list(ids.values()), {"organisation_id": office.id}, "test", "linked", {}
    )
    return ids


def test_a_moderator_approves_all_of_an_estates_pending_stores_each_audited_and_mailed(
    app, head_office, client, locator
):
    ids = estate(locator, "s1", "s2", "s3")
    other = register(client)
    moderator = moderator_client(app, locator)
    queue = soup(moderator.get("/moderate"))
    office = locator.store.accounts.organisation(email="hq@chemist.example")
    button = queue.select_one(f"#approve-estate-{office.id}")
    assert button.get_text(strip=True) == "Approve all 3 pending from Big Chemist"
    before = mail_count(app)
    form = {"organisation": str(office.id), "count": "3"}
    response = post_form(moderator, "/moderate/approve", "/moderate", **form)
    assert "Approved 3 new listings" in text_of(soup(response), "#queue-message")
    for space_id in ids.values():
        assert locator.store.premises.get(space_id).status == "published"
        assert locator.store.premises.audit_entries(space_id)[0]["action"] == "approve"
    sent = app.extensions["mailer"].sent()[before:]
    assert sorted(mail["Subject"].split(":")[0] for mail in sent) == [
        "Your store s1",
        "Your store s2",
        "Your store s3",
    ]
    assert locator.store.premises.get(other["id"]).status == "pending"
    assert soup(moderator.get("/moderate")).select("#estates") == []


def test_approving_an_estate_whose_count_changed_since_the_queue_was_read_approves_none(
    app, head_office, locator
):
    ids = estate(locator, "s1", "s2")
    moderator = moderator_client(app, locator)
    office = locator.store.accounts.organisation(email="hq@chemist.example")
    form = {"organisation": str(office.id), "count": "1"}
    response = post_form(moderator, "/moderate/approve", "/moderate", **form)
    assert response.status_code == 400
    assert "look at the queue again" in text_of(soup(response), "#queue-error")
    assert {locator.store.premises.get(i).status for i in ids.values()} == {"pending"}


def test_the_ticked_new_listings_are_approved_and_others_left(app, client, locator):
    ticked, left = register(client), register(client, name="Another Shop", postcode="LS2 7EY")
    moderator = moderator_client(app, locator, areas=["leeds"])
    manchester = register(client, name="Piccadilly", postcode="M1 1AD", lat=53.4808, lon=-2.2426)
    queue = soup(moderator.get("/moderate"))
    assert queue.select_one(f"#tick-{ticked['id']}")["form"] == "approve-ticked"
    ids = [str(ticked["id"]), str(manchester["id"])]  # one outside their districts
    response = post_form(moderator, "/moderate/approve", "/moderate", space_id=ids)
    assert "Approved 1 new listing;" in text_of(soup(response), "#queue-message")
    statuses = {
        done["id"]: locator.store.premises.get(done["id"]).status
        for done in (ticked, left, manchester)
    }
    assert statuses == {
        ticked["id"]: "published",
        left["id"]: "pending",
        manchester["id"]: "pending",
    }


# --- the rules, as tables ------------------------------------------------------------------------


MODERATOR = "moderator:7:mo@council.example"


@pytest.mark.parametrize(
    ("actor", "action", "detail", "sentence"),
    [
        (
            "business",
            "edited",
            {"now": {"opening_hours": "24/7"}, "for_review": {}},
            "Business changed opening hours (shown at once)",
        ),
        (
            "business",
            "edited",
            {"now": {"closed_until": "2026-12-24"}, "for_review": {"name": "X", "phone": "1"}},
            "Business changed temporary closure (shown at once) and asked to change premises "
            "name and public phone (waiting for a moderator)",
        ),
        (
            MODERATOR,
            "reject",
            {"reason": "Not trained"},
            "Moderator mo@council.example rejected the listing: “Not trained”",
        ),
        (
            MODERATOR,
            "apply_changes",
            {"changes": {"name": ["A", "B"]}},
            "Moderator mo@council.example applied the change to premises name",
        ),
        # Discarded before reasons were kept by field: the one reason is said.
        (
            MODERATOR,
            "discard_changes",
            {"discarded": {"website": "x"}, "reason": "Broken link"},
            "Moderator mo@council.example discarded the change to website (“Broken link”)",
        ),
        (
            MODERATOR,
            "link_head_office",
            {"head_office": "Big Chemist"},
            "Moderator mo@council.example added the listing to the estate of Big Chemist",
        ),
        (
            "organisation:3:hq@chemist.example",
            "record_link_created",
            {},
            "Head office hq@chemist.example gave the store a link for recording uses",
        ),
        ("system", "reminded", {}, "The service mailed a reminder to check the listing"),
        ("business", "listed_again", {}, "Business asked to be listed again (back to moderation)"),
        ("business", "something_new", {}, "Business something new"),
    ],
)
def test_each_audit_entry_reads_as_a_sentence(actor, action, detail, sentence):
    assert rules.audit_sentence(AuditEntry(actor, action, detail, NOW)) == sentence


@pytest.mark.parametrize(
    ("waited", "words"),
    [
        (timedelta(hours=23), "waiting under a day"),
        (timedelta(days=1, hours=1), "waiting 1 day"),
        (timedelta(days=12), "waiting 12 days"),
    ],
)
def test_how_long_an_item_waited_is_said_in_days(waited, words):
    assert rules.waiting_words(NOW - waited, NOW) == words
    assert rules.waiting_words((NOW - waited).replace(tzinfo=None), NOW) == words  # SQLite's


@pytest.mark.parametrize(
    ("action", "choices", "expected"),
    [
        ("apply_changes", {}, ({"name": "B", "phone": "2"}, {})),
        ("discard_changes", {}, ({}, {"name": "No", "phone": "No"})),
        (
            "decide_changes",
            {"name": ("apply", ""), "phone": ("discard", "Not theirs")},
            ({"name": "B"}, {"phone": "Not theirs"}),
        ),
        ("decide_changes", {"phone": ("discard", "")}, ({}, {"phone": "No"})),  # the general reason
    ],
)
def test_which_waiting_changes_a_decision_applies_and_discards(action, choices, expected):
    assert rules.chosen_changes({"name": "B", "phone": "2"}, action, "No", choices) == expected
