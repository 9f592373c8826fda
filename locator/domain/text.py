"""What text the service accepts from anyone: no control characters but tab and line breaks."""

from __future__ import annotations

import re

# C0 controls other than tab, line feed and carriage return, and DEL. A NUL reaches PostgreSQL
# as an error, and any of them can forge a log line or hide text in a listing.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
