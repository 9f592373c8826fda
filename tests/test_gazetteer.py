import math

import pytest

from locator.geo.gazetteer import Gazetteer, Place, default_gazetteer, normalise_postcode

LEEDS = (53.797, -1.548)
LEEDS_STATION = (53.795, -1.549)
MANCHESTER = (53.479, -2.240)
PICCADILLY = (53.477, -2.231)
KINGS_CROSS = (51.531, -0.123)
EDINBURGH = (55.953, -3.189)
BIRMINGHAM = (52.480, -1.902)
ST_ALBANS = (51.752, -0.336)
NEWPORT_WALES = (51.588, -2.998)
BELFAST = (54.597, -5.930)
CITY_OF_LONDON = (51.517, -0.098)
WEST_END = (51.514, -0.142)


def km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


def assert_near(place: Place | None, expected: tuple[float, float], km: float) -> None:
    assert place is not None
    assert km_between((place.lat, place.lon), expected) < km, place


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LS1 4AP", "LS1 4AP"),
        ("ls14ap", "LS1 4AP"),
        (" m1  1ae ", "M1 1AE"),
        ("M60 1NW", "M60 1NW"),
        ("CR2 6XH", "CR2 6XH"),
        ("DN55 1PT", "DN55 1PT"),
        ("W1A 0AX", "W1A 0AX"),
        ("ec1a1bb", "EC1A 1BB"),
        ("LS1", "LS1"),
        ("sw1a", "SW1A"),
        ("", None),
        ("Leeds", None),
        ("LS1 4A", None),
        ("1LS 4AP", None),
        ("LS1 4AP extra", None),
    ],
)
def test_normalise_postcode_handles_every_uk_shape(text, expected):
    assert normalise_postcode(text) == expected


@pytest.mark.parametrize(
    ("text", "outcode", "expected"),
    [
        ("LS1 4AP", "LS1", LEEDS),
        ("ls14ap", "LS1", LEEDS),
        (" m1  1ae ", "M1", MANCHESTER),
        ("M60 1NW", "M60", MANCHESTER),
        ("CR2 6XH", "CR2", (51.35, -0.08)),
        ("LS14 6UF", "LS14", (53.83, -1.45)),
        ("W1A 0AX", "W1A", WEST_END),
        ("EC1A 1BB", "EC1A", CITY_OF_LONDON),
        ("W1X 1AA", "W1", WEST_END),
        ("BT1 1AA", "BT1", BELFAST),
    ],
)
def test_full_postcode_resolves_to_its_district_centre(gazetteer, text, outcode, expected):
    place = gazetteer.find(text)
    assert_near(place, expected, km=4)
    assert place.kind == "postcode"
    assert f"centre of {outcode}" in place.label


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("LS1", "LS1, Leeds", LEEDS),
        ("m1", "M1, Manchester", MANCHESTER),
        ("BT1", "BT1, Belfast", BELFAST),
        ("EC1", "EC1, Islington", CITY_OF_LONDON),
        ("W1", "W1, Westminster", WEST_END),
        ("SW1A", "SW1A, Westminster", (51.502, -0.135)),
    ],
)
def test_district_alone_resolves_to_a_district(gazetteer, text, label, expected):
    place = gazetteer.find(text)
    assert_near(place, expected, km=3)
    assert (place.kind, place.label) == ("district", label)


@pytest.mark.parametrize("text", ["XQ1 1AA", "DN55 1PT", "ZZ9 9ZZ", "QQ1"])
def test_postcode_in_an_unknown_district_is_not_found(gazetteer, text):
    assert gazetteer.find(text) is None


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("Leeds", "Leeds", LEEDS),
        ("leeds ", "Leeds", LEEDS),
        ("  LEEDS  ", "Leeds", LEEDS),
        ("Manchster", "Manchester", MANCHESTER),
        ("Edinbrugh", "Edinburgh", EDINBURGH),
        ("Brimingham", "Birmingham", BIRMINGHAM),
        ("St. Albans", "St Albans", ST_ALBANS),
        ("Saint Albans", "St Albans", ST_ALBANS),
        ("st albans", "St Albans", ST_ALBANS),
        ("Newport", "Newport", NEWPORT_WALES),
        ("Stoke on Trent", "Stoke-on-Trent", (53.004, -2.185)),
        ("Hull", "Kingston upon Hull", (53.744, -0.332)),
        ("Leeds, UK", "Leeds", LEEDS),
    ],
)
def test_place_names_resolve_despite_case_punctuation_and_typos(gazetteer, text, label, expected):
    place = gazetteer.find(text)
    assert_near(place, expected, km=3)
    assert (place.kind, place.label) == ("place", label)


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("Leeds station", "Leeds station", LEEDS_STATION),
        ("leeds train station", "Leeds station", LEEDS_STATION),
        ("Manchester Piccadilly", "Manchester Piccadilly station", PICCADILLY),
        ("Manchester Picadilly", "Manchester Piccadilly station", PICCADILLY),
        ("London Kings Cross", "London Kings Cross station", KINGS_CROSS),
        ("Kings Cross station", "London Kings Cross station", KINGS_CROSS),
        ("Waterloo station", "London Waterloo station", (51.503, -0.113)),
        ("Euston", "London Euston station", (51.528, -0.134)),
        ("LDS", "Leeds station", LEEDS_STATION),
        ("Newport station", "Newport (South Wales) station", NEWPORT_WALES),
        ("Hull station", "Hull station", (53.744, -0.346)),
    ],
)
def test_station_names_resolve_to_stations(gazetteer, text, label, expected):
    place = gazetteer.find(text)
    assert_near(place, expected, km=1)
    assert (place.kind, place.label) == ("station", label)


@pytest.mark.parametrize("text", ["King's Cross", "kings cross"])
def test_kings_cross_resolves_near_the_station(gazetteer, text):
    assert_near(gazetteer.find(text), KINGS_CROSS, km=1)


@pytest.mark.parametrize(
    "text", ["", "   ", "xqzvw", "asdfgh", "lds", "ab", "!!!", "a" * 10_000, "Leeds " * 2_000]
)
def test_garbage_empty_and_huge_input_find_nothing_or_something_sane(gazetteer, text):
    place = gazetteer.find(text)
    assert place is None or place.label == "Leeds"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Manch", "Manchester"),
        ("newprt", "Newport"),
        ("LS1 4AP", "LS1 4AP (centre of LS1, Leeds)"),
    ],
)
def test_suggestions_offer_the_likely_place_first(gazetteer, text, label):
    suggestions = gazetteer.suggestions(text, limit=5)
    assert 1 <= len(suggestions) <= 5
    assert suggestions[0].label == label
    assert len({place.label for place in suggestions}) == len(suggestions)


@pytest.mark.parametrize("text", ["", "x", "a" * 10_000])
def test_suggestions_for_hopeless_input_are_a_list(gazetteer, text):
    assert isinstance(gazetteer.suggestions(text), list)


@pytest.mark.parametrize(
    ("text", "kind", "label"),
    [
        ("my phone is dead and I'm near Leeds station", "station", "Leeds station"),
        ("im in m1", "district", "M1, Manchester"),
        ("battery dying near LS1 4AP", "postcode", "LS1 4AP (centre of LS1, Leeds)"),
        ("battery dying near ls14ap pls", "postcode", "LS1 4AP (centre of LS1, Leeds)"),
        ("i'm lost in leeds", "place", "Leeds"),
        ("near manchester piccadilly, scared", "station", "Manchester Piccadilly station"),
        ("I'm at St Pancras", "station", "London St Pancras International station"),
        ("walking in Stoke-on-Trent", "place", "Stoke-on-Trent"),
        ("stuck on the M1 near Sheffield", "place", "Sheffield"),
        ("I'm in Reading town centre", "place", "Reading"),
        ("I'm in Street", "place", "Street"),
        ("outside Edinburgh Waverley", "station", "Edinburgh Waverley station"),
        ("I am at Newport station", "station", "Newport (South Wales) station"),
        ("near london bridge", "station", "London Bridge station"),
    ],
)
def test_find_in_text_picks_the_most_specific_mention(gazetteer, text, kind, label):
    place = gazetteer.find_in_text(text)
    assert place is not None
    assert (place.kind, place.label) == (kind, label)


@pytest.mark.parametrize(
    "text",
    [
        "hello",
        "",
        "I'm in a bit of trouble",
        "can I get some help",
        "I hope you can help",
        "I'm at church",
        "reading this on my phone",
        "I am in Wales",
        "I need a bath",
        "please send help",
        "hello " * 2_000,
    ],
)
def test_find_in_text_ignores_everyday_words(gazetteer, text):
    assert gazetteer.find_in_text(text) is None


def test_default_gazetteer_is_loaded_once():
    assert default_gazetteer() is default_gazetteer()
