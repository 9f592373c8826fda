"""Business and moderator pages: register, the private manage link, moderation."""

from __future__ import annotations

import json
import re
import secrets
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
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
from markupsafe import Markup

from locator import presenting
from locator.domain import clock, policy
from locator.domain.errors import InvalidParameter, SpaceNotFound
from locator.domain.vocabulary import FACILITIES, REPORT_REASONS, Status
from locator.hours import schedule as hours
from locator.importing import rows as importing
from locator.listings import business
from locator.printing import pdfs as printing
from locator.usage import records as review
from locator.web import links
from locator.web.api import locator
from locator.web.pages import UK_CENTRE, map_for

bp = Blueprint("business", __name__)
api_bp = Blueprint("registrations", __name__, url_prefix="/api/v1")


def mailer():
    """Return the app's mailer."""
    return current_app.extensions["mailer"]


base_url = links.base_url


# -- registration ----------------------------------------------------------------------------


@api_bp.post("/registrations")
def register_api():
    """Register premises from JSON; 201 with the reference and the private manage link."""
    done = business.register(locator(), request.get_json(silent=True), mailer(), base_url())
    return jsonify(
        {
            "id": done.id,
            "reference": done.reference,
            "status": Status.PENDING,
            "manage_url": f"{base_url()}/manage/{done.manage_token}",
            "approximate_location": done.approximate_location,
        }
    ), 201


@bp.route("/register", methods=["GET", "POST"])
def register_page():
    """The registration form for one premises."""
    form = request.form
    if request.method == "GET":
        return _register_form({}, None)
    try:
        expression = form.get("opening_hours", "").strip() or business.hours_from_grid(form)
        payload = {name: form.get(name, "") for name in
                   ("name", "organisation", "address", "postcode", "lat", "lon", "phone",
                    "website", "how_to_ask", "scheme", "contact_email")}  # fmt: skip
        payload["opening_hours"] = expression
        payload["facilities"] = form.getlist("facilities")
        payload["checklist"] = {key: form.get(key) == "yes" for key in business.CHECKLIST}
        done = business.register(locator(), payload, mailer(), base_url())
    except InvalidParameter as error:
        return _register_form(form, error), 400
    return render_template(
        "registered.html",
        done=done,
        manage_url=f"{base_url()}/manage/{done.manage_token}",
        hours_words=_hours_in_words(expression),
    )


def _register_form(form, error):
    """Render the registration form, filled in again after a mistake."""
    return render_template(
        "register.html",
        form=form,
        error=error,
        facilities=FACILITIES,
        checklist=business.CHECKLIST,
        days=business.GRID_DAYS,
        bank_holiday_choices=business.BANK_HOLIDAY_CHOICES,
        holiday_unconfirmed=presenting.HOLIDAY_UNCONFIRMED,
        chosen=set(form.getlist("facilities")) if form else set(),
        map=_pin_map(),
    )


def _pin_map():
    return map_for(UK_CENTRE, 5, cluster=False)


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
    stats = _statistics([row["id"]], suppress=False)
    return render_template(
        "manage.html",
        space=row,
        token=token,
        base=base or f"/manage/{token}",
        stats=stats,
        charts=_charts(stats),
        uses=locator().store.recent_uses(row["id"]),
        choices=review.NEEDS,
        outcomes=review.OUTCOMES,
        agencies=review.AGENCIES,
        parts=review.PARTS_OF_DAY,
        today=clock.today(),
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


def _statistics(space_ids, suppress: bool):
    months = int(current_app.config["USAGE_RETENTION_MONTHS"])
    since = policy.months_before(clock.today(), months)
    return review.statistics(locator().store.use_counts(space_ids, since), suppress)


def _charts(stats) -> dict[str, Markup]:
    # The SVG is built from our own labels and escaped counts, so it is safe to mark up.
    return {
        "needs": Markup(review.bar_chart_svg("Uses by need", stats.needs, stats.suppress)),  # noqa: S704
        "outcomes": Markup(  # noqa: S704
            review.bar_chart_svg("Uses by outcome", stats.outcomes, stats.suppress)
        ),
    }


def _record_use(row: dict):
    try:
        values = review.check_use(request.form, int(current_app.config["USAGE_RETENTION_MONTHS"]))
    except InvalidParameter as error:
        return None, error
    locator().store.add_use(row["id"], values)
    return "Recorded. Thank you: this helps the scheme improve.", None


def _csv_response(stats, name: str):
    response = current_app.response_class(review.statistics_csv(stats), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


@bp.post("/manage/<token>/uses")
def manage_record_use(token: str):
    """Record a use of the safe space (no personal data)."""
    row = _managed(token)
    message, error = _record_use(row)
    return _manage_page(_managed(token), token, message, error)


@bp.get("/manage/<token>/statistics.csv")
def manage_statistics_csv(token: str):
    """Download the premises' own counts (not suppressed: they stay with the premises)."""
    row = _managed(token)
    return _csv_response(_statistics([row["id"]], suppress=False), business.reference(row["id"]))


@bp.get("/record-and-review")
def record_and_review():
    """Say what a recorded use stores, why, and for how long."""
    return render_template(
        "record_and_review.html",
        months=current_app.config["USAGE_RETENTION_MONTHS"],
        needs=review.NEEDS,
        outcomes=review.OUTCOMES,
    )


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


@dataclass(frozen=True)
class Account:
    """A kind of signed-in account: moderators or head offices."""

    session_key: str
    load: Callable[[object, int], dict | None]  # (store, id) -> account
    check: Callable[[object, str, str], dict | None]  # (store, email, password) -> account
    home: str
    login_path: str
    title: str
    intro: str
    refusal: str


MODERATORS = Account(
    "moderator_id",
    lambda store, key: store.moderator(moderator_id=key),
    business.authenticate,
    "/moderate",
    "/moderate/login",
    "Moderator sign in",
    "For council, partnership and police moderators.",
    "That email and password do not match an active moderator.",
)
HEAD_OFFICES = Account(
    "organisation_id",
    lambda store, key: store.organisation(organisation_id=key),
    business.authenticate_organisation,
    "/business",
    "/business/login",
    "Head office sign in",
    "For organisations that list many premises. Single shops use the registration form and "
    "their private manage link.",
    "That email and password do not match a head-office account.",
)


def signed_in(kind: Account) -> dict | None:
    """Return the signed-in account of this kind, if any."""
    key = session.get(kind.session_key)
    account = kind.load(locator().store, key) if key else None
    return account if account and account["active"] else None


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
        account = kind.check(locator().store, form.get("email", ""), form.get("password", ""))
        if account is not None:
            session.clear()
            session[kind.session_key] = account["id"]
            target = request.args.get("next", "")
            return redirect(target if target.startswith(kind.home) else kind.home)
        error = kind.refusal
    return render_template("login.html", kind=kind, error=error), (401 if error else 200)


def _sign_out(kind: Account):
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


@bp.get("/moderate")
@moderator_required
def queue(moderator):
    """The moderator's queue, limited to their areas."""
    page = request.args.get("page", "1")
    if not page.isdigit() or int(page) < 1:
        abort(400, "page must be a whole number from 1.")
    queue_page = business.moderation_queue(locator().store, moderator, int(page))
    return render_template(
        "moderate_queue.html",
        moderator=moderator,
        queue=queue_page,
        items=queue_page.items,
        reasons=REPORT_REASONS,
        reference=business.reference,
    )


@bp.route("/moderate/spaces/<int:space_id>", methods=["GET", "POST"])
@moderator_required
def review_space(moderator, space_id: int):
    """One premises: details, changes waiting, reports, duplicates, audit trail, decisions."""
    store = locator().store
    error = None
    if request.method == "POST":
        try:
            form = request.form
            business.decide(store, mailer(), moderator, space_id, form.get("action", ""),
                            form.get("reason", ""), form.get("head_office", ""))  # fmt: skip
            return redirect(url_for("business.review_space", space_id=space_id))
        except SpaceNotFound:
            abort(404)
        except InvalidParameter as exc:
            error = exc.message
    row = store.space(space_id)
    if row is None or not business.in_scope(moderator, row):
        abort(404)
    return render_template(
        "moderate_space.html",
        moderator=moderator,
        space=row,
        reference=business.reference(space_id),
        checklist=json.loads(row["checklist"] or "{}"),
        questions=business.CHECKLIST,
        waiting=json.loads(row["pending_changes"] or "{}"),
        reports=store.open_reports().get(space_id, {}),
        head_office=store.organisation(organisation_id=row["organisation_id"])
        if row["organisation_id"]
        else None,
        reasons=REPORT_REASONS,
        duplicates=business.duplicates_of(store, row),
        audit=store.audit_entries(space_id),
        error=error,
        map=map_for((row["lat"], row["lon"]), 16, cluster=False, marker=(row["lat"], row["lon"])),
    ), (400 if error else 200)


# -- head offices ----------------------------------------------------------------------------


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
            result = service.write_plan(plan, review=True, organisation_id=account["id"])
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


@bp.post("/business/premises/<int:space_id>/uses")
@organisation_required
def business_record_use(account, space_id: int):
    """Record a use at one of the head office's premises."""
    row = _estate_row(account, space_id)
    base = f"/business/premises/{space_id}"
    message, error = _record_use(row)
    return _manage_page(_estate_row(account, space_id), None, message, error, base=base)


@bp.get("/business/statistics")
@organisation_required
def business_statistics(account):
    """Uses across the estate, with small counts hidden."""
    ids = [row["id"] for row in business.estate(locator().store, account)]
    title = f"{account['name']}: uses of your safe spaces"
    return _statistics_page(title, ids, "estate-statistics", "/business/statistics")


@bp.get("/moderate/statistics")
@moderator_required
def moderate_statistics(moderator):
    """Uses across the moderator's districts, with small counts hidden."""
    store = locator().store
    ids = [row["id"] for row in store.premises_where(limit=1_000_000)
           if business.in_scope(moderator, row)]  # fmt: skip
    title = "Uses of safe spaces in your areas"
    return _statistics_page(title, ids, "partnership-statistics", "/moderate/statistics")


def _statistics_page(title: str, space_ids, csv_name: str, path: str):
    """Show shared statistics (small counts hidden), or download them as CSV."""
    stats = _statistics(space_ids, suppress=True)
    if request.args.get("format") == "csv":
        return _csv_response(stats, csv_name)
    return render_template("statistics.html", title=title, stats=stats, charts=_charts(stats),
                           csv_url=f"{path}?format=csv")  # fmt: skip


@bp.get("/business/premises/<int:space_id>/<any('sticker.pdf', 'staff-card.pdf'):document>")
@organisation_required
def business_print(account, space_id: int, document: str):
    """Download one premises' sticker or staff card."""
    return _printed(_estate_row(account, space_id), document)
