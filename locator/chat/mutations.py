"""Welsh initial mutations: the radical (dictionary) forms a written word may come from.

Welsh changes the first sound of a word after some words: "Caerdydd" is "yng Nghaerdydd" (in
Cardiff), "i Gaerdydd" (to Cardiff) and "a Chaerdydd" (and Cardiff); "dilyn" (follow) is "fy
nilyn" (following me). The rules and the place names are written in the radical form, so a word
is read as each radical it may be a mutation of.
"""

from __future__ import annotations

# Mutated beginning -> radical beginnings, longest first: "ngh" before "ng", "dd" before "d".
_NASAL = (("ngh", "c"), ("mh", "p"), ("nh", "t"), ("ng", "g"), ("m", "b"), ("n", "d"))
_ASPIRATE = (("ph", "p"), ("th", "t"), ("ch", "c"))
_SOFT = (
    ("dd", "d"),
    ("b", "p"),
    ("d", "t"),
    ("g", "c"),
    ("f", "b"),
    ("f", "m"),
    ("l", "ll"),
    ("r", "rh"),
)
_VOWELS = "aeiouwy"
# Soft mutation drops a g ("Gwynedd" -> "Wynedd", "Glyn" -> "Lyn", "Garth" -> "Arth").
_AFTER_DROPPED_G = _VOWELS + "lrw"

# Radical beginnings -> their mutated beginnings, for writing a word's every form.
_SOFT_OF = {"p": "b", "t": "d", "c": "g", "b": "f", "d": "dd", "m": "f", "ll": "l", "rh": "r"}
_NASAL_OF = {"p": "mh", "t": "nh", "c": "ngh", "b": "m", "d": "n", "g": "ng"}
_ASPIRATE_OF = {"p": "ph", "t": "th", "c": "ch"}


def radicals(word: str) -> tuple[str, ...]:
    """Return the forms a lower-case word may be a mutation of, the word itself first.

    "nghaerdydd" -> ("nghaerdydd", "caerdydd", ...); "fangor" -> (..., "bangor", "mangor");
    "wynedd" -> (..., "gwynedd"); "hanadl" -> (..., "anadl"). Only the first letters change.
    """
    found = [word]
    for table in (_NASAL, _ASPIRATE, _SOFT):
        # Only the longest beginning counts: "ddim" is "dim", not "t" + "dim".
        longest = max((len(m) for m, _ in table if word.startswith(m)), default=0)
        if 0 < longest < len(word):
            found += [
                radical + word[longest:]
                for m, radical in table
                if len(m) == longest and word.startswith(m)
            ]
    if word[:1] in _AFTER_DROPPED_G:
        found.append("g" + word)
    if word[:1] == "h" and word[1:2] in _VOWELS:
        found.append(word[1:])  # "ei hanadl" (her breath): an h before a vowel
    return tuple(dict.fromkeys(found))


def mutations(word: str) -> tuple[str, ...]:
    """Return a lower-case radical word and every mutated form of it, the radical first."""
    found = [word]
    if word[:2] in ("ch", "ph", "th"):
        return (word,)  # already spirants: these never mutate
    for table in (_SOFT_OF, _NASAL_OF, _ASPIRATE_OF):
        for radical in sorted(table, key=len, reverse=True):
            if word.startswith(radical):
                found.append(table[radical] + word[len(radical) :])
                break
    if word[:1] == "g":
        found.append(word[1:])
    if word[:1] in _VOWELS:
        found.append("h" + word)
    return tuple(dict.fromkeys(found))


def aspirate(text: str) -> str:
    """Return text with its first word in the aspirate mutation ("toiled" -> "thoiled").

    Said after "a" (and) and "gyda" (with): "gwefru ffôn a thoiled".
    """
    for radical, mutated in _ASPIRATE_OF.items():
        if text[:1].lower() == radical and text[:2].lower() not in ("ch", "ph", "th"):
            return mutated + text[1:] if text[:1].islower() else mutated.title() + text[1:]
    return text
