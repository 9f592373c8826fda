"""The chat as a short conversation: the reply's `context` carries it, the server keeps nothing."""

from __future__ import annotations

import html
import json
import re

import pytest

from builders import add_premises, ids_by_ref
from conftest import premises_row

M1 = (53.4774, -2.2363)  # Manchester city centre, postcode district M1
NORWICH = (52.6278, 1.2983)
EVENING = "2026-12-02T19:00"  # a Wednesday
LATE = "2026-12-02T22:30"  # Men's Advice Line shut, Samaritans open


@pytest.fixture
def places(locator):
    add_premises(
        locator,
        [
            premises_row(
                "manchester",
                M1[0] + 0.001,
                M1[1],
                facilities="phone_charging;toilet",
                opening_hours="24/7",
            ),
            premises_row("norwich", NORWICH[0] + 0.001, NORWICH[1], facilities="phone_charging"),
            premises_row(
                "norwich_loo",
                NORWICH[0] - 0.001,
                NORWICH[1],
                facilities="toilet",
                opening_hours="24/7",
            ),
        ],
    )
    return ids_by_ref(locator)


def say(client, message, context=None, **body):
    body = {"message": message, "at": EVENING, **body}
    if context is not None:
        body["context"] = context
    response = client.post("/api/v1/chat", json=body)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_danger_without_a_place_asks_where_and_the_answer_finds_places_still_as_danger(
    client, places
):
    first = say(client, "someone is following me")
    assert first["emergency"] is True and first["needs_location"] is True
    assert first["question"] == "location"
    assert first["context"]["emergency"] is True

    second = say(client, "M1", first["context"])
    assert second["intent"] == "emergency" and second["emergency"] is True
    assert second["reply"].startswith("If you are in danger now, call 999")
    assert [r["id"] for r in second["results"]][:1] == [places["manchester"]]
    assert second["location"]["label"].startswith("M1")
    assert second["question"] is None


def test_the_server_keeps_nothing_so_an_answer_without_the_context_starts_afresh(client, places):
    say(client, "someone is following me")
    alone = say(client, "M1")
    assert alone["emergency"] is False and alone["intent"] == "find_space"


def test_needs_asked_for_before_the_place_are_kept_when_the_place_comes(client, places):
    first = say(client, "phone on 3%")
    assert first["question"] == "location" and first["context"]["needs"] == ["phone_charging"]
    second = say(client, "im in norwich", first["context"])
    assert second["facilities"] == ["phone_charging"]
    assert [r["id"] for r in second["results"]] == [places["norwich"]]


def test_a_new_need_replaces_the_last_one_unless_the_person_adds_it(client, places):
    found = say(client, "charger near Norwich")
    replaced = say(client, "i need a toilet", found["context"])
    assert replaced["facilities"] == ["toilet"]
    added = say(client, "and a toilet too", found["context"])
    assert added["facilities"] == ["phone_charging", "toilet"]


def test_a_place_named_earlier_is_used_again_and_the_reply_says_where(client, places):
    found = say(client, "charger near Norwich")
    again = say(client, "i need a toilet", found["context"])
    assert again["location"]["label"] == "Norwich"
    assert "near Norwich" in again["reply"]


@pytest.mark.parametrize("message", ["help", "HELP!!", "sos", "please help me", "please"])
def test_a_bare_cry_for_help_leads_with_999_and_asks_where(client, places, message):
    reply = say(client, message)
    assert reply["emergency"] is True
    assert reply["reply"].startswith("If you are in danger now, call 999")
    assert reply["question"] == "location"
    assert {"label": "Use my location", "action": "share_location"} in reply["choices"]


def test_a_place_named_in_the_message_beats_the_shared_position_and_the_reply_says_so(
    client, places
):
    reply = say(client, "where can I charge my phone in Norwich", lat=M1[0], lon=M1[1])
    assert reply["location"]["label"] == "Norwich"
    assert [r["id"] for r in reply["results"]] == [places["norwich"]]
    assert "near Norwich, as you asked" in reply["reply"]


def test_the_shared_position_is_used_when_no_place_is_named_and_is_not_kept(client, places):
    reply = say(client, "where can i charge my phone", lat=M1[0], lon=M1[1])
    assert reply["location"]["source"] == "device"
    assert [r["id"] for r in reply["results"]] == [places["manchester"]]
    assert reply["context"]["location"] is None, "the device position is never handed back"


@pytest.mark.parametrize(
    "message",
    ["phone on 3%", "im on 2 percent", "battery at 5 %", "three per cent left", "fone 1%"],
)
def test_battery_percentages_mean_phone_charging(client, places, message):
    assert say(client, message)["facilities"] == ["phone_charging"]


def test_saying_the_danger_is_over_stops_leading_with_999(client, places):
    danger = say(client, "a man is following me near Norwich")
    assert danger["emergency"] is True
    calmer = say(client, "im safe now, he's gone. need a toilet", danger["context"])
    assert calmer["emergency"] is False
    assert calmer["intent"] == "find_space"
    assert [r["id"] for r in calmer["results"]] == [places["norwich_loo"]]


def test_helplines_say_when_they_answer_and_a_closed_line_brings_a_24_hour_one(client):
    reply = say(client, "my wife hits me and I'm a man", at=LATE)
    lines = {line["phone"]: line for line in reply["helplines"]}
    assert lines["0808 801 0327"]["open_now"] is False
    assert "10am to 8pm" in lines["0808 801 0327"]["hours"]
    assert lines["116 123"]["open_now"] is True, "Samaritans answer when the line is shut"
    assert "closed now" in reply["reply"]


def test_helpline_topics_are_kept_for_the_next_turn(client, places):
    first = say(client, "my boyfriend hit me again")
    second = say(client, "can i go somewhere in norwich", first["context"])
    assert "0808 2000 247" in [line["phone"] for line in second["helplines"]]
    assert second["results"]


@pytest.mark.parametrize(
    "context",
    [
        "not an object",
        ["a", "list"],
        {"question": "why"},
        {"intent": "register"},
        {"emergency": "yes"},
        {"needs": ["teleporter"]},
        {"needs": "toilet"},
        {"topics": ["astrology"]},
        {"location": {"lat": 91, "lon": 0, "label": "x", "source": "place"}},
        {"location": {"lat": 53, "lon": -2, "label": "", "source": "place"}},
        {"location": {"lat": 53, "lon": -2, "label": "x", "source": "device"}},
        {"location": {"lat": "53", "lon": -2, "label": "x", "source": "place"}},
        {"secret": 1},
    ],
)
def test_a_context_the_assistant_did_not_give_is_refused_naming_the_field(client, context):
    body = {"message": "hello", "context": context}
    if isinstance(context, str):
        body["context"] = context
    response = client.post("/api/v1/chat", json=body)
    assert response.status_code == 400
    assert response.get_json()["error"]["field"] == "context"


def test_the_no_javascript_form_carries_the_context_in_a_hidden_field(client, places):
    first = client.post("/chat", data={"message": "someone is following me"})
    page = first.get_data(as_text=True)
    assert first.status_code == 200
    context = html.unescape(
        re.search(r"id=\"chat-context\" name=\"context\" value='([^']*)'", page)[1]
    )
    assert json.loads(context)["emergency"] is True
    second = client.post("/chat", data={"message": "M1", "context": context})
    answer = second.get_data(as_text=True)
    assert 'href="tel:999"' in answer and "Shop manchester" in answer


def test_the_no_javascript_form_offers_the_common_answers_as_buttons(client):
    page = client.post("/chat", data={"message": "hello"}).get_data(as_text=True)
    assert 'name="choice" value="I&#39;m in danger"' in page


def test_a_tampered_context_in_the_form_gets_a_readable_error_page(client):
    response = client.post("/chat", data={"message": "M1", "context": "{not json"})
    assert response.status_code == 400
    assert "999" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("message", "where"),
    [
        ("im at Shudehill and my phone is dying", (53.4853, -2.2394)),
        ("near oxford road station, need the loo", (53.4740, -2.2420)),
        ("lost my friends near Deansgate, phone at 3%", (53.4790, -2.2490)),
        ("piccadilly gardens, where can i charge my phone", (53.4803, -2.2370)),
    ],
)
def test_stops_stations_and_streets_in_the_message_are_found_in_manchester(
    client, places, message, where
):
    reply = say(client, message)
    location = reply["location"]
    assert location is not None, reply["reply"]
    assert abs(location["lat"] - where[0]) < 0.01 and abs(location["lon"] - where[1]) < 0.015


def test_a_name_shared_by_places_means_the_one_near_the_shared_position(client, places):
    reply = say(client, "I'm at Piccadilly, where can I charge my phone", lat=M1[0], lon=M1[1])
    assert abs(reply["location"]["lat"] - M1[0]) < 0.02, reply["location"]
    assert "as you asked" in reply["reply"]
