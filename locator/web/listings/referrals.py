"""Moderators keep the local referral directory of their districts: list, add, change, delete."""

from __future__ import annotations

from flask import abort, redirect, render_template, request, url_for

from locator.domain.errors import InvalidParameter, SpaceNotFound
from locator.domain.helplines import TOPIC_LABELS
from locator.listings import referrals
from locator.web.api import locator
from locator.web.listings.accounts import moderator_required
from locator.web.listings.blueprints import bp

DONE = {
    "added": "The contact is added.",
    "changed": "The contact is changed.",
    "deleted": "The contact is deleted.",
}


def _form() -> dict:
    return {**request.form.to_dict(), "topics": request.form.getlist("topics")}


def _page(moderator, area_code: str, *, error=None, values=None, editing=None, status=200):
    districts = referrals.districts_of(moderator, locator().areas)
    chosen = next((area for area in districts if area.code == area_code), None)
    if chosen is None and len(districts) == 1:
        chosen = districts[0]
    contacts = locator().store.referrals.in_area(chosen.code) if chosen else []
    return render_template(
        "moderate_referrals.html",
        moderator=moderator,
        districts=districts,
        chosen=chosen,
        contacts=contacts,
        topics=TOPIC_LABELS,
        error=error,
        values=values or {},
        editing=editing,
        message=DONE.get(request.args.get("done", "")),
    ), status


@bp.get("/moderate/referrals")
@moderator_required
def referral_directory(moderator):
    """The contacts of one of the moderator's districts, with a form to add one."""
    area_code = request.args.get("area", "")
    if area_code and not referrals.in_scope(moderator, area_code):
        abort(404)
    return _page(moderator, area_code)


@bp.post("/moderate/referrals")
@moderator_required
def add_referral(moderator):
    """Add a contact to one of the moderator's districts."""
    try:
        row = referrals.add_contact(locator().store, locator().areas, moderator, _form())
    except InvalidParameter as exc:
        return _page(moderator, request.form.get("area", ""), error=exc, values=_form(), status=400)
    return redirect(url_for("business.referral_directory", area=row["area_code"], done="added"))


def _contact(moderator, contact_id: int) -> dict:
    try:
        return referrals.contact_of(locator().store, moderator, contact_id)
    except SpaceNotFound:
        abort(404)


@bp.route("/moderate/referrals/<int:contact_id>", methods=["GET", "POST"])
@moderator_required
def edit_referral(moderator, contact_id: int):
    """One contact of the moderator's districts, to change or delete."""
    contact = _contact(moderator, contact_id)
    if request.method == "POST":
        try:
            row = referrals.change_contact(
                locator().store, locator().areas, moderator, contact_id, _form()
            )
        except InvalidParameter as exc:
            return _page(
                moderator,
                contact["area_code"],
                error=exc,
                values=_form(),
                editing=contact,
                status=400,
            )
        return redirect(
            url_for("business.referral_directory", area=row["area_code"], done="changed")
        )
    values = {**contact, "area": contact["area_code"], "website": contact["website"] or ""}
    return _page(moderator, contact["area_code"], values=values, editing=contact)


@bp.post("/moderate/referrals/<int:contact_id>/delete")
@moderator_required
def delete_referral(moderator, contact_id: int):
    """Delete one contact of the moderator's districts."""
    try:
        found = referrals.delete_contact(locator().store, moderator, contact_id)
    except SpaceNotFound:
        abort(404)
    return redirect(url_for("business.referral_directory", area=found["area_code"], done="deleted"))
