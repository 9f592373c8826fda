"""Keep members of the public's locations and searches out of logs."""

import logging
import re

from flask import Flask

QUERY_STRING = re.compile(r"\?[^ \"]*")
# A map tile's path names the area someone is looking at.
TILE_PATH = re.compile(r"/tiles/\d+/\d+/\d+\.png")


def _redact(text: str) -> str:
    return TILE_PATH.sub("/tiles/…", QUERY_STRING.sub("?…", text))


class RedactQueryStrings(logging.Filter):
    """Drop query strings (lat/lon, q, chat text) and tile positions from request log lines."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args and isinstance(record.args, tuple):
            record.args = tuple(
                _redact(arg) if isinstance(arg, str) else arg for arg in record.args
            )
        elif isinstance(record.msg, str):
            record.msg = _redact(record.msg)
        return True


def init_app(app: Flask) -> None:  # noqa: ARG001 - every extension's init_app takes the app
    """Install the redacting filter on the development server's request log."""
    logger = logging.getLogger("werkzeug")
    if not any(isinstance(f, RedactQueryStrings) for f in logger.filters):
        logger.addFilter(RedactQueryStrings())
