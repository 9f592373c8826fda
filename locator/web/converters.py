"""URL converters shared by every blueprint."""

from __future__ import annotations

from werkzeug.routing import IntegerConverter

from locator.domain.premises import MAX_ID


class IdConverter(IntegerConverter):
    """A stored record's id: 1 to the largest id the databases hold; anything else is not found."""

    def __init__(self, url_map):
        super().__init__(url_map, min=1, max=MAX_ID)
