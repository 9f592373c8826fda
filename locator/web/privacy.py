"""Keep members of the public's locations and searches, and manage links, out of logs."""

import logging
import re

from flask import Flask

# Everything after "?" up to the next space: a raw request line may hold quotes in its query.
QUERY_STRING = re.compile(r"\?[^ ]*")
# A map tile's path names the area someone is looking at.
TILE_PATH = re.compile(r"/tiles/\d+/\d+/\d+\.png")
# A manage link's token is the key to a listing; a record link's, to a store's log of uses.
PRIVATE_LINK_PATH = re.compile(r"/(manage|record)/[^/ ?]+")


def redact(text: str) -> str:
    """Return a request line or path without query, tile position or private link's token."""
    text = QUERY_STRING.sub("?…", text)
    return PRIVATE_LINK_PATH.sub(r"/\1/…", TILE_PATH.sub("/tiles/…", text))


class RedactQueryStrings(logging.Filter):
    """Drop query strings (lat/lon, q, chat text), tile positions and manage tokens."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args and isinstance(record.args, tuple):
            record.args = tuple(redact(arg) if isinstance(arg, str) else arg for arg in record.args)
        elif isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True


def init_app(app: Flask) -> None:  # noqa: ARG001 - every extension's init_app takes the app
    """Install the redacting filter on the development server's request log."""
    logger = logging.getLogger("werkzeug")
    if not any(isinstance(f, RedactQueryStrings) for f in logger.filters):
        logger.addFilter(RedactQueryStrings())
