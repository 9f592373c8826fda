"""Head offices: upload an estate, see and manage every premises in it."""

from __future__ import annotations

from pathlib import Path

from flask import (
    abort,
    current_app,
    render_template,
    request,
)

from locator.domain.errors import InvalidParameter, SpaceNotFound
from locator.domain.premises import Premises, reference
from locator.importing import rows as importing
from locator.listings import checklist, head_office, manage, readiness
from locator.web import links
from locator.web.api import locator
from locator.web.listings.accounts import (
    organisation_required,
)
from locator.web.listings.blueprints import bp
from locator.web.listings.manage import (
    LISTING_ACTIONS,
    apply_form,
    change_readiness,
    change_training,
    listing_action,
    manage_page,
)
from locator.web.listings.shared import (
    USE_CORRECTED,
    USE_DELETED,
    change_use,
    delete_use,
    printed,
    printed_stickers,
    record_use,
    statistics_page,
    sticker_offered,
)


@bp.get("/business")
@organisation_required
def business_home(account):
    """All the head office's premises in one list, and the upload form."""
    return _home(account)


def _home(account, message: str | None = None):
    store = locator().store
    rows = head_office.estate(store, account)
    months = int(current_app.config["TRAINING_REFRESH_MONTHS"])
    training = readiness.staff_records(store, [row.id for row in rows], months)
    return render_template(
        "business_home.html",
        account=account,
        rows=rows,
        training=training,
        reference=reference,
        listed=sum(row.status in head_office.LISTED for row in rows),
        stickers=sum(sticker_offered(row) for row in rows),
        uploads=head_office.upload_history(store, account),
        message=message,
    )


@bp.post("/business/confirm-all")
@organisation_required
def business_confirm_all(account):
    """Confirm every store of the estate as still correct today."""
    confirmed = head_office.confirm_estate(locator().store, account)
    return _home(account, f"Confirmed all {confirmed} stores as correct today.")


@bp.get("/business/stickers.pdf")
@organisation_required
def business_stickers(account):
    """Download the window sticker of every store offered one, as one PDF."""
    return printed_stickers(head_office.estate(locator().store, account), "window-stickers.pdf")


@bp.get("/business/template.csv")
@organisation_required
def business_template(account):
    """Download an estate file to fill in: the import format's columns and one example row."""
    return _csv_download(head_office.template_csv(account), "estate-template.csv")


def _csv_download(text: str, file_name: str):
    response = current_app.response_class(text, mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


UPLOAD_SUFFIXES = (".csv", ".geojson", ".json", ".osm", ".pbf", ".gpkg", ".zip", ".kml", ".kmz")
UPLOAD_EXPIRED = "Please upload the file again."


def _planned(account, suffix: str, content: bytes) -> importing.ImportPlan:
    """Read and check an estate file; raise ImportFileError when it cannot be read."""
    with head_office.upload_file(suffix, content) as path:
        fmt, raw_rows = importing.read_rows(path, "auto", account.name)
    return importing.plan_import(fmt, raw_rows, locator().gazetteer)


@bp.post("/business/upload")
@organisation_required
def business_upload(account):
    """Check an uploaded estate file and show every row's fate; import after confirmation."""
    service = locator()
    if request.form.get("action") == "confirm":
        return _confirm_upload(account)
    upload = request.files.get("file")
    suffix = Path(upload.filename or "").suffix.lower() if upload else ""
    if upload is None or suffix not in UPLOAD_SUFFIXES:
        message = (
            "Upload a .csv or .geojson file in the import format, a GIS file (.gpkg, a zipped "
            "Shapefile or .kml) or an OpenStreetMap export."
        )
        return render_template("message.html", title="Choose a file", message=message), 400
    content = upload.read()
    try:
        plan = _planned(account, suffix, content)
    except importing.ImportFileError as error:
        return render_template(
            "message.html", title="That file cannot be read", message=str(error)
        ), 400
    token = None
    if plan.rows or plan.rejected:  # kept for the report of rejected rows too
        token = head_office.stage_upload(service.store, account, suffix, content, upload.filename)
    return render_template(
        "business_upload.html",
        account=account,
        plan=plan,
        preview=head_office.preview_upload(service, account, plan),
        result=None,
        token=token,
    )


def _confirm_upload(account):
    """Import a checked upload, as the head office chose on its check page."""
    service = locator()
    token = request.form.get("token", "")
    staged = head_office.staged_upload(service.store, account, token)
    if staged is None:
        return render_template("message.html", title="Upload expired", message=UPLOAD_EXPIRED), 400
    plan = _planned(account, staged.suffix, staged.content)
    saved = head_office.save_upload(
        service,
        account,
        plan,
        confirm_unchanged=request.form.get("confirm_unchanged") == "yes",
        withdraw_missing=request.form.get("withdraw_missing") == "yes",
        file_name=staged.file_name,
    )
    head_office.discard_upload(service.store, token)
    return render_template(
        "business_upload.html", account=account, plan=plan, saved=saved, result=saved.result
    )


@bp.get("/business/upload/rejected.csv")
@organisation_required
def business_upload_rejected(account):
    """Download the rejected rows of an upload still waiting to be confirmed, as CSV."""
    staged = head_office.staged_upload(locator().store, account, request.args.get("token", ""))
    if staged is None:
        return render_template("message.html", title="Upload expired", message=UPLOAD_EXPIRED), 404
    # Rebuilt from the staged file: the report lives exactly as long as the upload does.
    plan = _planned(account, staged.suffix, staged.content)
    return _csv_download(head_office.rejected_report(plan), "rejected-rows.csv")


def _estate_row(account, space_id: int) -> Premises:
    try:
        return head_office.estate_space(locator().store, account, space_id)
    except SpaceNotFound:
        abort(404)


@bp.route("/business/premises/<id:space_id>", methods=["GET", "POST"])
@organisation_required
def business_premises(account, space_id: int):
    """Manage one of the head office's premises, as its manage link would."""
    row = _estate_row(account, space_id)
    outcome = {}
    if request.method == "POST":
        outcome = apply_form(row)
        row = _estate_row(account, space_id)
    return manage_page(row, None, base=f"/business/premises/{space_id}", **outcome)


@bp.post("/business/premises/<id:space_id>/confirm")
@organisation_required
def business_confirm(account, space_id: int):
    """Confirm one premises is still correct."""
    manage.confirm_listing(locator().store, _estate_row(account, space_id))
    return manage_page(
        _estate_row(account, space_id),
        None,
        "Confirmed as correct today.",
        base=f"/business/premises/{space_id}",
    )


@bp.post(f"/business/premises/<id:space_id>/<{LISTING_ACTIONS}:action>")
@organisation_required
def business_listing_action(account, space_id: int, action: str):
    """Withdraw one premises (once confirmed), list it again, or ask for a review."""
    message, error = listing_action(_estate_row(account, space_id), action, account.actor)
    return manage_page(
        _estate_row(account, space_id), None, message, error, base=f"/business/premises/{space_id}"
    )


@bp.post("/business/premises/<id:space_id>/uses")
@organisation_required
def business_record_use(account, space_id: int):
    """Record a use at one of the head office's premises."""
    row = _estate_row(account, space_id)
    base = f"/business/premises/{space_id}"
    outcome = record_use(row)
    return manage_page(_estate_row(account, space_id), None, base=base, **outcome)


@bp.route("/business/premises/<id:space_id>/uses/<id:use_id>", methods=["GET", "POST"])
@organisation_required
def business_use(account, space_id: int, use_id: int):
    """Correct one recorded use at one of the head office's premises."""
    base = f"/business/premises/{space_id}"
    page = change_use(_estate_row(account, space_id), use_id, base)
    if page:
        return page
    return manage_page(_estate_row(account, space_id), None, base=base, use_message=USE_CORRECTED)


@bp.post("/business/premises/<id:space_id>/uses/<id:use_id>/delete")
@organisation_required
def business_delete_use(account, space_id: int, use_id: int):
    """Delete one recorded use at one of the head office's premises."""
    delete_use(_estate_row(account, space_id), use_id)
    base = f"/business/premises/{space_id}"
    return manage_page(_estate_row(account, space_id), None, base=base, use_message=USE_DELETED)


@bp.post("/business/premises/<id:space_id>/readiness")
@organisation_required
def business_readiness(account, space_id: int):
    """Change the readiness answers of one of the head office's premises."""
    outcome = change_readiness(_estate_row(account, space_id), account.actor)
    base = f"/business/premises/{space_id}"
    return manage_page(_estate_row(account, space_id), None, base=base, **outcome)


@bp.post("/business/premises/<id:space_id>/training")
@organisation_required
def business_add_training(account, space_id: int):
    """Add someone to the trained-staff record of one of the head office's premises."""
    outcome = change_training(_estate_row(account, space_id))
    base = f"/business/premises/{space_id}"
    return manage_page(_estate_row(account, space_id), None, base=base, **outcome)


@bp.post("/business/premises/<id:space_id>/training/<id:entry_id>/delete")
@organisation_required
def business_remove_training(account, space_id: int, entry_id: int):
    """Remove an entry from the trained-staff record of one of the head office's premises."""
    outcome = change_training(_estate_row(account, space_id), entry_id)
    base = f"/business/premises/{space_id}"
    return manage_page(_estate_row(account, space_id), None, base=base, **outcome)


@bp.route("/business/readiness", methods=["GET", "POST"])
@organisation_required
def business_readiness_estate(account):
    """Answer the readiness questions once for the whole estate."""
    store = locator().store
    message, error, status = None, None, 200
    if request.method == "POST":
        answers = checklist.answers_from_form(request.form)
        try:
            message = readiness.update_estate_answers(store, account, answers)
        except InvalidParameter as exc:
            error, status = exc, 400
        account = store.accounts.organisation(organisation_id=account.id)
    rows = head_office.estate(store, account)
    declared = account.readiness
    return render_template(
        "business_readiness.html",
        account=account,
        stages=checklist.STAGES,
        questions=checklist.QUESTIONS,
        stages_answered=checklist.by_stage(declared),
        answered=request.form if error else checklist.form_values(declared),
        own=sum(1 for row in rows if checklist.stored(row.readiness)),
        total=len(rows),
        message=message,
        error=error,
    ), status


@bp.get("/business/statistics")
@organisation_required
def business_statistics(account):
    """Uses across the estate and at each store, counted exactly."""
    rows = head_office.estate(locator().store, account)
    ids = [row.id for row in rows]
    title = f"{account.name}: uses of your safe spaces"
    # Its own estate: a head office sees its exact counts (only others see "<5").
    return statistics_page(
        title, ids, "estate-statistics", "/business/statistics", suppress=False, estate=rows
    )


@bp.post("/business/premises/<id:space_id>/record-link")
@organisation_required
def business_record_link(account, space_id: int):
    """Give one store a new link for recording uses (the old one stops working); show it once."""
    row = _estate_row(account, space_id)
    token = head_office.new_record_link(locator().store, account, space_id)
    return render_template(
        "record_link.html",
        space=row,
        record_url=f"{links.base_url()}/record/{token}",
        replaced=row.record_token_hash is not None,
        base=f"/business/premises/{space_id}",
    )


@bp.post("/business/premises/<id:space_id>/record-link/revoke")
@organisation_required
def business_revoke_record_link(account, space_id: int):
    """Stop one store's link for recording uses from working."""
    _estate_row(account, space_id)
    head_office.revoke_record_link(locator().store, account, space_id)
    return manage_page(
        _estate_row(account, space_id),
        None,
        "The link for recording uses is revoked: it no longer works.",
        base=f"/business/premises/{space_id}",
    )


@bp.get("/business/premises/<id:space_id>/<any('sticker.pdf', 'staff-card.pdf'):document>")
@organisation_required
def business_print(account, space_id: int, document: str):
    """Download one premises' sticker or staff card."""
    return printed(_estate_row(account, space_id), document)
