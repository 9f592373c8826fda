"""Accounts people sign in with: moderators and head offices, with argon2-hashed passwords."""

from __future__ import annotations

import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from locator.domain.accounts import Moderator, Organisation
from locator.domain.errors import InvalidParameter

EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")


_hasher = PasswordHasher()


def check_email(value) -> str:
    if not isinstance(value, str) or not EMAIL.match(value.strip()) or len(value) > 254:
        raise InvalidParameter(
            "Give a contact email address we can send your manage link to.", "contact_email"
        )
    return value.strip()


def create_moderator(store, areas, email: str, name: str, password: str, area_slugs) -> int:
    """Create a moderator, optionally limited to some local authority districts."""
    email = check_email(email).lower()
    if not name or not name.strip():
        raise InvalidParameter("Give the moderator's name.", "name")
    if len(password) < 12:
        raise InvalidParameter("Use a password of at least 12 characters.", "password")
    codes = []
    for slug in area_slugs:
        area = areas.by_slug(slug.strip().lower())
        if area is None:
            raise InvalidParameter(f"Unknown area {slug!r}.", "area")
        codes.append(area.code)
    if store.accounts.moderator(email=email):
        raise InvalidParameter(f"A moderator with the email {email} already exists.", "email")
    return store.accounts.add_moderator(
        email, name.strip(), _hasher.hash(password), ",".join(codes)
    )


def _verified(account, password: str):
    """Return the account when it is active and the password matches it, else None."""
    if account is None or not account.active:
        _hasher.hash("x" * 12)  # similar time whether or not the account exists
        return None
    try:
        _hasher.verify(account.password_hash, password or "")
    except (VerificationError, InvalidHashError):
        return None
    return account


def authenticate(store, email: str, password: str) -> Moderator | None:
    """Return the active moderator with these credentials, or None."""
    return _verified(store.accounts.moderator(email=(email or "").strip().lower()), password)


def create_organisation(store, name: str, email: str, password: str) -> int:
    """Create a head-office account for an organisation's estate."""
    email = check_email(email).lower()
    name = " ".join((name or "").split())
    if not name or len(name) > 200:
        raise InvalidParameter("Give the organisation's name (up to 200 characters).", "name")
    if len(password) < 12:
        raise InvalidParameter("Use a password of at least 12 characters.", "password")
    if store.accounts.organisation(email=email):
        raise InvalidParameter(f"An account with the email {email} already exists.", "email")
    return store.accounts.add_organisation(name, email, _hasher.hash(password))


def authenticate_organisation(store, email: str, password: str) -> Organisation | None:
    """Return the active head-office account with these credentials, or None."""
    return _verified(store.accounts.organisation(email=(email or "").strip().lower()), password)
