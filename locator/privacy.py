"""Keep members of the public's locations and searches out of logs."""

import logging
import re

from flask import Flask

QUERY_STRING = re.compile(r"\?[^ \"]*")


class RedactQueryStrings(logging.Filter):
    """Drop query strings (lat/lon, q, chat text) from request log lines."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args and isinstance(record.args, tuple):
            record.args = tuple(
                QUERY_STRING.sub("?…", arg) if isinstance(arg, str) else arg for arg in record.args
            )
        elif isinstance(record.msg, str):
            record.msg = QUERY_STRING.sub("?…", record.msg)
        return True


def init_app(app: Flask) -> None:
    """Install the redacting filter on the development server's request log."""
    logger = logging.getLogger("werkzeug")
    if not any(isinstance(f, RedactQueryStrings) for f in logger.filters):
        logger.addFilter(RedactQueryStrings())
