"""The private manage link a business keeps: edit, confirm, withdraw, record uses."""

from __future__ import annotations

from flask import (
    abort,
    current_app,
    redirect,
    render_template,
    request,
    url_for,
)

from locator import presenting
from locator.domain.errors import InvalidParameter, SpaceNotFound
from locator.domain.helplines import STAFF_CARD_CONTACTS
from locator.domain.premises import Premises, reference
from locator.domain.vocabulary import CODEWORDS, FACILITIES
from locator.hours import schedule as hours
from locator.listings import checklist, readiness
from locator.listings import manage as manage_cases
from locator.usage import records as review
from locator.web import links
from locator.web.api import locator
from locator.web.listings.blueprints import bp, mailer
from locator.web.listings.shared import (
    USE_CORRECTED,
    USE_DELETED,
    change_use,
    charts,
    csv_response,
    delete_use,
    local_contacts,
    printed,
    record_use,
    statistics,
    sticker_offered,
    use_section,
)


def _managed(token: str) -> Premises:
    try:
        return manage_cases.managed_space(locator().store, token)
    except SpaceNotFound:
        abort(404)


@bp.route("/manage/<token>", methods=["GET", "POST"])
def manage(token: str):
    """The business's private page for its listing."""
    row = _managed(token)
    message, error = None, None
    if request.method == "POST":
        message, error = apply_form(row)
        row = _managed(token)
    return manage_page(row, token, message, error)


def apply_form(row: Premises):
    """Apply the manage form to a listing; return (message, error)."""
    form = request.form
    changes = {
        "opening_hours": form.get("opening_hours", row.opening_hours),
        "closed_until": form.get("closed_until", ""),
        "name": form.get("name", row.name),
        "how_to_ask": form.get("how_to_ask", row.how_to_ask or ""),
        "phone": form.get("phone", row.phone or ""),
        "website": form.get("website", row.website or ""),
        "facilities": form.getlist("facilities"),
    }
    if form.get("codewords_shown"):  # unticked boxes send nothing: the marker says they were there
        changes["codewords"] = form.getlist("codewords")
    try:
        result = manage_cases.update_listing(locator().store, row, changes)
    except InvalidParameter as exc:
        return None, exc
    return _update_message(result), None


def _update_message(result: dict) -> str:
    parts = []
    if result["applied"]:
        parts.append("Saved and shown now: " + ", ".join(result["applied"]) + ".")
    if result["for_review"]:
        parts.append(
            "Sent to a moderator before they are public: " + ", ".join(result["for_review"]) + "."
        )
    return " ".join(parts) or "Nothing changed."


def manage_page(
    row,
    token,
    message=None,
    error=None,
    *,
    base=None,
    use_message=None,
    welfare=False,
    use_values=None,
    training=(None, None),
    readiness_change=(None, None),
):
    waiting = row.waiting_changes
    schedule = hours.parse_hours(row.opening_hours, row.nation)
    stats = statistics([row.id], suppress=False)
    answers = readiness.answers_for(locator().store, row)
    return render_template(
        "manage.html",
        space=row,
        token=token,
        base=base or f"/manage/{token}",
        stats=stats,
        charts=charts(stats),
        **use_section(row, use_message, welfare, use_values),
        reference=reference(row.id),
        waiting=waiting,
        message=message,
        error=error,
        facilities=FACILITIES,
        chosen=set(row.facility_codes),
        codewords=CODEWORDS,
        sticker_offered=sticker_offered(row),
        local_contacts=local_contacts(row),
        card_contacts=STAFF_CARD_CONTACTS,
        staff=staff_record(row),
        stages=checklist.STAGES,
        questions=checklist.QUESTIONS,
        stages_answered=checklist.by_stage(answers),
        answered=checklist.form_values(answers),
        refresh_months=current_app.config["TRAINING_REFRESH_MONTHS"],
        training_message=training[0],
        training_error=training[1],
        readiness_message=readiness_change[0],
        readiness_error=readiness_change[1],
        week=presenting.weekly_table(schedule, hours.local_time()),
    ), (400 if error or training[1] or readiness_change[1] else 200)


def staff_record(row: Premises) -> readiness.StaffRecord:
    """Return the premises' trained-staff record, refreshers due after the configured months."""
    months = int(current_app.config["TRAINING_REFRESH_MONTHS"])
    return readiness.staff_record(locator().store, row.id, months)


def change_training(row: Premises, entry_id: int | None = None) -> dict:
    """Add the form's trained-staff entry, or remove one; return the page's (message, error)."""
    store = locator().store
    try:
        if entry_id is None:
            form = request.form
            message = readiness.add_training(store, row.id, form.get("who"), form.get("trained_on"))
        else:
            message = readiness.remove_training(store, row.id, entry_id)
    except InvalidParameter as exc:
        return {"training": (None, exc)}
    return {"training": (message, None)}


def change_readiness(row: Premises, actor: str = "business") -> dict:
    """Save the readiness form's answers and codeword schemes; return the page's outcome."""
    form = request.form
    try:
        answers = checklist.answers_from_form(form)
        message = readiness.update_answers(
            locator().store, row, answers, form.getlist("codewords"), actor
        )
    except InvalidParameter as exc:
        return {"readiness_change": (None, exc)}
    return {"readiness_change": (message, None)}


@bp.post("/manage/<token>/readiness")
def manage_readiness(token: str):
    """Change the premises' readiness answers and the codeword schemes it joined."""
    outcome = change_readiness(_managed(token))
    return manage_page(_managed(token), token, **outcome)


@bp.post("/manage/<token>/training")
def manage_add_training(token: str):
    """Add someone to the premises' trained-staff record."""
    outcome = change_training(_managed(token))
    return manage_page(_managed(token), token, **outcome)


@bp.post("/manage/<token>/training/<id:entry_id>/delete")
def manage_remove_training(token: str, entry_id: int):
    """Remove an entry from the premises' trained-staff record."""
    outcome = change_training(_managed(token), entry_id)
    return manage_page(_managed(token), token, **outcome)


@bp.get("/manage/<token>/<any('sticker.pdf', 'staff-card.pdf'):document>")
def manage_print(token: str, document: str):
    """Download the window sticker (QR to the public page) or the staff card."""
    return printed(_managed(token), document)


@bp.post("/manage/<token>/uses")
def manage_record_use(token: str):
    """Record a use of the safe space (no personal data)."""
    row = _managed(token)
    return manage_page(_managed(token), token, **record_use(row))


@bp.route("/manage/<token>/uses/<id:use_id>", methods=["GET", "POST"])
def manage_use(token: str, use_id: int):
    """Correct one of the premises' recorded uses, or offer to delete it."""
    page = change_use(_managed(token), use_id, f"/manage/{token}")
    return page or manage_page(_managed(token), token, use_message=USE_CORRECTED)


@bp.post("/manage/<token>/uses/<id:use_id>/delete")
def manage_delete_use(token: str, use_id: int):
    """Delete one of the premises' recorded uses."""
    delete_use(_managed(token), use_id)
    return manage_page(_managed(token), token, use_message=USE_DELETED)


@bp.get("/manage/<token>/statistics.csv")
def manage_statistics_csv(token: str):
    """Download the premises' own counts (not suppressed: they stay with the premises)."""
    row = _managed(token)
    return csv_response(statistics([row.id], suppress=False), reference(row.id))


@bp.get("/record-and-review")
def record_and_review():
    """Say what a recorded use stores, why, and for how long."""
    return render_template(
        "record_and_review.html",
        months=current_app.config["USAGE_RETENTION_MONTHS"],
        reminder_days=current_app.config["REVIEW_REMINDER_DAYS"],
        needs=review.NEEDS,
        outcomes=review.OUTCOMES,
        note_limit=review.NOTE_LIMIT,
    )


@bp.post("/manage/<token>/confirm")
def manage_confirm(token: str):
    """Confirm the listing is still correct."""
    row = _managed(token)
    manage_cases.confirm_listing(locator().store, row)
    return manage_page(_managed(token), token, "Thank you: the listing shows today as checked.")


@bp.post("/manage/<token>/withdraw")
def manage_withdraw(token: str):
    """Take the listing off the public site."""
    row = _managed(token)
    manage_cases.withdraw_listing(locator().store, row)
    return manage_page(_managed(token), token, "The listing is withdrawn and no longer public.")


@bp.post("/manage/<token>/new-link")
def manage_new_link(token: str):
    """Replace the manage link (the old one stops working)."""
    row = _managed(token)
    new = manage_cases.replace_manage_link(locator().store, mailer(), row, links.base_url())
    return redirect(url_for("business.manage", token=new))
