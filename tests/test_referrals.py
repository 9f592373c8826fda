"""Local referral contacts: the CSV checks, `flask referrals import`, and the chat's lookup."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from bs4 import BeautifulSoup

from locator import presenting
from locator.adapters.db.tables import referral_contacts
from locator.geo.areas import default_areas
from locator.hours import schedule as hours
from locator.importing.rows import RowError
from locator.listings import referrals

from builders import write_csv
from conftest import london

EXAMPLE = Path(__file__).resolve().parent.parent / "docs" / "referral-contacts-example.csv"
LEEDS = (53.7997, -1.5492)
BRADFORD = (53.7938, -1.7564)
MANCHESTER = (53.4808, -2.2426)
NORTH_SEA = (55.0, 3.0)
WEDNESDAY_NOON = "2026-12-02 12:00"
WEDNESDAY_NIGHT = "2026-12-02 22:00"
CHRISTMAS_NOON = "2026-12-25 12:00"


def contact(area: str, name: str, **values) -> dict:
    """Return a good CSV row with fictional details (Ofcom's drama numbers)."""
    row = {
        "area": area,
        "name": name,
        "phone": "0113 496 0000",
        "website": "",
        "topics": "domestic_abuse",
        "hours": "",
    }
    row.update(values)
    return row


def contacts_csv(path: Path, rows: list[dict]) -> Path:
    return write_csv(path, rows, columns=referrals.COLUMNS)


def stored(locator) -> dict[str, list[str]]:
    """Map each area code to its contacts' names, as the database holds them."""
    query = sa.select(referral_contacts.c.area_code, referral_contacts.c.name)
    lists: dict[str, list[str]] = {}
    with locator.store.engine.connect() as connection:
        for code, name in connection.execute(query):
            lists.setdefault(code, []).append(name)
    return {code: sorted(names) for code, names in lists.items()}


def run_import(runner, path: Path, *options: str):
    return runner.invoke(args=["referrals", "import", str(path), *options])


# -- checking one row (no app) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("phone", "plausible"),
    [
        ("0113 496 0000", True),
        ("01632 960123", True),
        ("020 7946 0000", True),
        ("07700 900123", True),
        ("+44 113 496 0000", True),
        ("+441134960000", True),
        ("101", True),
        ("116 123", True),
        ("12345", False),
        ("0113 496", False),
        ("0113-496-0000", False),
        ("+44 (0)113 496 0000", False),
        ("+44 0113 496 0000", False),
        ("0044 113 496 0000", False),
        ("999", False),
        ("call 0113 496 0000", False),
    ],
)
def test_a_phone_is_accepted_only_when_it_looks_like_a_uk_number(phone, plausible):
    if plausible:
        assert referrals.check_phone(phone) == phone
    else:
        with pytest.raises(RowError, match="phone"):
            referrals.check_phone(phone)


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("E08000035", "E08000035"),
        ("e08000035", "E08000035"),
        ("Leeds", "E08000035"),
        ("leeds", "E08000035"),
        ("  LEEDS ", "E08000035"),
        ("King's Lynn and West Norfolk", "E07000146"),
        ("Kingston upon Hull, City of", "E06000010"),
        ("kingston-upon-hull-city-of", "E06000010"),
    ],
)
def test_an_area_may_be_named_by_its_code_its_name_or_its_slug(cell, code):
    row = referrals.validate_contact(contact(cell, "Example Line"), default_areas())
    assert row["area_code"] == code


@pytest.mark.parametrize(
    ("values", "reason"),
    [
        ({"area": "Atlantis"}, "unknown area 'Atlantis'"),
        ({"area": ""}, "area is missing"),
        ({"name": ""}, "name is missing"),
        ({"phone": ""}, "phone is missing"),
        ({"phone": "12345"}, "phone '12345' is not a UK phone number"),
        ({"phone": "+44 0113 496 0000"}, "leave out the 0 after +44"),
        ({"topics": "domestic_abuse;housing"}, "unknown topic 'housing'"),
        ({"topics": " ; "}, "topics is missing"),
        ({"hours": "whenever"}, "hours:"),
        ({"hours": "Mo-Fr 09:00-17:00; Mo-Su off"}, "hours:"),
        ({"website": "javascript:alert(1)"}, "website must be an address"),
    ],
)
def test_a_bad_row_is_refused_with_its_reason(values, reason):
    row = {**contact("Leeds", "Example Line"), **values}
    with pytest.raises(RowError, match=re.escape(reason)):
        referrals.validate_contact(row, default_areas())


def test_a_good_row_keeps_topics_in_the_helplines_order_and_empty_hours_as_not_stated():
    row = referrals.validate_contact(
        contact("Leeds", "Example Line", topics="homeless; Domestic_Abuse;homeless"),
        default_areas(),
    )
    assert row["topics"] == ["domestic_abuse", "homeless"]
    assert row["hours"] == ""
    assert row["website"] is None


def test_the_topics_are_the_chat_helplines_topics():
    from locator.domain.helplines import BY_TOPIC

    assert tuple(BY_TOPIC) == referrals.TOPICS


@pytest.mark.parametrize(
    ("expression", "at", "said"),
    [
        ("Mo-Fr 09:00-17:00", WEDNESDAY_NOON, "Mon–Fri 9am–5pm"),
        ("Mo-Fr 09:00-17:30; Sa 10:00-13:00", WEDNESDAY_NOON, "Mon–Fri 9am–5:30pm; Sat 10am–1pm"),
        ("Mo,We,Fr 09:00-12:00,13:00-17:00", WEDNESDAY_NOON, "Mon, Wed, Fri 9am–12pm, 1pm–5pm"),
        ("24/7", WEDNESDAY_NOON, "24 hours"),
        ("Mo-Su 18:00-24:00", WEDNESDAY_NOON, "Every day 6pm–midnight"),
        (
            "Mo-Fr 17:00-24:00; Sa,Su 00:00-24:00",
            WEDNESDAY_NOON,
            "Mon–Fri 5pm–midnight; Sat–Sun 24 hours",
        ),
        ("Mo-Fr", WEDNESDAY_NOON, "Mon–Fri times not stated"),
        # Christmas week and the next have bank holidays: the ordinary week is described.
        ("Mo-Fr 09:00-17:00; PH off", CHRISTMAS_NOON, "Mon–Fri 9am–5pm"),
    ],
)
def test_a_week_of_hours_is_said_in_a_few_words(expression, at, said):
    assert presenting.week_summary(hours.parse_hours(expression), london(at)) == said


# -- the import command --------------------------------------------------------------------


def test_the_example_file_imports_whole_and_the_summary_counts_rows_and_areas(runner, locator):
    result = run_import(runner, EXAMPLE)
    assert result.exit_code == 0, result.output
    assert "Rows read: 5\nWritten: 5\nSkipped: 0\n" in result.output
    assert "Areas replaced: 2 (Leeds, Manchester)" in result.output
    lists = stored(locator)
    assert sorted(lists) == ["E08000003", "E08000035"]
    assert len(lists["E08000035"]) == 3


def test_reimporting_an_area_replaces_its_list_and_leaves_other_areas_alone(
    runner, locator, tmp_path
):
    first = contacts_csv(
        tmp_path / "first.csv",
        [
            contact("Leeds", "Leeds Line A"),
            contact("Leeds", "Leeds Line B"),
            contact("Bradford", "Bradford Line", phone="01632 960001"),
        ],
    )
    assert run_import(runner, first).exit_code == 0
    again = contacts_csv(tmp_path / "again.csv", [contact("leeds", "Leeds Line C")])
    result = run_import(runner, again)
    assert result.exit_code == 0, result.output
    assert "Areas replaced: 1 (Leeds)" in result.output
    assert stored(locator) == {"E08000035": ["Leeds Line C"], "E08000032": ["Bradford Line"]}


@pytest.fixture
def file_with_bad_rows(tmp_path):
    rows = [
        contact("Leeds", "Leeds Line"),
        contact("Atlantis", "Lost Line"),
        contact("Leeds", ""),
        contact("Bradford", "Bradford Line", phone="555 1234"),
        contact("Bradford", "Another Line", topics="housing"),
        contact("Bradford", "Late Line", hours="whenever"),
        contact("Leeds", "Leeds Line"),
        contact("Manchester", "Manchester Line", phone="0161 496 0000"),
    ]
    return contacts_csv(tmp_path / "contacts.csv", rows)


BAD_LINES = (
    "line 3: unknown area 'Atlantis'",
    "line 4: name is missing",
    "line 5: phone '555 1234' is not a UK phone number",
    "line 6: unknown topic 'housing'",
    "line 7: hours:",
    "line 8: the same contact (area, name and phone) is at line 2",
)


def test_a_file_with_bad_rows_writes_nothing_and_names_each_bad_line(
    runner, locator, tmp_path, file_with_bad_rows
):
    earlier = contacts_csv(tmp_path / "earlier.csv", [contact("Leeds", "Earlier Line")])
    run_import(runner, earlier)
    result = run_import(runner, file_with_bad_rows)
    assert result.exit_code == 1
    out = result.output
    assert "Rows read: 8\nWritten: 0\nBad rows (nothing written): 6\n" in out
    for line in BAD_LINES:
        assert f"  {line}" in out
    assert "pass --skip-bad to write the 2 good ones" in out
    assert "Areas replaced: 0" in out
    assert stored(locator) == {"E08000035": ["Earlier Line"]}


def test_skip_bad_writes_the_good_rows_and_names_the_skipped(runner, locator, file_with_bad_rows):
    result = run_import(runner, file_with_bad_rows, "--skip-bad")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Rows read: 8\nWritten: 2\nSkipped: 6\n" in out
    for line in BAD_LINES:
        assert f"  {line}" in out
    assert "Areas replaced: 2 (Leeds, Manchester)" in out
    assert stored(locator) == {"E08000035": ["Leeds Line"], "E08000003": ["Manchester Line"]}


def test_skip_bad_with_no_good_row_writes_nothing_and_fails(runner, locator, tmp_path):
    path = contacts_csv(tmp_path / "bad.csv", [contact("Atlantis", "Lost Line")])
    result = run_import(runner, path, "--skip-bad")
    assert result.exit_code == 1
    assert "Bad rows (nothing written): 1" in result.output
    assert stored(locator) == {}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "Cannot open"),
        ("folder", "is a folder"),
        (b"", "The file is empty"),
        (b"area,name,phone,topics\n", "no contacts under it"),
        (b"name,telephone\nA,0113 496 0000\n", "lacks the column(s) area, phone, topics"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not UTF-8"),
        (b"area,name,phone,topics\x00\x01\x02\n", "NUL bytes"),
        (b"area;name;phone;topics\nLeeds;A;0113 496 0000;talk\n", "lacks the column(s)"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_with_a_clear_message(
    runner, locator, tmp_path, content, message
):
    path = tmp_path / "contacts.csv"
    if content == "folder":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    result = run_import(runner, path)
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    assert message in result.output
    assert "Traceback" not in result.output
    assert stored(locator) == {}


# -- the lookup for the chat ---------------------------------------------------------------


ABUSE_LINE, REFUGE = "Leeds Abuse Line", "Leeds Refuge"


@pytest.fixture
def leeds_and_bradford(runner, tmp_path):
    rows = [
        contact("Leeds", ABUSE_LINE, hours="Mo-Fr 09:00-17:00"),
        contact(
            "Leeds",
            REFUGE,
            phone="0113 496 0001",
            website="https://example.org/refuge",
            topics="domestic_abuse;homeless",
        ),
        contact("Leeds", "Leeds Rape Crisis", phone="0113 496 0002", topics="sexual_assault"),
        contact("Bradford", "Bradford Abuse Line", phone="01632 960002", hours="24/7"),
    ]
    assert run_import(runner, contacts_csv(tmp_path / "contacts.csv", rows)).exit_code == 0


@pytest.mark.parametrize(
    ("point", "topics", "at", "expected"),
    [
        (LEEDS, {"domestic_abuse"}, WEDNESDAY_NOON, [(ABUSE_LINE, True), (REFUGE, None)]),
        (LEEDS, {"domestic_abuse"}, WEDNESDAY_NIGHT, [(ABUSE_LINE, False), (REFUGE, None)]),
        # Hours without a PH rule do not say whether the line answers on a bank holiday.
        (LEEDS, {"domestic_abuse"}, CHRISTMAS_NOON, [(ABUSE_LINE, None), (REFUGE, None)]),
        (LEEDS, ("homeless", "child"), WEDNESDAY_NOON, [(REFUGE, None)]),
        (LEEDS, {"child"}, WEDNESDAY_NOON, []),
        (LEEDS, set(), WEDNESDAY_NOON, []),
        (BRADFORD, {"domestic_abuse"}, WEDNESDAY_NIGHT, [("Bradford Abuse Line", True)]),
        (MANCHESTER, {"domestic_abuse"}, WEDNESDAY_NOON, []),
        (NORTH_SEA, {"domestic_abuse"}, WEDNESDAY_NOON, []),
    ],
)
def test_the_lookup_gives_the_districts_contacts_for_the_topics_and_whether_they_answer(
    locator, leeds_and_bradford, point, topics, at, expected
):
    found = locator.referral_contacts(*point, topics, london(at))
    assert [(card["name"], card["open_now"]) for card in found] == expected


def test_a_contact_card_has_what_the_chat_shows(locator, leeds_and_bradford):
    cards = locator.referral_contacts(
        *LEEDS, {"homeless", "domestic_abuse"}, london(WEDNESDAY_NOON)
    )
    assert cards == [
        {
            "name": "Leeds Abuse Line",
            "phone": "0113 496 0000",
            "website": None,
            "topics": ["domestic_abuse"],
            "hours_text": "Mon–Fri 9am–5pm",
            "open_now": True,
        },
        {
            "name": "Leeds Refuge",
            "phone": "0113 496 0001",
            "website": "https://example.org/refuge",
            "topics": ["domestic_abuse", "homeless"],
            "hours_text": None,
            "open_now": None,
        },
    ]


# -- in the chat ---------------------------------------------------------------------------


def chat(client, message, at, **body):
    response = client.post("/api/v1/chat", json={"message": message, "at": at, **body})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_the_chat_gives_the_districts_own_contacts_beside_the_national_line(
    client, leeds_and_bradford
):
    reply = chat(
        client,
        "my partner hits me, I need somewhere to go",
        WEDNESDAY_NIGHT,
        lat=LEEDS[0],
        lon=LEEDS[1],
    )
    assert [(c["name"], c["open_now"]) for c in reply["local_contacts"]] == [
        (ABUSE_LINE, False),
        (REFUGE, None),
    ]
    assert any(line["topic"] == "domestic_abuse" for line in reply["helplines"])


@pytest.mark.parametrize(
    ("message", "body"),
    [
        ("my partner hits me", {}),  # no place known: nothing local to look up
        ("where can I charge my phone", {"lat": LEEDS[0], "lon": LEEDS[1]}),  # no topic
        ("my partner hits me", {"lat": MANCHESTER[0], "lon": MANCHESTER[1]}),  # no list there
    ],
)
def test_the_chat_gives_no_local_contacts_without_a_place_a_topic_or_a_list(
    client, leeds_and_bradford, message, body
):
    assert chat(client, message, WEDNESDAY_NOON, **body)["local_contacts"] == []


def test_the_no_javascript_chat_lists_local_contacts_with_their_hours(client, leeds_and_bradford):
    response = client.post(
        "/chat",
        data={"message": "my partner hits me, I'm in Leeds", "at": WEDNESDAY_NIGHT},
    )
    assert response.status_code == 200
    text = re.sub(r"\s+", " ", response.get_data(as_text=True))
    assert "Local services for this area" in text
    assert "Leeds Abuse Line: 0113 496 0000</a> · Mon–Fri 9am–5pm" in text


# -- kept by moderators on the web, shown on the staff card and the manage page ------------------


MANCHESTER_LINE = "Manchester Abuse Service"
MANCHESTER_PHONE = "0161 496 0123"


@pytest.fixture
def manchester_and_leeds(runner, tmp_path):
    rows = [
        contact("Manchester", MANCHESTER_LINE, phone=MANCHESTER_PHONE),
        contact("Leeds", ABUSE_LINE),
    ]
    assert run_import(runner, contacts_csv(tmp_path / "contacts.csv", rows)).exit_code == 0


def manchester_premises(client) -> dict:
    from test_business import register

    return register(
        client,
        name="Piccadilly Pharmacy",
        address="32 Market Street, Manchester",
        postcode="M1 1PL",
        lat=MANCHESTER[0],
        lon=MANCHESTER[1],
    )


def contact_id(locator, name: str) -> int:
    query = sa.select(referral_contacts.c.id).where(referral_contacts.c.name == name)
    with locator.store.engine.connect() as connection:
        return connection.execute(query).scalar_one()


def test_a_manchester_contact_is_on_a_manchester_staff_card_and_manage_page_not_leeds_ones(
    client, manchester_and_leeds
):
    from pypdf import PdfReader
    from test_business import manage_path

    path = manage_path(manchester_premises(client))
    with client.get(path + "/staff-card.pdf") as response:
        assert response.status_code == 200
        pages = PdfReader(io.BytesIO(response.data)).pages
    card = " ".join(" ".join(page.extract_text() for page in pages).split())
    assert len(pages) == 1
    assert f"Local contacts • {MANCHESTER_LINE}: {MANCHESTER_PHONE} (Domestic abuse)" in card
    assert ABUSE_LINE not in card
    with client.get(path) as response:
        page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    listed = [" ".join(item.get_text().split()) for item in page.select("#local-contacts li")]
    assert listed == [f"{MANCHESTER_LINE}: {MANCHESTER_PHONE} (Domestic abuse)"]
    assert page.select_one("#national-helplines")["href"] == path + "/staff-card.pdf"


def test_the_chat_gives_a_manchester_contact_to_someone_in_manchester_about_domestic_abuse(
    client, manchester_and_leeds
):
    reply = chat(client, "my partner hits me", WEDNESDAY_NOON, lat=MANCHESTER[0], lon=MANCHESTER[1])
    assert [line["name"] for line in reply["local_contacts"]] == [MANCHESTER_LINE]
    assert any(line["topic"] == "domestic_abuse" for line in reply["helplines"])


def test_a_staff_card_lists_five_local_contacts_and_stays_one_page_with_a_long_list():
    from pypdf import PdfReader

    from locator.printing.pdfs import staff_card_pdf

    contacts = [
        {
            "name": f"Greater Manchester Independent Domestic Violence Advocacy Service {n}",
            "phone": f"0161 496 01{n:02d}",
            "topic_labels": ["Domestic abuse", "Homelessness", "Someone to talk to"],
        }
        for n in range(8)
    ]
    space = {"id": 1, "name": "Corner Shop", "local_contacts": contacts}
    pages = PdfReader(io.BytesIO(staff_card_pdf(space, "https://example.org/spaces/1"))).pages
    card = " ".join(" ".join(page.extract_text() for page in pages).split())
    assert len(pages) == 1
    assert "Advocacy Service 4: 0161 496 0104" in card
    assert "Advocacy Service 5" not in card
    assert "3 more on your manage page." in card


def contact_form(client, path: str, **values) -> dict:
    from test_business import csrf

    form = {
        "csrf_token": csrf(client, path),
        "area": "E08000035",
        "name": "Leeds Community Safety",
        "phone": "0113 496 0100",
        "website": "",
        "topics": ["police", "domestic_abuse"],
        "hours": "Mo-Fr 09:00-17:00",
    }
    form.update(values)
    return form


def audited(locator) -> list[tuple[str, str]]:
    from locator.adapters.db.tables import audit_log

    query = sa.select(audit_log.c.action, audit_log.c.actor).order_by(audit_log.c.id)
    with locator.store.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(query) if row[0].startswith("referral")]


def test_a_moderator_adds_changes_and_deletes_a_contact_of_their_district_and_each_is_audited(
    app, locator
):
    from test_business import moderator_client

    client = moderator_client(app, locator, email="leeds@council.example", areas=("Leeds",))
    with client.get("/moderate") as response:
        home = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert home.select_one("#referral-directory")["href"] == "/moderate/referrals"
    page = "/moderate/referrals"
    with client.post(page, data=contact_form(client, page)) as response:
        assert response.status_code == 302
        assert response.location.endswith("/moderate/referrals?area=E08000035&done=added")
    with client.get("/moderate/referrals?area=E08000035&done=added") as response:
        text = " ".join(response.get_data(as_text=True).split())
    assert "The contact is added." in text and "Leeds Community Safety" in text
    found = locator.store.referrals.in_area("E08000035")
    assert [(c["name"], c["topics"], c["hours"]) for c in found] == [
        ("Leeds Community Safety", ["domestic_abuse", "police"], "Mo-Fr 09:00-17:00")
    ]
    edit = f"/moderate/referrals/{found[0]['id']}"
    with client.post(edit, data=contact_form(client, edit, phone="101")) as response:
        assert response.status_code == 302
    assert [c["phone"] for c in locator.store.referrals.in_area("E08000035")] == ["101"]
    with client.post(edit + "/delete", data=contact_form(client, edit)) as response:
        assert response.status_code == 302
    assert locator.store.referrals.in_area("E08000035") == []
    actor = "moderator:"
    assert [(action, who.startswith(actor)) for action, who in audited(locator)] == [
        ("referral_added", True),
        ("referral_changed", True),
        ("referral_deleted", True),
    ]


@pytest.mark.parametrize(
    ("method", "path", "extra"),
    [
        ("get", "/moderate/referrals?area=E08000003", None),
        ("get", "/moderate/referrals/{id}", None),
        ("post", "/moderate/referrals/{id}", {"area": "E08000003", "phone": "0161 496 0999"}),
        ("post", "/moderate/referrals/{id}", {"area": "E08000035", "phone": "0161 496 0999"}),
        ("post", "/moderate/referrals/{id}/delete", {}),
    ],
)
def test_a_moderator_limited_to_leeds_cannot_see_or_change_a_manchester_contact(
    app, locator, manchester_and_leeds, method, path, extra
):
    from test_business import moderator_client

    client = moderator_client(app, locator, email="leeds@council.example", areas=("Leeds",))
    path = path.format(id=contact_id(locator, MANCHESTER_LINE))
    if method == "get":
        response = client.get(path)
    else:
        response = client.post(path, data=contact_form(client, "/moderate/referrals", **extra))
    with response:
        assert response.status_code == 404
    assert [(c["name"], c["phone"]) for c in locator.store.referrals.in_area("E08000003")] == [
        (MANCHESTER_LINE, MANCHESTER_PHONE)
    ]
    assert audited(locator) == []


def test_a_moderator_limited_to_leeds_cannot_add_a_contact_in_manchester(app, locator):
    from test_business import moderator_client

    client = moderator_client(app, locator, email="leeds@council.example", areas=("Leeds",))
    form = contact_form(client, "/moderate/referrals", area="E08000003")
    with client.post("/moderate/referrals", data=form) as response:
        assert response.status_code == 400
        page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert page.select_one("#area-error").get_text() == "That district is not one of yours."
    # With one district there is no district field to go to: the summary leads to the message.
    assert page.select_one("#referral-error a")["href"] == "#area-error"
    assert stored(locator) == {}


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"phone": "555 1234"}, "phone"),
        ({"phone": "+44 0113 496 0000"}, "phone"),
        ({"name": ""}, "name"),
        ({"topics": []}, "topics"),
        ({"hours": "whenever"}, "hours"),
        ({"website": "javascript:alert(1)"}, "website"),
    ],
)
def test_a_bad_contact_on_the_web_form_is_summarised_once_and_shown_beside_its_field(
    app, locator, values, field
):
    from test_business import moderator_client

    client = moderator_client(app, locator, areas=("Leeds",))
    form = contact_form(client, "/moderate/referrals", **values)
    with client.post("/moderate/referrals", data=form) as response:
        assert response.status_code == 400
        page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    row = {**contact("Leeds", "Leeds Community Safety", phone="0113 496 0100"), **values}
    row["topics"] = ";".join(values.get("topics", ["police"]))
    with pytest.raises(RowError) as refused:
        referrals.validate_contact(row, default_areas())
    assert page.select_one(f"#{field}-error").get_text() == str(refused.value)
    assert page.select_one(f"#contact-{field}, #contact-{field}s") is not None
    # One announcement: the summary at the top, whose link leads to the field at fault; the
    # message beside the field is read with the field, not announced again.
    assert [alert["id"] for alert in page.select("[role=alert]")] == ["referral-error"]
    summary = page.select_one("#referral-error")
    assert summary.h2.get_text() == "There is a problem"
    link = summary.select_one("a")
    assert link.get_text() == str(refused.value)
    target = page.select_one(link["href"])
    assert target.name == "input" and target.find_parent("form")["id"] == "contact-form"
    assert page.select_one(f'[aria-describedby~="{field}-error"]') is not None
    assert page.title.get_text().startswith("Error: ")
    assert stored(locator) == {}
