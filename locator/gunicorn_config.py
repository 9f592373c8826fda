"""Gunicorn settings for a deployment.

Run: gunicorn -c python:locator.gunicorn_config 'locator:create_app()'

Threads, not processes, wait on slow clients: a phone downloading an export at 50 kB/s holds one
thread of a worker, and searches go on in the others. Behind nginx (README, "Operations") the
proxy buffers responses as well. The access log never shows a query string (locations, chat
text), a tile's position or a manage link's token.
"""

from __future__ import annotations

import os

from gunicorn.glogging import Logger

from locator.web.privacy import redact

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("THREADS", "8"))
# A request that takes longer than this is cut off and its worker replaced.
timeout = 30
graceful_timeout = 30
keepalive = 5
accesslog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'


def on_starting(_server) -> None:
    """Refuse to serve without PUBLIC_BASE_URL: links in mail and data would follow any Host."""
    if not os.environ.get("PUBLIC_BASE_URL", "").strip():
        raise SystemExit(
            "Set PUBLIC_BASE_URL (e.g. https://safespaces.example) before serving with gunicorn: "
            "links in mail and open data use it, and other host names are refused."
        )


class RedactingLogger(Logger):
    """Gunicorn's logger with the request line, path, query and referrer redacted."""

    def atoms(self, resp, req, environ, request_time):
        """Return the access log's fields with nothing that says where someone is."""
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["r"] = redact(atoms["r"])
        atoms["U"] = redact(atoms["U"] or "")
        atoms["q"] = "…" if atoms["q"] else ""
        atoms["f"] = redact(atoms["f"])
        return atoms


logger_class = RedactingLogger
