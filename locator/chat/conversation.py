"""A short conversation kept by the client: each reply hands back what the next message needs.

The server stores nothing. A reply carries a small `context` (the question it asked, the needs
and helpline topics understood so far, whether there was danger, a place the person named and
the language of the conversation, so "CF10" after a question in Welsh is answered in Welsh);
the client sends it back with the next message, so "M1" after "where are you?" completes the
request that asked.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import NamedTuple

from locator.chat import rules_cy, welsh
from locator.chat.engine import Analysis, analyse
from locator.chat.matching import normalise
from locator.domain import helplines
from locator.domain.helplines import BY_TOPIC
from locator.domain.language import ENGLISH, LANGUAGES, WELSH
from locator.domain.vocabulary import FACILITIES
from locator.geo.gazetteer import Gazetteer

QUESTIONS = ("location", "need")
CONVERSATION_INTENTS = ("find_space", "emergency", "support")
MAX_LABEL = 200
MAX_ITEMS = 20

# "also", "too", "as well": a new need adds to the ones already asked for instead of replacing.
ADDING = re.compile(r"\b(also|too|as well|and (a|some)|plus)\b")
# The person says the danger is over; the conversation stops leading with 999.
SAFE_NOW = re.compile(
    r"\b(im|i am|we are|were|i feel|feeling) (safe|ok|okay|fine|alright) now\b"
    r"|\b(hes|shes|theyve|they have|he has|she has|they are|theyre) (gone|left)\b"
    r"|\bfalse alarm\b"
)
WELSH_ADDING = re.compile(rules_cy.ADDING)
WELSH_SAFE_NOW = re.compile(rules_cy.SAFE_NOW)


class ContextError(ValueError):
    """A context object that did not come from a reply (or was altered)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Where(NamedTuple):
    """A place the person named earlier in the conversation."""

    lat: float
    lon: float
    label: str
    source: str  # "postcode" | "place"


@dataclass(frozen=True)
class Context:
    """What the conversation has established so far."""

    question: str | None = None
    intent: str | None = None
    emergency: bool = False
    needs: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    location: Where | None = None
    language: str | None = None  # "en" or "cy": what the conversation is answered in

    @classmethod
    def parse(cls, data: object) -> Context:
        """Read a context sent back by a client; raise ContextError for anything else."""
        if data is None:
            return cls()
        if not isinstance(data, dict):
            raise ContextError("context must be the object the last reply gave.")
        unknown = set(data) - {
            "question",
            "intent",
            "emergency",
            "needs",
            "topics",
            "location",
            "language",
        }
        if unknown:
            raise ContextError(f"context has unknown keys: {', '.join(sorted(unknown))}.")
        question = data.get("question")
        if question is not None and question not in QUESTIONS:
            raise ContextError(f"context.question must be one of {', '.join(QUESTIONS)}.")
        intent = data.get("intent")
        if intent is not None and intent not in CONVERSATION_INTENTS:
            raise ContextError("context.intent is not one the assistant gives.")
        emergency = data.get("emergency", False)
        if not isinstance(emergency, bool):
            raise ContextError("context.emergency must be true or false.")
        language = data.get("language")
        if language is not None and language not in LANGUAGES:
            raise ContextError(f"context.language must be one of {', '.join(LANGUAGES)}.")
        return cls(
            question=question,
            intent=intent,
            emergency=emergency,
            needs=_codes(data.get("needs"), FACILITIES, "needs"),
            topics=_codes(data.get("topics"), BY_TOPIC, "topics"),
            location=_where(data.get("location")),
            language=language,
        )

    def as_json(self) -> dict:
        """Return the object a client sends back with its next message."""
        return {
            "question": self.question,
            "intent": self.intent,
            "emergency": self.emergency,
            "needs": list(self.needs),
            "topics": list(self.topics),
            "location": None if self.location is None else self.location._asdict(),
            "language": self.language,
        }


def _codes(value: object, known, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or len(value) > MAX_ITEMS:
        raise ContextError(f"context.{name} must be a list of codes.")
    for code in value:
        if not isinstance(code, str) or code not in known:
            raise ContextError(f"context.{name} has an unknown code.")
    return tuple(dict.fromkeys(value))


def _where(value: object) -> Where | None:
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != {"lat", "lon", "label", "source"}:
        raise ContextError("context.location must have lat, lon, label and source.")
    lat, lon, label, source = (value[key] for key in ("lat", "lon", "label", "source"))
    for number, limit in ((lat, 90), (lon, 180)):
        if isinstance(number, bool) or not isinstance(number, int | float):
            raise ContextError("context.location needs numbers for lat and lon.")
        if not math.isfinite(number) or abs(number) > limit:
            raise ContextError("context.location is outside the world.")
    if not isinstance(label, str) or not label or len(label) > MAX_LABEL:
        raise ContextError("context.location.label must be short text.")
    if source not in ("postcode", "place"):
        raise ContextError("context.location.source must be postcode or place.")
    return Where(float(lat), float(lon), label, source)


def follow_on(
    analysis: Analysis,
    context: Context,
    message: str,
    located: bool,
    language: str | None = None,
) -> Analysis:
    """Read a message as the next turn: keep the needs, danger and topics it does not change.

    `located` says whether this turn brings a location (a place named or the device position).
    The answer is in the message's language, else the conversation's, else `language` (the
    page's), else English.
    """
    text = normalise(message)
    speaking = analysis.language or context.language or language or ENGLISH
    cymraeg = welsh.normalise(message) if speaking == WELSH else ""
    safe_now = bool(SAFE_NOW.search(text) or WELSH_SAFE_NOW.search(cymraeg))
    emergency = analysis.emergency or (context.emergency and not safe_now)
    facilities = analysis.facilities
    if not facilities:
        facilities = context.needs
    elif ADDING.search(text) or WELSH_ADDING.search(cymraeg):
        facilities = tuple(dict.fromkeys(context.needs + facilities))
    topics = tuple(dict.fromkeys(analysis.topics + context.topics))
    intent = analysis.intent
    answers_where = context.question == "location" and located
    if emergency:
        intent = "emergency"
    elif intent == "unknown" and answers_where:
        # "M1" after "where are you?" completes what was asked; a danger now over is a search.
        intent = "support" if context.intent == "support" else "find_space"
    elif intent in ("unknown", "find_space") and context.intent == "support" and located:
        intent = "support"  # "can I go somewhere in Leeds" keeps the helplines given
    elif (
        intent == "unknown"
        and (analysis.place is not None or (facilities and located))
        # "weather in Leeds" asks no search; "where can I wait out of the rain" does.
        and not analysis.off_topic
    ):
        intent = "find_space"  # a bare place: the person is saying where to look
    elif intent == "unknown" and facilities and context.question:
        intent = "find_space"
    where = analysis.place or context.location
    wales = (
        analysis.wales
        or speaking == WELSH
        or (where is not None and welsh.in_wales(where.lat, where.lon))
    )
    return replace(
        analysis,
        intent=intent,
        emergency=emergency,
        facilities=facilities,
        helplines=helplines.for_topics(topics, emergency, wales, speaking == WELSH),
        carried_topics=topics,
        language=speaking,
        wales=wales,
    )


def understand(
    message: str,
    gazetteer: Gazetteer | None,
    context: Context | None = None,
    device: tuple[float, float] | None = None,
    language: str | None = None,
) -> Analysis:
    """Read one message in its conversation: what it says plus what is kept from before.

    `language` is the page's, the answer's language when neither message nor context says.
    """
    analysis = analyse(message, gazetteer, near=device)
    located = analysis.place is not None or device is not None
    return follow_on(analysis, context or Context(), message, located, language)
