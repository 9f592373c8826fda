"""Listings: registration, manage links, head offices, moderation, referrals."""
