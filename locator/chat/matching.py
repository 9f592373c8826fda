"""Text normalisation and typo tolerance for the rules (the one rapidfuzz import in bot/)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from locator.chat.rules import SLANG
from locator.geo.gazetteer import english_words

# Words the rules hinge on; a misspelt word close to one of these is read as it.
KEYWORDS = tuple(
    sorted(
        set(
            """
    where somewhere anywhere nearest closest nearby near open safe space place wait help please
    charge charger charging battery batteries phone mobile telephone landline call dead dying
    toilet toilets bathroom restroom lavatory wifi internet wireless wheelchair pushchair buggy
    stroller stairs steps crutches plaster plasters bandage bleeding bleed injured injury first
    defibrillator quiet private room seat sit chair bench water thirsty dehydrated drink
    followed following follow chased chasing stalked stalking stalker threatened threatening
    threaten threats attacked attacking attack assaulted assault mugged robbed stabbed punched
    kicked beaten hitting hurting strangled choking grabbed knife knives weapon machete gun
    breathe breathing breath unconscious unresponsive collapsed fainted seizure overdose stroke
    heart spiked drugged danger unsafe emergency police terrified scared frightened afraid
    kidnapped outside trying break door window suicidal suicide kill myself jump bridge pills
    tablets domestic abuse abusive abused violent violence controlling boyfriend girlfriend
    husband partner raped rape sexual sexually groped consent molested homeless nowhere sleep
    sleeping rough evicted racist racism homophobic transphobic hate doctor unwell dizzy sick
    fever medication prescription asthma register business become join shop store cafe
    restaurant pharmacy free identification staff thanks thank cheers hello hiya morning
    evening afternoon stranded missed train lost home tonight someone somebody anyone people
    accessible disabled wheelchair ramp hide overwhelmed panic breastfeeding being jumped
    taken swallowed paracetamol overdosed
    """.split()
        )
    )
)
# Ordinary words a keyword is one or two letters away from ("been" ~ "beaten", "nearly" ~
# "nearby"): they are never "corrected".
COMMON_WORDS = frozenset(
    """
    wife wives life been being have having nearly need needs here there their were wear
    when then them than
    what want wants went with will would could should that this they your from just like know
    going come came home some time take make made said says tell told feel feels felt look
    looks well very much more most only also back over into after again still down right left
    long last next good great little love life work works late later soon today night friend
    friends mate mates town city road street kids child mum dad laughing laugh died dies doing
    does done didnt dont cant wont isnt sorry okay yeah maybe think thought thoughts about
    around anyone everyone something anything nothing everywhere hand hands head legs feet face
    body party month week year bridge edge roof house flat walk walking talk talking save same
    side seen seem sure true bring brings bought sister brother mother father family people
    person place places space spaces shops store stores train trains station stations bus
    buses taxi open opens close closed near nearer nearest nice fine okay there theres hear
    heard help helps helped hiding hide bleed bleeds call calls called calling charged wifi
    drinks drink drinking sitting stand standing lying cold warm rain raining dark light lights
    chase change changed chance choose chose shopping stop stops stopping store weather
    rope tape race rate rake ripe changing changed button overdone sent chuck chucking chucked
    """.split()
)
CLAUSE_BREAKS = re.compile(r"[.,;:!?\n]+|\b(but|though|however|although|whereas)\b")
# Voice-to-text spells punctuation out: "I'm lost full stop where can I go question mark".
SPOKEN_PUNCTUATION = re.compile(r"\b(full stop|comma|question mark|exclamation mark|new line)\b")
# Words dictation hears in place of others, read back only where the sentence needs the other:
# "he is falling me" cannot mean falling, so it is "following me".
MISHEARD = (
    (re.compile(r"\b(falling|fallowing|folding) (me|us)\b"), r"following \2"),
    (re.compile(r"\b(seize your|seize ya|sea sure|seas your)\b"), "seizure"),
    # Text speak's "2" for "to" where nothing but "to" fits: "next 2 me", "2 the shop".
    (re.compile(r"\b2 (me|us|you|him|her|them|the|my|a)\b"), r"to \1"),
    (
        re.compile(r"\b(trying|going|want|need|have|got|about|ready|able|how|where) 2 ([a-z]+)\b"),
        r"\1 to \2",
    ),
    # Words spelt as they sound that are words in their own right, read where only one fits.
    (re.compile(r"\bchest pane\b"), "chest pain"),
    (re.compile(r"\bsine (up|me up|us up)\b"), r"sign \1"),
    (re.compile(r"\b(her|his|my|their|the|your) hed\b"), r"\1 head"),
    (re.compile(r"\ba hole (box|bottle|packet|pack|lot|strip)\b"), r"a whole \1"),
    # Northern and Scouse "me" for "my" before the people and things that are someone's own.
    (
        re.compile(
            r"\bme (nan|nana|mum|mam|dad|da|brother|sister|girlfriend|boyfriend|mate|mates"
            r"|husband|wife|fella|missus|son|daughter|kids|bairn|phone|bag|car|wallet|purse"
            r"|leg|arm|head|back|chest)\b"
        ),
        r"my \1",
    ),
)
# Laughing emoji say a joke as plainly as "lol" does.
LAUGHING = re.compile("[\U0001f602\U0001f923\U0001f606\U0001f605\U0001f639]")
NON_WORD = re.compile(r"[^a-z0-9%| ]+")
SPACES = re.compile(r"\s+")
# One spelling for each negative, so a rule says "cant" once: "cannot", "can not" and "can't"
# all read as "cant" (apostrophes are already gone).
NEGATIVE_FORMS = {
    "cannot": "cant",
    "can not": "cant",
    "do not": "dont",
    "does not": "doesnt",
    "will not": "wont",
    "is not": "isnt",
    "are not": "arent",
    "did not": "didnt",
}
NEGATIVES = re.compile(r"\b(" + "|".join(NEGATIVE_FORMS) + r")\b")


def normalise(text: str) -> str:
    """Lower-case, drop apostrophes, mark clause breaks with '|', and expand text-speak."""
    text = text.lower().replace("’", "'").replace("‘", "'").replace("`", "'")
    # Letters with accents read as the plain letter: "dziękuję" is "dziekuje", "café" is "cafe".
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.replace("'", "")
    text = SPOKEN_PUNCTUATION.sub(".", text)
    text = LAUGHING.sub(" lol ", text)
    text = CLAUSE_BREAKS.sub(lambda m: f" | {m.group(1) or ''} ", text)
    text = NEGATIVES.sub(lambda m: NEGATIVE_FORMS[m.group(0)], text)
    text = NON_WORD.sub(" ", text)
    words = [_with_g(SLANG.get(word, word)) for word in text.split()]
    text = " ".join(words)
    for pattern, heard in MISHEARD:
        text = pattern.sub(heard, text)
    return SPACES.sub(" ", text).strip()


def _with_g(word: str) -> str:
    """Give back the g texting drops ("kickin", "answerin"), when that makes a known word."""
    if len(word) < 5 or not word.endswith("in"):
        return word
    restored = word + "g"
    if restored in KEYWORDS or restored in COMMON_WORDS:
        return restored  # "tryin", "havin": word lists carry these spellings, but rules do not
    known = english_words()
    return restored if word not in known and restored in known else word


@lru_cache(maxsize=8192)
def _closest_keyword(word: str) -> str:
    # One slip (a letter missed, doubled, swapped or wrong) in a short word, two in a long
    # one; typos rarely change the first letter, so that must agree too.
    allowed = 1 if len(word) <= 7 else 2
    match = process.extractOne(
        word, KEYWORDS, scorer=DamerauLevenshtein.distance, score_cutoff=allowed
    )
    if match is None or match[0][0] != word[0]:
        return word
    return match[0]


@lru_cache(maxsize=8192)
def closest_word(word: str, vocabulary: tuple[str, ...]) -> str | None:
    """Return the word of `vocabulary` one slip from `word` with its first letter, or None."""
    match = process.extractOne(word, vocabulary, scorer=DamerauLevenshtein.distance, score_cutoff=1)
    return match[0] if match is not None and match[0][0] == word[0] else None


def correct_typos(text: str) -> str:
    """Replace misspelt words within a slip or two of a keyword by that keyword."""
    words = []
    for typed in text.split(" "):
        if typed.endswith("s") and typed[:-1] in KEYWORDS:
            words.append(typed[:-1])  # "someones", "boyfriends": the keyword, possessive or plural
            continue
        # A real word is what was meant ("pinched" is not "punched"), however close to a keyword.
        known = typed in KEYWORDS or typed in COMMON_WORDS or typed in english_words()
        words.append(
            _closest_keyword(typed) if len(typed) >= 4 and typed.isalpha() and not known else typed
        )
    return " ".join(words)
