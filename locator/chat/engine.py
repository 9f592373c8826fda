"""Read a message: is it an emergency, what is needed, where, and which helplines fit."""

from __future__ import annotations

import re
from dataclasses import dataclass

from locator.chat import rules, scores, welsh
from locator.chat.matching import correct_typos, normalise
from locator.chat.prefilter import Prefiltered, scan
from locator.domain import helplines as lines
from locator.domain.vocabulary import FACILITIES
from locator.geo.gazetteer import Gazetteer, Place, km_between

MAX_MESSAGE = 1000
LETTERS = re.compile(r"[A-Za-z]")
OTHER_SCRIPT_CRIES = re.compile(rules.OTHER_SCRIPT_CRIES)


CLASS_NAME = re.compile(r"<([A-Z_]+)>")


def _expand(pattern: str) -> str:
    """Replace each <CLASS> in a rule by its word class (rules.CLASSES)."""
    return CLASS_NAME.sub(lambda m: rules.CLASSES[m.group(1)], pattern)


def _compile(table):
    # Most messages fire few of these long rules: each skips a text lacking every word it needs.
    return tuple((name, Prefiltered(re.compile(_expand(pattern)))) for name, pattern in table)


EVERYDAY = tuple(Prefiltered(re.compile(pattern)) for pattern in rules.EVERYDAY)
EMERGENCY = _compile(rules.EMERGENCY)
EMERGENCY_BY_NAME = dict(EMERGENCY)
FACILITY_RULES = _compile(rules.FACILITIES)
TOPIC_RULES = _compile(rules.TOPICS)
INTENT_RULES = _compile(rules.INTENTS)
NEGATION = re.compile(rules.NEGATION)
NEED = re.compile(rules.NEED)
DENIED = re.compile(rules.DENIED)
PAST = re.compile(rules.PAST)
NOW = re.compile(_expand(rules.NOW))
NEAR_NOW = re.compile(_expand(rules.NEAR_NOW))
ABSENT = re.compile(rules.ABSENT)
CONTROL = Prefiltered(re.compile(rules.CONTROL))  # read for most messages: skipped cheaply
RESOLVED = re.compile(rules.RESOLVED)
LOCATIVE = re.compile(rules.LOCATIVE)
ASKING = re.compile(rules.ASKING)
ASKING_IN_DANGER = re.compile(rules.ASKING_IN_DANGER)
NO_PHONE = re.compile(rules.NO_PHONE)
BORROW = re.compile(rules.BORROW_PHONE)
COLLAPSE = re.compile(rules.COLLAPSE)
WHEELS = re.compile(rules.WHEELS)
INJURY_RULES = {"bleeding", "serious_injury"}
PLACE_LIKE = {"toilet", "accessible_toilet", "seating", "private_room"}
LONG_PAST = re.compile(rules.LONG_PAST)
NOT_ACTING = re.compile(rules.NOT_ACTING)
REMOTE = re.compile(rules.REMOTE)
ADVICE_TOPICS = {"police", "medical"}
# Intent rules that only weigh in the choice; they are never the answer's intent themselves.
CUES = {"advice", "off_topic", "feeling_unsafe", "scheme", "request", "somewhere"}
# Topics whose lines go beside a search when a place is asked for (the others answer first).
PLACE_FIRST_TOPICS = ADVICE_TOPICS | {"domestic_abuse", "male_victim", "homeless"}
SELF_HARM_RULES = {"self_harm_now", "self_poisoned", "suicide_now"}
MALE_VICTIM = re.compile(rules.MALE_VICTIM)
PARTNER_IS_WOMAN = re.compile(rules.PARTNER_IS_WOMAN)
MALE_PARTNER = re.compile(rules.MALE_PARTNER)
FEMALE_VICTIM = re.compile(rules.FEMALE_VICTIM)
# Places a Welsh message names plainly ("Cardiff Central") that say more than a town named
# after "yng" or "i" beside them.
EXACT_KINDS = {"station", "stop", "street", "landmark", "suburb"}
EXACT_WITHIN_KM = 30.0
WELSH_SAYS_ITSELF = {"thanks", "greeting"}
SCORED = "scored"  # danger read by the danger score's weights, not by a rule
MIN_SCORED_WORDS = 3
# The danger score reads no tense and no idiom, so where the rules have read a message it
# must be surer. Figures from the 53 development writers, each read by a score that never
# saw it (danger caught / false alarms among messages no rule fired on):
# - danger words told as over with the person gone ("he's not here now"): the score is not
#   asked; 134 such messages held 3 dangers, each read now by a rule ("he's back and..."), and
#   it would have raised 5 false alarms;
# - told as over otherwise ("last week", "I'm ok now", online): 487 messages held 46 dangers,
#   37 / 10 at the score's own threshold, 29 / 4 at 0.95 and 29 / 1 at OVER_THRESHOLD;
# - words set aside as everyday talk ("nosebleed", "killing me") or control told as a way of
#   life ("takes my bank card"): 2,071 messages held 39 dangers, 31 / 27, then 27 / 8.
OVER_THRESHOLD = 0.97
SURER_THRESHOLD = 0.90
TOLD_AS_OVER, EVERYDAY_READ = "over", "everyday"


@dataclass(frozen=True)
class Analysis:
    """What a message says, and which rules said so."""

    intent: str
    emergency: bool
    facilities: tuple[str, ...]
    place: Place | None
    helplines: tuple[lines.Helpline, ...]
    topics: tuple[str, ...]
    matched: tuple[str, ...]
    truncated: bool
    carried_topics: tuple[str, ...] = ()  # this message's topics and the conversation's
    # Asks something a safe space cannot help with ("weather in Leeds"), and no place to be.
    off_topic: bool = False
    # The language the message is written in ("en", "cy", None when it says none); once read
    # in its conversation (conversation.follow_on), the language to answer in.
    language: str | None = None
    # In Wales: written in Welsh or naming a place there, so Wales's own lines come first.
    wales: bool = False


def _variants(text: str, correct: bool = True) -> tuple[str, ...]:
    """Return the normalised text and, when different, its typo-corrected reading.

    Welsh is not corrected: "cael" (to get) is no slip for "call".
    """
    plain = normalise(text)
    corrected = correct_typos(plain) if correct else plain
    return (scan(plain),) if corrected == plain else (scan(plain), scan(corrected))


def _first_match(pattern: re.Pattern, texts: tuple[str, ...]) -> re.Match | None:
    for text in texts:
        found = pattern.search(text)
        if found:
            return found
    return None


def _negated(text: str, start: int, code: str) -> bool:
    """Return True when the need at `start` is cancelled ("I don't need the toilet")."""
    clause = text[:start].rsplit("|", 1)[-1]
    if code in PLACE_LIKE and LOCATIVE.search(clause):
        return True  # "in the toilets at Leeds station" says where, not what is needed
    if code != "phone_charging" and DENIED.search(clause[-20:]):
        return True  # "not thirsty"; but "phone not charging" still needs a charger
    negations = list(NEGATION.finditer(clause))
    if not negations:
        return False
    # A fresh "I need" or "just" after the cancelling words starts a new request.
    return not NEED.search(clause[negations[-1].end() :])


def _facilities(texts: tuple[str, ...]) -> tuple[list[str], list[str], set[str], set[str]]:
    """Return the facilities named, their rules, those asked for, and those asked for plainly."""
    found, matched, asked, asked_in_danger = [], [], set(), set()
    for code, pattern in FACILITY_RULES:
        for text in texts:
            if code == "toilet" and "accessible_toilet" in found:
                break  # "disabled toilet" asks for the accessible one, not any toilet
            hits = [m for m in pattern.finditer(text) if not _negated(text, m.start(), code)]
            if hits:
                found.append(code)
                matched.append(f"facility:{code}")
                clause = text[: hits[0].start()].rsplit("|", 1)[-1]
                if ASKING.search(clause) or ASKING.search(hits[0].group()):
                    asked.add(code)
                if ASKING_IN_DANGER.search(clause) or ASKING_IN_DANGER.search(hits[0].group()):
                    asked_in_danger.add(code)
                break
    if (
        "step_free" in found
        and "toilet" in found
        and "accessible_toilet" not in found
        and _first_match(WHEELS, texts)
    ):
        # A wheelchair user asking for a toilet needs the accessible one.
        found[found.index("toilet")] = "accessible_toilet"
        asked.add("accessible_toilet")
    if (
        "phone_charging" in found
        and "phone_use" in found
        and not _first_match(NO_PHONE, texts)
        and not _first_match(BORROW, texts)
    ):
        found.remove("phone_use")  # "phone on 3%, need to call a taxi": a charge is the answer
    asked.add("phone_charging")  # a dying phone is a need in itself, danger or not
    asked_in_danger.add("phone_charging")
    # A wheelchair user needs a way in whatever the danger, as a dying phone needs a charge.
    asked_in_danger.update(asked & {"step_free", "accessible_toilet"})
    return found, matched, asked, asked_in_danger


def _emergency_facilities(found: list[str], asked: set[str], fired: list[str], texts) -> list:
    """In danger, keep what was asked for outright, and a defibrillator for a collapse.

    An injury does not narrow the places to those with first aid: the ambulance is the answer,
    and the nearest open place matters more. A defibrillator can save someone who has collapsed
    and is not breathing, so that search is worth narrowing.
    """
    kept = [code for code in found if code in asked]
    if "not_breathing" in fired and _first_match(COLLAPSE, texts) and "defibrillator" not in kept:
        kept.append("defibrillator")
    return kept


def analyse(
    message: str,
    gazetteer: Gazetteer | None = None,
    near: tuple[float, float] | None = None,
    *,
    scored_intent: bool = True,
) -> Analysis:
    """Read one message; never raises for any text. `near` settles names shared by places.

    Without `scored_intent` the intent is the rules' alone (to learn the intent score by).
    """
    text = message if isinstance(message, str) else ""
    truncated = len(text) > MAX_MESSAGE
    text = OTHER_SCRIPT_CRIES.sub(" help ", text[:MAX_MESSAGE])
    if not LETTERS.search(text):
        return Analysis("unknown", False, (), None, (), (), (), truncated)
    language = welsh.language_of(text)
    # A Welsh message is read by the Welsh tables too, beside the English (people mix them).
    cy = welsh.read(text) if language == welsh.WELSH else welsh.Reading()
    texts = _variants(text, correct=language != welsh.WELSH)
    matched: list[str] = []

    fired, reading = _danger(texts)
    fired += [name for name in cy.fired if name not in fired]
    # What the scores read, worked out once for both; English only (see scores), and not when
    # a rule has read danger: neither score speaks then.
    found = scores.features(texts[0]) if language != welsh.WELSH and not fired else {}
    # Two words are too little to read danger from ("bathroom pls"); short cries ("help",
    # "sos", "hes here") are the rules'.
    if (
        found
        and _words(texts[0]) >= MIN_SCORED_WORDS
        and not (reading == TOLD_AS_OVER and _first_match(ABSENT, texts))
        and scores.danger_table().passes(found, _bar(reading, texts))
    ):
        # Words the rules have not met, but which read like danger: 999 leads, as for any.
        # Not for Welsh: the score has read too little of it (see scores).
        fired = [SCORED]
    emergency = bool(fired)
    matched += [f"emergency:{name}" for name in fired]

    topics = []
    for name, pattern in TOPIC_RULES:
        if _first_match(pattern, texts):
            topics.append(name)
    topics += [name for name in cy.topics if name not in topics]
    matched += [f"topic:{name}" for name in topics]
    if emergency:
        # 999 answers now for both 111 and 101; someone harming themselves also gets Samaritans.
        topics = [topic for topic in topics if topic not in ADVICE_TOPICS | {"hate_crime"}]
        if set(fired) & SELF_HARM_RULES and "suicidal" not in topics:
            topics.append("suicidal")

    facilities, facility_rules, asked, asked_in_danger = _both_facilities(texts, cy)
    matched += facility_rules
    if emergency:
        facilities = _emergency_facilities(facilities, asked_in_danger, fired, texts)

    intents = _intents(texts, cy, language)
    matched += [f"intent:{name}" for name in intents]
    intent = _intent(emergency, intents, topics, facilities)
    # A helpline topic the rules read ("feel really ill": 111) is the surer reading.
    if scored_intent and found and not emergency and not (intent == "support" and topics):
        intent = _scored(intent, found, matched)
    if intent == "unknown" and "off_topic" in intents:
        facilities = []
    if intent == "register":
        facilities = []  # a business saying what it has, not a need
    elif intent in ("about", "support"):
        # A question or a helpline call: only a facility asked for outright counts.
        facilities = [code for code in facilities if code in asked]
    place = _place(text, gazetteer, near, language)
    topics = _support_topics(topics, texts, cy)
    wales = language == welsh.WELSH or (place is not None and welsh.in_wales(place.lat, place.lon))
    return Analysis(
        intent=intent,
        emergency=emergency,
        facilities=tuple(facilities),
        place=place,
        helplines=lines.for_topics(topics, intent == "emergency", wales, language == welsh.WELSH),
        topics=tuple(topics),
        matched=tuple(matched),
        truncated=truncated,
        off_topic="off_topic" in intents and "somewhere" not in intents,
        language=language,
        wales=wales,
    )


def _words(text: str) -> int:
    return len(scores.WORD.findall(text))


def _scored(intent: str, found: dict[str, int], matched: list[str]) -> str:
    """Return the intent score's intent where it is surer than its threshold, else the rules'."""
    table = scores.intent_table()
    guess, probability = table.likeliest(found)
    if guess == intent or probability < table.threshold:
        return intent
    matched.append(f"intent:scored:{guess}")
    return guess


def _both_facilities(texts: tuple[str, ...], cy: welsh.Reading):
    """Return `_facilities` of the English tables joined with the Welsh tables' needs."""
    found, matched, asked, asked_in_danger = _facilities(texts)
    if not cy.facilities:
        return found, matched, asked, asked_in_danger
    joined = set(found) | set(cy.facilities)
    if "accessible_toilet" in joined:
        joined.discard("toilet")  # one toilet at most: the one asked for
    found = [code for code in FACILITIES if code in joined]
    matched = [f"facility:{code}" for code in found]
    return found, matched, asked | cy.asked, asked_in_danger | cy.asked_in_danger


def _intents(texts: tuple[str, ...], cy: welsh.Reading, language: str | None) -> list[str]:
    """Return the intent rules the English tables fire, then the Welsh tables'."""
    intents = [name for name, pattern in INTENT_RULES if _first_match(pattern, texts)]
    if language == welsh.WELSH:
        # Welsh says its own hellos and thanks: "tŷ" (house) is no "ty" (thanks).
        intents = [name for name in intents if name not in WELSH_SAYS_ITSELF]
    return intents + [name for name in cy.intents if name not in intents]


def _place(text: str, gazetteer: Gazetteer | None, near, language: str | None) -> Place | None:
    """Return the place a message names; in Welsh, mutated names after "yng", "i"... too."""
    if gazetteer is None:
        return None
    place = gazetteer.find_in_text(text, near=near)
    if language == welsh.WELSH:
        if place is not None and welsh.names_a_welsh_word(place):
            place = None  # "aros am dacsi" (waiting for a taxi) is not Aros, Argyll
        elif place is not None and near is None:
            place = welsh.the_one_in_wales(place, gazetteer)
        place = _welsh_place(place, welsh.find_place(text, gazetteer, near))
    elif language is None and place is None:
        place = welsh.bare_place(text, gazetteer, near)  # "Caerdydd" after "ble ydych chi?"
    return place


def _welsh_place(named: Place | None, after_a_word: Place | None) -> Place | None:
    """Choose between what the gazetteer reads in a Welsh message and a name after "yng", "i"...

    A postcode is kept, and a station or street in or by the town named ("Cardiff Central, yng
    Nghaerdydd"); otherwise the mutated name is the surer reading ("ym Mangor" is
    Bangor, Gwynedd, where the plain reading may pick another Bangor or none).
    """
    if after_a_word is None or (named is not None and named.kind in ("postcode", "district")):
        return named
    if (
        named is not None
        and named.kind in EXACT_KINDS
        and km_between((named.lat, named.lon), (after_a_word.lat, after_a_word.lon))
        <= EXACT_WITHIN_KM
    ):
        return named
    return after_a_word


def _bar(reading: str, texts: tuple[str, ...]) -> float | None:
    """Return how sure the danger score must be, by how the rules read the message."""
    if reading == TOLD_AS_OVER:
        return OVER_THRESHOLD
    if reading == EVERYDAY_READ or _first_match(CONTROL, texts):
        return SURER_THRESHOLD
    return None  # the score's own threshold


def _danger(texts: tuple[str, ...]) -> tuple[list[str], str]:
    """Return the danger rules a message fires, less those it tells as over, far or not acted.

    The second value says how the rules read a message none fired on: TOLD_AS_OVER (danger
    words, all set aside), EVERYDAY_READ (words blanked as everyday talk) or "".
    """
    calm = tuple(scan(_blank_everyday(text)) for text in texts)
    fired = [name for name, pattern in EMERGENCY if _first_match(pattern, calm)]
    if not fired:
        return fired, EVERYDAY_READ if calm != texts else ""
    # What says "now" counts only outside the words that say "over" ("not here now").
    present = tuple(_blank_everyday(PAST.sub(" ", text)) for text in texts)
    close_now = _first_match(NOW, present) or (
        _first_match(NEAR_NOW, present) and not _first_match(ABSENT, texts)
    )
    if _first_match(REMOTE, texts) and not close_now:
        fired = [name for name in fired if name not in rules.REMOTE_RULES]
    if _first_match(RESOLVED, texts) and not close_now:
        fired = [name for name in fired if name not in rules.RESOLVED_RULES]
    if _first_match(NOT_ACTING, texts):
        fired = [name for name in fired if name not in rules.NOT_ACTING_RULES]
    if _first_match(LONG_PAST, texts) and not (
        _first_match(NOW, texts) or _first_match(NEAR_NOW, texts)
    ):
        fired = [
            name
            for name in fired
            if name not in rules.LONG_PAST_ONLY_RULES or _fires_in_a_present_clause(name, calm)
        ]
    if set(fired) <= rules.CONFINED_RULES and _first_match(CONTROL, texts) and not close_now:
        return [], TOLD_AS_OVER  # "won't let me leave the house or have money": for a helpline
    told_as_over = set(fired) <= rules.PAST_ONLY_RULES and _first_match(PAST, texts)
    if fired and told_as_over and not close_now:
        return [], TOLD_AS_OVER  # "I was assaulted last year": support, not 999
    return fired, "" if fired else TOLD_AS_OVER


def _fires_in_a_present_clause(name: str, texts: tuple[str, ...]) -> bool:
    """Tell whether a rule fires in a clause of its own that tells nothing as long past.

    "My wife died in March | I am at the top of Beachy Head and don't want to be here" keeps
    the danger: the long-ago words belong to another clause.
    """
    pattern = EMERGENCY_BY_NAME[name]
    return any(
        pattern.search(clause) and not LONG_PAST.search(clause)
        for text in texts
        for clause in text.split("|")
    )


def _intent(emergency: bool, intents: list[str], topics: list[str], facilities: list) -> str:  # noqa: PLR0911 - a decision table, read top to bottom
    """Choose one intent: danger, then sign-ups and questions, then helplines, then places."""
    if emergency:
        return "emergency"
    if "off_topic" in intents and not topics and not facilities and "somewhere" not in intents:
        return "unknown"
    if "checking_in" in intents and not topics and not facilities:
        return "greeting"
    if "register" in intents:
        return "register"
    # A question about a problem ("who do I call about…", "is that a crime") is for a helpline
    # unless it names the service; then it is about us, and the topic's lines still come with it.
    helpline_question = bool(topics) or "advice" in intents
    if "about" in intents and ("scheme" in intents or not helpline_question):
        return "about"
    if "thanks" in intents and "request" not in intents and not topics:
        return "thanks"  # "found the toilet, thanks": what they needed, they have
    asks_place = bool(facilities) or "find_space" in intents
    if topics and not (
        asks_place and set(topics) <= PLACE_FIRST_TOPICS and "advice" not in intents
    ):
        return "support"  # but a place asked for beside 101, 111 or a refuge line is a search
    if "advice" in intents and not facilities:
        return "support"  # "where can I get advice": a helpline, unless a facility is asked for
    if asks_place or "feeling_unsafe" in intents:
        return "find_space"
    answers = [name for name in intents if name not in CUES]
    if not answers:
        return "unknown"
    return "thanks" if "thanks" in answers else answers[-1]


def _blank_everyday(text: str) -> str:
    for pattern in EVERYDAY:
        text = pattern.sub(" ", text)
    return text


def _support_topics(
    topics: list[str], texts: tuple[str, ...], cy: welsh.Reading | None = None
) -> list[str]:
    """Return the helpline topics: a man abused by a woman gets the Men's Advice Line."""
    cy = cy or welsh.Reading()
    chosen: list[str] = []
    for topic in topics:
        if topic == "domestic_abuse":
            man = (cy.man or _first_match(MALE_VICTIM, texts)) and not _first_match(
                FEMALE_VICTIM, texts
            )
            if man and not _first_match(MALE_PARTNER, texts):
                chosen.append("male_victim")
                continue
            chosen.append(topic)
            if man or (
                (cy.partner_is_woman or _first_match(PARTNER_IS_WOMAN, texts))
                and not _first_match(FEMALE_VICTIM, texts)
            ):
                chosen.append("male_victim")
            continue
        if topic not in chosen:
            chosen.append(topic)
    if "talk" in chosen and len(chosen) > 1:
        chosen.remove("talk")  # a line for what they want to talk about, not a general one
    return chosen
