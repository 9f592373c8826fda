"""What a business says about its readiness, beyond the listing: the codeword schemes joined."""

from __future__ import annotations

from locator.domain.errors import InvalidParameter
from locator.domain.vocabulary import CODEWORDS


def check_codewords(value) -> tuple[str, ...]:
    """Read the codeword schemes a business has joined (a list of codes; none by default)."""
    if value in (None, ""):
        return ()
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise InvalidParameter(
            'codewords must be a list such as ["ask_for_ani"] (or empty).', "codewords"
        )
    for code in value:
        if not isinstance(code, str) or code not in CODEWORDS:
            raise InvalidParameter(
                f"Unknown codeword scheme {str(code)[:40]!r}; use any of {', '.join(CODEWORDS)}.",
                "codewords",
            )
    return tuple(code for code in CODEWORDS if code in value)
