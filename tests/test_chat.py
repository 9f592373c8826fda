"""POST /api/v1/chat: emergencies first, the nearest open spaces, helplines, bad input."""

from __future__ import annotations

import logging

import pytest

from builders import add_premises, ids_by_ref
from conftest import premises_row

LEEDS = (53.7965, -1.5478)
NOON = "2026-12-02T12:00"  # a Wednesday


@pytest.fixture
def leeds(locator):
    lat, lon = LEEDS
    add_premises(
        locator,
        [
            premises_row("near", lat + 0.002, lon, facilities="toilet"),
            premises_row("charger", lat + 0.004, lon, facilities="phone_charging;seating"),
            premises_row(
                "shut",
                lat + 0.001,
                lon,
                facilities="phone_charging",
                opening_hours="Mo-Su 20:00-22:00",
            ),
            premises_row("far", 53.70, -1.55, opening_hours="24/7", facilities="phone_charging"),
        ],
    )
    return ids_by_ref(locator)


def ask(client, **body):
    response = client.post("/api/v1/chat", json=body)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_a_need_and_a_place_in_words_give_the_nearest_open_spaces_with_it(client, leeds):
    reply = ask(client, message="my fone is ded and im in LS1", at=NOON)
    assert reply["intent"] == "find_space"
    assert reply["facilities"] == ["phone_charging"]
    assert reply["location"]["source"] == "postcode"
    assert [r["id"] for r in reply["results"]][:1] == [leeds["charger"]]
    assert all("phone_charging" in r["facilities"] and r["open_now"] for r in reply["results"])
    first = reply["results"][0]
    assert {"lat", "lon", "distance_m", "url", "directions"} <= set(first)
    assert reply["reply"].startswith("The nearest safe space with phone charging open now")
    assert "min walk" in reply["reply"]


def test_danger_leads_with_999_and_then_the_nearest_open_space(client, leeds):
    lat, lon = LEEDS
    reply = ask(client, message="someone is following me", lat=lat, lon=lon, at=NOON)
    assert reply["intent"] == "emergency" and reply["emergency"] is True
    assert reply["reply"].startswith("If you are in danger now, call 999")
    assert "55" in reply["reply"]
    assert reply["helplines"][0]["phone"] == "999"
    assert reply["location"]["source"] == "device"
    assert reply["results"][0]["id"] == leeds["near"]


def test_danger_without_a_location_still_leads_with_999_and_asks_where(client, leeds):
    reply = ask(client, message="my drink has been spiked")
    assert reply["reply"].startswith("If you are in danger now, call 999")
    assert reply["needs_location"] is True and reply["results"] == []


def test_a_search_without_a_location_asks_kindly_where(client, leeds):
    reply = ask(client, message="where can i go now")
    assert reply["needs_location"] is True
    assert reply["location"] is None
    assert "Tell me where you are" in reply["reply"]


def test_nothing_open_within_a_walk_says_so_gives_the_nearest_and_101(client, leeds):
    reply = ask(client, message="I need somewhere safe near Bradford", at=NOON)
    assert "Nothing is open within a 15-minute walk" in reply["reply"]
    assert reply["results"], "the nearest open one is still given"
    assert "101" in [line["phone"] for line in reply["helplines"]]


def test_nothing_open_anywhere_near_says_so_with_helplines(client, leeds):
    reply = ask(client, message="where can I go near LS1", at="2026-12-02T04:00")
    assert [r["name"] for r in reply["results"]] == ["Shop far"]
    quiet = ask(client, message="need a defibrillator near LS1", at=NOON)
    assert quiet["results"] == []
    assert "can't find a safe space with defibrillator open within 50 km" in quiet["reply"]
    assert "101" in [line["phone"] for line in quiet["helplines"]]


def test_support_messages_give_the_right_helpline_and_no_999_when_not_in_danger(client):
    reply = ask(client, message="my boyfriend keeps controlling me and hits me sometimes")
    phones = [line["phone"] for line in reply["helplines"]]
    assert reply["intent"] == "support" and phones == ["0808 2000 247"]
    assert "0808 2000 247" in reply["reply"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ("not json", "body"),
        ([], "body"),
        ({}, "message"),
        ({"message": 7}, "message"),
        ({"message": "hi", "lat": 53.8}, "lon"),
        ({"message": "hi", "lat": "53.8", "lon": -1.5}, "lat"),
        ({"message": "hi", "lat": True, "lon": -1.5}, "lat"),
        ({"message": "hi", "lat": 53.8, "lon": 200}, "lon"),
        ({"message": "hi", "at": "soon"}, "at"),
        ({"message": "hi", "at": 5}, "at"),
    ],
)
def test_malformed_chat_requests_get_a_json_error_naming_the_field(client, body, field):
    if isinstance(body, str):
        response = client.post("/api/v1/chat", data=body, content_type="application/json")
    else:
        response = client.post("/api/v1/chat", json=body)
    assert response.status_code == 400
    assert response.get_json()["error"]["field"] == field


@pytest.mark.parametrize(
    "message", ["", "   ", "😀😀😀", "<script>alert(1)</script>", "'; DROP TABLE premises; --"]
)
def test_odd_messages_get_999_then_one_question_with_buttons_for_the_common_answers(
    client, message
):
    reply = ask(client, message=message)
    assert reply["intent"] == "unknown"
    assert reply["reply"].startswith("If you are in danger, call 999")
    assert "tell me where you are" in reply["reply"].lower()
    assert reply["question"] == "need" and reply["context"]["question"] == "need"
    assert "I'm in danger" in [choice["label"] for choice in reply["choices"]]
    assert "<script>" not in reply["reply"]


def test_a_very_long_message_is_read_up_to_the_cap_and_the_reply_says_so(client):
    reply = ask(client, message="help someone is following me " + "a" * 5000)
    assert reply["intent"] == "emergency"
    assert "only the first 1,000 characters" in reply["reply"]


def test_a_body_that_is_too_large_is_refused_with_413(client):
    response = client.post(
        "/api/v1/chat",
        data='{"message": "' + "a" * 9_000_000 + '"}',
        content_type="application/json",
    )
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "payload_too_large"


def test_the_message_text_is_never_logged(client, leeds, caplog):
    secret = "my sister Zarathustra-7741 is following me"
    with caplog.at_level(logging.DEBUG):
        ask(client, message=secret, lat=LEEDS[0], lon=LEEDS[1])
        client.post("/api/v1/chat", json={"message": secret, "lat": "bad", "lon": 1})
    assert "Zarathustra" not in caplog.text
    assert str(LEEDS[0]) not in caplog.text


@pytest.mark.parametrize("message", ["救命", "допоможіть", "도와주세요", "🆘", "ajuda"])
def test_a_cry_for_help_in_another_script_or_as_an_emoji_leads_with_999(client, message):
    reply = client.post("/api/v1/chat", json={"message": message}).get_json()
    assert reply["emergency"] is True
    assert reply["helplines"][0]["phone"] == "999"


@pytest.mark.parametrize(
    "message",
    [
        "the rope is ready and I have written the letters to my kids",
        "sitting in the garage with the engine running",
        "my dad has a tight chest, his left arm aches and he is sweating",
        "the smoke alarm went off and now the gas smell is making us all dizzy",
        "my toddler pulled a pan of boiling water over himself",
        "stopped drinking four days ago and now I am seeing insects on the walls",
    ],
)
def test_danger_told_without_the_usual_words_still_leads_with_999(client, message):
    reply = client.post("/api/v1/chat", json={"message": message}).get_json()
    assert reply["emergency"] is True, reply["matched"]
    assert reply["reply"].startswith("Call 999") or "999" in reply["reply"].split(".")[0]
