"""Head offices: upload an estate on the web, see every row's fate first, manage all of it."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from locator.listings import accounts, registration
from locator.listings import head_office as head_office_service

from builders import write_csv
from conftest import premises_row

LEEDS = (53.7965, -1.5478)


def csrf(client, path: str) -> str:
    page = BeautifulSoup(client.get(path).get_data(as_text=True), "html.parser")
    return page.select_one("input[name=csrf_token]")["value"]


@pytest.fixture
def head_office(app, locator):
    accounts.create_organisation(locator.store, "Big Chemist", "hq@chemist.example", "p" * 14)
    client = app.test_client()
    form = {"email": "hq@chemist.example", "password": "p" * 14}
    form["csrf_token"] = csrf(client, "/business/login")
    assert client.post("/business/login", data=form).status_code == 302
    return client


def estate_csv(tmp_path, rows) -> bytes:
    return write_csv(tmp_path / "estate.csv", rows).read_bytes()


def upload(client, data: bytes, name: str = "estate.csv"):
    form = {
        "csrf_token": csrf(client, "/business"),
        "action": "check",
        "file": (io.BytesIO(data), name),
    }
    return client.post("/business/upload", data=form, content_type="multipart/form-data")


def confirm(client, check_response):
    page = BeautifulSoup(check_response.get_data(as_text=True), "html.parser")
    token = page.select_one("#confirm-upload input[name=token]")["value"]
    form = {"csrf_token": csrf(client, "/business"), "action": "confirm", "token": token}
    return client.post("/business/upload", data=form)


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
            "checklist": {key: True for key in registration.CHECKLIST},
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
            "checklist": {key: True for key in registration.CHECKLIST},
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
