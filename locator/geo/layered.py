"""The shipped gazetteer with the places an operator loaded laid over it.

One per app, never a change to the shared shipped Gazetteer: a process may hold several apps,
each with its own database. The shipped gazetteer is read on first use, so work that never asks
for a place (an import whose rows all have positions) never pays for loading it.
"""

from __future__ import annotations

import functools
import logging
import math
import re
import threading
import time
from collections.abc import Callable, Collection, Iterable
from typing import Protocol

from locator.domain.errors import Unavailable
from locator.geo.gazetteer import (
    Gazetteer,
    Place,
    km_between,
    name_key,
    normalise_postcode,
    postcodes_in_text,
)
from locator.geo.loading import LoadedPlace

logger = logging.getLogger(__name__)

# Whether anything is loaded is asked again after this long, and after a load in this process.
RECHECK_SECONDS = 60.0
# A loaded place this near a shipped one of the same name is the same place, better placed.
SAME_PLACE_KM = 2.0
# Loaded places nearer each other than this are one choice.
SAME_CHOICE_KM = 1.5
# A loaded name used with a town ("Foo Road in Leeds") is at most this far from its centre.
WITHIN_TOWN_KM = 30.0
# Which of many loaded places of one name is meant: the most important kind, or with a position
# known the nearest in units of its kind's reach (a town is meant from further than a stop).
_IMPORTANCE = ("place", "station", "airport", "suburb", "locality", "stop", "street", "landmark")
_REACH_KM = {"place": 20.0, "station": 5.0, "airport": 10.0, "suburb": 3.0, "locality": 3.0}
_DEFAULT_REACH_KM = 1.0
_WORD_RE = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
# Words after which a sentence names where someone is: "I'm on Foo Road", "near Bar Lane".
_LOCATIVES = frozenset({"in", "near", "at", "on", "by", "outside", "opposite", "off", "along"})
_MAX_NAME_WORDS = 4
_MAX_QUERY_CHARS = 200


class LoadedPlaces(Protocol):
    """Where loaded places are kept (the database's places repository)."""

    changes: int  # goes up with every load or clear made in this process

    def any(self) -> bool: ...

    def postcode(self, key: str) -> tuple[float, float] | None: ...

    def named(
        self, keys: Collection[str], within: tuple[float, float, float, float] | None = None
    ) -> list[LoadedPlace]: ...


def _shipped_if_unreachable(method):
    """Answer from the shipped gazetteer alone when the loaded places cannot be read."""

    @functools.wraps(method)
    def answer(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Unavailable:
            # A place must still be found (and 999 still offered) while the database is down.
            logger.warning("Loaded places unreadable: %s asked the shipped ones", method.__name__)
            return getattr(self.shipped, method.__name__)(*args, **kwargs)

    return answer


class LayeredGazetteer:
    """Answer as the shipped gazetteer does, with loaded places first where they know better.

    A full postcode loaded is where the load put it. A name the shipped gazetteer knows keeps
    its answer, moved to a loaded place of that name within SAME_PLACE_KM. A name it does not
    know is looked up among the loaded places before its own guess at a misspelling.
    """

    def __init__(
        self,
        shipped: Gazetteer | Callable[[], Gazetteer],
        loaded: LoadedPlaces | None = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        self._shipped = shipped if isinstance(shipped, Gazetteer) else None
        self._factory = None if isinstance(shipped, Gazetteer) else shipped
        self._lock = threading.Lock()
        self._loaded = loaded
        self._clock = clock
        self._any = False
        self._seen_changes = -1
        self._next_check = -math.inf

    @property
    def shipped(self) -> Gazetteer:
        """Return the shipped gazetteer, read on first use."""
        if self._shipped is None:
            with self._lock:
                if self._shipped is None:
                    self._shipped = self._factory()
        return self._shipped

    def __getattr__(self, name: str):
        # Anything else asked of a gazetteer is the shipped one's to answer.
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.shipped, name)

    # ---- what the rest of the code asks ------------------------------------------------

    @_shipped_if_unreachable
    def find(self, text: str, near: tuple[float, float] | None = None) -> Place | None:
        """Return the best match for a search box query, or None."""
        if not self._anything_loaded():
            return self.shipped.find(text, near)
        choices = self.candidates(text, 1, near)
        return choices[0] if choices else None

    @_shipped_if_unreachable
    def candidates(
        self, text: str, limit: int = 5, near: tuple[float, float] | None = None
    ) -> list[Place]:
        """Return the distinct places a query may mean, the likeliest first."""
        if limit <= 0 or not self._anything_loaded():
            return self.shipped.candidates(text, limit, near)
        text = text[:_MAX_QUERY_CHARS]
        postcode = self._postcode(text)
        if postcode is not None:
            return [postcode]
        shipped = self.shipped
        if shipped.knows(text):
            return self._moved(shipped.candidates(text, limit, near), {name_key(text)})
        head, _, tail = text.partition(",")
        if not shipped.knows(head):
            found = self._loaded.named({name_key(head)})
            if found:
                anchor = near
                if anchor is None and tail.strip():
                    town = shipped.find(tail)
                    anchor = (town.lat, town.lon) if town else None
                return _choices(found, anchor, limit)
        return shipped.candidates(text, limit, near)

    @_shipped_if_unreachable
    def suggestions(self, text: str, limit: int = 5) -> list[Place]:
        """Return up to limit likely places for a "did you mean" list."""
        if self._anything_loaded():
            postcode = self._postcode(text[:_MAX_QUERY_CHARS])
            if postcode is not None:
                return [postcode]
        return self.shipped.suggestions(text, limit)

    @_shipped_if_unreachable
    def find_in_text(self, text: str, near: tuple[float, float] | None = None) -> Place | None:
        """Return the most specific location mentioned inside a sentence, or None."""
        shipped = self.shipped
        if not self._anything_loaded():
            return shipped.find_in_text(text, near)
        for postcode in postcodes_in_text(text):
            found = self._postcode(postcode) or shipped.find(postcode)
            if found is not None:
                return found
        place = shipped.find_in_text(text, near)
        if place is not None and place.kind not in ("place", "district"):
            return self._moved([place], _label_keys(place.label))[0]
        named = self._named_in_text(text, near, place)
        return named or place

    def nearest_name(self, lat: float, lon: float, within_m: float = 2000) -> Place | None:
        """Return the nearest named stop, landmark, locality, suburb or place to a point."""
        return self.shipped.nearest_name(lat, lon, within_m)

    @_shipped_if_unreachable
    def is_unknown_postcode(self, postcode: str) -> bool:
        """Tell whether a full postcode exists neither in the shipped directory nor as loaded."""
        if self._anything_loaded() and self._postcode(postcode) is not None:
            return False  # newer than the shipped directory
        return self.shipped.is_unknown_postcode(postcode)

    # ---- the loaded places -------------------------------------------------------------

    def _anything_loaded(self) -> bool:
        """Tell whether any place is loaded, asking the database at most once a minute."""
        loaded = self._loaded
        if loaded is None:
            return False
        now = self._clock()
        if loaded.changes != self._seen_changes or now >= self._next_check:
            self._seen_changes = loaded.changes
            self._any = loaded.any()
            self._next_check = now + RECHECK_SECONDS
        return self._any

    def _postcode(self, text: str) -> Place | None:
        """Return a full postcode where the loaded places put it, or None."""
        normal = normalise_postcode(text)
        if normal is None or " " not in normal:
            return None
        position = self._loaded.postcode(normal.replace(" ", ""))
        if position is None:
            return None
        return Place(*position, self.shipped.postcode_label(normal), "postcode")

    def _moved(self, places: list[Place], keys: set[str]) -> list[Place]:
        """Return places moved to a loaded place of their name within SAME_PLACE_KM."""
        return [self._moved_one(place, keys) for place in places]

    def _moved_one(self, place: Place, keys: set[str]) -> Place:
        # Asked in a box about the place: "High Street" may be loaded thousands of times.
        margin = SAME_PLACE_KM / 100  # in degrees: more than SAME_PLACE_KM anywhere in the UK
        box = (
            place.lat - margin,
            place.lon - 2 * margin,
            place.lat + margin,
            place.lon + 2 * margin,
        )
        found = self._loaded.named(keys, box)
        if not found:
            return place
        nearest = min(found, key=lambda entry: _km(place, entry))
        if _km(place, nearest) > SAME_PLACE_KM:
            return place
        return Place(nearest.lat, nearest.lon, place.label, place.kind)

    def _named_in_text(
        self, text: str, near: tuple[float, float] | None, town: Place | None
    ) -> Place | None:
        """Return a loaded name written after "on", "near", "at"...: "I'm on Foo Road"."""
        words = list(_WORD_RE.finditer(text[: _MAX_QUERY_CHARS * 5]))
        phrases: dict[str, int] = {}
        for index, word in enumerate(words[:-1]):
            if word.group().lower() not in _LOCATIVES:
                continue
            for size in range(1, min(_MAX_NAME_WORDS, len(words) - index - 1) + 1):
                following = words[index + 1 : index + 1 + size]
                # One word counts only written as a name: "near Foo", not "at home".
                if size == 1 and not following[0].group()[:1].isupper():
                    continue
                key = name_key(" ".join(w.group() for w in following))
                if key and not self.shipped.knows(key):
                    phrases[key] = max(phrases.get(key, 0), size)
        found = self._loaded.named(phrases)
        if not found:
            return None
        longest = max(phrases[entry.key] for entry in found)
        found = [entry for entry in found if phrases[entry.key] == longest]
        if town is not None:
            best = _ranked(found, (town.lat, town.lon))[0]
            return _place(best) if _km(town, best) <= WITHIN_TOWN_KM else None
        return _place(_ranked(found, near)[0])


def _label_keys(label: str) -> set[str]:
    """Return the name keys a shipped label may be loaded under: its name without its town."""
    name = label.partition(",")[0]
    keys = {name_key(label), name_key(name)}
    if name.endswith(" station"):
        keys.add(name_key(name.removesuffix(" station")))
    return keys - {""}


def _ranked(found: Iterable[LoadedPlace], near: tuple[float, float] | None) -> list[LoadedPlace]:
    """Order loaded places of one name: by kind, or by distance in units of their reach."""
    if near is None:
        return sorted(found, key=_importance)
    return sorted(
        found, key=lambda e: _km(near, e) / _REACH_KM.get(e.place_kind, _DEFAULT_REACH_KM)
    )


def _choices(found: list[LoadedPlace], near: tuple[float, float] | None, limit: int) -> list[Place]:
    """Return one place per distinct choice among loaded places, best first."""
    choices: list[Place] = []
    for entry in _ranked(found, near):
        if all(_km(other, entry) > SAME_CHOICE_KM for other in choices):
            choices.append(_place(entry))
            if len(choices) == limit:
                break
    return choices


def _importance(entry: LoadedPlace) -> int:
    kind = entry.place_kind
    return _IMPORTANCE.index(kind) if kind in _IMPORTANCE else len(_IMPORTANCE)


def _place(entry: LoadedPlace) -> Place:
    return Place(entry.lat, entry.lon, entry.label, entry.place_kind)


def _km(a, b) -> float:
    """Return the distance in km between two places, loaded or shipped, or (lat, lon) pairs."""
    return km_between(_point(a), _point(b))


def _point(thing) -> tuple[float, float]:
    return (thing.lat, thing.lon) if hasattr(thing, "lat") else thing
