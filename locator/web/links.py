"""Absolute links to the site: one answer to "what is our address?" for pages, mail and data."""

from __future__ import annotations

from collections.abc import Callable

from flask import current_app, request


def base_url() -> str:
    """Return the site's absolute base URL, without a trailing slash.

    PUBLIC_BASE_URL when it is set (behind a proxy, in mail), else the request's own host.
    """
    return (current_app.config["PUBLIC_BASE_URL"] or request.host_url).rstrip("/")


def space_url(space_id: int) -> str:
    """Return the absolute URL of a space's public page."""
    return f"{base_url()}/spaces/{space_id}"


def space_urls() -> Callable[[int], str]:
    """Return a maker of space page URLs with the base worked out once (for many results)."""
    prefix = f"{base_url()}/spaces/"
    return lambda space_id: f"{prefix}{space_id}"
