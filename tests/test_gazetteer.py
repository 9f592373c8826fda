import csv
import gzip
import math

import pytest

from locator.geo.gazetteer import (
    DATA_DIR,
    NAMES_FILE,
    STREETS_FILE,
    WORDS_FILE,
    Gazetteer,
    Place,
    _norm,
    default_gazetteer,
    normalise_postcode,
)

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

# Real positions, from NaPTAN and OS Open Names (data/gazetteer/SOURCE-naptan-osnames.md).
PICCADILLY_GARDENS = (53.480280, -2.236998)  # the tram stop
OXFORD_ROAD = (53.474032, -2.241995)  # Manchester Oxford Road station
SHUDEHILL = (53.485255, -2.239091)  # the tram stop
ST_PETERS_SQUARE = (53.478245, -2.243044)  # the tram stop
DEANSGATE = (53.474184, -2.251051)  # Deansgate station, on Deansgate
ANCOATS = (53.481175, -2.227870)
NORWICH_BUS_STATION = (52.624129, 1.292908)
OXFORD_CIRCUS = (51.515224, -0.141903)
MANCHESTER_ARNDALE = (53.481921, -2.238755)  # Market Street tram stop, the Arndale's door
PICCADILLY_MANCHESTER = (53.477074, -2.230652)  # the tram stop, by Manchester Piccadilly
PICCADILLY_CIRCUS = (51.510050, -0.133798)
TRAFALGAR_SQUARE = (51.5080, -0.1281)
BURY_WEST_SUSSEX = (50.909, -0.563)
BRISTOL = (51.4545, -2.5879)
NEWCASTLE_COUNTY_DOWN = (54.218, -5.890)

# Points on streets (NaPTAN places each at the middle of its stops).
SAUCHIEHALL_STREET = (55.8652, -4.2690)  # at Charing Cross, Glasgow
LEITH_WALK = (55.9660, -3.1760)  # at Pilrig
LOTHIAN_ROAD = (55.9470, -3.2060)
BYRES_ROAD = (55.8740, -4.2930)
WHITELADIES_ROAD = (51.4640, -2.6100)
SMITHDOWN_ROAD = (53.3900, -2.9290)
STOKES_CROFT = (51.4610, -2.5910)
PARK_STREET_BRISTOL = (51.4535, -2.6010)
BROAD_STREET_BIRMINGHAM = (52.4770, -1.9120)


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


# Code-Point Open positions as the source's README gives them (converted by its publisher with
# OS's OSTN15): ours are the same to the metre. And a real row of the file ("M1 1AD",10,383848,
# 398589,...), converted elsewhere with PROJ's default transform, a few metres out.
@pytest.mark.parametrize(
    ("text", "label", "expected", "metres"),
    [
        ("M4 3AQ", "M4 3AQ, Manchester", (53.484256, -2.242609), 1),
        ("m43aq", "M4 3AQ, Manchester", (53.484256, -2.242609), 1),
        ("NR1 3DD", "NR1 3DD, Norwich", (52.626668, 1.296060), 1),
        (" m1  1ad ", "M1 1AD, Manchester", (53.483773, -2.244872), 10),
    ],
)
def test_a_full_postcode_is_found_where_it_is_and_named_as_itself(
    gazetteer, text, label, expected, metres
):
    place = gazetteer.find(text)
    assert_near(place, expected, km=metres / 1000)
    assert (place.kind, place.label) == ("postcode", label)


@pytest.mark.parametrize(
    ("text", "outcode", "expected"),
    [
        ("W1X 1AA", "W1", WEST_END),
        ("BT1 1AA", "BT1", BELFAST),
        ("M4 3ZZ", "M4", (53.485, -2.230)),
    ],
)
def test_a_postcode_with_no_known_position_says_it_is_the_centre_of_its_district(
    gazetteer, text, outcode, expected
):
    place = gazetteer.find(text)
    assert_near(place, expected, km=4)
    assert place.kind == "postcode"
    assert f"centre of {outcode}" in place.label


@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        ("LS99 9ZZ", True),  # LS99 has postcodes, but not this one
        ("ls999zz", True),
        ("LS1 6HD", False),
        ("EC1A 1BB", False),
        ("BT1 1AA", False),  # Northern Ireland is not in the directory: nothing can be told
        ("GY1 1AA", False),
        ("LS1", False),  # a district, not a postcode
        ("M4 3", False),  # a sector
        ("nonsense", False),
    ],
)
def test_a_full_postcode_missing_from_the_directory_of_its_area_is_unknown(
    gazetteer, text, unknown
):
    assert gazetteer.is_unknown_postcode(text) is unknown


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("M4 3", "M4 3 (postcode sector, Manchester)"),
        ("m4 3a", "M4 3 (postcode sector, Manchester)"),
        ("M4 9", "M4, Manchester"),
    ],
)
def test_a_half_typed_postcode_is_a_sector_of_its_district_never_another_district(
    gazetteer, text, label
):
    place = gazetteer.find(text)
    assert place.label == label
    assert km_between((place.lat, place.lon), (53.4849, -2.2300)) < 1.5  # M4, not M43 (9 km)
    assert gazetteer.find("M43").label.startswith("M43")


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
        ("LS1 4AP", "LS1 4AP, Leeds"),
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
        ("battery dying near LS1 4AP", "postcode", "LS1 4AP, Leeds"),
        ("battery dying near ls14ap pls", "postcode", "LS1 4AP, Leeds"),
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
        ("I'm in Manchester near Oxford Road", "station", "Manchester Oxford Road station"),
        ("I'm in Reading near Oxford Road", "street", "Oxford Road, Reading"),  # not Manchester's
    ],
)
def test_find_in_text_picks_the_most_specific_mention(gazetteer, text, kind, label):
    place = gazetteer.find_in_text(text)
    assert place is not None
    assert (place.kind, place.label) == (kind, label)


EVERYDAY_MESSAGES = [
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
    # Hamlets, villages and NPTG localities are called Water, Bank, Middle, Market, Hope...
    "my phone is dead and I need to charge it",
    "I need the toilet",
    "where can I sit down",
    "someone is following me",
    "help",
    "I feel sick",
    "can I get some water",
    "is it free",
    "my feet are killing me",
    "I'm lost",
    "I need somewhere quiet",
    "I need to wait somewhere safe",
    "I'm at the bank",
    "I'm At The Bank",
    "I'm in the park",
    "I'm at the bus station",
    "waiting at the bus stop and a man keeps staring",
    "I'm on the high street",
    "near high street",
    "in the town centre",
    "in the middle of nowhere",
    "I'm at the end of my tether",
    "near the monument",
    "meet me at the angel",
    "I feel carsick",
    "carsick",  # also a suburb of Sheffield
    "water",
    "on my way",
    "on the bus and a man keeps staring",
    "my friend Craig is following me",
    "omw pls help",
    "I NEED HELP SOMEONE IS FOLLOWING ME",
    "Someone Is Following Me",
    # Towns and suburbs that are also words, used as words.
    "reading a book",
    "I love reading",
    "the hull of a ship",
    "they were shouting at keith",
    "followed by martin",
    "i want to bury it",
    # A word with its "g" dropped, as people write it: Killin and Fallin are Scottish villages.
    "me feet are killin me",
    "grazed me knee fallin off the kerb",
    # Streets every town has, with no town and no position to say which.
    "on high street",
    "walking down station road",
    "on church road",
    "on the main road",
    "near park road",
    "on kingsway",
    # Everyday phrases that end as street names do.
    "on my way",
    "in the right place",
    "at the end of my road",
    "someone is following me down the street",
]


@pytest.mark.parametrize("text", EVERYDAY_MESSAGES)
def test_find_in_text_ignores_everyday_words(gazetteer, text):
    assert gazetteer.find_in_text(text) is None


@pytest.mark.parametrize("text", EVERYDAY_MESSAGES)
def test_a_known_position_does_not_make_everyday_words_a_place(gazetteer, text):
    assert gazetteer.find_in_text(text, near=MANCHESTER) is None


# ---- stations, stops, localities and suburbs from NaPTAN, NPTG and OS Open Names ----------


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("Piccadilly Gardens", "stop", PICCADILLY_GARDENS),
        ("Shudehill", "stop", SHUDEHILL),
        ("Shudehill tram stop", "stop", SHUDEHILL),
        ("St Peter's Square", "stop", ST_PETERS_SQUARE),
        ("Oxford Road station", "station", OXFORD_ROAD),
        ("Oxford Road", "station", OXFORD_ROAD),
        ("Manchester Oxford Road", "station", OXFORD_ROAD),
        ("Deansgate", "station", DEANSGATE),
        ("Ancoats", "suburb", ANCOATS),
        ("Ancoats, Manchester", "suburb", ANCOATS),
        ("Norwich bus station", "stop", NORWICH_BUS_STATION),
        ("Oxford Circus", "stop", OXFORD_CIRCUS),
        ("Manchester Arndale", "landmark", MANCHESTER_ARNDALE),
        ("Piccadilly", "stop", PICCADILLY_MANCHESTER),
        # typos, lower case and abbreviations
        ("picadilly gardens", "stop", PICCADILLY_GARDENS),
        ("piccadily gardens", "stop", PICCADILLY_GARDENS),
        ("shudehil", "stop", SHUDEHILL),
        ("st peters square", "stop", ST_PETERS_SQUARE),
        ("oxford rd station", "station", OXFORD_ROAD),
        ("deansgte", "station", DEANSGATE),
        ("ancoates", "suburb", ANCOATS),
        ("norwich bus stn", "stop", NORWICH_BUS_STATION),
        ("oxford circus station", "stop", OXFORD_CIRCUS),
    ],
)
def test_places_people_name_resolve_within_500_m(gazetteer, text, kind, expected):
    place = gazetteer.find(text)
    assert_near(place, expected, km=0.5)
    assert place.kind == kind


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Shudehill", "Shudehill tram stop, Manchester"),
        ("Ancoats", "Ancoats, Manchester"),
        ("Norwich bus station", "Norwich bus station"),
        ("Oxford Circus", "Oxford Circus Underground station, London"),
        ("Deansgate", "Deansgate station"),
    ],
)
def test_labels_say_what_and_where(gazetteer, text, label):
    assert gazetteer.find(text).label == label


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lost my friends near Deansgate, phone at 3%", DEANSGATE),
        ("lost my friends near deansgate, phone at 3%", DEANSGATE),
        ("im at shudehill and my phone is dying", SHUDEHILL),
        ("waiting at Shudehill tram stop", SHUDEHILL),
        ("I'm at Piccadilly Gardens, someone keeps following me", PICCADILLY_GARDENS),
        ("at piccadilly gardens need a charger", PICCADILLY_GARDENS),
        ("near picadilly gardens pls", PICCADILLY_GARDENS),
        ("I'm near St Peter's Square", ST_PETERS_SQUARE),
        ("lost near st peters square", ST_PETERS_SQUARE),
        ("I'm at Oxford Road station", OXFORD_ROAD),
        ("scared at oxford rd station", OXFORD_ROAD),
        ("I'm in Ancoats and it's dark", ANCOATS),
        ("im lost in ancoats", ANCOATS),
        ("waiting at Norwich bus station, last bus gone", NORWICH_BUS_STATION),
        ("I'm by Oxford Circus", OXFORD_CIRCUS),
        ("outside the Manchester Arndale", MANCHESTER_ARNDALE),
        ("i'm lost near shudehil", SHUDEHILL),
        ("I'm in Manchester near Shudehill", SHUDEHILL),
        ("I'm at Piccadilly", PICCADILLY_MANCHESTER),
        ("I'm in Manchester near Piccadilly", PICCADILLY_MANCHESTER),
        ("I'm at Piccadilly in London", PICCADILLY_CIRCUS),
        ("on oxford rd, someone is following me", OXFORD_ROAD),
        ("nr piccadilly gdns", PICCADILLY_GARDENS),
        ("piccadilly gardens", PICCADILLY_GARDENS),  # the whole answer to "where are you?"
    ],
)
def test_find_in_text_finds_stops_suburbs_and_landmarks_within_500_m(gazetteer, text, expected):
    assert_near(gazetteer.find_in_text(text), expected, km=0.5)


@pytest.mark.parametrize(
    ("text", "near", "expected"),
    [
        ("Piccadilly", MANCHESTER, PICCADILLY_MANCHESTER),
        ("Piccadilly", TRAFALGAR_SQUARE, PICCADILLY_CIRCUS),
        ("Piccadilly, London", None, PICCADILLY_CIRCUS),
        ("Victoria", MANCHESTER, (53.4877, -2.2416)),
        ("Victoria", TRAFALGAR_SQUARE, (51.4964, -0.1431)),
        ("Newport", (50.70, -1.29), (50.7015, -1.2912)),  # on the Isle of Wight
        ("Newport", None, NEWPORT_WALES),
        ("Bury", BURY_WEST_SUSSEX, BURY_WEST_SUSSEX),
        ("Bury", None, (53.593, -2.298)),  # the Greater Manchester town
        ("Oxford", TRAFALGAR_SQUARE, (51.752, -1.256)),  # a town's name means the town
    ],
)
def test_a_known_position_chooses_between_places_of_one_name(gazetteer, text, near, expected):
    assert_near(gazetteer.find(text, near=near), expected, km=1)


@pytest.mark.parametrize(
    ("text", "near", "expected"),
    [
        ("I'm at Piccadilly", MANCHESTER, PICCADILLY_MANCHESTER),
        ("I'm at Piccadilly", TRAFALGAR_SQUARE, PICCADILLY_CIRCUS),
        ("I'm near Victoria", TRAFALGAR_SQUARE, (51.4964, -0.1431)),
        ("stuck in Bury", BURY_WEST_SUSSEX, BURY_WEST_SUSSEX),
    ],
)
def test_find_in_text_prefers_the_place_nearest_the_device(gazetteer, text, near, expected):
    assert_near(gazetteer.find_in_text(text, near=near), expected, km=1)


@pytest.mark.parametrize(
    ("text", "kind", "label"),
    [
        ("Street", "place", "Street"),  # the Somerset town, not the hamlets called Street
        ("Blackwater", "place", "Blackwater, Hart"),  # the town, not the Cornish village
        ("Hope", "place", "Hope"),  # a GeoNames town, not Hope station
        ("Leeds", "place", "Leeds"),  # not Leeds, the village near Maidstone
    ],
)
def test_a_town_beats_a_hamlet_or_station_of_the_same_name(gazetteer, text, kind, label):
    place = gazetteer.find(text)
    assert (place.kind, place.label) == (kind, label)


def test_candidates_list_each_distinct_place_of_an_ambiguous_name(gazetteer):
    choices = gazetteer.candidates("Piccadilly")
    assert_near(choices[0], PICCADILLY_MANCHESTER, km=1)
    assert any(km_between((c.lat, c.lon), PICCADILLY_CIRCUS) < 1 for c in choices)
    # Manchester Piccadilly station, its tram stop and the gardens are one choice, not three.
    for i, a in enumerate(choices):
        for b in choices[i + 1 :]:
            assert km_between((a.lat, a.lon), (b.lat, b.lon)) > 1.5, (a, b)


@pytest.mark.parametrize(
    ("text", "near", "first"),
    [
        ("Piccadilly", TRAFALGAR_SQUARE, PICCADILLY_CIRCUS),
        ("Piccadilly", MANCHESTER, PICCADILLY_MANCHESTER),
        ("Leeds", None, LEEDS),
        ("LS1 4AP", None, LEEDS),
        ("shudehil", None, SHUDEHILL),
    ],
)
def test_candidates_put_the_likeliest_first(gazetteer, text, near, first):
    assert_near(gazetteer.candidates(text, near=near)[0], first, km=2)


@pytest.mark.parametrize(
    ("text", "limit", "count"),
    [
        ("Piccadilly", 2, 2),
        ("Piccadilly", 0, 0),
        ("zzzqqqxx", 5, 0),
        ("", 5, 0),
        ("LS1 4AP", 5, 1),
        ("High Street", 5, 5),  # of some 1,500
    ],
)
def test_candidates_respect_the_limit_and_find_nothing_in_nonsense(gazetteer, text, limit, count):
    assert len(gazetteer.candidates(text, limit=limit)) == count


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I'm in Water", "Water, Rossendale"),  # a village, named as one
        ("I'm at Bank", "Bank DLR station, City of London"),
        ("near Church End", "Church End"),
        ("I'm in Street", "Street"),
    ],
)
def test_an_everyday_word_is_a_place_when_capitalised_after_a_locative(gazetteer, text, label):
    assert label in gazetteer.find_in_text(text).label


def test_every_shipped_name_is_keyed_as_the_app_normalises_it():
    with gzip.open(DATA_DIR / "gazetteer" / NAMES_FILE, "rt", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) > 40_000
    wrong = [row["name"] for row in rows if _norm(row["name"]) != row["key"]]
    wrong += [
        alias
        for row in rows
        for alias in filter(None, row["alias_keys"].split("|"))
        if _norm(alias) != alias
    ]
    assert not wrong, f"rebuild with scripts/build_gazetteer.py: {wrong[:5]}"


def test_every_shipped_street_is_keyed_as_the_app_normalises_it_in_key_order():
    with gzip.open(DATA_DIR / "gazetteer" / STREETS_FILE, "rt", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) > 50_000
    wrong = [row["name"] for row in rows if _norm(row["name"]) != row["key"]]
    assert not wrong, f"rebuild with scripts/build_gazetteer.py: {wrong[:5]}"
    keys = [row["key"] for row in rows]
    assert keys == sorted(keys)  # the app groups a name's rows as they come


@pytest.mark.parametrize("name", [NAMES_FILE, STREETS_FILE, WORDS_FILE])
def test_shipped_name_files_stay_small(name):
    assert (DATA_DIR / "gazetteer" / name).stat().st_size < 3_000_000


def test_default_gazetteer_is_loaded_once():
    assert default_gazetteer() is default_gazetteer()


# ---- streets, from the streets NaPTAN stops stand on ---------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("Sauchiehall Street", "Sauchiehall Street, Glasgow", SAUCHIEHALL_STREET),
        ("sauchiehall st", "Sauchiehall Street, Glasgow", SAUCHIEHALL_STREET),
        ("Sauchiehall Street, Glasgow", "Sauchiehall Street, Glasgow", SAUCHIEHALL_STREET),
        ("sauchiehal street", "Sauchiehall Street, Glasgow", SAUCHIEHALL_STREET),
        ("Leith Walk", "Leith Walk, Edinburgh", LEITH_WALK),
        ("Lothian Rd", "Lothian Road, Edinburgh", LOTHIAN_ROAD),
        ("byres road", "Byres Road, Glasgow", BYRES_ROAD),
        ("Whiteladies Rd", "Whiteladies Road, Bristol", WHITELADIES_ROAD),
        ("Smithdown Road", "Smithdown Road, Liverpool", SMITHDOWN_ROAD),
        ("Stokes Croft", "Stokes Croft, Bristol", STOKES_CROFT),
        ("broad st birmingham", "Broad Street, Birmingham", BROAD_STREET_BIRMINGHAM),
        ("park street in bristol", "Park Street, Bristol", PARK_STREET_BRISTOL),
    ],
)
def test_streets_resolve_to_the_middle_of_their_stops(gazetteer, text, label, expected):
    place = gazetteer.find(text)
    assert_near(place, expected, km=1.5)
    assert (place.kind, place.label) == ("street", label)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Broad Street, Birmingham", "Broad Street, Birmingham"),
        ("Oxford Road Manchester", "Manchester Oxford Road station"),
        ("Piccadilly, London", "Piccadilly Circus Underground station, London"),
        # No High Street of Leeds is known (West Yorkshire's bus stops are missing): Leeds
        # itself, not Harrogate's, 24 km away.
        ("High Street, Leeds", "Leeds"),
        ("high street leeds", "Leeds"),
    ],
)
def test_a_name_searched_with_a_town_is_the_one_in_that_town(gazetteer, text, label):
    assert gazetteer.find(text).label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("girl on the floor shaking all over sauchiehall st", "Sauchiehall Street, Glasgow"),
        ("flat on leith walk", "Leith Walk, Edinburgh"),
        ("took pills. sorry. leith walk", "Leith Walk, Edinburgh"),
        ("kicking him on lothian rd", "Lothian Road, Edinburgh"),
        ("Im being followed on Byres Road", "Byres Road, Glasgow"),
        ("walking home through smithdown road", "Smithdown Road, Liverpool"),
        ("not hurt, want to sit somewhere, stokes croft", "Stokes Croft, Bristol"),
        ("at the top of park street in bristol", "Park Street, Bristol"),
        ("Broad St Birmingham", "Broad Street, Birmingham"),
        ("hit by a van, london road in derby", "London Road, Derby"),
        ("greggs on northumberland st in newcastle", "Northumberland Street, Newcastle upon Tyne"),
        ("I'm in Reading near Oxford Road", "Oxford Road, Reading"),
    ],
)
def test_find_in_text_finds_streets(gazetteer, text, label):
    place = gazetteer.find_in_text(text)
    assert place is not None
    assert (place.kind, place.label) == ("street", label)


@pytest.mark.parametrize(
    ("text", "near", "label"),
    [
        # Every town has a Park Street: the one beside the device, or none.
        ("I'm on Park Street", BRISTOL, "Park Street, Bristol"),
        ("on park street", BRISTOL, "Park Street, Bristol"),
        ("on broad street", None, None),
        ("on Broad Street", None, None),
        ("on broad street", BIRMINGHAM, "Broad Street, Birmingham"),
        ("on high street", MANCHESTER, None),  # none within walking distance in the data
        ("on Oxford Street", None, None),  # in 30 towns; London's buses are not in the data
        # A street named with another town is not found in the wrong one.
        ("on wind street in swansea", None, "Swansea"),
        # A Headingley Road 300 km from the device is not the one meant.
        ("on headingley road", LEEDS, None),
    ],
)
def test_a_street_many_towns_have_needs_a_town_or_a_position(gazetteer, text, near, label):
    place = gazetteer.find_in_text(text, near=near)
    assert (place.label if place else None) == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("in hanley", "Hanley, City of Stoke-on-Trent"),
        ("Hanley", "Hanley, City of Stoke-on-Trent"),  # the whole answer to "where are you?"
        ("where can I sit in Killin", "Killin"),  # a village, though "killin me" is a word
        ("somewhere to wait near anfield", "Anfield, Liverpool"),
        ("someone is trying the door, its 3am, crookes", "Crookes, Sheffield"),
        ("in the middle of euston", "London Euston station"),
        ("lad beaten up behind tesco in hull", "Kingston upon Hull"),
        ("im in Reading", "Reading"),
        ("stuck in harrow", "Harrow"),
        ("lost in crosby", "Crosby, Sefton"),
        ("got evicted, sleeping rough in newcastle", "Newcastle upon Tyne"),
        ("man on the street shouting, Stoke", "Stoke-on-Trent"),
    ],
)
def test_a_name_that_is_also_a_word_is_a_place_after_in_or_alone(gazetteer, text, label):
    place = gazetteer.find_in_text(text)
    assert place is not None
    assert place.label == label


def test_a_city_short_name_gives_way_to_a_smaller_town_of_that_name_nearby(gazetteer):
    assert_near(gazetteer.find("Newcastle", near=NEWCASTLE_COUNTY_DOWN), NEWCASTLE_COUNTY_DOWN, 2)
