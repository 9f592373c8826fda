"""Pages for businesses, head offices and moderators, on the "business" blueprint.

Importing the route modules registers their views on the blueprints.
"""

from locator.web.listings import (  # noqa: F401
    head_office,
    manage,
    moderation,
    record,
    referrals,
    registration,
)
from locator.web.listings.blueprints import api_bp, bp

__all__ = ["api_bp", "bp"]
