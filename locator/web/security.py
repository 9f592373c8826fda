"""Security headers on every response: a nonce-based CSP, no framing except the embed."""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from flask import Flask, g, request

# Pages that partners may put in an iframe on their own sites.
FRAMEABLE_ENDPOINTS = {"embed.embed"}
# Pages for signed-in accounts and manage links (and the forms that lead to them).
PRIVATE_BLUEPRINTS = {"business"}


def csp_nonce() -> str:
    """Return this request's nonce for inline scripts and styles."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(18)
    return g.csp_nonce


def _tile_origin(tile_url: str) -> str:
    """Return the CSP source for tiles from another server; "" for our own (covered by 'self')."""
    parts = urlsplit(tile_url.replace("{s}", "a"))
    if not parts.netloc:
        return ""  # a path such as the default /tiles/{z}/{x}/{y}.png
    host = parts.netloc
    # {s} subdomains (a.tile…, b.tile…) all need allowing.
    if "{s}" in tile_url:
        host = "*." + host.split(".", 1)[1]
    # A scheme-relative //host/… URL: a host source without a scheme matches the page's own.
    return f"{parts.scheme}://{host}" if parts.scheme else host


def init_app(app: Flask) -> None:
    """Add the security headers and make the nonce available to templates."""
    app.jinja_env.globals["csp_nonce"] = csp_nonce
    tile_origin = _tile_origin(str(app.config["TILE_URL"] or ""))

    @app.after_request
    def _headers(response):
        frameable = request.endpoint in FRAMEABLE_ENDPOINTS
        nonce = g.get("csp_nonce")
        inline = f" 'nonce-{nonce}'" if nonce else ""
        policy = [
            "default-src 'self'",
            f"script-src 'self'{inline}",
            f"style-src 'self'{inline}",
            f"img-src 'self' data:{(' ' + tile_origin) if tile_origin else ''}",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-src 'self'",
            f"frame-ancestors {'*' if frameable else chr(39) + 'none' + chr(39)}",
        ]
        response.headers["Content-Security-Policy"] = "; ".join(policy)
        if not frameable:
            response.headers["X-Frame-Options"] = "DENY"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Permissions-Policy"] = (
            "geolocation=(self), camera=(), microphone=(), interest-cohort=()"
        )
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        if request.is_secure:
            # Browsers that once came over HTTPS never try plain HTTP again for a year.
            response.headers["Strict-Transport-Security"] = "max-age=31536000"
        if request.blueprint in PRIVATE_BLUEPRINTS:
            # Moderation, head-office and manage pages hold what only their owner may see:
            # never kept by a browser, a shared computer's back button or a proxy.
            response.headers["Cache-Control"] = "no-store"
        return response
