"""Moderators: their queue, one premises at a time, their districts' statistics."""

from __future__ import annotations

from flask import (
    abort,
    redirect,
    render_template,
    request,
    url_for,
)

from locator import presenting
from locator.domain import moderation as rules
from locator.domain.errors import InvalidParameter, SpaceNotFound
from locator.domain.premises import reference
from locator.domain.vocabulary import CODEWORDS, REPORT_REASONS
from locator.hours import schedule as hours
from locator.listings import checklist, moderation, readiness
from locator.search.features import safe_schedule
from locator.web import links
from locator.web.api import locator
from locator.web.listings.accounts import (
    moderator_required,
)
from locator.web.listings.blueprints import bp, contact_setting, mailer
from locator.web.listings.manage import staff_record
from locator.web.listings.shared import (
    statistics_page,
)
from locator.web.maps import map_for


@bp.get("/moderate")
@moderator_required
def queue(moderator):
    """The moderator's queue, limited to their areas."""
    page = request.args.get("page", "1")
    if not page.isdigit() or int(page) < 1:
        abort(400, "page must be a whole number from 1.")
    return queue_page(moderator, int(page))


def queue_page(moderator, page: int = 1, message=None, error=None):
    """Render one page of the moderator's queue, with what a bulk approval did."""
    service = locator()
    found = moderation.moderation_queue(service.store, moderator, page, service.gazetteer)
    return render_template(
        "moderate_queue.html",
        moderator=moderator,
        queue=found,
        items=found.items,
        reasons=REPORT_REASONS,
        reference=reference,
        moment=presenting.moment_words,
        message=message,
        error=error,
    ), (400 if error else 200)


@bp.post("/moderate/approve")
@moderator_required
def approve_many(moderator):
    """Approve the ticked new listings, or every new one of one head office, one by one."""
    form = request.form
    store = locator().store
    settings = {"base_url": links.base_url(), "contact": contact_setting()}
    try:
        office, count = form.get("organisation", ""), form.get("count", "")
        if office.isdigit():
            expected = int(count) if count.isdigit() else 0
            approved = moderation.approve_estate(
                store, mailer(), moderator, int(office), expected, **settings
            )
        else:
            ids = [int(value) for value in form.getlist("space_id") if value.isdigit()]
            if not ids:
                raise InvalidParameter("Tick the new listings to approve.", "space_id")
            approved = moderation.approve_many(store, mailer(), moderator, ids, **settings)
    except InvalidParameter as error:
        return queue_page(moderator, error=error)
    told = f"Approved {approved} new listing{'' if approved == 1 else 's'}"
    return queue_page(moderator, message=f"{told}; each business was told by mail.")


@bp.route("/moderate/spaces/<id:space_id>", methods=["GET", "POST"])
@moderator_required
def review_space(moderator, space_id: int):
    """One premises: details, changes waiting, reports, duplicates, audit trail, decisions."""
    store = locator().store
    error = None
    if request.method == "POST":
        try:
            form = request.form
            moderation.decide(
                store,
                mailer(),
                moderator,
                space_id,
                form.get("action", ""),
                form.get("reason", ""),
                form.get("head_office", ""),
                base_url=links.base_url(),
                choices=field_choices(form),
                contact=contact_setting(),
            )
            return redirect(url_for("business.review_space", space_id=space_id))
        except SpaceNotFound:
            abort(404)
        except InvalidParameter as exc:
            error = exc
    try:
        found = moderation.review(store, moderator, space_id, locator().gazetteer)
    except SpaceNotFound:
        abort(404)
    row = found.space
    schedule = safe_schedule(row.opening_hours, row.nation)
    now = hours.local_time()
    return render_template(
        "moderate_space.html",
        moderator=moderator,
        space=row,
        reference=reference(space_id),
        checklist=found.checklist,
        stages_answered=checklist.by_stage(readiness.answers_for(store, row)),
        staff=staff_record(row),
        codewords=CODEWORDS,
        waiting=found.waiting,
        reports=found.reports,
        head_office=found.head_office,
        reasons=REPORT_REASONS,
        duplicates=found.duplicates,
        audit=found.audit,
        review=found,
        week=presenting.weekly_table(schedule, now) if schedule else [],
        hours_words=presenting.week_summary(schedule, now) if schedule else "",
        bank_holidays=presenting.bank_holiday_note(schedule, now) if schedule else "",
        facilities=presenting.facility_labels(row.facility_codes),
        shown_value=presenting.field_value,
        field_name=rules.field_name,
        moment=presenting.moment_words,
        error=error,
        map=map_for((row.lat, row.lon), 16, cluster=False, marker=(row.lat, row.lon)),
    ), (400 if error else 200)


def field_choices(form) -> dict[str, tuple[str, str]]:
    """Return the review form's choice ("apply" or "discard") and reason for each field."""
    fields = (name.removeprefix("change-") for name in form if name.startswith("change-"))
    return {
        name: (form.get(f"change-{name}", ""), form.get(f"reason-{name}", "")) for name in fields
    }


@bp.get("/moderate/statistics")
@moderator_required
def moderate_statistics(moderator):
    """Uses across the moderator's districts, with small counts hidden."""
    ids = locator().store.premises.ids_in_areas(moderator.codes)
    title = "Uses of safe spaces in your areas"
    return statistics_page(
        title, ids, "partnership-statistics", "/moderate/statistics", suppress=True
    )
