"""Tell when a recorded use's note looks like personal data, and say what to write instead.

A note is for what happened ("Waited for a taxi, left safely"), never for who it happened to.
The checks are word lists and patterns, not a model: a given name (`data/review/given_names.csv`),
an age, how someone looks or dresses, an address or postcode, a phone number, an email address
or a vehicle registration. Helpline numbers, codeword schemes ("Ask for Angela") and places named
after people ("St Mary's Hospital", "Victoria station") are not personal data and pass.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from locator.config import DATA_DIR
from locator.domain.postcode_shapes import FULL_IN_TEXT_RE
from locator.domain.vocabulary import CODEWORDS

NAMES_FILE = DATA_DIR / "review" / "given_names.csv"
PLACES_FILE = DATA_DIR / "gazetteer" / "geonames_gb_places_pop500.csv"

EXAMPLE = "“Felt followed, waited inside until a taxi came, left safely”"
# What each kind is called in the refusal, and any advice only that kind needs.
KINDS = {
    "name": ("a name", ""),
    "age": ("an age", ""),
    "appearance": ("how someone looks", ""),
    "address": ("an address", ""),
    "phone": ("a phone number", "A helpline's 0800, 0808 or 03 number may stay."),
    "email": ("contact details", ""),
    "registration": ("a vehicle registration", "If it matters, give it to the police instead."),
}


@dataclass(frozen=True)
class Finding:
    """What in a note looks like personal data: its kind and where it is (start, end)."""

    kind: str
    start: int
    end: int


def refusal(
    note: str,
    findings: list[Finding],
    what: str = "The note",
    instead: str = f"Write what was done and how it ended, e.g. {EXAMPLE}.",
) -> str:
    """Say what to take out of a note (or of `what`), kind by kind, and what to write instead."""
    kinds: dict[str, list[str]] = {}
    for finding in findings:
        words = f"“{note[finding.start : finding.end]}”"
        if words not in kinds.setdefault(finding.kind, []):
            kinds[finding.kind].append(words)
    parts = [f"{', '.join(words)} ({KINDS[kind][0]})" for kind, words in kinds.items()]
    between = "; " if any(len(words) > 1 for words in kinds.values()) else ", "
    listed = parts[0] if len(parts) == 1 else between.join(parts[:-1]) + " and " + parts[-1]
    advice = "".join(f"{KINDS[kind][1]} " for kind in kinds if KINDS[kind][1])
    return f"{what} must not identify anyone: take out {listed}. {advice}{instead}"


def _alternatives(words: str) -> str:
    return "|".join(sorted(words.split(), key=len, reverse=True))


_UNITS = "one two three four five six seven eight nine"
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
_NUMBER_WORD = (
    rf"(?:(?:{_alternatives(_TENS)})(?:[- ]?(?:{_alternatives(_UNITS)}))?"
    rf"|{_alternatives(_TEENS)}|{_alternatives(_UNITS)})"
)
NUMBER = rf"(?:\d{{1,2}}|{_NUMBER_WORD})"
# After "she was" or "man," a small number word is seldom an age ("she was one of three").
_LARGER_NUMBER = (
    rf"(?:\d{{1,2}}|(?:{_alternatives(_TENS)})(?:[- ]?(?:{_alternatives(_UNITS)}))?"
    rf"|{_alternatives(_TEENS)})"
)
# What a number is when it is not an age: a duration, a time, an amount, a count of things.
_NOT_AN_AGE = (
    r"(?!\s*(?:mins?|minutes?|hrs?|hours?|h\b|secs?|seconds?|days?|weeks?|months?|times?|x\b"
    r"|(?:years?|yrs?)\b(?!\s*old)|[ap]\.?m\b|o'?clock|%|:|\.\d|p\b|quid|pounds|calls?|people"
    r"|staff|miles?|km|metres?|meters?|m\b|yards|floors?|percent|mph|bus|train|tram))"
)
_PERSON = _alternatives(
    "woman women man men girl girls boy boys lady ladies lad lads lass guy guys bloke male female "
    "person gentleman gent teen teenager teenagers kid kids child youth youths student pupil"
)
_DECADES = r"(?:teens|\d0'?s|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
_AGE_PATTERNS = [
    rf"\bage[ds]?\s*:?\s*(?:of\s+)?(?:about\s+|around\s+|approx\.?\s+)?{NUMBER}\b",
    rf"\b{NUMBER}\s*-?\s*(?:yo|y/o|y\.o\.?|yrs?|years?\s*-?\s*old|years?\s+of\s+age)\b",
    rf"\b(?:she|he|they|i|who|you)(?:['’]s|['’]re|\s+is|\s+was|\s+were|\s+are|\s+am|\s+looked"
    rf"|\s+looks|\s+seemed|\s+seems)\s+(?:only\s+|just\s+|about\s+|around\s+|maybe\s+"
    rf"|probably\s+|roughly\s+)?{_LARGER_NUMBER}\b{_NOT_AN_AGE}",
    rf"\b(?:{_PERSON})\s*[,(]?\s*{_LARGER_NUMBER}\b{_NOT_AN_AGE}",
    # A number standing alone between commas or in brackets: "Sarah, 19, blonde", "(15)".
    r"(?:^|[,;(])\s*\d{1,2}\s*(?=[,;)]|$)",
    # 13 and over: "about 10" is more often a time than an age.
    rf"\b(?:about|around|approx\.?|approximately|roughly|maybe|possibly|prob(?:ably)?)\s+"
    rf"(?:1[3-9]|[2-9]\d)\b{_NOT_AN_AGE}",
    rf"\b(?:early|mid|late)[- ]?{_DECADES}\b",
    rf"\bin\s+(?:her|his|their)\s+{_DECADES}\b",
    r"\b(?:dob|d\.o\.b\b\.?|date\s+of\s+birth|born\s+(?:in|on)\b)",
]

_COLOURS = _alternatives(
    "red blue green yellow pink purple orange black white grey gray brown navy beige cream khaki "
    "maroon burgundy turquoise gold silver dark light bright striped stripy checked tartan denim "
    "leather floral spotty camo camouflage hi-vis high-vis fluorescent neon"
)
_CLOTHES = _alternatives(
    "coat jacket hoodie hoody jumper sweater sweatshirt cardigan dress skirt blouse jeans "
    "trousers joggers tracksuit trackies leggings shorts trainers boots heels hat cap beanie "
    "scarf gloves parka puffer raincoat uniform onesie overalls fleece gilet pyjamas balaclava "
    "mask t-shirt tshirt shirt top vest suit"
)
# Clothes that cannot be anything else after "in": "in a hoodie", but not "in the top office".
_CLOTHES_AFTER_IN = _alternatives(
    "coat jacket hoodie hoody jumper sweater sweatshirt cardigan dress skirt blouse jeans "
    "trousers joggers tracksuit trackies leggings trainers heels beanie parka puffer raincoat "
    "uniform onesie overalls fleece gilet pyjamas balaclava t-shirt tshirt"
)
_HAIR = _alternatives(
    "red blue green pink purple black white grey gray brown dark light fair ginger auburn blond "
    "blonde silver long short curly straight wavy dyed shaved cropped spiky bleached frizzy "
    "messy greasy thinning"
)
_BUILD = _alternatives(
    "tall short thin slim skinny fat large stocky petite chubby plump overweight muscular heavy "
    "heavyset well-built ginger blonde blond pretty attractive scruffy"
)
_ORIGIN = _alternatives(
    "white black asian brown mixed-race arab african caribbean chinese indian pakistani "
    "bangladeshi somali polish romanian european foreign jewish muslim sikh hindu"
)
_APPEARANCE_PATTERNS = [
    r"\b(?:blonde?|brunette|redhead|red-head|bald|balding|dreadlocks|braids|braided|cornrows"
    r"|ponytail|pigtails|afro|beard|bearded|moustache|mustache|goatee|stubble|tattoos?|tattooed"
    r"|piercings?|pierced|freckles|freckled|birthmark|scars?|tall|slim|skinny|petite|stocky"
    r"|chubby|plump|overweight|obese|muscular|heavy-?set|well-built|wearing|wore|hijab|niqab"
    r"|burk?qa|burka|turban|headscarf)\b",
    r"\bdressed\s+(?:in|as|like)\b",
    r"\bhad\s+on\b",
    rf"\b(?:{_COLOURS})(?:\s*(?:[-/,]|and|&)?\s*(?:{_COLOURS}))*\s+(?:[a-z]+\s+)?"
    rf"(?:{_CLOTHES})(?:e?s)?\b",
    rf"\bin\s+(?:a\s+|an\s+|his\s+|her\s+|their\s+|the\s+)?(?:[a-z-]+\s+)?"
    rf"(?:{_CLOTHES_AFTER_IN})(?:e?s)?\b",
    rf"\b(?:{_HAIR})(?:\s*(?:,|and|&)?\s*(?:{_HAIR}))*[- ](?:hair|haired)\b",
    r"\b[a-z]+-haired\b",
    r"\b(?:blue|brown|green|hazel|grey|gray)[- ]eye[ds]?\b",
    r"\b(?:shaved|shaven)\s+head\b",
    r"\b[a-z]+[- ]skinned\b",
    rf"\b(?:{_ORIGIN}|{_BUILD})\s+(?:[a-z]+\s+)?(?:{_PERSON})\b",
    r"\b(?:with|wears|wearing|in)\s+(?:[a-z]+\s+)?(?:glasses|specs)\b",
    r"\b[4-7]\s*(?:ft|foot|feet|')\s*\d{1,2}\b",
    r"\b[4-7]\s*(?:ft|foot|feet)\b(?!\s*(?:away|apart|from|behind|back|off|long|wide|of))",
    r"\b[12](?:\.\d+)?\s*m(?:etres?)?\s+tall\b",
    r"\b1\d\d\s*cm\b",
]

_STREETS = _alternatives(
    "road rd street st avenue ave lane ln close drive dr way crescent cres court ct place pl "
    "grove terrace gardens gdns walk hill park row square sq mews parade rise view vale green "
    "gate end wharf quay yard"
)
# Words that can stand between a number and a street word without making an address:
# "waited 20 mins near Park Row", "the 42 bus on Park Road".
_NOT_IN_AN_ADDRESS = frozenset(
    "min mins minute minutes hr hrs hour hours sec secs seconds people staff times pm am bus "
    "buses train trams tram the a an and to at on in near by from outside past via towards "
    "into off of for with".split()
)
_HOUSE_NUMBER_RE = re.compile(
    rf"\b\d{{1,4}}[a-z]?,?\s+((?:[a-z']+\s+){{0,2}}?)(?:{_STREETS})\b", re.IGNORECASE
)
_ADDRESS_PATTERNS = [
    r"\b(?:lives?|living)\s+(?:in|at|on|near|round|around|off|opposite|by|just)\b",
    r"\bhome\s+address\b",
    r"\baddress\s*(?:is|was|:|-)?\s*\d+[a-z]?(?:\s+[a-z']+){0,3}",
    r"\b(?:flat|apartment|apt)\s+(?:no\.?\s*|number\s*)?\d+[a-z]?\b",
    r"\b(?:from|at|to)\s+number\s+\d+\b",
]

_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w.])@[A-Za-z0-9_]{2,}")
_PHONE_RE = re.compile(r"(?<![\d+])(?:\+44|0)[\d\s()-]{8,16}\d")
# Numbers anyone may be given: freephone, non-geographic (03), business and service lines.
_SERVICE_PREFIXES = ("03", "05", "08", "09")
# The current format (AB12 CDE) in any case; the 1983-2001 prefix format (A123 BCD) in capitals
# only, where it cannot be a road and two words ("M6 had").
_PLATE_RE = re.compile(r"\b([A-Za-z]{2})(\d{2})\s?([A-Za-z]{3})\b")
_PREFIX_PLATE_RE = re.compile(r"\b[A-Z]\d{1,3}\s?[A-Z]{3}\b")
_NOT_PLATE_LETTERS = frozenset(
    "am an as at be by do go he hi if in is it me my no of ok on or pm so to up us we "
    "min hrs yrs mph and the for was but not her his had are she him day ago".split()
)

# Names that a name-like word is only part of: a saint's place, a firm ("Marks & Spencer").
_BEFORE_A_PLACE = frozenset({"st", "saint", "&"})
_PLACE_WORDS = frozenset(
    "street st road rd avenue lane square station line hospital park hall centre center court "
    "place gardens house dock bridge church college school university academy way close drive "
    "crescent terrace arcade market shopping row hill building tower gate green walk surgery "
    "ward wing arms inn hotel".split()
)
_LOCATIVE = frozenset("in at to from near towards into via outside past round around".split())
_NOT_A_NAME = frozenset(
    "the a an her his their them him she he they not unknown withheld given known it this that "
    "no none was is".split()
)
_TOKEN_RE = re.compile(r"&|[A-Za-z]+(?:['’][A-Za-z]+)*")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\n])[\s\"'“‘(\[]*$")
_NAMED_RE = re.compile(
    r"\b(?:name(?:['’]s|\s+is|\s+was|d)|named|known\s+as|goes\s+by|calls?\s+(?:her|him|them)"
    r"sel(?:f|ves))\s*:?\s+([A-Za-z][\w'’-]*)",
    re.IGNORECASE,
)
_TITLE_RE = re.compile(
    r"\b(?:(?i:mr|mrs|ms|mx|dr)\.?|Miss)\s+([A-Za-z][\w'’-]*)",
)


def _codeword_re() -> re.Pattern[str]:
    words = sorted({label.split()[-1] for label in CODEWORDS.values()}, key=len, reverse=True)
    return re.compile(rf"\bask(?:ed|ing|s)?\s+(?:for\s+)?(?:{'|'.join(words)})\b", re.IGNORECASE)


_CODEWORD_RE = _codeword_re()
_AGE_RE = [re.compile(pattern, re.IGNORECASE) for pattern in _AGE_PATTERNS]
_APPEARANCE_RE = [re.compile(pattern, re.IGNORECASE) for pattern in _APPEARANCE_PATTERNS]
_ADDRESS_RE = [re.compile(pattern, re.IGNORECASE) for pattern in _ADDRESS_PATTERNS]


@functools.cache
def given_names() -> dict[str, bool]:
    """Return each given name, folded, and whether it is also an everyday word or place."""
    with NAMES_FILE.open(encoding="utf-8", newline="") as handle:
        return {
            row["name"].casefold(): row["ordinary_word"] == "yes" for row in csv.DictReader(handle)
        }


@functools.cache
def _place_names() -> frozenset[str]:
    with PLACES_FILE.open(encoding="utf-8", newline="") as handle:
        return frozenset(row["name"].casefold() for row in csv.DictReader(handle))


def find_personal_data(note: str) -> list[Finding]:
    """Return what in a note looks like personal data, in note order."""
    # A codeword is a scheme's name, not a person's: "Asked for Angela" is fine. Blanking it
    # keeps every other finding's position.
    text = _CODEWORD_RE.sub(lambda match: " " * len(match.group()), note)
    kept: list[Finding] = []
    for finding in sorted(_findings(text), key=lambda found: (found.start, -found.end)):
        last = kept[-1] if kept else None
        if last and finding.start < last.end and finding.end <= last.end:
            continue  # inside what is already found: "jess" in jess@example.com
        # "Lives at" and "14 Hawthorn Road", or "Tall man" and "in a red coat", are one thing.
        touching = last and not text[last.end : finding.start].strip()
        if last and last.kind == finding.kind and touching:
            kept[-1] = Finding(last.kind, last.start, finding.end)
        else:
            kept.append(finding)
    return kept


def _findings(text: str) -> Iterator[Finding]:
    yield from _contacts(text)
    for match in FULL_IN_TEXT_RE.finditer(text.upper()):
        yield _found("address", match)
    yield from _plates(text)
    for match in _HOUSE_NUMBER_RE.finditer(text):
        between = match.group(1).lower().split()
        if not any(word in _NOT_IN_AN_ADDRESS for word in between):
            yield _found("address", match)
    yield from _every("address", _ADDRESS_RE, text)
    yield from _every("age", _AGE_RE, text)
    yield from _every("appearance", _APPEARANCE_RE, text)
    yield from _names(text)


def _found(kind: str, match: re.Match[str]) -> Finding:
    """Make a finding of a match, without the punctuation around it."""
    words = match.group()
    stripped = words.strip(" ,;()")
    start = match.start() + words.index(stripped)
    return Finding(kind, start, start + len(stripped))


def _every(kind: str, patterns: list[re.Pattern[str]], text: str) -> Iterator[Finding]:
    for pattern in patterns:
        for match in pattern.finditer(text):
            yield _found(kind, match)


def _contacts(text: str) -> Iterator[Finding]:
    for match in _EMAIL_RE.finditer(text):
        yield _found("email", match)
    for match in _PHONE_RE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if digits.startswith("44"):
            digits = "0" + digits[2:]
        if len(digits) in (10, 11) and not digits.startswith(_SERVICE_PREFIXES):
            yield _found("phone", match)


def _plates(text: str) -> Iterator[Finding]:
    for match in _PLATE_RE.finditer(text):
        letters, _, last = (group.lower() for group in match.groups())
        capitals = match.group().upper() == match.group()
        if capitals or (letters not in _NOT_PLATE_LETTERS and last not in _NOT_PLATE_LETTERS):
            yield _found("registration", match)
    for match in _PREFIX_PLATE_RE.finditer(text):
        yield _found("registration", match)


def _names(text: str) -> Iterator[Finding]:
    for pattern in (_NAMED_RE, _TITLE_RE):
        for match in pattern.finditer(text):
            if match.group(1).casefold() not in _NOT_A_NAME:
                yield _found("name", match)
    names = given_names()
    tokens = list(_TOKEN_RE.finditer(text))
    for i, token in enumerate(tokens):
        word = re.sub(r"['’]s$", "", token.group())
        key = word.casefold()
        if key not in names:
            continue
        before = tokens[i - 1].group().casefold() if i else ""
        after = tokens[i + 1].group().casefold() if i + 1 < len(tokens) else ""
        if before in _BEFORE_A_PLACE or after in _PLACE_WORDS:
            continue
        if before in _LOCATIVE and key in _place_names():
            continue
        if names[key] and not _written_as_a_name(text, token, word):
            continue
        yield _found("name", token)


def _written_as_a_name(text: str, token: re.Match[str], word: str) -> bool:
    """Tell whether an everyday word is capitalised as a name: not in capitals, not first."""
    if not word[0].isupper() or word.isupper():
        return False
    return not _SENTENCE_START_RE.search(text[: token.start()])
