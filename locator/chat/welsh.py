"""Read a Welsh message: which language it is in, its danger, needs, topics and places.

Welsh is read with its own tables (chat/rules_cy.py) beside the English ones, because people
in Wales mix the two ("mae'r battery yn fflat"). Words are put back to their radical form
(chat/mutations.py) before the rules run, and place names after "yng", "ym", "i", "o"... are
looked up in every radical form in the same gazetteer as the search box.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from locator.chat import rules
from locator.chat import rules_cy as tables
from locator.chat.matching import closest_word
from locator.chat.mutations import radicals
from locator.geo.gazetteer import Gazetteer, Place, english_words
from locator.geo.names import in_wales

WELSH = "cy"
ENGLISH = "en"

# Words only Welsh uses, by how surely each says the message is Welsh.
_WELSH_WORDS = dict.fromkeys(
    """
    mae maen dw dwi dwin rydw rydyn rydych ydw ydy ydi ydych dydw dydy dydi dyw rwy rwyf wyf
    ble alla galla gallaf allaf fedra medra fy yn yr rhywun ddim gyda gydag efo hefo wedi angen
    eisiau isio moyn nawr rwan yma fanna sydd oes does iawn achos oherwydd ffon mynd fynd dod
    ddod helpu helpwch diolch shwmae hefyd hwn hon nhw chi mewn neb rhywle unrhyw agosaf diogel
    ddiogel heddlu toiled gwefru batri marw sut pwy gallwch allwch chwilio siop gorsaf yng ym ac
    drwy trwy gan gen ganddo arna arnaf perygl mherygl ofn gwaed gwaedu anadlu cyllell nilyn
    dilyn allan fel neu beth plis ofnus gweld eich dych dach ydan bod fod oedd roedd
    gallu medru gennych hwnna honna rhain rheina gwybod wybod cael gael neithiwr
    heddiw heno yfory ddoe wythnos tarodd daro nharo nghuro mrifo fod rhywbeth dyn menyw
    """.split(),
    2,
) | dict.fromkeys("y fi ti fe fo ei eu ein ar dim bach da bore nos ger ty dwr helo o ma".split(), 1)
# Words only English uses, scored the same way, so "I'm in Llanelli" stays English.
_ENGLISH_WORDS = dict.fromkeys(
    """
    im my is are the and of you need where have please someone what this with was dont cant
    she they want there been somebody anyone near would could should its
    """.split(),
    2,
) | dict.fromkeys(
    # "can't" and "don't" are read as "can t", "don t".
    "i me to in on it at for just not get here now go he her him can don won didn isn".split(),
    1,
)
_TOKEN = re.compile(r"[a-z0-9%]+")
_NASAL_SPELLING = ("ngh", "mh", "nh")

# Short forms spelt out: "i'n" (I am), "mae'r" (is the), "i'm" (to my), "a'i" (and his).
_SHORT_FORMS = re.compile(r"(?<=\w)'(n|r|m|i|w|ch|th)\b")
_SHORT = {"n": " yn", "r": " yr", "m": " fy", "i": " ei", "w": " ei", "ch": " eich", "th": " dy"}
_SPELT_TOGETHER = {
    "dwi": "dw i",
    "dwin": "dw i yn",
    "rwin": "rw i yn",
    "rwyn": "rwy yn",
    "maen": "mae yn",
    "maer": "mae yr",
    "ir": "i yr",
    "or": "o yr",
    "tin": "ti yn",
    "fin": "fi yn",
    "hin": "hi yn",
    "nin": "ni yn",
    "chin": "chi yn",
    "sin": "sy yn",
    "syn": "sy yn",
    "ma": "mae",
    "dio": "dydy o",
    "sdim": "does dim",
    "di": "wedi",
    # "sai'n" and "dwi'm" are "I'm not" (south and north): "sai'n gallu" is "methu".
    "sai": "dw i ddim",
    "dwim": "dw i ddim",
}
# "'m" after "dwi" is "ddim" (not), not "fy" (my) as after "i": "dwi'm yn gallu anadlu".
_NOT_SHORT = re.compile(r"\b(dwi|dw i|doni|wi|sai)'m\b")
# "o'n" (he is) written without its apostrophe after a verb: "mae on aros" is "mae o yn aros".
_HE_IS = re.compile(r"\b(mae|roedd|oedd|bod|ma) on\b")
# Nasal mutations no other word than "fy" (my) or "yn" (in) causes before a known word.
_NASAL_ALONE = ("ngh", "mh", "nh", "ng")
_NASAL_AFTER = frozenset({"fy", "yn", "yng", "ym", "ein"})
_ARTICLE = re.compile(r"\byr (?=[b-df-gj-np-tvxz])")  # not before vowels, w and h
_CLAUSE_BREAKS = re.compile(r"[.,;:!?\n]+|\b(ond)\b")
# "Can't" said five ways, read as one: "dydy e ddim yn gallu anadlu" is "methu anadlu".
_CANNOT = re.compile(r"\b((ddim|dim) yn (gallu|medru)|ffaelu|ffili|ffeili|methu)\b")
_NON_WORD = re.compile(r"[^a-z0-9%| ]+")
_SPACES = re.compile(r"\s+")
# Common words no rule is about: never read as another word's mutation ("dan", under, is
# not "tân", fire; "wn i ddim", I don't know, is no gun) nor as a slip for a rule word
# ("cinio", lunch, is no "cicio", kicking; "menyn", butter, no "menyw", a woman).
_KEEP = frozenset(
    """
    dan dros drwy gan gyda fel fe fo mi na ne neu nes ger fod ddim dim mewn wedi newydd dal bob
    beth pa pan fan man wn gen fawr fach dda ddoe ddwy dri dair bedwar bump fil wyth naw deg
    gallu allu gall dos nos bore pryd bryd fydd bydd dy eich ni fi ti chi nhw hi mae ma yma
    cinio coffi siopa cario adeiladu casau tywyll golau llong menyn bwyta swper bagiau baglu
    """.split()
)

# Before a place name: "yng Nghaerdydd" (in Cardiff), "i Abertawe" (to Swansea).
_BEFORE_PLACE = frozenset(
    """
    yng ym yn i o ger ac a am or ir wrth ar at tua heibio drwy trwy dros rhwng canol nghanol
    ganol tuag agos ochr bwys pwys ymyl gyferbyn gwmpas lawr lan
    """.split()
)
# Everyday words for where someone is ("ar y stryd", on the street) that hamlets are named.
_EVERYDAY_NOUNS = frozenset(
    """
    stryd heol ffordd lon gorsaf tref dref dinas canol siop ysgol ysbyty parc pentref traeth
    sgwar maes eglwys capel tafarn dafarn caffi gwesty clwb neuadd marchnad afon bws tren ty
    fflat cartref adref adre gwaith coleg prifysgol llyfrgell swyddfa canolfan dre ardal bryn
    pant cwm coed nant mynydd llyn mor cae fferm pentre tai bont pont castell gardd gerddi porth
    aber glan llan tre gwaelod top ochr ymyl cornel harbwr cei doc marina
    """.split()
)
_ARTICLES = frozenset({"y", "yr"})
# Kinds of place a Welsh phrase may name; streets and stops need the search box's care.
_PLACE_KINDS = frozenset({"place", "station", "suburb", "landmark", "airport", "locality"})
_TOWN_KINDS = frozenset({"place"})
# Said around a bare place name: "Caerdydd plis".
_POLITE = frozenset({"plis", "please", "diolch", "os", "gwelwch", "yn", "dda"})
_PLACE_PHRASE_WORDS = 6  # "Pen-y-bont ar Ogwr" is five
# Towns Welsh speakers call by a short name: "yn Aber" is Aberystwyth, not the village Aber.
_SHORT_NAMES = {"aber": "aberystwyth", "cnarfon": "caernarfon", "abs": "aberystwyth"}


def _compile(table):
    return tuple((name, re.compile(_expand(pattern))) for name, pattern in table)


def _expand(pattern: str) -> str:
    return re.sub(r"<([A-Z_]+)>", lambda m: tables.CLASSES[m.group(1)], pattern)


EVERYDAY = tuple(re.compile(_expand(p)) for p in tables.EVERYDAY)
EMERGENCY = _compile(tables.EMERGENCY)
FACILITY_RULES = _compile(tables.FACILITIES)
TOPIC_RULES = _compile(tables.TOPICS)
INTENT_RULES = _compile(tables.INTENTS)
NEGATION = re.compile(tables.NEGATION)
FRESH = re.compile(tables.FRESH)
PAST = re.compile(tables.PAST)
LONG_PAST = re.compile(tables.LONG_PAST)
NOW = re.compile(tables.NOW)
REMOTE = re.compile(tables.REMOTE)
NOT_ACTING = re.compile(tables.NOT_ACTING)
WHEELS = re.compile(r"\b(cadair olwyn|cadeiriau olwyn|sgwter symudedd)\b")
MALE_VICTIM = re.compile(tables.MALE_VICTIM)
PARTNER_IS_WOMAN = re.compile(tables.PARTNER_IS_WOMAN)
LOCATIVE = re.compile(tables.LOCATIVE)
ASKING = re.compile(tables.ASKING)
ASKING_IN_DANGER = re.compile(tables.ASKING_IN_DANGER)
NEEDLESS = re.compile(tables.NEEDLESS)
NEED = re.compile(tables.NEED)
PLACE_LIKE = {"toilet", "accessible_toilet", "seating", "private_room"}
# A negation this many words or fewer before a danger word cancels it.
NEGATION_REACH = 6


@cache
def lexicon() -> frozenset[str]:
    """Return every word the Welsh tables are written in (their radical forms)."""
    words: set[str] = set()
    sources = [
        *tables.CLASSES.values(),
        *tables.EVERYDAY,
        *(p for _, p in tables.EMERGENCY + tables.FACILITIES + tables.TOPICS + tables.INTENTS),
        *(
            value
            for name, value in vars(tables).items()
            if name.isupper() and isinstance(value, str)
        ),
    ]
    for pattern in sources:
        words.update(re.findall(r"[a-z]{2,}", re.sub(r"\\[a-zA-Z]", " ", pattern)))
    return frozenset(words | _KEEP)


def _fold(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def language_of(text: str) -> str | None:
    """Return "cy" or "en" for the language a message is written in, or None if it says none.

    Scored on words only one language uses, so a place name ("Llanelli", "CF10 1EP") or a
    word both share ("help") leaves the choice to the conversation or the page.
    """
    words = _TOKEN.findall(_fold(text if isinstance(text, str) else "")[:1000].replace("'", " "))
    welsh = sum(_WELSH_WORDS.get(word, 0) for word in words)
    # A nasal mutation ("nghariad", "mhartner", "nhad") is spelt so only in Welsh.
    welsh += 2 * sum(len(word) > 3 and word.startswith(_NASAL_SPELLING) for word in words)
    english = sum(_ENGLISH_WORDS.get(word, 0) for word in words)
    if welsh >= 2 and welsh > english:
        return WELSH
    if english >= 2 and english >= welsh:
        return ENGLISH
    return None


# A word this long or longer, unknown in any radical form, is read as the table word one slip
# away ("cyllel" is "cyllell", knife); shorter ones are too often other words.
TYPO_LENGTH = 5


@cache
def _vocabulary() -> tuple[str, ...]:
    return tuple(sorted(word for word in lexicon() if len(word) >= TYPO_LENGTH - 1))


def _radical(word: str) -> str:
    """Return a word as the tables write it: itself, its radical, or the word it misspells."""
    known = lexicon()
    if word in known or len(word) < 2:
        return word
    found = next((form for form in radicals(word)[1:] if form in known), None)
    if found is not None:
        return found
    if len(word) < TYPO_LENGTH or not word.isalpha() or word in english_words():
        return word
    # A slip in a nasal mutation ("nillyn") is mended in its radical; a soft one is too often
    # another word ("dywyll", dark, is no "twyll", fraud).
    forms = radicals(word) if word[:1] in ("n", "m") else (word,)
    for form in forms:
        slip = closest_word(form, _vocabulary())
        if slip is not None:
            return slip
    return word


def normalise(text: str) -> str:
    """Return Welsh text as the tables read it: plain letters, clauses, radical forms."""
    text = _NOT_SHORT.sub(r"\1 ddim", _fold(text))
    text = _HE_IS.sub(r"\1 o yn", _SHORT_FORMS.sub(lambda m: _SHORT[m.group(1)], text))
    text = re.sub(r"(?<![\w'])'(ma|na)\b", r" y\1", text)  # "bore 'ma", "mae 'na"
    text = _CLAUSE_BREAKS.sub(" | ", text.replace("'", ""))
    text = _NON_WORD.sub(" ", text)
    words = []
    for word in text.split():
        words.extend(_SPELT_TOGETHER.get(word, word).split())
    text = _CANNOT.sub("methu", " ".join(_read_words(words)))
    # "'r" is written "yr" above; before a consonant Welsh says "y": "i'r tŷ" is "i y ty".
    text = _ARTICLE.sub("y ", text)
    return _SPACES.sub(" ", text).strip()


def _read_words(words: list[str]) -> list[str]:
    """Return words in their radical forms, with the "fy" a nasal mutation says by itself."""
    read = []
    for before, word in zip(["", *words], words, strict=False):
        radical = _radical(word)
        if radical != word and word.startswith(_NASAL_ALONE) and before not in _NASAL_AFTER:
            read.append("fy")  # "ma nghariad i" (my girlfriend) drops the "fy" it mutates after
        read.append(radical)
    return read


@dataclass
class Reading:
    """What the Welsh tables find in a message, for the engine to join with the English."""

    fired: list[str] = field(default_factory=list)
    facilities: list[str] = field(default_factory=list)
    asked: set[str] = field(default_factory=set)
    asked_in_danger: set[str] = field(default_factory=set)
    topics: list[str] = field(default_factory=list)
    intents: list[str] = field(default_factory=list)
    man: bool = False  # the writer says he is a man
    partner_is_woman: bool = False


def read(message: str) -> Reading:
    """Read one Welsh message with the Welsh tables."""
    text = normalise(message)
    reading = Reading(fired=_danger(text))
    for code, pattern in FACILITY_RULES:
        hits = [m for m in pattern.finditer(text) if not _needless(text, m.start(), code)]
        if not hits:
            continue
        reading.facilities.append(code)
        clause = text[: hits[0].start()].rsplit("|", 1)[-1]
        if ASKING.search(clause) or ASKING.search(hits[0].group()):
            reading.asked.add(code)
        if ASKING_IN_DANGER.search(clause) or ASKING_IN_DANGER.search(hits[0].group()):
            reading.asked_in_danger.add(code)
    if "accessible_toilet" in reading.facilities and "toilet" in reading.facilities:
        reading.facilities.remove("toilet")  # "toiled anabl" asks for the accessible one
    elif "toilet" in reading.facilities and WHEELS.search(text):
        # Someone in a wheelchair asking for a toilet needs the accessible one.
        reading.facilities[reading.facilities.index("toilet")] = "accessible_toilet"
        reading.asked |= {"accessible_toilet"} if "toilet" in reading.asked else set()
    reading.topics = [name for name, pattern in TOPIC_RULES if pattern.search(text)]
    reading.intents = [name for name, pattern in INTENT_RULES if pattern.search(text)]
    reading.man = bool(MALE_VICTIM.search(text))
    reading.partner_is_woman = bool(PARTNER_IS_WOMAN.search(text))
    if reading.asked and "scheme" not in reading.intents and "about" in reading.intents:
        reading.intents.remove("about")  # "oes wifi am ddim yn y caffi?" asks for a place
    return reading


def _blank_everyday(text: str) -> str:
    for pattern in EVERYDAY:
        text = pattern.sub(" ", text)
    return text


def _danger(text: str) -> list[str]:
    """Return the danger rules a Welsh message fires, less those told as over or far away."""
    calm = _blank_everyday(text)
    fired = [
        name
        for name, pattern in EMERGENCY
        if any(
            name not in tables.NEGATABLE or not _negated(calm, m.start())
            for m in pattern.finditer(calm)
        )
    ]
    fired = list(dict.fromkeys(fired))  # a rule may have several entries
    if not fired:
        return fired
    now = NOW.search(_blank_everyday(PAST.sub(" ", text)))
    if REMOTE.search(text) and not now:
        fired = [name for name in fired if name not in rules.REMOTE_RULES]
    if NOT_ACTING.search(text):
        fired = [name for name in fired if name not in rules.NOT_ACTING_RULES]
    if LONG_PAST.search(text) and not now:
        fired = [name for name in fired if name not in rules.LONG_PAST_ONLY_RULES]
    if set(fired) <= rules.PAST_ONLY_RULES and PAST.search(text) and not now:
        return []  # "fe wnaeth e fy nharo i neithiwr" (he hit me last night): support, not 999
    return fired


def _negated(text: str, start: int) -> bool:
    """Tell whether a "not" or "nobody" just before `start`, in its clause, cancels it."""
    clause = text[:start].rsplit("|", 1)[-1]
    negations = list(NEGATION.finditer(clause))
    if not negations:
        return False
    after = clause[negations[-1].end() :]
    return len(after.split()) <= NEGATION_REACH and not FRESH.search(after)


def _needless(text: str, start: int, code: str) -> bool:
    """Tell whether a need is cancelled ("dim angen toiled") or only says where someone is."""
    clause = text[:start].rsplit("|", 1)[-1]
    if code in PLACE_LIKE and LOCATIVE.search(clause):
        return True  # "yn y tŷ bach" (in the toilet) says where, not what is needed
    cancels = list(NEEDLESS.finditer(clause))
    return bool(cancels) and not NEED.search(clause[cancels[-1].end() :])


def find_place(
    message: str, gazetteer: Gazetteer, near: tuple[float, float] | None = None
) -> Place | None:
    """Return a place a Welsh message names after "yng", "ym", "i", "o"..., mutated or not.

    The longest name wins ("Pen-y-bont ar Ogwr" over "Pen-y-bont"); a name Welsh and English
    towns share is the Welsh one ("ym Mangor" is Bangor, Gwynedd), unless `near` says
    otherwise. Failing that, a town named anywhere counts ("mae fy ffôn wedi marw, Abertawe").
    """
    words = _words(message)
    return _longest(words, gazetteer, near, after_a_word=True) or _longest(
        words, gazetteer, near, after_a_word=False
    )


def _longest(words: list[str], gazetteer: Gazetteer, near, after_a_word: bool) -> Place | None:
    """Return the longest place name after a preposition, or (not after one) the longest town."""
    best: tuple[int, Place] | None = None
    for start in range(len(words)):
        if after_a_word and (start == 0 or words[start - 1] not in _BEFORE_PLACE):
            continue
        for size in range(min(_PLACE_PHRASE_WORDS, len(words) - start), 0, -1):
            if best is not None and size <= best[0]:
                break
            place = _named(words[start : start + size], gazetteer, near, towns=not after_a_word)
            if place is not None:
                best = (size, place)
                break
    return best[1] if best else None


def bare_place(
    message: str, gazetteer: Gazetteer, near: tuple[float, float] | None = None
) -> Place | None:
    """Return the town a message is nothing but the Welsh name of ("Caerdydd", "Abertawe plis").

    The answer to "where are you?" in a Welsh conversation, which the gazetteer's reading of
    sentences leaves to a locative ("in Caerdydd").
    """
    words = [word for word in _words(message) if word not in _POLITE]
    if not 0 < len(words) <= _PLACE_PHRASE_WORDS:
        return None
    return _named(words, gazetteer, near, towns=True)


def _words(message: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", _fold(message if isinstance(message, str) else "")[:1000])


def the_one_in_wales(place: Place, gazetteer: Gazetteer) -> Place:
    """Return the town of the same name in Wales, if there is one: in Welsh, Bangor is Gwynedd's."""
    if place.kind != "place" or in_wales(place.lat, place.lon):
        return place
    same = (p for p in gazetteer.candidates(place.label, limit=8) if p.label == place.label)
    return next((p for p in same if p.kind == "place" and in_wales(p.lat, p.lon)), place)


def names_a_welsh_word(place: Place) -> bool:
    """Tell whether a place's name is an everyday Welsh word ("Aros", to wait), not a place."""
    words = _fold(place.label.split(",")[0]).split()
    if words[:1] in (["y"], ["yr"]):
        words = words[1:]  # "Y Parc" is "the park"
    return len(words) == 1 and words[0] in lexicon() | _EVERYDAY_NOUNS


def _town_it_shortens(word: str, gazetteer: Gazetteer) -> list[Place]:
    """Return the town in Wales whose name a single word begins ("Merthyr Tydfil"), if any."""
    return [
        p
        for p in gazetteer.suggestions(word, limit=5)
        if p.kind == "place" and _fold(p.label).startswith(word + " ") and in_wales(p.lat, p.lon)
    ][:1]


def _common(word: str) -> bool:
    """Tell whether a word is an everyday word in either language, not a place's name."""
    if word in lexicon() or word in _EVERYDAY_NOUNS or len(word) < 3 or word.isdigit():
        return True
    return english_words().get(word, 0.0) >= 3.5


def _written_in_two(words: list[str], phrase: str, gazetteer: Gazetteer) -> bool:
    """Tell whether two words are a town's name split in two ("aber tawe" is Abertawe)."""
    if len(words) != 2 or min(len(word) for word in words) < 3 or gazetteer.knows(phrase):
        return False
    joined = phrase.replace(" ", "")
    return gazetteer.knows(joined) and any(
        p.kind == "place" for p in gazetteer.candidates(joined, limit=3)
    )


def _named(words: list[str], gazetteer: Gazetteer, near, towns: bool = False) -> Place | None:
    """Return the place a phrase names with its first word in any radical form, or None.

    A phrase of everyday words ("y parc", the park) names no place, nor does a single word
    whose radical is an everyday one ("fan", a place, is no "Man"). With `towns`, only a town
    or city counts.
    """
    if words[0] not in _SHORT_NAMES and all(_common(word) or word in _ARTICLES for word in words):
        return None
    if len(words) == 1 and any(form in lexicon() for form in radicals(words[0])[1:]):
        return None  # "am gam-drin" (about abuse) is the rule word "cam", not Gam
    for first in radicals(words[0]):
        phrase = " ".join([first, *words[1:]])
        if len(words) == 1 and first in _SHORT_NAMES:
            phrase = _SHORT_NAMES[first]
        elif _written_in_two(words, phrase, gazetteer):
            phrase = phrase.replace(" ", "")  # a name written in two: "aber tawe", "caer dydd"
        if (len(words) == 1 and first != words[0] and _common(first)) or not gazetteer.knows(
            phrase
        ):
            continue
        kinds = _TOWN_KINDS if towns else _PLACE_KINDS
        found = [p for p in gazetteer.candidates(phrase, limit=8, near=near) if p.kind in kinds]
        if not any(p.kind == "place" for p in found) and len(words) == 1:
            # "Merthyr" alone names a hamlet, but people mean the town whose name it starts.
            found = _town_it_shortens(phrase, gazetteer) + found
        if not found:
            continue
        if near is not None:
            return found[0]  # ranked by the distance from the device
        return next((p for p in found if in_wales(p.lat, p.lon)), found[0])
    return None
