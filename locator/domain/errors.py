"""Named domain errors; the web layer maps them to the one JSON error shape."""


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
        hint = f" Did you mean {' or '.join(suggestions)}?" if suggestions else ""
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
