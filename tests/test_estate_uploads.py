"""Estate uploads a head office can trust: what changes at each store before it is saved, the
stores a file leaves out, a template and a report of rejected rows, stickers and confirmation
for the whole estate, and every upload in the audit trail."""

from __future__ import annotations

import csv
import io

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from test_head_office import (
    confirm,
    csrf,
    estate_csv,
    head_office_id,
    rows,
    upload,
    uploaded_estate,
)

from locator.domain import clock, moderation
from locator.domain.vocabulary import IMPORT_COLUMNS
from locator.listings import accounts

from builders import ids_by_ref


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def publish(locator, *space_ids: int) -> None:
    for space_id in space_ids:
        locator.store.premises.set_status(space_id, "published")


def changes_by_ref(shown: BeautifulSoup) -> dict[str, dict[str, str]]:
    """Return each row of the preview table: its changes as field -> 'old → new' in words."""
    return {
        tr["data-ref"]: {
            li["data-field"]: li.get_text(" ", strip=True).split(": ", 1)[1]
            for li in tr.select("li[data-field]")
        }
        or tr.select("td")[2].get_text(strip=True)
        for tr in shown.select("#preview tbody tr")
    }


def test_the_estate_preview_lists_changed_fields_and_missing_stores(head_office, locator, tmp_path):
    ids = uploaded_estate(head_office, locator, tmp_path, "s1", "s2", "s3", "s4")
    publish(locator, ids["s2"])
    again = rows("s1", "s2", "s3") + rows("s5")
    again[0].update(opening_hours="Mo-Fr 09:00-17:00", facilities="phone_charging;toilet")
    again[1].update(name="Renamed Chemist", lat=str(round(float(again[1]["lat"]) + 0.001, 7)))
    again[2]["facilities"] = "toilet"
    shown = page(upload(head_office, estate_csv(tmp_path, again)))

    # The counts come first, then the rows with changes, then the new ones.
    summary = shown.select_one("#upload-summary").get_text(" ", strip=True)
    for said in ("Ready to save: 4", "1 new", "3 with changes", "0 unchanged"):
        assert said in summary
    assert "In your estate but not in this file: 1" in summary
    table = changes_by_ref(shown)
    assert list(table) == ["s1", "s2", "s3", "s5"]
    assert table["s1"] == {
        "opening_hours": "Every day 8am–8pm → Mon–Fri 9am–5pm",
        "facilities": "none → Phone charging, Toilet",
    }
    # A listed store's public words wait for a moderator; its hours would not.
    assert table["s2"]["name"] == "Shop s2 → Renamed Chemist (shown once a moderator approves it)"
    assert "moved 111 m" in table["s2"]["position"]
    assert table["s3"] == {"facilities": "none → Toilet"}
    assert table["s5"] == "New premises"
    assert [tr["data-ref"] for tr in shown.select("#missing-premises tbody tr")] == ["s4"]
    box = shown.select_one("#confirm-upload input#withdraw-missing")
    assert box is not None and not box.has_attr("checked")
    label = shown.select_one("label[for=withdraw-missing]").get_text()
    assert label.startswith("Also withdraw the 1 premises in your estate but not in this file")


def test_a_store_whose_row_is_rejected_is_not_counted_as_missing(head_office, locator, tmp_path):
    uploaded_estate(head_office, locator, tmp_path, "s1", "s2")
    again = rows("s1") + rows("s2", opening_hours="whenever")
    shown = page(upload(head_office, estate_csv(tmp_path, again)))
    assert shown.select_one("#missing-premises") is None
    assert shown.select_one("#withdraw-missing") is None


@pytest.mark.parametrize("ticked", [True, False])
def test_the_stores_left_out_are_withdrawn_on_confirm_only_when_ticked_and_each_is_audited(
    head_office, locator, tmp_path, ticked
):
    ids = uploaded_estate(head_office, locator, tmp_path, "s1", "s2", "s3")
    publish(locator, *ids.values())
    check = upload(head_office, estate_csv(tmp_path, rows("s1")))
    done = confirm(head_office, check, **({"withdraw_missing": "yes"} if ticked else {}))
    said = page(done).select_one("#withdrawn-missing")
    assert (said is not None) is ticked
    if ticked:
        assert said.get_text().startswith("Withdrew 2 premises")
    stored = {ref: locator.store.premises.get(i) for ref, i in ids_by_ref(locator).items()}
    # The same way out as a store's own Withdraw button: listed again with "List us again".
    withdrawn = {ref for ref, row in stored.items() if moderation.is_withdrawn(row)}
    assert withdrawn == ({"s2", "s3"} if ticked else set())
    assert stored["s1"].status == "published"
    entries = locator.store.premises.audit_entries(ids["s2"])
    by = [entry["actor"] for entry in entries if entry["action"] == "withdrawn"]
    assert by == ([f"organisation:{head_office_id(locator)}:hq@chemist.example"] if ticked else [])


def report_rows(client, check) -> list[dict]:
    link = page(check).select_one("#rejected-report")["href"]
    with client.get(link) as response:
        assert response.status_code == 200
        assert response.mimetype == "text/csv"
        return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def test_the_report_of_rejected_rows_names_line_ref_field_and_reason_while_the_upload_waits(
    head_office, tmp_path
):
    bad = rows("s1") + rows("s2", opening_hours="whenever") + rows("=cmd", facilities="teleport")
    check = upload(head_office, estate_csv(tmp_path, bad))
    report = report_rows(head_office, check)
    assert [(row["line"], row["ref"], row["field"]) for row in report] == [
        ("3", "s2", "opening_hours"),
        ("4", "'=cmd", "facilities"),  # never run as a formula by a spreadsheet
    ]
    assert report[1]["reason"].startswith("unknown facility 'teleport'; use phone_charging")
    link = page(check).select_one("#rejected-report")["href"]
    confirm(head_office, check)
    # Imported: the upload is gone, and its report with it.
    with head_office.get(link) as response:
        assert response.status_code == 404


def test_a_file_whose_every_row_is_rejected_still_has_its_report_but_nothing_to_save(
    head_office, tmp_path
):
    check = upload(head_office, estate_csv(tmp_path, rows("s1", opening_hours="whenever")))
    assert [row["ref"] for row in report_rows(head_office, check)] == ["s1"]
    assert page(check).select_one("#confirm-upload") is None


def test_another_head_office_cannot_read_the_report_of_an_upload_it_did_not_make(
    app, head_office, locator, tmp_path
):
    check = upload(head_office, estate_csv(tmp_path, rows("s1", opening_hours="whenever")))
    link = page(check).select_one("#rejected-report")["href"]
    accounts.create_organisation(locator.store, "Other Shops", "hq@other.example", "q" * 14)
    other = app.test_client()
    form = {"email": "hq@other.example", "password": "q" * 14}
    form["csrf_token"] = csrf(other, "/business/login")
    assert other.post("/business/login", data=form).status_code == 302
    with other.get(link) as response:
        assert response.status_code == 404


def test_the_template_has_the_import_columns_and_an_example_row_that_uploads_cleanly(
    head_office, locator
):
    with head_office.get("/business/template.csv") as response:
        assert response.mimetype == "text/csv"
        assert "attachment" in response.headers["Content-Disposition"]
        data = response.get_data()
    header, *examples = list(csv.reader(io.StringIO(data.decode())))
    assert tuple(header) == IMPORT_COLUMNS
    assert len(examples) == 1
    shown = page(upload(head_office, data, "estate-template.csv"))
    summary = shown.select_one("#upload-summary").get_text(" ", strip=True)
    assert "Ready to save: 1" in summary and "Rejected: 0" in summary
    assert not shown.select("#warnings")
    assert page(head_office.get("/business")).select_one("#estate-template")["href"] == (
        "/business/template.csv"
    )


def test_facility_names_in_an_upload_are_read_as_their_codes(head_office, locator, tmp_path):
    data = rows("s1", facilities="Phone Charging; Toilets; first aid") + rows(
        "s2", facilities="phone-charging;Charger"
    )
    check = upload(head_office, estate_csv(tmp_path, data))
    rejected = page(check).select_one("#rejected tbody").get_text(" ")
    assert "unknown facility 'Charger'; use phone_charging (Phone charging)" in rejected
    confirm(head_office, check)
    [space_id] = ids_by_ref(locator).values()
    assert locator.store.premises.get(space_id).facilities == "phone_charging;first_aid;toilet"


def test_an_upload_refuses_a_postcode_that_does_not_exist_unless_the_row_gives_its_position(
    head_office, locator, tmp_path
):
    data = rows("s1", "s2", postcode="LS99 9ZZ")
    data[0].update(lat="", lon="")
    check = upload(head_office, estate_csv(tmp_path, data))
    rejected = page(check).select_one("#rejected tbody").get_text(" ")
    assert "postcode LS99 9ZZ does not exist" in rejected
    confirm(head_office, check)
    [space_id] = ids_by_ref(locator).values()
    kept = locator.store.premises.get(space_id)
    assert (kept.ref, kept.lat, kept.lon) == ("s2", float(data[1]["lat"]), float(data[1]["lon"]))


def test_one_pdf_holds_the_window_sticker_of_every_store_offered_one(
    head_office, locator, tmp_path
):
    estate = rows("s1", "s2", "s3") + rows("s4", scheme="internal")
    confirm(head_office, upload(head_office, estate_csv(tmp_path, estate)))
    ids = ids_by_ref(locator)
    publish(locator, ids["s1"], ids["s4"])
    locator.store.premises.set_status(ids["s3"], "suspended")
    home = page(head_office.get("/business"))
    link = home.select_one("#estate-stickers")
    assert link.get_text().startswith("Window stickers for your 2 External stores")
    with head_office.get(link["href"]) as response:
        assert response.mimetype == "application/pdf"
        pdf = PdfReader(io.BytesIO(response.data))
    # s1 listed, s2 waiting for a moderator; never the withdrawn s3 nor the internal s4.
    named = [text_page.extract_text() for text_page in pdf.pages]
    assert len(named) == 2
    assert "Shop s1" in named[0] and "Shop s2" in named[1]
    assert "approved" in named[1] and "approved" not in named[0]


def test_an_estate_with_no_store_offered_a_sticker_has_no_sticker_download(
    head_office, locator, tmp_path
):
    confirm(head_office, upload(head_office, estate_csv(tmp_path, rows("s1", scheme="internal"))))
    assert page(head_office.get("/business")).select_one("#estate-stickers") is None
    with head_office.get("/business/stickers.pdf") as response:
        assert response.status_code == 404


def test_one_click_confirms_every_listed_store_of_the_estate(head_office, locator, tmp_path):
    ids = uploaded_estate(head_office, locator, tmp_path, "s1", "s2", "s3")
    publish(locator, ids["s1"])
    locator.store.premises.set_status(ids["s3"], "suspended")
    button = page(head_office.get("/business")).select_one("#confirm-all button")
    assert button.get_text() == "Everything is still correct for all 2 stores"
    done = head_office.post(
        "/business/confirm-all", data={"csrf_token": csrf(head_office, "/business")}
    )
    said = page(done).select_one("#estate-message").get_text()
    assert said == "Confirmed all 2 stores as correct today."
    confirmed = {ref: locator.store.premises.get(i).last_confirmed for ref, i in ids.items()}
    assert confirmed == {"s1": clock.today(), "s2": clock.today(), "s3": None}
    [entry] = [
        e for e in locator.store.premises.audit_entries(ids["s1"]) if e["action"] == "confirmed"
    ]
    assert entry["actor"].endswith(":hq@chemist.example")


def test_every_confirmed_upload_is_audited_and_the_last_ten_are_listed_on_the_estate_page(
    app, head_office, locator, tmp_path
):
    import sqlalchemy as sa

    from locator.adapters.db.tables import audit_log

    first = upload(head_office, estate_csv(tmp_path, rows("s1", "s2")), "exports/march.csv")
    confirm(head_office, first)
    again = rows("s1") + rows("s3", opening_hours="whenever")
    confirm(
        head_office,
        upload(head_office, estate_csv(tmp_path, again), "april.csv"),
        confirm_unchanged="yes",
        withdraw_missing="yes",
    )
    listed = page(head_office.get("/business")).select("#upload-history li")
    texts = [li.get_text(" ", strip=True) for li in listed]
    assert [li.select_one(".upload-file").get_text() for li in listed] == ["april.csv", "march.csv"]
    assert "by hq@chemist.example" in texts[0]
    assert listed[0].select_one(".upload-counts").get_text() == (
        "2 rows read: 0 new, 0 updated, 1 unchanged, 1 rejected, 1 confirmed, 1 withdrawn"
    )
    assert listed[1].select_one(".upload-counts").get_text() == (
        "2 rows read: 2 new, 0 updated, 0 unchanged, 0 rejected"
    )
    with locator.store.engine.connect() as connection:
        entries = connection.execute(
            sa.select(
                audit_log.c.action, audit_log.c.premises_id, audit_log.c.organisation_id
            ).where(audit_log.c.action == "estate_uploaded")
        ).all()
    account = locator.store.accounts.organisation(email="hq@chemist.example")
    assert entries == [("estate_uploaded", None, account.id)] * 2

    for _ in range(10):
        confirm(head_office, upload(head_office, estate_csv(tmp_path, rows("s1")), "may.csv"))
    listed = page(head_office.get("/business")).select("#upload-history .upload-file")
    assert [li.get_text() for li in listed] == ["may.csv"] * 10
    # Another head office sees none of them.
    accounts.create_organisation(locator.store, "Other Shops", "hq@other.example", "q" * 14)
    other = app.test_client()
    form = {"email": "hq@other.example", "password": "q" * 14}
    form["csrf_token"] = csrf(other, "/business/login")
    other.post("/business/login", data=form).close()
    assert page(other.get("/business")).select("#upload-history") == []


def test_a_600_store_upload_shows_the_counts_first_and_tables_only_what_changes(
    head_office, locator, tmp_path
):
    refs = [f"s{n:03d}" for n in range(600)]
    uploaded_estate(head_office, locator, tmp_path, *refs)
    again = rows(*refs)
    again[599]["name"] = "Renamed"
    again[300]["opening_hours"] = "24/7"
    shown = page(upload(head_office, estate_csv(tmp_path, again)))
    first_list = shown.select_one("article ul")
    assert first_list["id"] == "upload-summary"
    assert "598 unchanged" in first_list.get_text()
    assert [tr["data-ref"] for tr in shown.select("#preview tbody tr")] == ["s300", "s599"]
    assert len(shown.select("#unchanged li")) == 598
    assert shown.select_one("#unchanged").name == "details"
