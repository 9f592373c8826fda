"""Welsh in the chat: a person who writes Welsh is understood and answered in Welsh.

Danger, needs and places are read in Welsh with their mutations ("yng Nghaerdydd", "fy
nilyn"); replies come in the language of the message, or of the conversation for a message in
neither ("CF10 1EP"); Wales's own helplines come first in Wales.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from bs4 import BeautifulSoup

from locator.chat import Context, understand, welsh
from locator.chat.lines import answers_at
from locator.chat.mutations import aspirate, mutations, radicals
from locator.chat.replies import NEED_CHOICES
from locator.domain import helplines
from locator.domain.language import gettext, speaking
from locator.geo.gazetteer import default_gazetteer

from builders import add_premises, ids_by_ref
from conftest import premises_row

CARDIFF = (51.4758, -3.1792)  # CF10 1EP, Butetown
NOON = "2026-12-02T12:00"  # a Wednesday
LATE = "2026-12-02T20:30"  # the Samaritans' Welsh Language Line answers 7pm to 11pm
FOLLOWED = "Help! Mae rhywun yn fy nilyn i"
DYING_PHONE = "Mae fy ffôn bron â marw, ble alla i fynd yng Nghaerdydd?"
WELSH_999 = "Os ydych chi mewn perygl nawr, ffoniwch 999"


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


@pytest.fixture
def cardiff(locator):
    lat, lon = CARDIFF
    add_premises(
        locator,
        [
            premises_row("bae", lat + 0.002, lon, facilities="phone_charging;toilet"),
            premises_row("cei", lat + 0.003, lon, opening_hours="24/7"),
        ],
    )
    return ids_by_ref(locator)


def say(client, message, context=None, **body):
    body = {"message": message, "at": NOON, **body}
    if context is not None:
        body["context"] = context
    response = client.post("/api/v1/chat", json=body)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


@pytest.mark.parametrize(
    ("word", "radical"),
    [
        ("nghaerdydd", "caerdydd"),  # nasal: yng Nghaerdydd
        ("mangor", "bangor"),  # nasal: ym Mangor
        ("gaerfyrddin", "caerfyrddin"),  # soft: o Gaerfyrddin
        ("fangor", "bangor"),  # soft: i Fangor
        ("ddinbych", "dinbych"),  # soft: i Ddinbych
        ("lanelli", "llanelli"),  # soft: i Lanelli
        ("rydaman", "rhydaman"),  # soft: o Rydaman
        ("wynedd", "gwynedd"),  # soft, the g dropped: yng Ngwynedd, i Wynedd
        ("chaerdydd", "caerdydd"),  # aspirate: a Chaerdydd
        ("nilyn", "dilyn"),  # nasal: fy nilyn (following me)
        ("mhartner", "partner"),  # nasal: fy mhartner
        ("hanadl", "anadl"),  # h before a vowel: ei hanadl (her breath)
    ],
)
def test_a_mutated_welsh_word_is_read_as_its_radical(word, radical):
    assert radical in radicals(word)
    assert word in mutations(radical)


# Words the danger and needs rules hinge on, written once in their radical form.
RULE_WORDS = (
    "pen marw cael dilyn taro curo brifo gwaed gwaedu perygl cyllell plentyn brest braich coes"
    " gwddf diod lle cysgu mynd bywyd toiled gwefru cuddio colli cymryd tabledi pont cadair"
    " gwneud gwylio trywanu tagu calon partner cariad gwr gwraig ffrind"
).split()


@pytest.mark.parametrize("word", RULE_WORDS)
def test_the_welsh_tables_write_a_rule_word_only_unmutated_so_every_mutation_finds_it(word):
    # A mutated form written in a table is read as itself, and then no longer as the word.
    assert word in welsh.lexicon()
    assert not set(mutations(word)[1:]) & welsh.lexicon()


@pytest.mark.parametrize(
    ("words", "mutated"),
    [("toiled", "thoiled"), ("cymorth cyntaf", "chymorth cyntaf"), ("ystafell", "ystafell")],
)
def test_and_in_welsh_takes_the_aspirate_mutation(words, mutated):
    assert aspirate(words) == mutated


@pytest.mark.parametrize(
    ("message", "language"),
    [
        (FOLLOWED, "cy"),
        (DYING_PHONE, "cy"),
        ("Diolch yn fawr", "cy"),
        ("dwi isio dŵr plis", "cy"),
        ("someone is following me", "en"),
        ("I'm in Llanelli and my phone is dead", "en"),
        ("CF10 1EP", None),
        ("Caerdydd", None),
        ("help", None),
    ],
)
def test_a_message_is_welsh_english_or_neither_by_the_words_only_one_language_uses(
    message, language
):
    assert welsh.language_of(message) == language


@pytest.mark.parametrize(
    "message",
    [
        FOLLOWED,
        "Dw i mewn perygl",
        "Mae dyn efo cyllell tu allan",
        "Dydy hi ddim yn anadlu",
        "Mae gen i boen yn fy mrest",
        "Mae fy ngŵr yn fy nharo i",
        "Mae rhywun yn trio dod i mewn i'r tŷ",
        "Dw i'n meddwl bod rhywun wedi sbeicio fy niod",
        "Mae fy ffrind wedi cymryd gorddos",
        "Mae hi wedi llewygu a dydy hi ddim yn deffro",
        "Mae hi'n cael ffit",
        "Mae car wedi taro dyn ar y ffordd",
        "Mae fy mhlentyn ar goll",
        "Helpwch fi!",
        "Dw i ar y bont a dw i eisiau marw heno",
        "mae rhywun yn fy nillyn i",  # a slip in a mutated word
        "mae o wedi hitio fi",  # a borrowed verb
        "dw i'n mynd i ladd fy hun",
    ],
)
def test_welsh_danger_is_an_emergency_with_999_first(message, gazetteer):
    turn = understand(message, gazetteer)
    assert turn.intent == "emergency" and turn.emergency, turn.matched
    assert turn.helplines[0].phone == "999"
    assert turn.language == "cy"


@pytest.mark.parametrize(
    "message",
    [
        "Mae fy nhraed i'n fy lladd i",  # my feet are killing me
        "Mae'r batri wedi marw, oes rhywle i wefru?",  # the battery has died
        "Does neb yn fy nilyn i, dw i jyst eisiau toiled",  # nobody is following me
        "Mae fy ngŵr yn fy nharo i weithiau pan mae e wedi meddwi",  # sometimes: a helpline
        "Mae mam yn mynd i fy lladd i os dw i'n hwyr",  # mum will kill me if I'm late
        "Mae ofn arna i",  # I'm scared: a place to wait
        "Mae'r gwres yn fy lladd i heddiw",  # the heat is killing me
        "Bydd mam yn cael ffit os dw i'n hwyr",  # mum will have a fit
        "Mae'n bwrw glaw, dw i'n cuddio rhag y glaw",  # sheltering from the rain
        "Allwch chi helpu fi i ffeindio toiled?",  # help me find a toilet
        "Roedd llawer o bobl tu allan i'r stadiwm",  # "o" is "of", not "he"
        "Roedd dyn yn fy nilyn i neithiwr ond dw i adre rŵan",  # over, and home now
        "dw i'n meddwl am ladd fy hun",  # thinking about it: a helpline, not 999
    ],
)
def test_welsh_that_only_sounds_dangerous_is_no_emergency(message, gazetteer):
    turn = understand(message, gazetteer)
    assert not turn.emergency, turn.matched
    assert turn.language == "cy"


# Danger said in other words: each row is one word class, form or mutation the rules read.
@pytest.mark.parametrize(
    ("message", "rule"),
    [
        ("mae rhywun wedi rhoi rwbath yn niod fy ffrind", "spiked"),  # north "rwbath"
        ("dw i'n siŵr bod rhywbeth yn diod fi", "spiked"),  # "diod fi": my drink, spoken
        ("sai'n gallu anadlu", "not_breathing"),  # south "sai'n" (I'm not)
        ("dwi'm yn gallu anadlu", "not_breathing"),  # north "dwi'm"
        ("mae dyn dieithr yn trio mynd â hi i'w fan", "trapped"),  # a stranger, a vehicle
        ("mae boi yn trio agor ffenest fy stafell", "getting_in"),
        ("mae o'n dal i fy myseddu i ar y trên", "violence"),  # touching, still going on
        ("mae lleidr newydd ddwyn fy mhwrs ac mae o'n dal yma", "violence"),  # a robber near
        ("mae fy mab bach wedi bwyta tabledi", "poisoned"),  # a child and pills
        ("mae fy ffrind wedi cymryd pils ac yn crynu i gyd", "poisoned"),  # taken, and signs
        ("mae taid yn ddiabetig ac yn siarad yn rhyfedd", "confused"),  # a mutated adjective
        ("dw i ofn beth wna i heno", "self_harm_now"),  # afraid of what one might do
        ("dw i ddim yn teimlo'n ddiogel gyda fi fy hun", "self_harm_now"),
        ("dw i am roi diwedd ar y cyfan heno", "suicide_now"),  # "rhoi diwedd ar" (to end)
        ("meddwl dod â'r cwbl i ben, mae'r tabledi gen i", "self_harm_now"),  # "cwbl" (all)
        ("mae ei thad wedi gyrru i ffwrdd efo'r plant ac mae o wedi meddwi", "child_very_ill"),
        ("ges i neges gan fy nghyn, mae on aros amdana i efo cyllell", "weapon"),  # near now
        ("ma nghariad i'n fy nghicio i", "violence"),  # the "fy" a nasal mutation says alone
    ],
)
def test_welsh_danger_in_other_words_is_an_emergency(message, rule, gazetteer):
    turn = understand(message, gazetteer)
    assert turn.emergency and f"emergency:{rule}" in turn.matched, turn.matched
    assert turn.language == "cy"


@pytest.mark.parametrize(
    "message",
    [
        "torrodd fy merch ei bys efo cyllell fara, oes plastar?",  # a kitchen accident
        "bu bron i mi gael harten pan welais i faint oedd y bil",  # nearly had a heart attack
        "dw i angen rhif y tîm argyfwng iechyd meddwl",  # a crisis team is a service
        "dw i wedi bod yn cerdded ers oriau a dw i'n marw, oes rhywle i eistedd?",  # worn out
        "bydd dad yn dod i'n nôl ni o'r orsaf am chwech",  # "nôl" is to fetch
        "mae'r plant yn bwyta cinio yn y caffi",  # "cinio" (lunch) is no slip for "cicio"
        "meddyliau am ladd fy hun weithiau, ond dw i'n saff heno",  # thoughts, safe tonight
        "mae dyn yn trio agor y drws i fi",  # holding a door, not breaking one of mine
        "mae dyn yn trio mynd â'r bagiau i'r car",  # bags, not a person, to a car
        "mae fy mhartner yn fy nghusanu",  # a kiss is no groping
        "dw i'n crynu, mae hi mor oer heno",  # shivering in the cold, not confused
        "mae dad yn gyrru'r plant i'r ysgol ac mae o'n yfed coffi",  # coffee, not drink
    ],
)
def test_welsh_everyday_words_that_sound_like_danger_raise_no_alarm(message, gazetteer):
    turn = understand(message, gazetteer)
    assert not turn.emergency, turn.matched
    assert turn.language == "cy"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("ydy'r ap yn rhannu fy lleoliad efo rhywun?", "about"),
        ("sut mae dileu'r sgwrs?", "about"),  # "sut mae" asking how, not saying hello
        ("pam mae sticer porffor ar ddrws y fferyllfa?", "about"),
        ("oes rhaid talu i ddefnyddio'r gwasanaeth?", "about"),
        ("mae gen i gaffi yn Aberaeron, allwn ni ymuno?", "register"),
        ("dw i'n gweithio mewn becws, fedr y becws fod yn fan diogel?", "register"),
        ("sut mae", "greeting"),
        ("oes toiled am ddim yn y dref?", "find_space"),  # a facility asked for is a search
    ],
)
def test_a_welsh_question_about_the_service_or_joining_it_is_told_apart_from_a_search(
    message, intent, gazetteer
):
    assert understand(message, gazetteer).intent == intent


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("oes tŷ bach i'r anabl yn y dref?", "accessible_toilet"),
        ("dw i mewn cadair olwyn, oes toiled yn yr orsaf?", "accessible_toilet"),
        ("ble ga i ffonio fy mam?", "phone_use"),
        ("oes siop lle galla i ddefnyddio'r ffôn?", "phone_use"),
        ("mae batri fy ffôn bron â darfod", "phone_charging"),
        ("oes peiriant diffibrilio yn y ganolfan?", "defibrillator"),
    ],
)
def test_a_welsh_need_said_in_other_words_is_found(message, code, gazetteer):
    assert code in understand(message, gazetteer).facilities


def test_tripping_in_welsh_is_no_slip_for_crutches(gazetteer):
    turn = understand("dw i wedi baglu ar y palmant, oes plastar yn rhywle?", gazetteer)
    assert turn.facilities == ("first_aid",)


@pytest.mark.parametrize(
    ("message", "phone"),
    [
        ("dw i'n dad ac mae fy ngwraig yn rheoli'r arian i gyd", "0808 801 0327"),  # a man
        ("dw i'n 15 a dw i ofn mynd adre heno", "080880 23456"),  # an age without "oed"
        ("cawson ni ein taflu allan o'r fflat, does unman i ni aros", "0808 800 4444"),
        ("mae fy ffrind yn sôn am beidio bod eisiau byw", "0808 164 0123"),  # "peidio"
    ],
)
def test_welsh_troubles_said_in_other_words_get_their_helpline(message, phone, gazetteer):
    turn = understand(message, gazetteer)
    assert phone in [line.phone for line in turn.helplines], turn.matched


@pytest.mark.parametrize(
    ("message", "label"),
    [
        ("dw i ar goll yn Aber, ble alla i fynd?", "Aberystwyth"),  # its short name
        ("mae fy ffôn wedi marw yn aber tawe", "Swansea"),  # a name written in two
        ("pwy alla i siarad â nhw am gam-drin yn y cartref?", None),  # "gam" is "cam"
    ],
)
def test_a_welsh_town_is_found_by_its_short_name_or_split_name_and_a_rule_word_is_none(
    message, label, gazetteer
):
    turn = understand(message, gazetteer)
    assert (turn.place.label if turn.place else None) == label


@pytest.mark.parametrize(
    ("message", "town", "lat"),
    [
        ("Dw i ym Mangor, mae angen toiled arna i", "Bangor", 53.23),  # Gwynedd, not Co. Down
        ("Dw i'n mynd i Abertawe, ble alla i wefru fy ffôn?", "Swansea", 51.62),
        ("Dw i newydd ddod o Gaerfyrddin ac mae angen toiled arna i", "Carmarthen", 51.86),
        ("Dw i yn Wrecsam ac mae fy ffôn wedi marw", "Wrexham", 53.05),
        (DYING_PHONE, "Cardiff", 51.48),
    ],
)
def test_a_place_after_a_welsh_preposition_is_found_whatever_its_mutation(
    message, town, lat, gazetteer
):
    turn = understand(message, gazetteer)
    assert turn.place is not None and turn.place.label == town
    assert turn.place.lat == pytest.approx(lat, abs=0.05)


@pytest.mark.parametrize(
    ("message", "label"),
    [("Caerdydd", "Cardiff"), ("abertawe plis", "Swansea"), ("dw i yn y parc", None)],
)
def test_a_welsh_town_name_alone_is_where_to_look_and_an_everyday_word_is_none(
    message, label, gazetteer
):
    turn = understand(message, gazetteer, Context(question="location", language="cy"))
    assert (turn.place.label if turn.place else None) == label
    assert turn.language == "cy"


def test_a_dying_phone_in_cardiff_in_welsh_asks_for_phone_charging_near_cardiff(gazetteer):
    turn = understand(DYING_PHONE, gazetteer)
    assert turn.intent == "find_space" and turn.facilities == ("phone_charging",)
    assert not turn.emergency


@pytest.mark.parametrize(
    ("message", "topic", "phones"),
    [
        ("Mae fy mhartner yn fy rheoli i ac mae gen i ofn", "domestic_abuse", ["0808 80 10 800"]),
        ("Dw i eisiau lladd fy hun", "suicidal", ["0808 164 0123", "116 123"]),
        ("Dw i'n 13 oed ac maen nhw'n fy mwlio i yn yr ysgol", "child", ["080880 23456"]),
    ],
)
def test_welsh_messages_are_given_wales_own_and_welsh_language_lines(
    message, topic, phones, gazetteer
):
    turn = understand(message, gazetteer)
    assert topic in turn.topics, turn.matched
    given = [line.phone for line in turn.helplines]
    assert given[: len(phones)] == phones


def test_an_english_message_from_cardiff_gets_the_wales_domestic_abuse_line(gazetteer):
    turn = understand("my partner keeps hitting me, I'm in Cardiff, what can I do", gazetteer)
    assert turn.language == "en"
    assert helplines.LIVE_FEAR_FREE in turn.helplines
    assert helplines.SAMARITANS_WELSH not in turn.helplines


@pytest.mark.parametrize(
    "line", [helplines.LIVE_FEAR_FREE, helplines.MEIC, helplines.SAMARITANS_WELSH]
)
def test_every_wales_line_says_when_it_answers(line):
    assert answers_at(line, datetime(2026, 12, 2, 21, 0)) == "open"
    with speaking("cy"):
        assert gettext(line.hours_text) != line.hours_text or line.hours == helplines.ALWAYS


def test_danger_in_welsh_asks_where_in_welsh_and_a_postcode_then_finds_places_still_in_welsh(
    client, cardiff
):
    first = say(client, FOLLOWED)
    assert first["emergency"] is True and first["intent"] == "emergency"
    assert first["reply"].startswith(WELSH_999)
    assert first["question"] == "location"
    assert first["context"]["language"] == "cy"
    assert first["choices"][0]["label"] == "Defnyddio fy lleoliad"

    second = say(client, "CF10 1EP", first["context"])
    assert second["emergency"] is True and second["intent"] == "emergency"
    assert second["reply"].startswith(WELSH_999)
    assert [r["id"] for r in second["results"]][:1] == [cardiff["bae"]]
    assert "Y lle diogel agosaf sydd ar agor nawr ger CF10 1EP" in second["reply"]
    assert second["helplines"][0]["name"] == "Gwasanaethau brys (yr heddlu, ambiwlans, tân)"
    assert second["context"]["language"] == "cy"


def test_a_dying_phone_in_welsh_is_answered_in_welsh_with_places_near_cardiff(client, cardiff):
    reply = say(client, DYING_PHONE)
    assert reply["facilities"] == ["phone_charging"] and reply["emergency"] is False
    assert reply["location"]["label"] == "Cardiff"
    assert [r["id"] for r in reply["results"]][:1] == [cardiff["bae"]]
    assert reply["reply"].startswith(
        "Y lle diogel agosaf sy'n cynnig gwefru ffôn sydd ar agor nawr ger Caerdydd yw Shop bae"
    )
    assert "Gofynnwch i unrhyw aelod o staff am y lle diogel" in reply["reply"]


@pytest.mark.parametrize(
    ("lang", "context", "opening"),
    [
        ("cy", None, "Y lle diogel agosaf"),  # the page is Welsh
        (None, {"language": "cy"}, "Y lle diogel agosaf"),  # the conversation is
        ("cy", {"language": "en"}, "The nearest safe space"),  # the conversation wins
        (None, None, "The nearest safe space"),
    ],
)
def test_a_message_in_neither_language_is_answered_in_the_conversations_or_the_pages(
    client, cardiff, lang, context, opening
):
    body = {"lang": lang} if lang else {}
    reply = say(client, "CF10 1EP", context, **body)
    assert reply["reply"].startswith(opening)


def test_an_english_message_on_a_welsh_page_is_answered_in_english(client, cardiff):
    reply = say(client, "someone is following me", lang="cy")
    assert reply["reply"].startswith("If you are in danger now, call 999")
    assert reply["context"]["language"] == "en"


def test_the_buttons_of_a_welsh_greeting_are_welsh_and_each_is_understood_as_in_english(
    client, gazetteer
):
    reply = say(client, "Shwmae")
    assert reply["intent"] == "greeting" and reply["reply"].startswith("Helo.")
    with speaking("cy"):
        expected = [gettext(label) for label, _ in NEED_CHOICES]
    assert [choice["label"] for choice in reply["choices"]] == expected
    for choice, (_, english) in zip(reply["choices"], NEED_CHOICES, strict=True):
        cymraeg, plain = understand(choice["message"], gazetteer), understand(english, gazetteer)
        assert cymraeg.language == "cy"
        assert (cymraeg.intent, cymraeg.facilities, cymraeg.topics) == (
            plain.intent,
            plain.facilities,
            plain.topics,
        ), choice["message"]


def test_a_welsh_thank_you_is_welcomed_in_welsh(client):
    reply = say(client, "Diolch yn fawr")
    assert reply["intent"] == "thanks" and reply["reply"].startswith("Croeso.")


def test_the_welsh_language_line_is_offered_in_the_evening_with_its_hours_in_welsh(client):
    reply = say(client, "Dw i eisiau lladd fy hun", at=LATE)
    names = [line["name"] for line in reply["helplines"]]
    assert names[:2] == ["Llinell Gymraeg y Samariaid", "Y Samariaid"]
    assert reply["helplines"][0]["hours"] == "bob dydd, 7pm tan 11pm"
    assert reply["helplines"][0]["open_now"] is True
    assert (
        "Llinell Gymraeg y Samariaid: 0808 164 0123 (bob dydd, 7pm tan 11pm; ar agor nawr)."
        in (reply["reply"])
    )


@pytest.mark.parametrize(("field", "body"), [("lang", {"lang": "fr"}), ("context", None)])
def test_a_language_the_chat_does_not_speak_is_refused_naming_the_field(client, field, body):
    body = body or {"context": {"language": "fr"}}
    response = client.post("/api/v1/chat", json={"message": "helo", **body})
    assert response.status_code == 400
    assert response.get_json()["error"]["field"] == field


def test_the_context_keeps_the_language_of_the_conversation():
    context = Context.parse({"language": "cy", "emergency": True})
    assert context.language == "cy" and context.as_json()["language"] == "cy"


def test_the_no_javascript_chat_on_a_welsh_page_answers_welsh_in_a_welsh_page(client, cardiff):
    response = client.post("/chat?lang=cy", data={"message": FOLLOWED})
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    response.close()
    assert page.html["lang"] == "cy"
    assert page.select_one(".chat-999").get_text(strip=True) == "Ffoniwch 999"
    assert page.select_one(".from-helper p:not(.chat-999)").get_text().startswith(WELSH_999)
    assert page.select_one("#chat-heading").get_text() == (
        "Neu dywedwch wrthon ni beth sydd ei angen arnoch chi"
    )
    form = page.select_one("#chat-form")
    assert form["data-lang"] == "cy" and form["data-my-location"] == "Fy lleoliad"


def test_the_chat_scripts_words_come_from_the_page_in_english_too(client):
    response = client.post("/chat", data={"message": "hello"})
    form = BeautifulSoup(response.get_data(as_text=True), "html.parser").select_one("#chat-form")
    response.close()
    assert form["data-lang"] == "en"
    assert form["data-cant-speak"] == "Can't speak? Dial 999 then press 55."
    assert form["data-show-place-on-map"] == "Show {name} on the map"
