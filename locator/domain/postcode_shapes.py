"""The shapes of a UK postcode, shared by the gazetteer and the note checker."""

from __future__ import annotations

import re

# Outward code shapes: A9, A99, AA9, AA99, A9A, AA9A. Inward code is always 9AA.
OUTWARD = r"[A-Z]{1,2}[0-9](?:[0-9]|[A-Z])?"
# Inside free text the two halves may be separated by spaces; the boundaries stop "xLS14AP".
# Upper-case text only: callers fold case first.
FULL_IN_TEXT_RE = re.compile(rf"(?<![A-Za-z0-9])({OUTWARD})\s*([0-9][A-Z]{{2}})(?![A-Za-z0-9])")
