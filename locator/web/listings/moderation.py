"""Moderators: their queue, one premises at a time, their districts' statistics."""

from __future__ import annotations

from flask import (
    abort,
    redirect,
    render_template,
    request,
    url_for,
)

from locator.domain.errors import InvalidParameter, SpaceNotFound
from locator.domain.premises import reference
from locator.domain.vocabulary import CODEWORDS, REPORT_REASONS
from locator.listings import checklist, moderation, readiness
from locator.web import links
from locator.web.api import locator
from locator.web.listings.accounts import (
    moderator_required,
)
from locator.web.listings.blueprints import bp, mailer
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
    queue_page = moderation.moderation_queue(locator().store, moderator, int(page))
    return render_template(
        "moderate_queue.html",
        moderator=moderator,
        queue=queue_page,
        items=queue_page.items,
        reasons=REPORT_REASONS,
        reference=reference,
    )


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
            )
            return redirect(url_for("business.review_space", space_id=space_id))
        except SpaceNotFound:
            abort(404)
        except InvalidParameter as exc:
            error = exc.message
    try:
        found = moderation.review(store, moderator, space_id)
    except SpaceNotFound:
        abort(404)
    row = found.space
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
        error=error,
        map=map_for((row.lat, row.lon), 16, cluster=False, marker=(row.lat, row.lon)),
    ), (400 if error else 200)


@bp.get("/moderate/statistics")
@moderator_required
def moderate_statistics(moderator):
    """Uses across the moderator's districts, with small counts hidden."""
    ids = locator().store.premises.ids_in_areas(moderator.codes)
    title = "Uses of safe spaces in your areas"
    return statistics_page(
        title, ids, "partnership-statistics", "/moderate/statistics", suppress=True
    )
