"""Absolute links to the site: one answer to "what is our address?" for pages, mail and data."""

from __future__ import annotations

from flask import current_app, request


def base_url() -> str:
    """Return the site's absolute base URL, without a trailing slash.

    PUBLIC_BASE_URL when it is set (behind a proxy, in mail), else the request's own host.
    """
    return (current_app.config["PUBLIC_BASE_URL"] or request.host_url).rstrip("/")


def space_url(space_id: int) -> str:
    """Return the absolute URL of a space's public page."""
    return f"{base_url()}/spaces/{space_id}"
