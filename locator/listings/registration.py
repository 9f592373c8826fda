"""Registering premises: the readiness checklist and the manage-link mail.

Nothing a business sends is public until a moderator approves it.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from locator.domain import clock
from locator.domain.errors import InvalidParameter, gather, refuse_unknown_members
from locator.domain.premises import reference, space_id_of
from locator.domain.vocabulary import Status
from locator.importing import rows as importing
from locator.listings import checklist
from locator.listings.accounts import check_email
from locator.listings.manage import invalid_row, replace_manage_link, token_hash
from locator.listings.readiness import check_codewords

# What a registration sends: the import columns (less the reference, which is ours to give),
# the contact email and the readiness answers.
REGISTRATION_FIELDS = (
    *(name for name in importing.SPEC_COLUMNS if name != "ref"),
    "contact_email",
    "checklist",
    "codewords",
)


@dataclass(frozen=True)
class Registered:
    """The answer to a registration."""

    id: int
    reference: str
    manage_token: str
    approximate_location: bool
    mailed: bool = True  # False: the mail waits in the outbox (the link is shown on screen)


def register(
    service,
    payload,
    mailer,
    base_url: str,
    *,
    every_question: bool = False,
    found: tuple[InvalidParameter, ...] = (),
) -> Registered:
    """Validate a registration and store it as pending; mail the private manage link.

    Every field is checked and every refusal raised at once (`InvalidFields`), with those the
    caller `found` already (a form's hours grid). `every_question` asks for an answer to each
    readiness question (the web form does); the API may leave the later ones for the manage page.
    """
    if not isinstance(payload, Mapping):
        raise InvalidParameter("Send the registration as a JSON object.", "body")
    refuse_unknown_members(payload, REGISTRATION_FIELDS, "a registration")
    problems = list(found)

    def checked(check, *args, **kwargs):
        try:
            return check(*args, **kwargs)
        except InvalidParameter as problem:
            problems.append(problem)
            return None

    values = {name: payload.get(name) for name in importing.SPEC_COLUMNS}
    values["ref"] = f"web-{secrets.token_hex(6)}"
    validated, row_problems = _row_problems(values, service.gazetteer)
    problems += row_problems
    email = checked(check_email, payload.get("contact_email"))
    required = checklist.EVERY_QUESTION if every_question else checklist.FIRST_ASKED
    answers = checked(checklist.check_answers, payload.get("checklist"), required=required)
    codewords = checked(check_codewords, payload.get("codewords"))
    gather(sorted(problems, key=_in_form_order))
    answers["codewords"] = list(codewords)
    row, approximate = validated
    area = service.areas.locate(row["lat"], row["lon"])
    token = secrets.token_urlsafe(24)
    row.update(
        area_code=area.code if area else None,
        nation=area.nation if area else service.areas.nation_at(row["lat"], row["lon"]),
        status=Status.PENDING,
        demo=False,
        contact_email=email,
        checklist=json.dumps(answers, sort_keys=True),
        manage_token_hash=token_hash(token),
        last_confirmed=clock.today(),
    )
    with service.store.transaction():
        space_id = service.store.premises.add(
            row, "business", "registered", {"name": row["name"], "scheme": row["scheme"]}
        )
        letter = _mail_registration(mailer, email, row["name"], space_id, token, base_url)
    mailed = mailer.deliver_after_commit(letter)
    return Registered(space_id, reference(space_id), token, approximate, mailed)


# The registration form's order, which a list of its mistakes follows.
FORM_ORDER = (
    "organisation",
    "name",
    "address",
    "postcode",
    "lat",
    "lon",
    "opening_hours",
    "facilities",
    "how_to_ask",
    "phone",
    "website",
    "contact_email",
    "scheme",
    "checklist",
    "codewords",
)


def _in_form_order(problem: InvalidParameter) -> int:
    return FORM_ORDER.index(problem.field) if problem.field in FORM_ORDER else len(FORM_ORDER)


# Good values put in place of a refused one, so the row's other fields are checked too.
_STAND_INS = {
    "name": "Stand-in",
    "organisation": "Stand-in",
    "address": "1 Stand-in Street",
    "opening_hours": "24/7",
    "phone": "",
    "website": "",
    "how_to_ask": "",
    "scheme": "external",
    "facilities": [],
}
# A refused place (postcode, position) is replaced by a position in the UK, and no postcode.
_PLACE = ("postcode", "lat", "lon")
_STAND_IN_PLACE = {"postcode": "", "lat": 53.8, "lon": -1.55}


def _row_problems(values: dict, gazetteer) -> tuple[tuple[dict, bool] | None, list]:
    """Return the checked row and whether it was placed by its postcode, or every refusal.

    The import's check stops at the first refusal; each refused field is given a good stand-in
    and the row checked again, so a form can show every mistake at once.
    """
    problems = []
    values = dict(values)
    while True:
        try:
            row, approximate, _notes = importing.validate_row(values, gazetteer)
        except importing.RowError as error:
            problem = invalid_row(error)
            problems.append(problem)
            if problem.field in _PLACE and values.get("postcode") != "":
                values.update(_STAND_IN_PLACE)
            elif (
                problem.field in _STAND_INS
                and values.get(problem.field) != _STAND_INS[problem.field]
            ):
                values[problem.field] = _STAND_INS[problem.field]
            else:  # nothing left to stand in: the rest cannot be checked apart
                return None, problems
            continue
        return (None, problems) if problems else ((row, approximate), [])


def _mail_registration(
    mailer, email: str, name: str, space_id: int, token: str, base_url: str
) -> int:
    return mailer.send(
        email,
        f"Your safe space registration {reference(space_id)}",
        f"Thank you for registering {name} as a safe space.\n\n"
        f"Your reference is {reference(space_id)}. A moderator will check the listing before "
        f"it is shown to the public.\n\nKeep this private link to update your opening hours, "
        f"close temporarily, confirm the listing or withdraw it:\n{base_url}/manage/{token}\n\n"
        "Anyone with the link can change your listing: do not share it.",
    )


# The one answer to a request for a new manage link, whether or not the email was the
# listing's: nobody learns from it whether an email is registered.
NEW_LINK_ANSWER = (
    "If that email is the listing's contact email, we have sent a new private manage link to "
    "it, and the old link no longer works. Nothing after a few minutes? Look in your spam "
    "folder, then check the reference and use the email you registered with."
)


def mail_new_link(store, mailer, reference_text, payload, base_url: str) -> str:
    """Mail a fresh manage link when the email sent is the listing's contact; return the answer.

    `payload` holds `contact_email`, compared without regard to case. When it is not the
    listing's, nothing is mailed and the link stays as it was; the answer is the same.
    """
    space_id = space_id_of(reference_text)
    if not isinstance(payload, Mapping):
        raise InvalidParameter(
            'Send the contact email as a JSON object: {"contact_email": "…"}.', "body"
        )
    refuse_unknown_members(payload, ("contact_email",), "a request for a new manage link")
    email = check_email(payload.get("contact_email"))
    row = store.premises.get(space_id) if space_id is not None else None
    if row is not None and (row.contact_email or "").casefold() == email.casefold():
        replace_manage_link(store, mailer, row, base_url)
    return NEW_LINK_ANSWER
