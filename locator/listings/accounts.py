"""Accounts people sign in with: moderators and head offices, with argon2-hashed passwords."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from locator.domain import clock
from locator.domain.accounts import Moderator, Organisation
from locator.domain.errors import InvalidParameter
from locator.listings.manage import token_hash

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


# Wrong passwords (or codes) in a row, from any address, before an account is locked, and for
# how long: slow enough that guessing a 12-character password is hopeless, short enough that
# the real moderator is not shut out for long.
MAX_FAILED_SIGN_INS = 5
LOCKED_FOR = timedelta(minutes=15)
# A session's last use is written at most this often.
TOUCH_EVERY = timedelta(minutes=1)
KINDS = ("moderator", "organisation")
# The longest email an account can have, and the longest password worth hashing.
MAX_EMAIL = 254
MAX_PASSWORD = 1024


@dataclass(frozen=True)
class SignInOutcome:
    """What came of a sign-in: a session token, or why not ("wrong", "locked" or "code")."""

    account: Moderator | Organisation | None = None
    token: str | None = None
    problem: str | None = None


def _account(store, kind: str, *, email: str | None = None, account_id: int | None = None):
    if kind == "moderator":
        return store.accounts.moderator(email=email, moderator_id=account_id)
    return store.accounts.organisation(email=email, organisation_id=account_id)


def sign_in(store, mailer, kind: str, email: str, password: str, code: str = "") -> SignInOutcome:
    """Check a password (and, when the account has one, its authenticator code).

    Each wrong password or code counts towards locking the account for LOCKED_FOR, whatever
    address it comes from; a locked account refuses even the right password, and its owner is
    told by mail that it was locked.
    """
    now = clock.utc_now()
    if len(email or "") > MAX_EMAIL or len(password or "") > MAX_PASSWORD or len(code or "") > 20:
        return SignInOutcome(problem="wrong")  # nobody's: not worth a database read or a hash
    account = _account(store, kind, email=(email or "").strip().lower())
    if account is not None and account.locked_until and clock.as_utc(account.locked_until) > now:
        return SignInOutcome(problem="locked")
    if _verified(account, password) is None:
        if account is not None and account.active:
            _failed(store, mailer, kind, account, now)
        return SignInOutcome(problem="wrong")
    if account.totp_secret and not _code_matches(account.totp_secret, code):
        _failed(store, mailer, kind, account, now)
        return SignInOutcome(problem="code")
    store.accounts.record_success(kind, account.id)
    token = secrets.token_urlsafe(32)
    store.accounts.start_session(kind, account.id, token_hash(token), now)
    return SignInOutcome(account=account, token=token)


def _failed(store, mailer, kind: str, account, now: datetime) -> None:
    """Count a failed sign-in; at the limit, lock the account and tell its owner."""
    if not store.accounts.record_failure(kind, account.id, MAX_FAILED_SIGN_INS, now + LOCKED_FOR):
        return
    minutes = int(LOCKED_FOR.total_seconds() // 60)
    mailer.send(
        account.email,
        "Your Safe Spaces Locator account was locked",
        f"Someone entered a wrong password or code for this account {MAX_FAILED_SIGN_INS} times "
        f"in a row, so nobody can sign in to it for {minutes} minutes. If that was not you, "
        "someone may be trying to guess your password: change it, and consider two-factor "
        "sign-in.",
    )
    mailer.deliver_after_commit()


def _code_matches(secret: str, code: str) -> bool:
    """Return True when a 6-digit code is the authenticator's now (or 30 s either side)."""
    import pyotp

    code = "".join((code or "").split())
    return code.isdigit() and len(code) == 6 and pyotp.TOTP(secret).verify(code, valid_window=1)


def signed_in_account(store, kind: str, token: str | None, idle: timedelta):
    """Return the active account a session token signs in, or None (unknown, idle or ended)."""
    if not token:
        return None
    stored = token_hash(token)
    found = store.accounts.session(stored)
    if found is None or found[0] != kind:
        return None
    _, account_id, last_seen = found
    now = clock.utc_now()
    if now - last_seen > idle:
        store.accounts.end_session(stored)
        return None
    account = _account(store, kind, account_id=account_id)
    if account is None or not account.active:
        return None
    if now - last_seen > TOUCH_EVERY:
        store.accounts.touch_session(stored, now)
    return account


def sign_out(store, token: str | None) -> None:
    """End a session on the server, so its cookie signs nobody in again."""
    if token:
        store.accounts.end_session(token_hash(token))


def set_two_factor(store, kind: str, email: str, enable: bool = True) -> str | None:
    """Give an account a new authenticator secret (or remove it); return its otpauth URI."""
    import pyotp

    account = _account(store, kind, email=(email or "").strip().lower())
    if account is None:
        raise InvalidParameter(f"There is no {kind} account with the email {email}.", "email")
    if not enable:
        store.accounts.set_totp_secret(kind, account.id, None)
        return None
    secret = pyotp.random_base32()
    store.accounts.set_totp_secret(kind, account.id, secret)
    return pyotp.TOTP(secret).provisioning_uri(
        name=account.email, issuer_name="Safe Spaces Locator"
    )
