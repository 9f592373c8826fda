"""The blueprints of the business pages, and what every one of them uses."""

from __future__ import annotations

from flask import (
    Blueprint,
    current_app,
)

from locator.listings.moderation import ContactSetting

bp = Blueprint("business", __name__)
api_bp = Blueprint("registrations", __name__, url_prefix="/api/v1")


def mailer():
    """Return the app's mailer."""
    return current_app.extensions["mailer"]


def contact_setting() -> ContactSetting:
    """Return whom businesses are told to ask about moderation, as configured."""
    config = current_app.config
    return ContactSetting(
        config["PARTNERSHIP_CONTACT"].strip(), bool(config["PARTNERSHIP_CONTACT_FROM_MODERATORS"])
    )
