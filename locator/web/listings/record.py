"""The link a head office gives a store's staff: record, correct and delete uses, nothing else."""

from __future__ import annotations

from flask import render_template

from locator.domain.premises import Premises
from locator.listings import head_office
from locator.web.api import locator
from locator.web.listings.blueprints import bp
from locator.web.listings.shared import (
    USE_CORRECTED,
    USE_DELETED,
    change_use,
    delete_use,
    record_use,
    use_section,
)


def _store(token: str) -> Premises:
    # An unknown or replaced link raises SpaceNotFound: the styled 404 page says which.
    return head_office.recording_space(locator().store, token)


def record_page(row: Premises, token: str, error=None, use_message=None, **shown):
    """Show the store's record-a-use form and its own log."""
    return render_template(
        "record.html",
        space=row,
        base=f"/record/{token}",
        error=error,
        **use_section(row, use_message, **shown),
    ), (400 if error else 200)


@bp.get("/record/<token>")
def record(token: str):
    """The store staff's page for recording uses of the safe space."""
    return record_page(_store(token), token)


@bp.post("/record/<token>/uses")
def record_store_use(token: str):
    """Record a use of the store's safe space (no personal data)."""
    row = _store(token)
    return record_page(row, token, **record_use(row))


@bp.route("/record/<token>/uses/<id:use_id>", methods=["GET", "POST"])
def record_change_use(token: str, use_id: int):
    """Correct one of the store's recorded uses, or offer to delete it."""
    row = _store(token)
    page = change_use(row, use_id, f"/record/{token}")
    return page or record_page(row, token, use_message=USE_CORRECTED)


@bp.post("/record/<token>/uses/<id:use_id>/delete")
def record_delete_use(token: str, use_id: int):
    """Delete one of the store's recorded uses."""
    row = _store(token)
    delete_use(row, use_id)
    return record_page(row, token, use_message=USE_DELETED)
