"""What a member of the public says is wrong with a listing: a reason, and a few words if they like.

Nothing about who reported is asked or kept; words that name or describe a person are refused,
as a recorded use's note is. A business asking for a review writes under the same rule.
"""

from __future__ import annotations

from locator.domain import language
from locator.domain.errors import InvalidParameter
from locator.domain.language import N_, gettext
from locator.domain.text import CONTROL
from locator.domain.vocabulary import REPORT_REASONS
from locator.usage import personal_data

TEXT_LIMIT = 500
REPORT_INSTEAD = N_(
    "Say what is wrong with the listing, e.g. “The door was locked at 8pm although the hours "
    "say 10pm”."
)


def check_words(text: object, field: str, instead: str, limit: int = TEXT_LIMIT) -> str:
    """Return short free text on one line, or raise InvalidParameter naming `field`.

    Refused: more than `limit` characters, a control character, or words that name or describe
    a person (the refusal ends with `instead`: what to write).
    """
    raw = text if isinstance(text, str) else ""
    if CONTROL.search(raw):
        raise InvalidParameter(
            gettext("What you wrote contains a control character; take it out and try again."),
            field,
        )
    words = " ".join(raw.split())
    if len(words) > limit:
        raise InvalidParameter(
            gettext(
                "Keep what you write to %(limit)s characters (it has %(count)s).",
                limit=limit,
                count=len(words),
            ),
            field,
        )
    found = personal_data.find_personal_data(words)
    if found and language.current() == language.WELSH:
        quoted = ", ".join(dict.fromkeys(f"“{words[f.start : f.end]}”" for f in found))
        refusal = gettext(
            "What you write must not identify anyone: take out %(words)s.", words=quoted
        )
        raise InvalidParameter(f"{refusal} {gettext(instead)}", field)
    if found:
        raise InvalidParameter(
            personal_data.refusal(words, found, "What you write", instead), field
        )
    return words


def check_report(reason: object, text: object) -> tuple[str, str | None]:
    """Return a report's reason and its words tidied; raise InvalidParameter naming the field."""
    if not isinstance(reason, str) or reason not in REPORT_REASONS:
        raise InvalidParameter(gettext("Choose what is wrong with the listing."), "reason")
    return reason, check_words(text, "text", REPORT_INSTEAD) or None


def report_problem(store, space_id: int, reason: object, text: object = "") -> bool:
    """Record a problem report for a public premises; return False when it is not public."""
    reason, words = check_report(reason, text)
    return store.reports.add(space_id, reason, words)
