"""Named domain errors; the web layer maps them to the one JSON error shape."""

from __future__ import annotations

from locator.domain.language import gettext


class LocatorError(Exception):
    """Base for errors a user can act on; `str()` is a sentence written for them."""

    code = "error"
    status = 400

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidParameter(LocatorError):
    """A request parameter is malformed or out of range."""

    code = "invalid_parameter"

    @property
    def problems(self) -> tuple[InvalidParameter, ...]:
        """Return every refusal this error stands for (a form shows them all at once)."""
        return (self,)

    def message_for(self, field: str) -> str | None:
        """Return what is wrong with `field`, or None when it is not refused."""
        return next((p.message for p in self.problems if p.field == field), None)


class InvalidFields(InvalidParameter):
    """Several fields refused at once; the first speaks for all where one answer is given."""

    def __init__(self, problems: list[InvalidParameter]):
        super().__init__(problems[0].message, problems[0].field)
        self._problems = tuple(problems)

    @property
    def problems(self) -> tuple[InvalidParameter, ...]:
        return self._problems


def gather(problems: list[InvalidParameter]) -> None:
    """Raise the refusals found, all at once, if there are any."""
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise InvalidFields(problems)


def refuse_unknown_members(document, allowed: tuple[str, ...], what: str) -> None:
    """Raise InvalidParameter, naming it, for a member of a JSON object that is not `allowed`."""
    for name in document:
        if name not in allowed:
            shown = str(name)[:40]
            raise InvalidParameter(
                f"{shown!r} is not part of {what}: send only {', '.join(allowed)}.", shown
            )


class UnknownPlace(LocatorError):
    """A postcode, district or place name that the gazetteer cannot find."""

    code = "unknown_place"

    def __init__(self, advice: str, field: str | None = None, suggestions: tuple[str, ...] = ()):
        places = (" " + gettext("or") + " ").join(suggestions)
        hint = " " + gettext("Did you mean %(places)s?", places=places) if suggestions else ""
        super().__init__(advice + hint, field)
        self.advice = advice  # the message without the names, for pages that link them
        self.suggestions = tuple(suggestions)


class SpaceNotFound(LocatorError):
    """No public safe space has this id."""

    code = "not_found"
    status = 404


class Unavailable(LocatorError):
    """The database cannot be reached: nothing stored can be read or written just now."""

    code = "unavailable"
    status = 503


class Busy(LocatorError):
    """Work that runs one at a time (an import) is already running elsewhere."""

    code = "busy"
    status = 409
