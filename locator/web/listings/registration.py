"""Registering premises: the form, and the same through the API."""

from __future__ import annotations

from flask import (
    jsonify,
    render_template,
    request,
)

from locator import presenting
from locator.domain.errors import InvalidParameter
from locator.domain.vocabulary import CODEWORDS, FACILITIES, Status
from locator.hours import grid
from locator.hours import schedule as hours
from locator.listings import checklist, registration
from locator.web import links
from locator.web.api import locator
from locator.web.listings.blueprints import api_bp, bp, mailer
from locator.web.maps import UK_CENTRE, map_for


@api_bp.post("/registrations")
def register_api():
    """Register premises from JSON; 201 with the reference and the private manage link."""
    done = registration.register(
        locator(), request.get_json(silent=True), mailer(), links.base_url()
    )
    return jsonify(
        {
            "id": done.id,
            "reference": done.reference,
            "status": Status.PENDING,
            "manage_url": f"{links.base_url()}/manage/{done.manage_token}",
            "approximate_location": done.approximate_location,
        }
    ), 201


@api_bp.post("/registrations/<reference>/link")
def new_link_api(reference: str):
    """Mail a fresh manage link when the email sent is the listing's contact; 202 either way."""
    answer = registration.mail_new_link(
        locator().store, mailer(), reference, request.get_json(silent=True), links.base_url()
    )
    return jsonify({"status": "accepted", "message": answer}), 202


@bp.route("/register", methods=["GET", "POST"])
def register_page():
    """The registration form for one premises."""
    form = request.form
    if request.method == "GET":
        return _register_form({}, None)
    found = ()
    try:
        expression = form.get("opening_hours", "").strip() or grid.hours_from_grid(form)
    except InvalidParameter as error:
        # Shown with every other mistake; the hours stand in as always open meanwhile.
        expression, found = "24/7", (error,)
    try:
        payload = {
            name: form.get(name, "")
            for name in (
                "name",
                "organisation",
                "address",
                "postcode",
                "lat",
                "lon",
                "phone",
                "website",
                "how_to_ask",
                "scheme",
                "contact_email",
            )
        }
        payload["opening_hours"] = expression
        payload["facilities"] = form.getlist("facilities")
        payload["checklist"] = checklist.answers_from_form(form)
        payload["codewords"] = form.getlist("codewords")
        done = registration.register(
            locator(), payload, mailer(), links.base_url(), every_question=True, found=found
        )
    except InvalidParameter as error:
        return _register_form(form, error), 400
    return render_template(
        "registered.html",
        done=done,
        manage_url=f"{links.base_url()}/manage/{done.manage_token}",
        hours_words=_hours_in_words(expression),
    )


def _register_form(form, error):
    """Render the registration form, filled in again after a mistake."""
    return render_template(
        "register.html",
        form=form,
        error=error,
        facilities=FACILITIES,
        stages=checklist.STAGES,
        questions=checklist.QUESTIONS,
        answered=form,
        codewords=CODEWORDS,
        days=grid.GRID_DAYS,
        bank_holiday_choices=grid.BANK_HOLIDAY_CHOICES,
        holiday_unconfirmed=presenting.HOLIDAY_UNCONFIRMED,
        chosen=set(form.getlist("facilities")) if form else set(),
        map=_pin_map(),
    )


def _pin_map():
    return map_for(UK_CENTRE, 5, cluster=False)


def _hours_in_words(expression: str) -> list:
    schedule = hours.parse_hours(expression)
    return presenting.weekly_table(schedule, hours.local_time())
