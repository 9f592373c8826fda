"""Signing in: moderators and head offices, each with their own pages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from functools import wraps

from flask import (
    current_app,
    redirect,
    render_template,
    request,
    session,
)

from locator.domain.accounts import Moderator, Organisation
from locator.listings import accounts
from locator.web.api import locator
from locator.web.listings.blueprints import bp, mailer


@dataclass(frozen=True)
class Account:
    """A kind of signed-in account: moderators or head offices."""

    kind: str  # as the sign-in service names it
    session_key: str  # where the session cookie keeps the sign-in's token
    home: str
    login_path: str
    title: str
    intro: str
    refusal: str


MODERATORS = Account(
    "moderator",
    "moderator_sign_in",
    "/moderate",
    "/moderate/login",
    "Moderator sign in",
    "For council, partnership and police moderators.",
    "That email and password do not match an active moderator.",
)
HEAD_OFFICES = Account(
    "organisation",
    "organisation_sign_in",
    "/business",
    "/business/login",
    "Head office sign in",
    "For organisations that list many premises. Single shops use the registration form and "
    "their private manage link.",
    "That email and password do not match a head-office account.",
)

LOCKED = (
    "This account is locked for 15 minutes after repeated wrong passwords; its owner has been "
    "told by email. Try again later."
)
WRONG_CODE = (
    "That code does not match: enter the 6-digit code your authenticator app shows now, with "
    "your password again."
)


def _idle() -> timedelta:
    return timedelta(minutes=int(current_app.config["SESSION_IDLE_MINUTES"]))


def signed_in(kind: Account) -> Moderator | Organisation | None:
    """Return the signed-in account of this kind, if its session is still alive on the server."""
    token = session.get(kind.session_key)
    return accounts.signed_in_account(locator().store, kind.kind, token, _idle())


def sign_in_required(kind: Account):
    """Send visitors who are not signed in as this kind of account to its login page."""

    def decorate(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            account = signed_in(kind)
            if account is None:
                return redirect(f"{kind.login_path}?next={request.path}")
            return view(account, *args, **kwargs)

        return wrapper

    return decorate


def _sign_in(kind: Account):
    error = None
    if request.method == "POST":
        form = request.form
        outcome = accounts.sign_in(
            locator().store,
            mailer(),
            kind.kind,
            form.get("email", ""),
            form.get("password", ""),
            form.get("code", ""),
        )
        if outcome.token is not None:
            session.clear()
            session[kind.session_key] = outcome.token
            return redirect(_back_to(request.args.get("next", ""), kind.home))
        error = {"locked": LOCKED, "code": WRONG_CODE}.get(outcome.problem, kind.refusal)
    return render_template("login.html", kind=kind, error=error), (401 if error else 200)


# A page of our own to return to after signing in: a path, nothing that could end a header.
_LOCAL_PATH = re.compile(r"/[A-Za-z0-9/_.~%-]*")


def _back_to(target: str, home: str) -> str:
    """Return `next` when it is a page in the signed-in area, else the area's home page."""
    if _LOCAL_PATH.fullmatch(target) and (target == home or target.startswith(home + "/")):
        return target
    return home


def _sign_out(kind: Account):
    accounts.sign_out(locator().store, session.get(kind.session_key))
    session.clear()
    return redirect(kind.login_path)


moderator_required = sign_in_required(MODERATORS)
organisation_required = sign_in_required(HEAD_OFFICES)


def _add_sign_in_routes(kind: Account, endpoint: str) -> None:
    """Register the sign-in and sign-out pages of one kind of account."""

    def sign_in():
        return _sign_in(kind)

    def sign_out():
        return _sign_out(kind)

    sign_in.__name__, sign_out.__name__ = endpoint, endpoint.replace("login", "logout")
    bp.add_url_rule(kind.login_path, view_func=sign_in, methods=["GET", "POST"])
    logout_path = kind.login_path.replace("login", "logout")
    bp.add_url_rule(logout_path, view_func=sign_out, methods=["POST"])


_add_sign_in_routes(MODERATORS, "login")
_add_sign_in_routes(HEAD_OFFICES, "business_login")
