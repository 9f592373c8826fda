"""Business and moderator pages: register, the private manage link, moderation."""

from __future__ import annotations

import json
import re
import secrets
import tempfile
from functools import wraps
from pathlib import Path

from flask import (
    Blueprint,
    abort,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from .. import business, hours, importing, presenting, printing
from ..exceptions import InvalidParameter, SpaceNotFound
from ..vocabulary import FACILITIES, REPORT_REASONS
from .api import locator

bp = Blueprint("business", __name__)
api_bp = Blueprint("registrations", __name__, url_prefix="/api/v1")

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def mailer():
    """Return the app's mailer."""
    return current_app.extensions["mailer"]


def base_url() -> str:
    """Return the absolute base URL for links in mail."""
    return (current_app.config["PUBLIC_BASE_URL"] or request.host_url).rstrip("/")


# -- registration ----------------------------------------------------------------------------


@api_bp.post("/registrations")
def register_api():
    """Register premises from JSON; 201 with the reference and the private manage link."""
    done = business.register(locator(), request.get_json(silent=True), mailer(), base_url())
    return jsonify(
        {
            "id": done.id,
            "reference": done.reference,
            "status": "pending",
            "manage_url": f"{base_url()}/manage/{done.manage_token}",
            "approximate_location": done.approximate_location,
        }
    ), 201


def _week_from_form(form) -> str:
    """Turn the weekly grid (two spans a day) into one OpenStreetMap expression."""
    week = {}
    for day in DAYS:
        spans = []
        for n in (1, 2):
            start, end = form.get(f"{day}_open{n}", ""), form.get(f"{day}_close{n}", "")
            if start and end:
                spans.append(f"{start}-{end}")
            elif start or end:
                raise InvalidParameter(
                    f"Give both an opening and a closing time for {day.title()}.", "opening_hours"
                )
        week[day] = ",".join(spans) or "CLOSED"
    try:
        return hours.nhs_week_to_osm(week)
    except hours.HoursError as error:
        raise InvalidParameter(str(error), "opening_hours") from None


@bp.route("/register", methods=["GET", "POST"])
def register_page():
    """The registration form for one premises."""
    form = request.form
    if request.method == "GET":
        return render_template("register.html", form={}, error=None, facilities=FACILITIES,
                               checklist=business.CHECKLIST, days=DAYS, chosen=set(),
                               map=_pin_map())  # fmt: skip
    try:
        expression = form.get("opening_hours", "").strip() or _week_from_form(form)
        payload = {name: form.get(name, "") for name in
                   ("name", "organisation", "address", "postcode", "lat", "lon", "phone",
                    "website", "how_to_ask", "scheme", "contact_email")}  # fmt: skip
        payload["opening_hours"] = expression
        payload["facilities"] = form.getlist("facilities")
        payload["checklist"] = {key: form.get(key) == "yes" for key in business.CHECKLIST}
        done = business.register(locator(), payload, mailer(), base_url())
    except InvalidParameter as error:
        return render_template(
            "register.html", form=form, error=error, facilities=FACILITIES,
            checklist=business.CHECKLIST, days=DAYS, chosen=set(form.getlist("facilities")),
            map=_pin_map(),
        ), 400  # fmt: skip
    return render_template(
        "registered.html",
        done=done,
        manage_url=f"{base_url()}/manage/{done.manage_token}",
        hours_words=_hours_in_words(expression),
    )


def _pin_map():
    from .pages import UK_CENTRE, _map_for

    return _map_for(UK_CENTRE, 5, cluster=False, name="register")


def _hours_in_words(expression: str) -> list:
    schedule = hours.parse_hours(expression)
    return presenting.weekly_table(schedule, hours.local_time())


# -- manage link -----------------------------------------------------------------------------


def _managed(token: str) -> dict:
    try:
        return business.managed_space(locator().store, token)
    except SpaceNotFound:
        abort(404)


@bp.route("/manage/<token>", methods=["GET", "POST"])
def manage(token: str):
    """The business's private page for its listing."""
    row = _managed(token)
    message, error = None, None
    if request.method == "POST":
        message, error = _apply_form(row)
        row = _managed(token)
    return _manage_page(row, token, message, error)


def _apply_form(row: dict):
    """Apply the manage form to a listing; return (message, error)."""
    form = request.form
    changes = {
        "opening_hours": form.get("opening_hours", row["opening_hours"]),
        "closed_until": form.get("closed_until", ""),
        "name": form.get("name", row["name"]),
        "how_to_ask": form.get("how_to_ask", row["how_to_ask"] or ""),
        "phone": form.get("phone", row["phone"] or ""),
        "website": form.get("website", row["website"] or ""),
        "facilities": form.getlist("facilities"),
    }
    try:
        result = business.update_listing(locator().store, row, changes)
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


def _manage_page(row, token, message=None, error=None, status=200, base=None):
    waiting = json.loads(row["pending_changes"] or "{}")
    schedule = hours.parse_hours(row["opening_hours"], row["nation"])
    return render_template(
        "manage.html",
        space=row,
        token=token,
        base=base or f"/manage/{token}",
        reference=business.reference(row["id"]),
        waiting=waiting,
        message=message,
        error=error,
        facilities=FACILITIES,
        chosen=set((row["facilities"] or "").split(";")),
        week=presenting.weekly_table(schedule, hours.local_time()),
    ), (400 if error else status)


@bp.get("/manage/<token>/<any('sticker.pdf', 'staff-card.pdf'):document>")
def manage_print(token: str, document: str):
    """Download the window sticker (QR to the public page) or the staff card."""
    return _printed(_managed(token), document)


def _printed(row: dict, document: str):
    space = {**row, "facilities": [c for c in (row["facilities"] or "").split(";") if c]}
    public_url = f"{base_url()}/spaces/{row['id']}"
    make = printing.window_sticker_pdf if document == "sticker.pdf" else printing.staff_card_pdf
    response = current_app.response_class(make(space, public_url), mimetype="application/pdf")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{business.reference(row["id"])}-{document}"'
    )
    return response


@bp.post("/manage/<token>/confirm")
def manage_confirm(token: str):
    """Confirm the listing is still correct."""
    row = _managed(token)
    business.confirm_listing(locator().store, row)
    return _manage_page(_managed(token), token, "Thank you: the listing shows today as checked.")


@bp.post("/manage/<token>/withdraw")
def manage_withdraw(token: str):
    """Take the listing off the public site."""
    row = _managed(token)
    business.withdraw_listing(locator().store, row)
    return _manage_page(_managed(token), token, "The listing is withdrawn and no longer public.")


@bp.post("/manage/<token>/new-link")
def manage_new_link(token: str):
    """Replace the manage link (the old one stops working)."""
    row = _managed(token)
    new = business.replace_manage_link(locator().store, row)
    if row.get("contact_email"):
        mailer().send(row["contact_email"], f"New manage link for {business.reference(row['id'])}",
                      f"Your new private link is:\n{base_url()}/manage/{new}\n"
                      "The old link no longer works.")  # fmt: skip
    return redirect(url_for("business.manage", token=new))


# -- moderation ------------------------------------------------------------------------------


def current_moderator() -> dict | None:
    """Return the logged-in moderator, if any."""
    moderator_id = session.get("moderator_id")
    if not moderator_id:
        return None
    moderator = locator().store.moderator(moderator_id=moderator_id)
    return moderator if moderator and moderator["active"] else None


def moderator_required(view):
    """Send visitors who are not logged in to the login page."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        moderator = current_moderator()
        if moderator is None:
            return redirect(url_for("business.login", next=request.path))
        return view(moderator, *args, **kwargs)

    return wrapper


@bp.route("/moderate/login", methods=["GET", "POST"])
def login():
    """Log a moderator in."""
    error = None
    if request.method == "POST":
        moderator = business.authenticate(
            locator().store, request.form.get("email", ""), request.form.get("password", "")
        )
        if moderator is not None:
            session.clear()
            session["moderator_id"] = moderator["id"]
            target = request.args.get("next", "")
            return redirect(target if target.startswith("/moderate") else "/moderate")
        error = "That email and password do not match an active moderator."
    return render_template("moderate_login.html", error=error), (401 if error else 200)


@bp.post("/moderate/logout")
def logout():
    """Log out."""
    session.clear()
    return redirect("/moderate/login")


@bp.get("/moderate")
@moderator_required
def queue(moderator):
    """The moderator's queue, limited to their areas."""
    items = business.moderation_queue(locator().store, moderator)
    return render_template("moderate_queue.html", moderator=moderator, items=items,
                           reasons=REPORT_REASONS, reference=business.reference)  # fmt: skip


@bp.route("/moderate/spaces/<int:space_id>", methods=["GET", "POST"])
@moderator_required
def review(moderator, space_id: int):
    """One premises: details, changes waiting, reports, duplicates, audit trail, decisions."""
    store = locator().store
    error = None
    if request.method == "POST":
        try:
            action, reason = request.form.get("action", ""), request.form.get("reason", "")
            business.decide(store, mailer(), moderator, space_id, action, reason)
            return redirect(url_for("business.review", space_id=space_id))
        except SpaceNotFound:
            abort(404)
        except InvalidParameter as exc:
            error = exc.message
    row = store.space(space_id)
    if row is None or not business.in_scope(moderator, row):
        abort(404)
    from .pages import _map_for

    return render_template(
        "moderate_space.html",
        moderator=moderator,
        space=row,
        reference=business.reference(space_id),
        checklist=json.loads(row["checklist"] or "{}"),
        questions=business.CHECKLIST,
        waiting=json.loads(row["pending_changes"] or "{}"),
        reports=store.open_reports().get(space_id, {}),
        reasons=REPORT_REASONS,
        duplicates=business.duplicates_of(store, row),
        audit=store.audit_entries(space_id),
        error=error,
        map=_map_for((row["lat"], row["lon"]), 16, cluster=False, marker=(row["lat"], row["lon"])),
    ), (400 if error else 200)


# -- head offices ----------------------------------------------------------------------------


def current_organisation() -> dict | None:
    """Return the logged-in head office, if any."""
    organisation_id = session.get("organisation_id")
    account = (
        locator().store.organisation(organisation_id=organisation_id) if organisation_id else None
    )
    return account if account and account["active"] else None


def organisation_required(view):
    """Send visitors who are not logged in as a head office to its login page."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        account = current_organisation()
        if account is None:
            return redirect(url_for("business.business_login"))
        return view(account, *args, **kwargs)

    return wrapper


@bp.route("/business/login", methods=["GET", "POST"])
def business_login():
    """Log a head office in."""
    error = None
    if request.method == "POST":
        account = business.authenticate_organisation(
            locator().store, request.form.get("email", ""), request.form.get("password", "")
        )
        if account is not None:
            session.clear()
            session["organisation_id"] = account["id"]
            return redirect("/business")
        error = "That email and password do not match a head-office account."
    return render_template("business_login.html", error=error), (401 if error else 200)


@bp.post("/business/logout")
def business_logout():
    """Log out."""
    session.clear()
    return redirect("/business/login")


@bp.get("/business")
@organisation_required
def business_home(account):
    """All the head office's premises in one list, and the upload form."""
    rows = business.estate(locator().store, account)
    return render_template("business_home.html", account=account, rows=rows,
                           reference=business.reference)  # fmt: skip


UPLOAD_SUFFIXES = (".csv", ".geojson", ".json")
UPLOAD_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def _upload_dir() -> Path:
    folder = Path(tempfile.gettempdir()) / "safe-spaces-uploads"
    folder.mkdir(exist_ok=True)
    return folder


def _upload_path(token: str) -> Path | None:
    if not UPLOAD_TOKEN.match(token or ""):
        return None
    for suffix in UPLOAD_SUFFIXES:
        path = _upload_dir() / f"{token}{suffix}"
        if path.exists():
            return path
    return None


@bp.post("/business/upload")
@organisation_required
def business_upload(account):
    """Check an uploaded estate file and show every row's fate; import after confirmation."""
    service = locator()
    if request.form.get("action") == "confirm":
        path = _upload_path(request.form.get("token", ""))
        if path is None:
            return render_template("message.html", title="Upload expired",
                                   message="Please upload the file again."), 400  # fmt: skip
        try:
            fmt, raw_rows = importing.read_rows(path, "auto", account["name"])
            plan = importing.plan_import(fmt, raw_rows, service.gazetteer)
            result = service.write_plan(plan, review=True)
        finally:
            path.unlink(missing_ok=True)
        return render_template("business_upload.html", account=account, plan=plan,
                               result=result, token=None)  # fmt: skip
    upload = request.files.get("file")
    suffix = Path(upload.filename or "").suffix.lower() if upload else ""
    if upload is None or suffix not in UPLOAD_SUFFIXES:
        message = "Upload a .csv or .geojson file in the import format."
        return render_template("message.html", title="Choose a file", message=message), 400
    token = secrets.token_urlsafe(24)
    path = _upload_dir() / f"{token}{suffix}"
    upload.save(path)
    try:
        fmt, raw_rows = importing.read_rows(path, "auto", account["name"])
        plan = importing.plan_import(fmt, raw_rows, service.gazetteer)
    except importing.ImportFileError as error:
        path.unlink(missing_ok=True)
        return render_template("message.html", title="That file cannot be read",
                               message=str(error)), 400  # fmt: skip
    return render_template("business_upload.html", account=account, plan=plan, result=None,
                           token=token if plan.rows else None)  # fmt: skip


def _estate_row(account, space_id: int) -> dict:
    try:
        return business.estate_space(locator().store, account, space_id)
    except SpaceNotFound:
        abort(404)


@bp.route("/business/premises/<int:space_id>", methods=["GET", "POST"])
@organisation_required
def business_premises(account, space_id: int):
    """Manage one of the head office's premises, as its manage link would."""
    row = _estate_row(account, space_id)
    message, error = None, None
    if request.method == "POST":
        message, error = _apply_form(row)
        row = _estate_row(account, space_id)
    return _manage_page(row, None, message, error, base=f"/business/premises/{space_id}")


@bp.post("/business/premises/<int:space_id>/confirm")
@organisation_required
def business_confirm(account, space_id: int):
    """Confirm one premises is still correct."""
    business.confirm_listing(locator().store, _estate_row(account, space_id))
    return _manage_page(_estate_row(account, space_id), None, "Confirmed as correct today.",
                        base=f"/business/premises/{space_id}")  # fmt: skip


@bp.post("/business/premises/<int:space_id>/withdraw")
@organisation_required
def business_withdraw(account, space_id: int):
    """Withdraw one premises from the public list."""
    business.withdraw_listing(locator().store, _estate_row(account, space_id))
    return _manage_page(_estate_row(account, space_id), None, "Withdrawn from the public list.",
                        base=f"/business/premises/{space_id}")  # fmt: skip


@bp.get("/business/premises/<int:space_id>/<any('sticker.pdf', 'staff-card.pdf'):document>")
@organisation_required
def business_print(account, space_id: int, document: str):
    """Download one premises' sticker or staff card."""
    return _printed(_estate_row(account, space_id), document)
