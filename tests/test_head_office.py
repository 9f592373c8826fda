"""Head offices: upload an estate on the web, see every row's fate first, manage all of it."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from test_business import moderator_client, register

from locator.domain import clock
from locator.listings import accounts
from locator.listings import head_office as head_office_service
from locator.usage import records as review

from builders import READY_CHECKLIST, add_premises, ids_by_ref, write_csv
from conftest import premises_row

LEEDS = (53.7965, -1.5478)


def csrf(client, path: str) -> str:
    page = BeautifulSoup(client.get(path).get_data(as_text=True), "html.parser")
    return page.select_one("input[name=csrf_token]")["value"]


def estate_csv(tmp_path, rows) -> bytes:
    return write_csv(tmp_path / "estate.csv", rows).read_bytes()


def upload(client, data: bytes, name: str = "estate.csv"):
    form = {
        "csrf_token": csrf(client, "/business"),
        "action": "check",
        "file": (io.BytesIO(data), name),
    }
    return client.post("/business/upload", data=form, content_type="multipart/form-data")


def confirm(client, check_response, **fields):
    page = BeautifulSoup(check_response.get_data(as_text=True), "html.parser")
    token = page.select_one("#confirm-upload input[name=token]")["value"]
    form = {"csrf_token": csrf(client, "/business"), "action": "confirm", "token": token}
    return client.post("/business/upload", data={**form, **fields})


def rows(*refs, **values):
    lat, lon = LEEDS
    return [premises_row(ref, lat + i * 0.001, lon, **values) for i, ref in enumerate(refs)]


def test_an_upload_shows_every_rows_fate_before_anything_is_saved(head_office, locator, tmp_path):
    data = estate_csv(tmp_path, rows("s1", "s2") + rows("s3", opening_hours="whenever"))
    check = upload(head_office, data)
    assert check.status_code == 200
    text = BeautifulSoup(check.get_data(as_text=True), "html.parser").get_text(" ")
    assert "Ready to save: 2" in text and "Rejected: 1" in text
    assert "line 4" in text and "opening_hours" in text
    assert locator.store.premises.count() == 0
    done = confirm(head_office, check)
    assert "Saved: 2 new, 0 updated, 0 unchanged" in done.get_data(as_text=True)
    assert locator.store.premises.count(organisation="Big Chemist", status="pending") == 2


def test_uploading_again_updates_and_public_words_wait_for_a_moderator(
    head_office, locator, tmp_path
):
    confirm(head_office, upload(head_office, estate_csv(tmp_path, rows("s1", "s2"))))
    for space_id in locator.store.premises.ids_in_areas([]):
        locator.store.premises.set_status(space_id, "published")
    changed = rows("s1", "s2")
    changed[0]["name"] = "Renamed Chemist"
    changed[1]["opening_hours"] = "Mo-Su 09:00-10:00"
    done = confirm(head_office, upload(head_office, estate_csv(tmp_path, changed)))
    assert "Saved: 0 new, 2 updated, 0 unchanged" in done.get_data(as_text=True)
    stored = [locator.store.premises.get(i) for i in locator.store.premises.ids_in_areas([])]
    by_ref = {row.ref: row for row in stored}
    assert by_ref["s1"].name == "Shop s1"
    assert by_ref["s1"].waiting_changes == {"name": "Renamed Chemist"}
    assert by_ref["s2"].opening_hours == "Mo-Su 09:00-10:00"
    assert locator.store.premises.count() == 2


def test_the_estate_list_shows_every_premises_and_opens_each_one(head_office, tmp_path):
    confirm(head_office, upload(head_office, estate_csv(tmp_path, rows("s1", "s2"))))
    page = BeautifulSoup(head_office.get("/business").get_data(as_text=True), "html.parser")
    refs = [tr["data-ref"] for tr in page.select("#estate tbody tr")]
    assert refs == ["s1", "s2"]
    link = page.select_one("#estate a")["href"]
    assert head_office.get(link).status_code == 200
    assert head_office.get(link + "/sticker.pdf").data.startswith(b"%PDF")


@pytest.mark.parametrize("organisation", ["Someone Else", "Big Chemist"])
def test_a_registration_is_never_part_of_a_head_offices_estate_by_its_name(
    head_office, client, tmp_path, organisation
):
    # Anyone may type a chain's name when registering; the estate is what the chain uploaded.
    confirm(head_office, upload(head_office, estate_csv(tmp_path, rows("s1"))))
    other = client.post(
        "/api/v1/registrations",
        json={
            "name": "Other",
            "organisation": organisation,
            "address": "1 Road",
            "postcode": "LS1 6HD",
            "opening_hours": "24/7",
            "scheme": "external",
            "contact_email": "o@example.org",
            "checklist": READY_CHECKLIST,
        },
    ).get_json()
    assert head_office.get(f"/business/premises/{other['id']}").status_code == 404
    page = BeautifulSoup(head_office.get("/business").get_data(as_text=True), "html.parser")
    assert [tr["data-ref"] for tr in page.select("#estate tbody tr")] == ["s1"]


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"name,address\nA,B\n", "estate.csv", "lacks the column"),
        (b"{not json", "estate.geojson", "not valid JSON"),
        (b"x", "estate.xlsx", "Upload a .csv or .geojson"),
    ],
)
def test_a_file_that_cannot_be_read_is_explained(head_office, data, name, message):
    response = upload(head_office, data, name)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_an_expired_or_forged_upload_token_is_refused(head_office):
    form = {"csrf_token": csrf(head_office, "/business"), "action": "confirm", "token": "../x"}
    assert head_office.post("/business/upload", data=form).status_code == 400


def test_the_estate_pages_need_a_head_office_login(client):
    assert client.get("/business").status_code == 302
    assert client.get("/business/premises/1").status_code == 302


def test_a_moderator_adds_a_registration_to_a_head_offices_estate_and_takes_it_out(
    app, head_office, client, locator
):
    done = client.post(
        "/api/v1/registrations",
        json={
            "name": "Branch",
            "organisation": "Big Chemist",
            "address": "2 Road",
            "postcode": "LS1 6HD",
            "opening_hours": "24/7",
            "scheme": "external",
            "contact_email": "b@example.org",
            "checklist": READY_CHECKLIST,
        },
    ).get_json()
    accounts.create_moderator(
        locator.store, locator.areas, "mod@council.example", "Mo", "correct horse battery", []
    )
    moderator = app.test_client()
    moderator.post(
        "/moderate/login",
        data={
            "email": "mod@council.example",
            "password": "correct horse battery",
            "csrf_token": csrf(moderator, "/moderate/login"),
        },
    )
    path = f"/moderate/spaces/{done['id']}"

    def act(action, **form):
        data = {"csrf_token": csrf(moderator, path), "action": action, **form}
        return moderator.post(path, data=data)

    assert act("link_head_office", head_office="nobody@example.org").status_code == 400
    assert head_office.get(f"/business/premises/{done['id']}").status_code == 404
    assert act("link_head_office", head_office="HQ@chemist.example").status_code == 302
    assert head_office.get(f"/business/premises/{done['id']}").status_code == 200
    page = BeautifulSoup(moderator.get(path).get_data(as_text=True), "html.parser")
    assert "Big Chemist" in page.select_one("#linked-head-office").get_text()
    assert act("unlink_head_office").status_code == 302
    assert head_office.get(f"/business/premises/{done['id']}").status_code == 404


def test_a_head_office_can_upload_its_shops_as_an_openstreetmap_export(head_office, locator):
    real = Path(__file__).resolve().parent / "data" / "osm" / "norwich_shops.osm"
    done = confirm(head_office, upload(head_office, real.read_bytes(), "our-shops.osm"))
    assert "Saved: 40 new" in done.get_data(as_text=True)
    assert locator.store.premises.count(organisation="Big Chemist", status="pending") == 40


def staged_token(check_response) -> str:
    page = BeautifulSoup(check_response.get_data(as_text=True), "html.parser")
    return page.select_one("#confirm-upload input[name=token]")["value"]


def test_an_upload_waits_in_the_database_not_in_a_shared_folder(head_office, locator, tmp_path):
    import tempfile

    shared = Path(tempfile.gettempdir()) / "safe-spaces-uploads"
    before = set(shared.glob("*")) if shared.exists() else set()
    check = upload(head_office, estate_csv(tmp_path, rows("s1")))
    after = set(shared.glob("*")) if shared.exists() else set()
    assert after == before
    account = locator.store.accounts.organisation(email="hq@chemist.example")
    assert head_office_service.staged_upload(locator.store, account, staged_token(check))
    assert "Saved: 1 new" in confirm(head_office, check).get_data(as_text=True)
    # Imported: the staged file is gone and the same confirmation cannot run twice.
    assert head_office_service.staged_upload(locator.store, account, staged_token(check)) is None


def test_another_head_office_cannot_confirm_an_upload_it_did_not_make(
    app, head_office, locator, tmp_path
):
    check = upload(head_office, estate_csv(tmp_path, rows("s1")))
    accounts.create_organisation(locator.store, "Other Shops", "hq@other.example", "q" * 14)
    other = app.test_client()
    form = {"email": "hq@other.example", "password": "q" * 14}
    form["csrf_token"] = csrf(other, "/business/login")
    assert other.post("/business/login", data=form).status_code == 302
    form = {"csrf_token": csrf(other, "/business"), "action": "confirm"}
    form["token"] = staged_token(check)
    with other.post("/business/upload", data=form) as response:
        assert response.status_code == 400
    assert locator.store.premises.count() == 0


def test_an_upload_left_unconfirmed_expires_and_purge_deletes_it(
    app, head_office, locator, runner, tmp_path
):
    from datetime import UTC, datetime

    from locator.domain import clock

    app.config["SESSION_IDLE_MINUTES"] = 24 * 60  # the sign-in outlives the upload here
    check = upload(head_office, estate_csv(tmp_path, rows("s1")))
    later = datetime.now(UTC) + head_office_service.UPLOAD_KEPT + timedelta(minutes=1)
    clock.set_source(lambda: later)
    try:
        with confirm(head_office, check) as response:
            assert response.status_code == 400
            assert "Upload expired" in response.get_data(as_text=True)
        result = runner.invoke(args=["purge"])
        assert "Deleted 1 uploaded estate files left unconfirmed" in result.output
    finally:
        clock.set_source(None)


def page_text(response) -> str:
    return BeautifulSoup(response.get_data(as_text=True), "html.parser").get_text(" ")


@pytest.mark.parametrize(
    ("action", "reason", "decided"),
    [
        ("approve", "", "has been approved and is now shown to the public"),
        ("reject", "We could not find this shop.", "has been not approved"),
        ("suspend", "Reported as closed for good.", "has been suspended"),
    ],
)
def test_a_decision_on_a_store_is_mailed_to_its_head_office_with_a_link_behind_its_sign_in(
    app, head_office, locator, tmp_path, action, reason, decided
):
    confirm(head_office, upload(head_office, estate_csv(tmp_path, rows("s1", "s2"))))
    space_id = ids_by_ref(locator)["s2"]
    moderator = moderator_client(app, locator)
    mailer = app.extensions["mailer"]
    before = len(mailer.sent())
    form = {"csrf_token": csrf(moderator, "/moderate"), "action": action, "reason": reason}
    assert moderator.post(f"/moderate/spaces/{space_id}", data=form).status_code == 302
    sent = mailer.sent()[before:]
    assert [mail["To"] for mail in sent] == ["hq@chemist.example"]  # one mail, the store has none
    text = sent[0].get_content()
    assert "s2" in sent[0]["Subject"] and "your store s2, Shop s2," in text
    assert decided in text and reason in text
    assert f"http://localhost/business/premises/{space_id}\n" in text
    assert "/manage/" not in text and locator.store.premises.get(space_id).manage_token_hash is None


def test_a_store_with_its_own_contact_and_its_head_office_both_hear_of_a_decision(
    app, head_office, client, locator
):
    done = register(client, contact_email="b@example.org")
    moderator = moderator_client(app, locator)
    link = {"action": "link_head_office", "head_office": "hq@chemist.example"}
    path = f"/moderate/spaces/{done['id']}"
    moderator.post(path, data={"csrf_token": csrf(moderator, "/moderate"), **link})
    mailer = app.extensions["mailer"]
    before = len(mailer.sent())
    form = {"csrf_token": csrf(moderator, "/moderate"), "action": "approve"}
    assert moderator.post(path, data=form).status_code == 302
    sent = {mail["To"]: mail.get_content() for mail in mailer.sent()[before:]}
    assert sorted(sent) == ["b@example.org", "hq@chemist.example"]
    assert "/business/premises/" not in sent["b@example.org"]
    assert f"/business/premises/{done['id']}" in sent["hq@chemist.example"]


def test_a_head_office_gets_one_reminder_listing_only_its_stores_due_and_only_once(
    app, head_office, locator, tmp_path
):
    confirm(head_office, upload(head_office, estate_csv(tmp_path, rows("s1", "s2", "s3"))))
    add_premises(locator, rows("t1", organisation="Other Shops"), publish=False)
    ids = ids_by_ref(locator)
    other = accounts.create_organisation(locator.store, "Other Shops", "hq@other.example", "q" * 14)
    locator.store.premises.change(ids["t1"], {"organisation_id": other}, "test", "linked", {})
    later = clock.today() + timedelta(days=100)
    locator.store.premises.change(
        ids["s3"], {"last_confirmed": later - timedelta(days=10)}, "test", "confirmed", {}
    )
    locator.store.training.add(ids["s2"], "KB", later - timedelta(days=400))
    mailer = app.extensions["mailer"]
    before = len(mailer.sent())

    # Stores uploaded today are not due a check yet.
    assert review.remind(locator.store, mailer, "http://x", 90, refresh_months=12) == 0
    assert review.remind(locator.store, mailer, "http://x", 90, later, refresh_months=12) == 2
    sent = {mail["To"]: mail.get_content() for mail in mailer.sent()[before:]}
    assert sorted(sent) == ["hq@chemist.example", "hq@other.example"]
    chemist = sent["hq@chemist.example"]
    listed = [line.split()[1] for line in chemist.splitlines() if line.startswith("- ")]
    assert listed == ["s1", "s2"]
    assert "last confirmed never" in chemist
    assert "Training refresher due for: KB" in chemist.split("- s2")[1]
    assert "http://x/business\n" in chemist and "/manage/" not in chemist
    assert "- t1 " in sent["hq@other.example"] and "s1" not in sent["hq@other.example"]
    stored = {ref: locator.store.premises.get(space_id) for ref, space_id in ids.items()}
    assert {ref: row.reminded_on for ref, row in stored.items()} == {
        "s1": later,
        "s2": later,
        "s3": None,
        "t1": later,
    }
    assert all(row.manage_token_hash is None for row in stored.values())

    assert review.remind(locator.store, mailer, "http://x", 90, later, refresh_months=12) == 0
    assert len(mailer.sent()) == before + 2


def test_uploading_the_same_estate_again_counts_the_premises_it_leaves_unchanged(
    head_office, tmp_path
):
    data = estate_csv(tmp_path, rows("s1", "s2", facilities="toilet;phone_charging"))
    first = upload(head_office, data)
    shown = BeautifulSoup(first.get_data(as_text=True), "html.parser")
    assert shown.select_one("#unchanged-count").get_text() == "0 unchanged"
    assert shown.select_one("#confirm-unchanged") is None
    confirm(head_office, first)
    again = BeautifulSoup(upload(head_office, data).get_data(as_text=True), "html.parser")
    assert again.select_one("#unchanged-count").get_text().endswith("2 unchanged")
    box = again.select_one("#confirm-upload input#confirm-unchanged")
    assert box is not None and not box.has_attr("checked")
    label = again.select_one("label[for=confirm-unchanged]").get_text()
    assert label == "Also confirm these 2 unchanged premises as still correct"


@pytest.mark.parametrize("ticked", [True, False])
def test_confirming_unchanged_premises_on_upload_confirms_exactly_those_and_only_if_ticked(
    head_office, locator, tmp_path, ticked
):
    confirm(head_office, upload(head_office, estate_csv(tmp_path, rows("s1", "s2", "s3", "s4"))))
    again = rows("s1", "s2", "s3", "s5")
    again[2]["opening_hours"] = "Mo-Su 09:00-17:00"  # s3 changes, s4 is left out, s5 is new
    check = upload(head_office, estate_csv(tmp_path, again))
    assert "2 unchanged" in page_text(check)
    done = confirm(head_office, check, **({"confirm_unchanged": "yes"} if ticked else {}))
    said = "Confirmed 2 unchanged premises as still correct." in page_text(done)
    assert said is ticked
    confirmed = {
        ref: locator.store.premises.get(space_id).last_confirmed
        for ref, space_id in ids_by_ref(locator).items()
    }
    today = clock.today() if ticked else None
    assert confirmed == {"s1": today, "s2": today, "s3": None, "s4": None, "s5": None}


def uploaded_estate(head_office, locator, tmp_path, *refs) -> dict[str, int]:
    """Upload an estate of these refs; return each premises' id by ref."""
    confirm(head_office, upload(head_office, estate_csv(tmp_path, rows(*refs))))
    return ids_by_ref(locator)


def head_office_id(locator) -> int:
    return locator.store.accounts.organisation(email="hq@chemist.example").id


def record_at(client, base: str, **values):
    """Post a use through a page's record-a-use form (the manage page or a record link)."""
    form = {
        "csrf_token": csrf(client, base),
        "part_of_day": "evening",
        "need": "charge_phone",
        "outcome": "left_safely",
        **values,
    }
    return client.post(base + "/uses", data=form)


def test_the_statistics_show_each_stores_exact_uses_and_staff_support(
    head_office, locator, tmp_path
):
    ids = uploaded_estate(head_office, locator, tmp_path, "s1", "s2", "s3")
    for support in ("yes", ""):
        record_at(head_office, f"/business/premises/{ids['s1']}", staff_support=support)
    for _ in range(3):
        record_at(head_office, f"/business/premises/{ids['s2']}")
    page = BeautifulSoup(
        head_office.get("/business/statistics").get_data(as_text=True), "html.parser"
    )
    table = {
        tr["data-ref"]: (tr.select_one(".store-uses").text, tr.select_one(".store-support").text)
        for tr in page.select("#uses-by-store tbody tr")
    }
    # Its own stores: exact counts, never "<5".
    assert table == {"s1": ("2", "1"), "s2": ("3", "0"), "s3": ("0", "0")}
    csv_text = head_office.get("/business/statistics?format=csv").get_data(as_text=True)
    for line in ("store,s1 Shop s1,2", "store,s2 Shop s2,3", "store_staff_support,s1 Shop s1,1"):
        assert line in csv_text.splitlines()


def test_the_estate_list_says_how_many_staff_are_trained_at_each_store(
    head_office, locator, tmp_path
):
    from datetime import date

    ids = uploaded_estate(head_office, locator, tmp_path, "s1", "s2", "s3")
    long_ago = date.today() - timedelta(days=400)  # past the 12 months' refresher
    for who, day in (("AB", date.today()), ("Duty manager", date.today()), ("CD", long_ago)):
        locator.store.training.add(ids["s1"], who, day)
    locator.store.training.add(ids["s2"], "EF", date.today())
    page = BeautifulSoup(head_office.get("/business").get_data(as_text=True), "html.parser")
    trained = {
        tr["data-ref"]: tr.select_one(".staff-trained").text
        for tr in page.select("#estate tr[data-ref]")
    }
    assert trained == {
        "s1": "3 staff trained, 1 refresher due",
        "s2": "1 staff trained",
        "s3": "none recorded",
    }


def test_the_estate_list_takes_as_many_queries_for_many_stores_as_for_few(
    head_office, locator, tmp_path
):
    import sqlalchemy as sa

    from locator.domain import clock

    def queries_for(path: str) -> int:
        statements = []

        def count(*_args):
            statements.append(1)

        sa.event.listen(locator.store.engine, "before_cursor_execute", count)
        try:
            with head_office.get(path) as response:
                assert response.status_code == 200
        finally:
            sa.event.remove(locator.store.engine, "before_cursor_execute", count)
        return len(statements)

    few = uploaded_estate(head_office, locator, tmp_path, "s1", "s2")
    for space_id in few.values():
        locator.store.training.add(space_id, "AB", clock.today())
    before = {path: queries_for(path) for path in ("/business", "/business/statistics")}
    many = uploaded_estate(head_office, locator, tmp_path, *(f"s{n}" for n in range(1, 13)))
    for space_id in set(many.values()) - set(few.values()):
        locator.store.training.add(space_id, "AB", clock.today())
    after = {path: queries_for(path) for path in ("/business", "/business/statistics")}
    assert after == before


def give_record_link(head_office, space_id: int):
    """Give a store a link for recording uses; return the response and the link's path."""
    base = f"/business/premises/{space_id}"
    response = head_office.post(base + "/record-link", data={"csrf_token": csrf(head_office, base)})
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    link = page.select_one("#record-link-url")
    path = "/record/" + link["href"].rsplit("/record/", 1)[1] if link else None
    return response, page, path


def test_a_use_recorded_through_a_stores_link_is_in_its_log_and_the_head_offices_statistics(
    app, head_office, locator, tmp_path
):
    ids = uploaded_estate(head_office, locator, tmp_path, "s1", "s2")
    response, page, path = give_record_link(head_office, ids["s1"])
    assert response.status_code == 200
    assert page.select_one("#record-link-url")["href"].startswith("http://localhost/record/")
    assert "cannot change the listing" in page.select_one("#record-link-reach").text
    stored = locator.store.premises.get(ids["s1"]).record_token_hash
    assert stored and stored not in response.get_data(as_text=True)
    assert path.rsplit("/", 1)[1] not in stored  # only the hash is kept

    staff = app.test_client()  # no sign-in: the link is all the store has
    with staff.get(path) as response:
        # Like a manage link: never kept by a shared computer's browser, nor sent on as a referrer.
        assert response.headers["Cache-Control"] == "no-store"
        assert response.headers["Referrer-Policy"] == "no-referrer"
        shown = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert shown.select_one("h1").text.endswith("Shop s1")
    assert "s1 High Street" in shown.select_one("#record-premises").text
    assert "only with the person's permission" in shown.select_one("#use-permission").text

    unsigned = {"part_of_day": "evening", "need": "charge_phone", "outcome": "left_safely"}
    with staff.post(path + "/uses", data=unsigned) as response:
        assert response.status_code == 400  # no CSRF token, nothing saved
    refused = record_at(staff, path, note="Sarah, 19, blonde, was crying")
    assert refused.status_code == 400 and "(a name)" in refused.get_data(as_text=True)
    done = record_at(staff, path, need="felt_unsafe", staff_support="yes")
    assert "Recorded." in done.get_data(as_text=True)
    log = BeautifulSoup(done.get_data(as_text=True), "html.parser").select("#use-log li")
    assert [entry.select_one(".use-need").text for entry in log] == ["Felt unsafe or followed"]

    own = BeautifulSoup(head_office.get(f"/business/premises/{ids['s1']}").data, "html.parser")
    assert [li.select_one(".use-need").text for li in own.select("#use-log li")] == [
        "Felt unsafe or followed"
    ]
    stats = BeautifulSoup(head_office.get("/business/statistics").data, "html.parser")
    assert stats.select_one("#use-total strong").text == "1"
    assert stats.select_one("#uses-by-store tr[data-ref=s1] .store-uses").text == "1"
    audit = locator.store.premises.audit_entries(ids["s1"])
    assert audit[0]["action"] == "record_link_created"
    assert audit[0]["actor"] == f"organisation:{head_office_id(locator)}:hq@chemist.example"


def test_a_store_corrects_and_deletes_its_own_uses_through_its_link(
    app, head_office, locator, tmp_path
):
    ids = uploaded_estate(head_office, locator, tmp_path, "s1", "s2")
    _, _, path = give_record_link(head_office, ids["s1"])
    staff = app.test_client()
    record_at(staff, path)
    [use] = locator.store.uses.recent(ids["s1"])
    form = {
        "csrf_token": csrf(staff, f"{path}/uses/{use['id']}"),
        "part_of_day": "night",
        "need": "charge_phone",
        "outcome": "referred",
        "referred_to": "police",
    }
    corrected = staff.post(f"{path}/uses/{use['id']}", data=form)
    assert "The entry is corrected." in corrected.get_data(as_text=True)
    assert locator.store.uses.find(ids["s1"], use["id"])["referred_to"] == "police"
    # Another store's entry is not found through this store's link.
    record_at(head_office, f"/business/premises/{ids['s2']}")
    [other] = locator.store.uses.recent(ids["s2"])
    assert staff.get(f"{path}/uses/{other['id']}").status_code == 404
    deleted = staff.post(f"{path}/uses/{use['id']}/delete", data={"csrf_token": csrf(staff, path)})
    assert "The entry is deleted." in deleted.get_data(as_text=True)
    assert locator.store.uses.recent(ids["s1"]) == []


def test_a_record_link_cannot_change_hours_withdraw_or_confirm_the_listing(
    app, head_office, locator, tmp_path
):
    ids = uploaded_estate(head_office, locator, tmp_path, "s1")
    _, _, path = give_record_link(head_office, ids["s1"])
    staff = app.test_client()
    page = BeautifulSoup(staff.get(path).get_data(as_text=True), "html.parser")
    assert page.select("#manage-form, #withdraw, #confirm, #opening_hours") == []
    assert {form["action"] for form in page.select("form")} == {f"{path}/uses#record"}
    token = path.rsplit("/", 1)[1]
    csrf_token = csrf(staff, path)
    for attempt, data in (
        (f"/manage/{token}", {"opening_hours": "Mo 09:00-10:00"}),
        (f"/manage/{token}/withdraw", {}),
        (f"/manage/{token}/confirm", {}),
        (path, {"opening_hours": "Mo 09:00-10:00"}),
        (f"{path}/withdraw", {}),
    ):
        with staff.post(attempt, data={"csrf_token": csrf_token, **data}) as response:
            assert response.status_code in (404, 405), attempt
    row = locator.store.premises.get(ids["s1"])
    assert row.opening_hours == "Mo-Su 08:00-20:00"
    assert row.status == "pending" and row.last_confirmed is None


@pytest.mark.parametrize(
    ("action", "audited"),
    [("record-link", "record_link_replaced"), ("record-link/revoke", "record_link_revoked")],
)
def test_replacing_or_revoking_a_record_link_makes_the_old_one_not_found(
    app, head_office, locator, tmp_path, action, audited
):
    ids = uploaded_estate(head_office, locator, tmp_path, "s1")
    _, _, old = give_record_link(head_office, ids["s1"])
    base = f"/business/premises/{ids['s1']}"
    response = head_office.post(f"{base}/{action}", data={"csrf_token": csrf(head_office, base)})
    assert response.status_code == 200
    staff = app.test_client()
    with staff.get(old) as gone:
        assert gone.status_code == 404
        page = BeautifulSoup(gone.get_data(as_text=True), "html.parser")
        assert "not valid, or it has been replaced" in page.text
        assert page.select_one("#quick-exit")  # the site's own error page, the way out kept
    assert locator.store.premises.audit_entries(ids["s1"])[0]["action"] == audited


def test_another_head_office_cannot_give_or_revoke_a_link_for_a_store_not_its_own(
    app, head_office, locator, tmp_path
):
    ids = uploaded_estate(head_office, locator, tmp_path, "s1")
    _, _, path = give_record_link(head_office, ids["s1"])
    accounts.create_organisation(locator.store, "Other Shops", "hq@other.example", "q" * 14)
    other = app.test_client()
    form = {"email": "hq@other.example", "password": "q" * 14}
    form["csrf_token"] = csrf(other, "/business/login")
    assert other.post("/business/login", data=form).status_code == 302
    for action in ("record-link", "record-link/revoke"):
        data = {"csrf_token": csrf(other, "/business")}
        with other.post(f"/business/premises/{ids['s1']}/{action}", data=data) as response:
            assert response.status_code == 404
    assert app.test_client().get(path).status_code == 200  # the store's own link still works


def test_a_store_taken_out_of_the_estate_no_longer_answers_to_its_record_link(
    app, head_office, locator, tmp_path
):
    ids = uploaded_estate(head_office, locator, tmp_path, "s1")
    _, _, path = give_record_link(head_office, ids["s1"])
    locator.store.premises.change(ids["s1"], {"organisation_id": None}, "test", "unlinked", {})
    with app.test_client().get(path) as response:
        assert response.status_code == 404
