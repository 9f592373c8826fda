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
    apply_form,
    change_readiness,
    change_training,
    manage_page,
)
from locator.web.listings.shared import (
    USE_CORRECTED,
    USE_DELETED,
    change_use,
    delete_use,
    printed,
    record_use,
    statistics_page,
)


@bp.get("/business")
@organisation_required
def business_home(account):
    """All the head office's premises in one list, and the upload form."""
    store = locator().store
    rows = head_office.estate(store, account)
    months = int(current_app.config["TRAINING_REFRESH_MONTHS"])
    training = readiness.staff_records(store, [row.id for row in rows], months)
    return render_template(
        "business_home.html", account=account, rows=rows, training=training, reference=reference
    )


UPLOAD_SUFFIXES = (".csv", ".geojson", ".json", ".osm", ".pbf", ".gpkg", ".zip", ".kml", ".kmz")


@bp.post("/business/upload")
@organisation_required
def business_upload(account):
    """Check an uploaded estate file and show every row's fate; import after confirmation."""
    service = locator()
    if request.form.get("action") == "confirm":
        token = request.form.get("token", "")
        staged = head_office.staged_upload(service.store, account, token)
        if staged is None:
            return render_template(
                "message.html", title="Upload expired", message="Please upload the file again."
            ), 400
        with head_office.upload_file(*staged) as path:
            fmt, raw_rows = importing.read_rows(path, "auto", account.name)
        plan = importing.plan_import(fmt, raw_rows, service.gazetteer)
        confirm_unchanged = request.form.get("confirm_unchanged") == "yes"
        saved = head_office.save_upload(service, account, plan, confirm_unchanged=confirm_unchanged)
        head_office.discard_upload(service.store, token)
        return render_template(
            "business_upload.html",
            account=account,
            plan=plan,
            result=saved.result,
            confirmed=saved.confirmed,
            token=None,
        )
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
        with head_office.upload_file(suffix, content) as path:
            fmt, raw_rows = importing.read_rows(path, "auto", account.name)
        plan = importing.plan_import(fmt, raw_rows, service.gazetteer)
    except importing.ImportFileError as error:
        return render_template(
            "message.html", title="That file cannot be read", message=str(error)
        ), 400
    token = head_office.stage_upload(service.store, account, suffix, content) if plan.rows else None
    unchanged = head_office.unchanged_premises(service, account, plan)
    return render_template(
        "business_upload.html",
        account=account,
        plan=plan,
        result=None,
        unchanged=len(unchanged),
        token=token,
    )


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
    message, error = None, None
    if request.method == "POST":
        message, error = apply_form(row)
        row = _estate_row(account, space_id)
    return manage_page(row, None, message, error, base=f"/business/premises/{space_id}")


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


@bp.post("/business/premises/<id:space_id>/withdraw")
@organisation_required
def business_withdraw(account, space_id: int):
    """Withdraw one premises from the public list."""
    manage.withdraw_listing(locator().store, _estate_row(account, space_id))
    return manage_page(
        _estate_row(account, space_id),
        None,
        "Withdrawn from the public list.",
        base=f"/business/premises/{space_id}",
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
