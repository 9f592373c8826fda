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
from locator.domain import moderation as rules
from locator.domain.errors import InvalidParameter, SpaceNotFound
from locator.domain.helplines import STAFF_CARD_CONTACTS
from locator.domain.premises import Premises, reference, space_id_of
from locator.domain.vocabulary import CODEWORDS, FACILITIES
from locator.hours import grid
from locator.hours import schedule as hours
from locator.listings import checklist, hours_edit, readiness, registration
from locator.listings import manage as manage_cases
from locator.listings import moderation as moderation_cases
from locator.usage import records as review
from locator.web import links
from locator.web.api import locator
from locator.web.listings.blueprints import bp, contact_setting, mailer
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
        # Every /manage/<token> page, old bookmarks included: say why, and offer a new link.
        abort(link_page("replaced", status=404))


def link_page(reason: str, reference_text: str = "", *, email="", error=None, status=200):
    """Render the page that says where a manage link is and mails a new one.

    `reason` is how someone came: `reminder` (the link in a reminder mail), `lost`, `replaced`
    (an old or wrong manage link) or `asked` (the form was sent).
    """
    try:
        space_id = space_id_of(reference_text) if reference_text else None
    except InvalidParameter:
        space_id = None
    page = render_template(
        "manage_link.html",
        reason=reason,
        # Shown only as a reference we could have given, never as whatever a link's query said.
        reference=reference(space_id) if space_id else "",
        typed=reference_text if error else "",
        email=email,
        error=error,
        answer=registration.NEW_LINK_ANSWER,
    )
    return current_app.response_class(page, status=400 if error else status)


@bp.get("/manage")
def manage_help():
    """Tell a business (from a reminder mail) where its manage link is, and offer a new one."""
    return link_page("reminder", request.args.get("reference", ""))


@bp.route("/manage/lost", methods=["GET", "POST"])
def lost_link():
    """Mail a new manage link to the listing's contact email, when that is the email given."""
    if request.method == "GET":
        return link_page("lost", request.args.get("reference", ""))
    form = request.form
    typed, email = form.get("reference", "").strip(), form.get("contact_email", "")
    try:
        registration.mail_new_link(
            locator().store, mailer(), typed, {"contact_email": email}, links.base_url()
        )
    except InvalidParameter as error:
        return link_page("lost", typed, email=email, error=error)
    return link_page("asked", typed)


@bp.route("/manage/<token>", methods=["GET", "POST"])
def manage(token: str):
    """The business's private page for its listing."""
    row = _managed(token)
    outcome = {}
    if request.method == "POST":
        outcome = apply_form(row)
        row = _managed(token)
    return manage_page(row, token, **outcome)


def apply_form(row: Premises) -> dict:
    """Apply the manage form to a listing; return what the page says of it (manage_page's)."""
    form = request.form
    try:
        edit = hours_edit.hours_sent(form, row.opening_hours, row.nation)
    except InvalidParameter as exc:
        return {"error": exc, "sent": form}
    changes = {
        "opening_hours": edit.expression or row.opening_hours,
        "closed_from": form.get("closed_from", ""),
        "closed_to": form.get("closed_to", ""),
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
        return {"error": exc, "sent": form}
    outcome = {"message": _update_message(result)}
    if "opening_hours" in result["applied"]:
        outcome["hours_change"] = hours_edit.compare_hours(
            row.opening_hours, changes["opening_hours"], row.nation, edit.touched
        )
    return outcome


def _said(fields) -> str:
    """Name changed fields in words, each once: 'opening hours, temporary closure'."""
    return ", ".join(dict.fromkeys(rules.FIELD_NAMES.get(name, name) for name in fields))


def _update_message(result: dict) -> str:
    parts = []
    if result["applied"]:
        parts.append("Saved and shown now: " + _said(result["applied"]) + ".")
    if result["for_review"]:
        parts.append(
            "Sent to a moderator before they are public: " + _said(result["for_review"]) + "."
        )
    return " ".join(parts) or "Nothing changed."


def manage_page(  # noqa: PLR0913 (one argument per part of the page a form reports on)
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
    hours_change=None,
    sent=None,
):
    waiting = row.waiting_changes
    schedule = hours.parse_hours(row.opening_hours, row.nation)
    reading = hours_edit.reading_of(row.opening_hours, row.nation)
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
        # After a mistake the hours and closure show what was sent, not what is stored.
        hours_values=sent if sent is not None else reading.values,
        hours_line=sent.get("opening_hours", row.opening_hours) if sent else row.opening_hours,
        hours_reason=reading.reason,
        hours_shown=row.opening_hours,
        hours_change=hours_change,
        days=grid.GRID_DAYS,
        bank_holiday_choices=grid.BANK_HOLIDAY_CHOICES,
        holiday_unconfirmed=presenting.HOLIDAY_UNCONFIRMED,
        closure=_closure_fields(row, sent),
        closure_now=manage_cases.closure_days(row),
        **moderation_section(row),
    ), (400 if error or training[1] or readiness_change[1] else 200)


def _closure_fields(row: Premises, sent) -> dict[str, str]:
    """Return the closure's first and last day as the form shows them."""
    if sent is not None:
        return {name: sent.get(name, "") for name in ("closed_from", "closed_to")}
    first, last = manage_cases.closure_days(row)
    return {
        "closed_from": first.isoformat() if first else "",
        "closed_to": last.isoformat() if last else "",
    }


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


LISTING_ACTIONS = "any('withdraw', 'list-again', 'review')"


@bp.post(f"/manage/<token>/<{LISTING_ACTIONS}:action>")
def manage_listing_action(token: str, action: str):
    """Withdraw the listing (once confirmed), list it again, or ask for a review."""
    message, error = listing_action(_managed(token), action)
    return manage_page(_managed(token), token, message, error)


def listing_action(row: Premises, action: str, actor: str = "business"):
    """Carry out the form's withdraw, list-again or review action; return (message, error)."""
    store, form = locator().store, request.form
    try:
        if action == "withdraw":
            confirmed = form.get("confirm_withdraw") == "yes"
            manage_cases.withdraw_listing(store, row, confirmed, actor)
            return WITHDRAWN, None
        if action == "list-again":
            manage_cases.list_again(store, row, actor)
            return LISTED_AGAIN, None
        manage_cases.ask_for_review(store, row, form.get("review_message"), actor)
        return REVIEW_ASKED, None
    except InvalidParameter as error:
        return None, error


WITHDRAWN = (
    "The listing is withdrawn and no longer public. “List us again” sends it back to a moderator."
)
# The newest problem reports a business sees on its page, dealt with or not.
REPORTS_SHOWN = 20
LISTED_AGAIN = "Sent to a moderator: the listing is public again once they approve it."
REVIEW_ASKED = "Sent to a moderator with your message: we will mail you their decision."


def moderation_section(row: Premises) -> dict:
    """Return what the manage page shows of moderation: reports, whom to ask, what to offer."""
    store = locator().store
    contact = moderation_cases.partnership_contact(store, row, contact_setting())
    return {
        "public_reports": store.reports.listed([row.id], False, REPORTS_SHOWN)[row.id],
        "contact": contact,
        "contact_href": presenting.contact_href(contact),
        "withdrawn": rules.is_withdrawn(row),
        "review_offered": rules.review_possible(row),
        "moment": presenting.moment_words,
        "field_name": rules.field_name,
    }


@bp.post("/manage/<token>/new-link")
def manage_new_link(token: str):
    """Replace the manage link (the old one stops working)."""
    row = _managed(token)
    new = manage_cases.replace_manage_link(locator().store, mailer(), row, links.base_url())
    return redirect(url_for("business.manage", token=new))
